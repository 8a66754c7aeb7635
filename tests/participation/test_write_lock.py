"""Every anonymous write of participation while another process holds SQLite's write lock past
the busy timeout: 503 with Retry-After (JSON on the API, the page with what was typed kept on the
forms) and nothing saved; the same request once the lock is free goes through."""

import uuid

import pytest

from participation.models import Pin, Proposal, Receipt
from tests.sqlite_lock import skip_unless_sqlite, write_lock_held_elsewhere
from tests.workshops.workshop_factories import WorkshopFactory

from .conftest import errors_of, post_json
from .factories import ApprovedProposalFactory
from .test_ideas import IDEA
from .test_pages import UNSAFE_AT_CASTLE_PARK as PIN_FORM
from .test_pages import receipt_in

pytestmark = pytest.mark.django_db(transaction=True)

PIN_API = {"feeling": "unsafe", "place": "castle-park", "reasons": ["poor-lighting"]}


@pytest.fixture(autouse=True)
def _sqlite_with_reference_data(reference_data):
    skip_unless_sqlite()
    from wagtail.models import Site

    from website.models import SafetySettings
    from website.site_tree import ensure_site_tree

    ensure_site_tree()
    # Wagtail creates a site's settings row on first use; a live site has it long before.
    SafetySettings.for_site(Site.objects.get(is_default_site=True))


def assert_busy_json(response):
    assert response.status_code == 503, response.content
    assert response["Retry-After"] == "5"
    assert response["Content-Type"].startswith("application/json")
    assert "body" in errors_of(response)


def assert_busy_page(response, *typed):
    assert response.status_code == 503, response.content[:300]
    assert response["Retry-After"] == "5"
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "We are very busy" in html
    for text in typed:
        assert text in html


# The API


@pytest.mark.parametrize(
    ("path", "body", "model"),
    [("/api/v1/pins", PIN_API, Pin), ("/api/v1/proposals", IDEA, Proposal)],
    ids=["pin", "idea"],
)
def test_api_submissions(client, path, body, model):
    key = str(uuid.uuid4())
    with write_lock_held_elsewhere():
        assert_busy_json(post_json(client, path, body, key=key))
    assert not model.objects.exists()
    assert post_json(client, path, body, key=key).status_code == 201


def test_api_support(client):
    proposal = ApprovedProposalFactory()
    before = proposal.supports.count()
    path = f"/api/v1/proposals/{proposal.pk}/support"
    with write_lock_held_elsewhere():
        assert_busy_json(client.post(path))
    assert proposal.supports.count() == before
    again = client.post(path)
    assert again.status_code == 200
    assert again.json()["supporters"] == before + 1


def test_api_receipt_delete(client):
    code = post_json(client, "/api/v1/pins", PIN_API).json()["receipt"]
    with write_lock_held_elsewhere():
        assert_busy_json(client.delete(f"/api/v1/receipts/{code}"))
    assert Pin.objects.count() == 1 and Receipt.objects.count() == 1
    again = client.delete(f"/api/v1/receipts/{code}")
    assert (again.status_code, again.json()) == (200, {"deleted": 1})
    assert not Pin.objects.exists()


# The forms


@pytest.mark.parametrize(
    ("path", "data", "model", "typed"),
    [
        ("/have-your-say/pin/", PIN_FORM, Pin, "Dark paths by the river.</textarea>"),
        ("/have-your-say/ideas/new/", IDEA, Proposal, "Nowhere to go when it gets dark."),
        ("workshop", PIN_FORM, Pin, "Dark paths by the river.</textarea>"),
    ],
    ids=["pin", "idea", "workshop-pin"],
)
def test_form_submissions(client, path, data, model, typed):
    if path == "workshop":
        path = f"/workshop/{WorkshopFactory().code}/"
    data = {**data, "idempotency_key": str(uuid.uuid4())}
    with write_lock_held_elsewhere():
        assert_busy_page(client.post(path, data), typed)
    assert not model.objects.exists()
    assert client.post(path, data).status_code == 201


def test_form_support(client):
    proposal = ApprovedProposalFactory()
    before = proposal.supports.count()
    path = f"/have-your-say/ideas/{proposal.pk}/support/"
    with write_lock_held_elsewhere():
        assert_busy_page(client.post(path))
    assert proposal.supports.count() == before
    assert client.post(path).status_code == 302
    assert proposal.supports.count() == before + 1


def test_form_receipt_delete(client):
    html = client.post(
        "/have-your-say/pin/", {**PIN_FORM, "idempotency_key": str(uuid.uuid4())}
    ).content.decode()
    code = receipt_in(html)
    delete = {"code": code, "action": "delete", "confirm": "yes"}
    with write_lock_held_elsewhere():
        # The code is kept in the page, so pressing the button again needs no retyping.
        assert_busy_page(client.post("/have-your-say/receipt/", delete), f'value="{code}"')
    assert Pin.objects.count() == 1
    again = client.post("/have-your-say/receipt/", delete)
    assert again.status_code == 200 and "Deleted for good" in again.content.decode()
    assert not Pin.objects.exists()
