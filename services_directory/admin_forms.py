"""Admin form tweaks for directory records."""

from django import forms

from wagtail.admin.forms import WagtailAdminModelForm

from .models import DAYS, TaxonomyTerm


class DayCheckboxes(forms.CheckboxSelectMultiple):
    """Edits HSDS `byday` ("MO,WE,SA") as seven checkboxes."""

    def __init__(self, attrs=None):
        super().__init__(attrs, choices=DAYS)

    def format_value(self, value):
        if isinstance(value, str):
            return [d.strip() for d in value.split(",") if d.strip()]
        return super().format_value(value)

    def value_from_datadict(self, data, files, name):
        days = super().value_from_datadict(data, files, name) or []
        order = [code for code, _ in DAYS]
        return ",".join(sorted(set(days), key=order.index))


class ServiceAdminForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        terms = self.fields.get("terms")
        if terms is not None:
            terms.queryset = TaxonomyTerm.objects.select_related("taxonomy").order_by(
                "taxonomy__name", "order", "name"
            )
            terms.label_from_instance = lambda term: f"{term.taxonomy.name}: {term.name}"

    def clean(self):
        data = super().clean()
        low, high = data.get("minimum_age"), data.get("maximum_age")
        if low is not None and high is not None and low > high:
            self.add_error("maximum_age", "The maximum age must not be below the minimum age.")
        return data
