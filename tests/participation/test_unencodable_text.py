"""A lone surrogate ("\\ud83d", valid in JSON, not encodable as UTF-8) in any field of the API or
the forms is refused as wrong input (400 naming the field), never a server error: the database
driver cannot even send such a value in a query."""

import pytest

from participation.forms import PinForm, PinPageForm, ProposalForm

from .conftest import errors_of, post_json
from .test_ideas import IDEA

pytestmark = pytest.mark.django_db

LONE = "\ud83d"
PIN = {"feeling": "safe", "place": "ashley-down"}


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("reasons", [LONE]),
        ("reasons", ["well-lit", LONE]),
        ("feeling", LONE),
        ("place", LONE),
        ("when", LONE),
        ("exercise", LONE),
        ("comment", LONE),
    ],
)
def test_a_lone_surrogate_in_a_pin_is_a_400_naming_the_field(client, field, value):
    response = post_json(client, "/api/v1/pins", {**PIN, field: value})
    assert response.status_code == 400, response.content
    assert field in errors_of(response)


@pytest.mark.parametrize("field", ["title", "what", "where", "when", "why"])
def test_a_lone_surrogate_in_an_idea_is_a_400_naming_the_field(client, field):
    response = post_json(client, "/api/v1/proposals", {**IDEA, field: LONE})
    assert response.status_code == 400, response.content
    assert field in errors_of(response)


def test_the_reason_message_says_which_reason_is_unknown(client):
    response = post_json(client, "/api/v1/pins", {**PIN, "reasons": [LONE]})
    assert "is not a reason we know" in errors_of(response)["reasons"]


@pytest.mark.parametrize(
    ("form_class", "data", "field"),
    [
        (PinForm, {**PIN, "reasons": [LONE]}, "reasons"),
        (
            PinPageForm,
            {"feeling": "unsafe", "place": "ashley-down", "reasons_unsafe": [LONE]},
            "reasons_unsafe",
        ),
        (
            PinPageForm,
            {"feeling": "safe", "place": "ashley-down", "reasons_safe": [LONE]},
            "reasons_safe",
        ),
        (PinPageForm, {"feeling": "safe", "place": LONE}, "place"),
        (ProposalForm, {**IDEA, "where": LONE}, "where"),
    ],
)
def test_every_choice_field_of_the_forms_refuses_a_lone_surrogate(form_class, data, field):
    # The HTML forms' bodies are decoded with replacement characters, so a lone surrogate only
    # arrives through JSON; the fields are checked directly so no transport can bring one in.
    form = form_class(data=data)
    assert not form.is_valid()
    assert field in form.errors
