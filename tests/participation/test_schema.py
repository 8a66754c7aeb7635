"""Anonymity is a property of the schema: no participation table can hold who someone is."""

import re

import pytest

from django.apps import apps
from django.db import connection

pytestmark = pytest.mark.django_db

FORBIDDEN = re.compile(
    r"(^|_)(ip|ips|ip_?address|remote_?addr|addr|address|user_?agent|ua|useragent|browser|"
    r"device|fingerprint_?js|email|phone|name|user|user_id|account|session|cookie|token|"
    r"latitude_raw|forwarded)($|_)",
    re.I,
)
# Columns that look close but hold no identity: what they hold is said next to each.
ALLOWED = {
    ("participation_idempotencyrecord", "fingerprint"),  # keyed hash of the submission's content
}


def participation_tables() -> list[str]:
    models = apps.get_app_config("participation").get_models(include_auto_created=True)
    return sorted({model._meta.db_table for model in models})


def test_no_participation_table_has_a_column_for_who_sent_it():
    tables = participation_tables()
    assert "participation_pin" in tables and "participation_proposal" in tables
    with connection.cursor() as cursor:
        for table in tables:
            for column in connection.introspection.get_table_description(cursor, table):
                if (table, column.name) in ALLOWED:
                    continue
                assert not FORBIDDEN.search(column.name), f"{table}.{column.name}"


def test_contributors_are_only_ever_keyed_hashes():
    from .factories import ApprovedPinFactory, SupportFactory

    pin = ApprovedPinFactory()
    support = SupportFactory()
    for value in (pin.contributor, support.contributor):
        assert re.fullmatch(r"[0-9a-f]{64}", value)
