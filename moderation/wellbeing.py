"""Moderators' wellbeing. Distressing text and photos are blurred until the moderator chooses to
see them; each choice is recorded, so a moderator sees how many distressing items they read
today and is offered a break after MODERATION_BREAK_AFTER. Leads see the count for their team;
nobody else sees anyone's."""

from datetime import datetime, time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.utils import timezone

from .models import Reveal
from .permissions import MODERATE, can_safeguard


def start_of_today(now=None):
    today = timezone.localtime(now or timezone.now()).date()
    return timezone.make_aware(datetime.combine(today, time.min))


def record_reveal(user, item) -> Reveal:
    """Once per item and moderator: the page stays revealed for them afterwards."""
    existing = Reveal.objects.filter(user=user, item_id=item.pk).first()
    if existing is not None:
        return existing
    return Reveal.objects.create(
        user=user, item_id=item.pk, distressing=item.distressing, at=timezone.now()
    )


def revealed(user, item) -> bool:
    return Reveal.objects.filter(user=user, item_id=item.pk).exists()


def read_today(user, now=None) -> int:
    """Distinct distressing items `user` chose to read since midnight."""
    since = start_of_today(now)
    return (
        Reveal.objects.distressing_since(since).filter(user=user).values("item_id").distinct()
    ).count()


def status(user, now=None) -> dict:
    count = read_today(user, now)
    limit = settings.MODERATION_BREAK_AFTER
    return {"read_today": count, "break_after": limit, "offer_break": count >= limit}


def team_today(viewer, now=None) -> list[dict]:
    """Each moderator's count today, for a safeguarding lead only."""
    if not can_safeguard(viewer):
        raise PermissionError("Only safeguarding leads see their team's reading.")
    since = start_of_today(now)
    app_label, codename = MODERATE.split(".")
    perm = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    )
    staff = (
        get_user_model()
        .objects.filter(Q(is_active=True) & (perm | Q(is_superuser=True)))
        .distinct()
        .order_by("username")
    )
    counts = dict(
        Reveal.objects.distressing_since(since)
        .values("user")
        .annotate(n=Count("item_id", distinct=True))
        .values_list("user", "n")
    )
    limit = settings.MODERATION_BREAK_AFTER
    return [
        {
            "user": user,
            "read_today": counts.get(user.pk, 0),
            "over": counts.get(user.pk, 0) >= limit,
        }
        for user in staff
    ]
