"""What the community map publishes, and who took it away.

A `Release` is one calendar month's published aggregate for one choice of filters, stored the
first time it is built and never rebuilt: later approvals, deletions or moderation decisions about
that month cannot change it, so two releases of the same month can never be subtracted to reveal a
small count. Every public or partnership figure is computed from releases alone."""

from django.conf import settings
from django.db import models


class ReleaseQuerySet(models.QuerySet):
    def for_rules(self):
        """Releases built under the privacy rules in force now (a changed threshold or rounding
        starts a new series instead of serving figures built under the old rule)."""
        return self.filter(
            min_contributors=settings.MAP_MIN_CONTRIBUTORS,
            rounding=settings.MAP_COUNT_ROUNDING,
        )


class Release(models.Model):
    period = models.CharField(max_length=7, help_text="The calendar month, YYYY-MM.")
    exercise = models.CharField(max_length=80, blank=True, help_text="Exercise slug; blank: all.")
    feeling = models.CharField(max_length=10, blank=True)
    when = models.CharField(max_length=20, blank=True)
    min_contributors = models.PositiveSmallIntegerField()
    rounding = models.PositiveSmallIntegerField()
    # The month's published cells as canonical JSON (sorted keys, no spaces): what every figure
    # built from this month adds up. Never rewritten.
    body = models.TextField()
    digest = models.CharField(max_length=64, help_text="SHA-256 of the body.")
    cells = models.PositiveIntegerField(help_text="Published cells.")
    # Demo pins are synthetic: releases built over them go when the demo pins go.
    includes_demo = models.BooleanField(default=False, db_index=True)
    built_at = models.DateTimeField(auto_now_add=True)

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["period", "exercise", "feeling", "when"]
        constraints = [
            models.UniqueConstraint(
                fields=["period", "exercise", "feeling", "when", "min_contributors", "rounding"],
                name="one_release_per_month_and_filters",
            )
        ]
        permissions = [
            ("view_partnership_reports", "Can see the community map's partnership reports"),
            ("export_map_data", "Can export the community map's published aggregates"),
        ]

    def __str__(self):
        filters = ", ".join(f for f in (self.exercise, self.feeling, self.when) if f) or "all"
        return f"community map {self.period} ({filters})"


class ExportFormat(models.TextChoices):
    CSV = "csv", "CSV"
    GEOJSON = "geojson", "GeoJSON"
    REPORT = "report", "Printable report"
    # coproduction's per area and month figures (suggestions, young people's views), as CSV.
    ASSET_MAP = "asset-map", "Asset map figures (CSV)"


class MapExport(models.Model):
    """The audit of exports: who took which published figures away, and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Kept apart from the account, so the record still says who after an account is removed.
    username = models.CharField(max_length=150)
    format = models.CharField(max_length=10, choices=ExportFormat.choices)
    query = models.JSONField(default=dict, help_text="The filters and months exported.")
    cells = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = "community map export"

    def __str__(self):
        return f"{self.get_format_display()} by {self.username} at {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def description(self) -> str:
        parts = [f"{key} {value}" for key, value in sorted(self.query.items()) if value]
        return ", ".join(parts) or "everything published"
