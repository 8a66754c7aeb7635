"""What the EFH page types share: who a page is for, its topics, and when it was last reviewed."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index


def today() -> date:
    return timezone.localdate()


def a_year_from_today() -> date:
    return today() + timedelta(days=settings.EFH_REVIEW_INTERVAL_DAYS)


class Audience(models.TextChoices):
    YOUNG_PEOPLE = "young-people", "Young people"
    PARENTS = "parents", "Parents and carers"
    PROFESSIONALS = "professionals", "Professionals"


# One boolean per audience: a page is often for more than one, and staff tick boxes.
AUDIENCE_FIELDS = {
    Audience.YOUNG_PEOPLE: "for_young_people",
    Audience.PARENTS: "for_parents",
    Audience.PROFESSIONALS: "for_professionals",
}


class AudienceMixin(models.Model):
    for_young_people = models.BooleanField("Young people", default=False)
    for_parents = models.BooleanField("Parents and carers", default=False)
    for_professionals = models.BooleanField("Professionals", default=False)

    audience_panel = MultiFieldPanel(
        [FieldPanel(name) for name in AUDIENCE_FIELDS.values()],
        heading="Who is this for?",
        help_text="Listed under each audience ticked on the EFH section's front page.",
    )
    audience_search_fields = [index.FilterField(name) for name in AUDIENCE_FIELDS.values()]

    class Meta:
        abstract = True

    @property
    def audiences(self) -> list[Audience]:
        return [audience for audience, name in AUDIENCE_FIELDS.items() if getattr(self, name)]

    def clean(self):
        super().clean()
        if not self.audiences:
            raise ValidationError(
                {"for_professionals": "Tick at least one audience: who is this page for?"}
            )


class ReviewDatesMixin(models.Model):
    """Guidance goes stale: every page says when it was checked and when it must be checked again.
    Pages past `next_review_due` are listed on the staff dashboard."""

    last_reviewed = models.DateField(default=today)
    next_review_due = models.DateField(default=a_year_from_today)

    review_panel = FieldRowPanel(
        [FieldPanel("last_reviewed"), FieldPanel("next_review_due")], heading="Review"
    )

    class Meta:
        abstract = True

    @property
    def review_overdue(self) -> bool:
        return self.next_review_due < today()

    def clean(self):
        super().clean()
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due <= self.last_reviewed
        ):
            raise ValidationError(
                {"next_review_due": "The next review must be due after the last review."}
            )
        if self.last_reviewed and self.last_reviewed > today():
            raise ValidationError({"last_reviewed": "The last review cannot be in the future."})


def reviewed_page_models() -> list[type]:
    from django.apps import apps

    return [
        model
        for model in apps.get_app_config("efh").get_models()
        if issubclass(model, ReviewDatesMixin)
    ]


def pages_due_for_review(on: date | None = None, pages=None) -> list:
    """Live pages whose next review date has passed, oldest first. `pages` (a Page queryset, e.g.
    the pages a user may edit) narrows the search."""
    on = on or today()
    due = []
    for model in reviewed_page_models():
        queryset = model.objects.live().filter(next_review_due__lt=on)
        if pages is not None:
            queryset = queryset.filter(pk__in=pages.values("pk"))
        due.extend(queryset)
    return sorted(due, key=lambda page: (page.next_review_due, page.title))


class FilterFormPageMixin:
    """For a page whose context holds a bound `filter_form`: a filter it cannot apply is a 400, with
    the form's own message on the page, rather than a quietly unfiltered list."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        form = (getattr(response, "context_data", None) or {}).get("filter_form")
        if form is not None and form.is_bound and not form.is_valid():
            response.status_code = 400
        return response
