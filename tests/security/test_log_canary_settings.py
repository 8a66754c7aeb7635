"""The log canary under each settings module a server runs with (dev for `make run`, production,
and the test settings): a receipt code and coordinates in a 404 path are masked in everything any
handler writes, Django's and uvicorn's own default handlers included, and each line is written once.

Each settings module is loaded in a fresh process, as a server starts: uvicorn's logging first
(it configures its own before loading the application), then Django's."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CODE = "maple-otter-kite-48"
LAT, LNG = "51.4571234", "-2.5912345"
PATH = f"/api/v1/receipts/{CODE}/{LAT},{LNG}"

SERVER = f"""
import logging, logging.config
from uvicorn.config import LOGGING_CONFIG
logging.config.dictConfig(LOGGING_CONFIG)
import django
django.setup()
from django.http import HttpResponseNotFound
from django.test import RequestFactory
from django.utils.log import log_response

path = {PATH!r}
# What Django logs for a 404 (django.request), and what the servers log for the same request.
log_response("Not Found: %s", path, response=HttpResponseNotFound(), request=RequestFactory().get(path))
logging.getLogger("django.channels.server").warning("HTTP GET %s 404 [0.01, 127.0.0.1:5000]", path)
logging.getLogger("django.server").warning('"GET %s HTTP/1.1" 404 179', path)
logging.getLogger("uvicorn.error").warning("Exception in ASGI application for %s", path)
logging.getLogger("uvicorn.access").warning('127.0.0.1:5000 - "GET %s HTTP/1.1" 404', path)
"""


def run_server_logging(settings_module: str, tmp_path, **env) -> str:
    environment = {
        **{k: v for k, v in os.environ.items() if k not in ("REDIS_URL", "DATABASE_URL")},
        "DJANGO_SETTINGS_MODULE": settings_module,
        "VAR_DIR": str(tmp_path),
        **env,
    }
    done = subprocess.run(
        [sys.executable, "-c", SERVER],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout + done.stderr


@pytest.mark.parametrize(
    ("settings_module", "env"),
    [
        ("website.settings.dev", {"DEBUG": "1"}),
        (
            "website.settings.production",
            {
                "SECRET_KEY": "canary-secret-key-0123456789abcdefghijklmnopqrstuvwxyz",
                "CONTRIBUTOR_HASH_KEY": "canary-hash-key-0123456789abcdefghijklmnopqrstuvwxyz",
                "ALLOWED_HOSTS": "saferplaces.example",
                "DATABASE_URL": "sqlite:////nonexistent/canary.sqlite3",
                # Required by production; nothing here connects to it.
                "REDIS_URL": "redis://127.0.0.1:6379/15",
            },
        ),
        ("website.settings.test", {}),
    ],
    ids=["dev", "production", "test"],
)
def test_codes_and_coordinates_in_a_404_path_never_reach_any_handler(
    settings_module, env, tmp_path
):
    written = run_server_logging(settings_module, tmp_path, **env)
    assert "[receipt]" in written, f"nothing was logged: the canary would be blind\n{written}"
    for secret in (CODE, LAT, LNG, "4571234", "5912345", "127.0.0.1"):
        assert secret not in written, f"{secret} written in clear:\n{written}"
    # Each of the five lines once: no handler writes a second copy of a line.
    assert written.count("[receipt]") == 5, written
