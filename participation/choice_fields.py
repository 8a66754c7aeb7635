"""Choice fields whose values are looked up in the database, safe against text the database
driver cannot encode.

JSON may carry a lone surrogate ("\\ud83d"); Django's ModelMultipleChoiceField sends the values it
is given straight into an `IN (...)` query, where the driver fails with UnicodeEncodeError (a
500). Such a value can never be one of the choices, so it is refused as an unknown choice first."""

from django import forms
from django.core.exceptions import ValidationError


def encodable(value) -> bool:
    if not isinstance(value, str):
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(value: str) -> str:
    """The value as it can be written back in an error message: "\\ud83d", not the raw code."""
    return value.encode("utf-8", "backslashreplace").decode("utf-8")


class SlugsField(forms.ModelMultipleChoiceField):
    def clean(self, value):
        if isinstance(value, list | tuple):
            for item in value:
                if not encodable(item):
                    raise ValidationError(
                        self.error_messages["invalid_choice"],
                        code="invalid_choice",
                        params={"value": shown(item)},
                    )
        return super().clean(value)
