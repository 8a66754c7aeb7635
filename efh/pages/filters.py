"""Filters people apply to EFH listings through the query string. Unknown values are answered with
a specific message and a 400, never ignored silently or a 500."""

from django import forms

from .action_plan import RAGStatus
from .common import AUDIENCE_FIELDS, Audience


class _ChoicesFromObjects(forms.ChoiceField):
    def __init__(self, objects, all_label, **kwargs):
        choices = [("", all_label)] + [(obj.slug, obj.name) for obj in objects]
        super().__init__(choices=choices, required=False, **kwargs)


class ActionPlanFilterForm(forms.Form):
    theme = forms.ChoiceField(required=False)
    status = forms.ChoiceField(
        required=False, choices=[("", "All statuses"), *RAGStatus.choices], label="Status"
    )

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.themes = list(themes)
        self.fields["theme"] = _ChoicesFromObjects(self.themes, "All themes", label="Theme")

    def filter(self, proposals: list) -> list:
        theme = self.cleaned_data.get("theme")
        status = self.cleaned_data.get("status")
        return [
            proposal
            for proposal in proposals
            if (not theme or proposal.theme.slug == theme)
            and (not status or proposal.status == status)
        ]


class GuidanceFilterForm(forms.Form):
    audience = forms.ChoiceField(
        required=False, choices=[("", "Everyone"), *Audience.choices], label="Who it is for"
    )
    topic = forms.ChoiceField(required=False)

    def __init__(self, *args, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = list(topics)
        self.fields["topic"] = _ChoicesFromObjects(self.topics, "All topics", label="Topic")

    def filter(self, pages):
        """Narrows a GuidancePage queryset."""
        audience = self.cleaned_data.get("audience")
        topic = self.cleaned_data.get("topic")
        if audience:
            pages = pages.filter(**{AUDIENCE_FIELDS[Audience(audience)]: True})
        if topic:
            pages = pages.filter(topics__slug=topic)
        return pages

    @property
    def is_filtering(self) -> bool:
        return self.is_bound and self.is_valid() and any(self.cleaned_data.values())
