"""A database too busy to take the write (SQLite's "database is locked" when a class pins at
once): every form answers 503 with Retry-After, keeps what was typed, saves nothing, and the
same Send a few seconds later goes through."""

import uuid

import pytest

from django.db import OperationalError

from participation.models import Pin, Proposal
from tests.workshops.workshop_factories import WorkshopFactory

from .test_ideas import IDEA
from .test_pages import UNSAFE_AT_CASTLE_PARK as PIN

pytestmark = pytest.mark.django_db


def _pin_form():
    return "/have-your-say/pin/", Pin, PIN, "Dark paths by the river.</textarea>"


def _idea_form():
    return "/have-your-say/ideas/new/", Proposal, IDEA, "Nowhere to go when it gets dark."


def _workshop_form():
    path = f"/workshop/{WorkshopFactory().code}/"
    return path, Pin, PIN, "Dark paths by the river.</textarea>"


@pytest.mark.parametrize(
    "form", [_pin_form, _idea_form, _workshop_form], ids=["pin", "idea", "workshop-pin"]
)
def test_a_locked_database_answers_503_with_retry_after_and_keeps_the_form(
    client, home_page, monkeypatch, form
):
    path, model, data, typed = form()
    data = {**data, "idempotency_key": str(uuid.uuid4())}
    save = model.save

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(model, "save", locked)
    response = client.post(path, data)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    html = response.content.decode()
    assert "We are very busy: your answers were not saved yet." in html
    assert typed in html
    assert not model.objects.exists()
    # Nothing was claimed for good: the same Send once the database is free goes through.
    monkeypatch.setattr(model, "save", save)
    assert client.post(path, data).status_code == 201
    assert model.objects.count() == 1
