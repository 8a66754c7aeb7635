"""Every kind of contribution moderation holds keeps moderation's protocol: a missing method is a
500 on the queue the day the first item of that kind arrives (it was, for listing reports)."""

import inspect

from django.apps import apps

from moderation.contributions import Moderatable

PROTOCOL = [
    name
    for name, member in inspect.getmembers(Moderatable, inspect.isfunction)
    if not name.startswith("_")
]


def contribution_models():
    return [model for model in apps.get_models() if getattr(model, "moderation_kind", "")]


def test_the_protocol_is_known_and_contributions_are_found():
    assert {"moderation_text", "moderation_headline", "moderation_summary"} <= set(PROTOCOL)
    kinds = {model.moderation_kind for model in contribution_models()}
    assert {"pin", "proposal", "listing-report", "service-view"} <= kinds


def test_every_contribution_model_keeps_the_protocol():
    missing = {
        model.__name__: [name for name in PROTOCOL if not callable(getattr(model, name, None))]
        for model in contribution_models()
    }
    assert {name: gaps for name, gaps in missing.items() if gaps} == {}
