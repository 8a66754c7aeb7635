"""Production settings refuse to start without their variables, and pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "CONTRIBUTOR_HASH_KEY": "a-long-random-production-hash-key-0123456789-abcdefghijklmnopqrstuvwx",
    "ALLOWED_HOSTS": "saferplaces.example.org",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_manage(*args, env_extra=None):
    env = {k: v for k, v in os.environ.items() if k not in PRODUCTION_ENV}
    env["DJANGO_SETTINGS_MODULE"] = "website.settings.production"
    env.update(env_extra or {})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", sorted(PRODUCTION_ENV))
def test_production_refuses_to_start_without_each_variable(missing):
    env_extra = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = run_manage("check", env_extra=env_extra)
    assert result.returncode != 0
    assert "Production settings need these environment variables" in result.stderr
    assert missing in result.stderr


def test_production_refuses_empty_variables():
    result = run_manage("check", env_extra={**PRODUCTION_ENV, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_passes_the_deploy_checks_without_the_demo_app():
    installed = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.apps import apps; print(apps.is_installed('demo'), apps.is_installed('efh'))",
        env_extra=PRODUCTION_ENV,
    )
    assert installed.stdout.split() == ["False", "True"], installed.stdout + installed.stderr
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env_extra=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_offers_no_demo_commands():
    result = run_manage("help", "--commands", env_extra=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    commands = result.stdout.split()
    assert "ensure_admin" in commands
    assert "seed_demo" not in commands
    assert "remove_demo_pins" not in commands


def test_development_and_tests_have_the_demo_app():
    from django.apps import apps

    assert apps.is_installed("demo")


def test_empty_database_url_means_the_embedded_default():
    from website.settings.env import database_from_env

    os.environ["DATABASE_URL"] = ""
    try:
        config = database_from_env("/tmp/x.sqlite3")
    finally:
        del os.environ["DATABASE_URL"]
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"


@pytest.mark.django_db
def test_sqlite_runs_in_wal_mode_with_a_busy_timeout():
    if connection.vendor != "sqlite":
        pytest.skip("SQLite pragmas apply to the embedded default only")
    with connection.cursor() as cursor:
        assert cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert cursor.execute("PRAGMA busy_timeout").fetchone()[0] == 5000


def test_channel_layer_follows_redis_url():
    backend = settings.CHANNEL_LAYERS["default"]["BACKEND"]
    if os.environ.get("REDIS_URL"):
        assert backend == "channels_redis.pubsub.RedisPubSubChannelLayer"
    else:
        assert backend == "channels.layers.InMemoryChannelLayer"
