"""The places-of-concern audit is append-only in the ORM everywhere and, on PostgreSQL, at the
database too: a forged or removed entry is refused even outside Django."""

import pytest

from django.db import connection, transaction

from concerns import audit
from concerns.choices import AuditAction
from concerns.models import ConcernAudit, ImmutableAuditError

from .factories import ConcernReportFactory

pytestmark = pytest.mark.django_db


def test_the_orm_refuses_to_change_or_remove_an_entry(coordinator):
    entry = audit.record(
        AuditAction.OPENED_REPORT, actor=coordinator, report=ConcernReportFactory()
    )
    entry.detail = "changed"
    with pytest.raises(ImmutableAuditError):
        entry.save()
    with pytest.raises(ImmutableAuditError):
        ConcernAudit.objects.filter(pk=entry.pk).update(detail="changed")
    with pytest.raises(ImmutableAuditError):
        ConcernAudit.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_the_database_refuses_update_and_delete(coordinator):
    entry = audit.record(
        AuditAction.OPENED_REPORT, actor=coordinator, report=ConcernReportFactory()
    )
    for sql in (
        "UPDATE concerns_concernaudit SET action = 'deleted' WHERE id = %s",
        "UPDATE concerns_concernaudit SET detail = 'forged' WHERE id = %s",
        "UPDATE concerns_concernaudit SET actor_name = 'someone else' WHERE id = %s",
        "UPDATE concerns_concernaudit SET report_id = NULL WHERE id = %s",
        "DELETE FROM concerns_concernaudit WHERE id = %s",
    ):
        with (
            pytest.raises(Exception, match="cannot be"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [entry.pk])
    assert ConcernAudit.objects.filter(pk=entry.pk, detail="").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger is PostgreSQL's")
def test_deleting_a_coordinator_keeps_their_entries_under_their_name(coordinator):
    entry = audit.record(
        AuditAction.OPENED_REPORT, actor=coordinator, report=ConcernReportFactory()
    )
    name = coordinator.get_username()
    coordinator.delete()
    kept = ConcernAudit.objects.get(pk=entry.pk)
    assert (kept.actor_id, kept.actor_name) == (None, name)
