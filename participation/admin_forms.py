"""Forms of participation's admin views."""

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm

from .models import Proposal


class PublishedIdeaChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, proposal):
        title, _ = proposal.public_words()
        return f"{title} ({proposal.get_area_display()})"


class OutcomeForm(WagtailAdminModelForm):
    """Editors link outcomes to ideas by their published titles only: the original words of an
    idea stay with moderators."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["proposals"]
        self.fields["proposals"] = PublishedIdeaChoiceField(
            queryset=Proposal.objects.published().select_related("moderation"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            label=field.label,
            help_text=field.help_text,
        )


class ProposalAnswerForm(WagtailAdminModelForm):
    def clean(self):
        data = super().clean()
        if data.get("status") == "not-possible" and not (data.get("status_reason") or "").strip():
            self.add_error(
                "status_reason", "Say why it is not possible: young people will read it."
            )
        return data
