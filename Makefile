# Safer Places Bristol. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= website.settings.dev
# The project's templates and every app's own templates/ folder.
TEMPLATE_DIRS := templates $(wildcard */templates)

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	touch $@

install: $(VENV)/.installed ## Create .venv from the lock file (only when the lock changed)

run: install ## Migrate, load demo content the first time, print the admin sign-in, serve on :8000
	@mkdir -p var
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo --first-run
	$(PY) manage.py ensure_admin --url http://127.0.0.1:$(PORT)/admin/
	@echo "Serving on http://127.0.0.1:$(PORT)/ (Ctrl-C to stop)"
	$(VENV)/bin/uvicorn website.asgi:application --host 127.0.0.1 --port $(PORT) --lifespan off

test: install ## The whole suite: unit, API and websocket tests, then the browser journeys
	@bash scripts/test.sh

bench: install ## The benchmarks under bench/, printing a table of figures
	$(PY) -m bench

lint: install ## ruff check, ruff format --check, djhtml --check over the templates, and the import layers (lint-imports)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $(TEMPLATE_DIRS)
	$(VENV)/bin/lint-imports --no-cache

format: install ## Apply ruff's fixes and formatting, and djhtml's indentation to the templates
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $(TEMPLATE_DIRS)

lock: ## Re-resolve requirements.lock from pyproject.toml (needs uv: pip install uv)
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock

.PHONY: help install run test bench lint format lock
