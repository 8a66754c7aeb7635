"""Background tasks (django-tasks, on the "moderation" backend alias: the database queue and its
worker in production, at once after the commit in development and tests)."""

from django_tasks import task


@task(backend="moderation")
def deliver_alert(alert_id: int) -> bool:
    """Queued after the commit that raised the alert, so delivery never runs inside, slows or
    fails the contributor's request. If it never runs, the minute job delivers the alert."""
    from .safeguarding import deliver

    return deliver(alert_id)
