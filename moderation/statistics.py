"""Public monthly moderation statistics: received, approved, rejected by reason. Counted from
the audit (which outlives deleted contributions), never showing any content; counts under
MODERATION_STATS_MIN_COUNT are shown as "fewer than N" and the rest rounded, so no small group
of contributions can be told apart."""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils import timezone

from .models import AuditAction, AuditEntry, RejectionReason

COUNTED = (AuditAction.SUBMITTED, AuditAction.APPROVED, AuditAction.REJECTED)


def public_count(n: int) -> str:
    minimum = settings.MODERATION_STATS_MIN_COUNT
    if n == 0:
        return "0"
    if n < minimum:
        return f"fewer than {minimum}"
    step = settings.MAP_COUNT_ROUNDING
    return f"{max(minimum, step * round(n / step)):,}"


@dataclass
class Month:
    month: date
    received: int = 0
    approved: int = 0
    rejected: dict[str, int] = field(default_factory=dict)

    @property
    def rejected_total(self) -> int:
        return sum(self.rejected.values())

    @property
    def current(self) -> bool:
        today = timezone.localdate()
        return (self.month.year, self.month.month) == (today.year, today.month)

    def as_public(self) -> dict:
        reasons = [
            {"reason": reason, "label": label, "count": public_count(self.rejected.get(reason, 0))}
            for reason, label in RejectionReason.choices
        ]
        return {
            "month": self.month.strftime("%Y-%m"),
            "label": self.month.strftime("%B %Y") + (" (so far)" if self.current else ""),
            "received": public_count(self.received),
            "approved": public_count(self.approved),
            "rejected": public_count(self.rejected_total),
            "rejected_by_reason": reasons,
        }


def _months_back(today: date, count: int) -> list[date]:
    year, month, out = today.year, today.month, []
    for _ in range(count):
        out.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return out


def monthly_statistics(months: int = 12) -> list[Month]:
    """The last `months` calendar months, newest first."""
    today = timezone.localdate()
    slots = {m: Month(m) for m in _months_back(today, months)}
    oldest = min(slots)
    since = timezone.make_aware(timezone.datetime(oldest.year, oldest.month, 1))
    rows = (
        AuditEntry.objects.filter(action__in=COUNTED, at__gte=since)
        .annotate(month=TruncMonth("at"))
        .values("month", "action", "reason")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        month = row["month"]
        key = date(month.year, month.month, 1)
        slot = slots.get(key)
        if slot is None:
            continue
        if row["action"] == AuditAction.SUBMITTED:
            slot.received += row["n"]
        elif row["action"] == AuditAction.APPROVED:
            slot.approved += row["n"]
        else:
            reason = row["reason"] or RejectionReason.OTHER
            slot.rejected[reason] = slot.rejected.get(reason, 0) + row["n"]
    return [slots[m] for m in sorted(slots, reverse=True)]
