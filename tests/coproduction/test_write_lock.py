"""Suggesting a place or activity while another process holds SQLite's write lock past the busy
timeout: 503 with Retry-After, the page with what was typed, nothing saved; the same Send (same
idempotency key) once the lock is free goes through, once."""

import uuid

import pytest

from django.urls import reverse

from coproduction.models import Suggestion
from tests.sqlite_lock import skip_unless_sqlite, write_lock_held_elsewhere

from .test_suggestions import FORM

pytestmark = pytest.mark.django_db(transaction=True)


def ensure_reference_data_and_site():
    """The gazetteer and the site tree, back after the transactional flush."""
    from wagtail.models import Site

    from tests.participation.factories import ensure_reference_data
    from website.models import SafetySettings
    from website.site_tree import ensure_site_tree

    ensure_reference_data()
    ensure_site_tree()
    SafetySettings.for_site(Site.objects.get(is_default_site=True))


def test_suggest_a_place(client):
    skip_unless_sqlite()
    ensure_reference_data_and_site()
    data = {**FORM, "idempotency_key": str(uuid.uuid4())}
    with write_lock_held_elsewhere():
        response = client.post(reverse("coproduction:suggest"), data)
    assert response.status_code == 503, response.content[:300]
    assert response["Retry-After"] == "5"
    assert "The coaches are kind and it is free." in response.content.decode()
    assert not Suggestion.objects.exists()
    assert client.post(reverse("coproduction:suggest"), data).status_code == 201
    assert client.post(reverse("coproduction:suggest"), data).status_code == 200  # the retry
    assert Suggestion.objects.count() == 1


def test_give_a_view_of_a_service(client):
    skip_unless_sqlite()
    from coproduction.models import ServiceView
    from tests.services_directory.factories import ServiceFactory

    from .factories import default_stand_outs
    from .test_service_views import FORM as VIEW_FORM

    ensure_reference_data_and_site()
    default_stand_outs()
    service = ServiceFactory(name="Riverside Youth Club")
    url = reverse("coproduction:give_view", args=[service.slug])
    data = {**VIEW_FORM, "comment": "Kind staff.", "idempotency_key": str(uuid.uuid4())}
    with write_lock_held_elsewhere():
        response = client.post(url, data)
    assert response.status_code == 503, response.content[:300]
    assert response["Retry-After"] == "5"
    assert "Kind staff.</textarea>" in response.content.decode()
    assert not ServiceView.objects.exists()
    assert client.post(url, data).status_code == 201
    assert client.post(url, data).status_code == 200  # the retry
    assert ServiceView.objects.count() == 1
