"""A database made by the first wave (before the restructure moved models between apps) upgrades
with `migrate` and keeps every page, pin, service and audit row.

The fixture is an SQL dump of a SQLite database made at commit ba621a9 (the last commit before the
restructure): `migrate`, `seed_demo`, then one workshop with one pin. It is loaded into a scratch
file and migrated by a separate `manage.py` process, as an operator upgrading would do; the checks
then run in another process against the migrated file."""

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DUMP = ROOT / "tests" / "fixtures" / "first_wave_database.sql.gz"

# Tables as the first wave named them, and what each must still hold after the upgrade.
FIRST_WAVE_COUNTS = {
    "wagtailcore_page": "pages",
    "wagtailcore_revision": "revisions",
    "participation_pin": "pins",
    "services_directory_service": "services",
    "services_directory_namedplace": "places",
    "moderation_moderationitem": "moderation items",
    "moderation_auditentry": "audit entries",
    "participation_exercise": "exercises",
    "participation_workshop": "workshops",
    "participation_proposal": "proposals",
}

CHECK_SCRIPT = r"""
import json
from django.apps import apps
from django.test import Client
from wagtail.models import Page, Revision, WorkflowState

def count(app_model):
    return apps.get_model(app_model).objects.count()

def model_for(table):
    for model in apps.get_models():
        if model._meta.db_table == table:
            return model._meta.label
    return None

tables = __TABLES__
out = {"counts": {}, "models": {}}
for table in tables:
    label = model_for(table)
    out["models"][table] = label
    if label:
        out["counts"][table] = count(label)
    else:
        # Wagtail's own tables keep their models; a table nobody owns any more is a lost model.
        out["counts"][table] = None

broken = [page.pk for page in Page.objects.all() if page.specific_class is None]
out["pages_without_type"] = broken
out["revisions_unresolved"] = [
    revision.pk for revision in Revision.objects.all() if revision.content_type.model_class() is None
]
client = Client()
statuses = {}
for page in Page.objects.live().filter(depth__gt=1).specific():
    url = page.get_url()
    if url:
        statuses[url] = client.get(url, HTTP_HOST="127.0.0.1").status_code
out["page_statuses"] = statuses
out["groups"] = sorted(apps.get_model("auth.Group").objects.values_list("name", flat=True))
print("RESULT " + json.dumps(out))
"""


def _first_wave_database(path: Path) -> dict:
    with gzip.open(DUMP, "rt", encoding="utf-8") as dump:
        script = dump.read()
    connection = sqlite3.connect(path)
    connection.executescript(script)
    counts = {
        table: connection.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
        for table in FIRST_WAVE_COUNTS
    }
    connection.close()
    return counts


def _manage(args: list[str], db: Path, var: Path, stdin: str = "") -> str:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(
        DATABASE_URL=f"sqlite:///{db}",
        DJANGO_SETTINGS_MODULE="website.settings.dev",
        VAR_DIR=str(var),
        DEBUG="false",
    )
    finished = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert finished.returncode == 0, finished.stdout[-3000:] + finished.stderr[-3000:]
    return finished.stdout


def test_a_first_wave_database_upgrades_and_keeps_every_row(tmp_path):
    db = tmp_path / "first-wave.sqlite3"
    before = _first_wave_database(db)
    assert before["participation_pin"] > 3000 and before["participation_workshop"] == 1

    _manage(["migrate", "--no-input", "-v0"], db, tmp_path)
    script = CHECK_SCRIPT.replace("__TABLES__", repr(list(FIRST_WAVE_COUNTS)))
    output = _manage(["shell", "--no-imports"], db, tmp_path, stdin=script)
    result = json.loads(output.split("RESULT ", 1)[1])

    for table, what in FIRST_WAVE_COUNTS.items():
        assert result["models"][table], f"no model owns the {what} table {table} any more"
        assert result["counts"][table] == before[table], (table, result["counts"][table])
    assert result["pages_without_type"] == []
    assert result["revisions_unresolved"] == []
    assert result["page_statuses"] and set(result["page_statuses"].values()) == {200}, result[
        "page_statuses"
    ]
    assert {"Editors", "Moderators", "Safeguarding leads"} <= set(result["groups"])
