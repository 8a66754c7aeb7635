"""Contributions as moderation sees them (moderation/contributions.py), the after-commit signal,
and the confirmation that shows immediate help when the scan flags a text."""

import re
import uuid

import pytest

from moderation.models import ModerationItem, ModerationStatus
from participation.models import Pin, Proposal
from participation.services import PinSubmission, create_pin, submit_pin
from participation.signals import contribution_committed
from places.geo import cell_centre
from places.models import NamedPlace

from .factories import (
    ApprovedPinFactory,
    PinFactory,
    ProposalFactory,
    contributor_hash,
    ensure_reference_data,
)
from .test_pages import UNSAFE_AT_CASTLE_PARK


@pytest.fixture
def committed():
    seen = []

    def receiver(sender, instance, kind, **kwargs):
        seen.append((sender, instance.pk, kind))

    contribution_committed.connect(receiver)
    yield seen
    contribution_committed.disconnect(receiver)


def a_submission(**changes) -> PinSubmission:
    place = NamedPlace.objects.get(slug="broadmead")
    fields = {
        "feeling": "unsafe",
        "lat": place.lat,
        "lng": place.lng,
        "location_source": "place",
        "place": place,
        "comment": "Someone follows us home.",
    }
    return PinSubmission(**{**fields, **changes})


@pytest.mark.django_db
def test_a_pin_speaks_the_moderation_protocol():
    pin = PinFactory(comment="Call 07700 900123", when="night", photo="photos/x.jpg")
    summary = pin.moderation_summary()
    assert pin.moderation_text() == "Call 07700 900123"
    assert summary["title"].startswith("Unsafe place")
    assert ("Comment", "Call 07700 900123") in summary["fields"]
    assert ("When", "Night") in summary["fields"]
    assert (summary["lat"], summary["lng"]) == (pin.lat, pin.lng)
    assert pin.moderation_photo_path().endswith("photos/x.jpg")
    assert pin.moderation.contribution == pin


@pytest.mark.django_db
def test_a_moderator_reads_where_a_pin_is_in_words():
    ensure_reference_data()
    easton = NamedPlace.objects.get(slug="easton")
    chosen = PinFactory(place=easton, location_source="place", lat=easton.lat, lng=easton.lng)
    tapped = PinFactory(location_source="map", lat=easton.lat + 0.001, lng=easton.lng)
    located = PinFactory(location_source="geolocation", lat=easton.lat, lng=easton.lng + 0.001)
    where = {pin: dict(pin.moderation_summary()["fields"])["Where"] for pin in (chosen, tapped)}
    assert where[chosen] == "Easton (a named place they chose)"
    assert where[tapped] == "A point they put on the map, 0.1 miles from Easton"
    assert dict(located.moderation_summary()["fields"])["Where"].startswith(
        "Their phone's location, 0.0 miles from Easton"
    )
    assert tapped.moderation_summary()["title"] == "Unsafe place near Easton"
    for pin in (chosen, tapped, located):
        assert "crosshair" not in str(pin.moderation_summary())


@pytest.mark.django_db
def test_a_decided_pin_keeps_only_its_cell_centre():
    pin = ApprovedPinFactory(lat=51.45678, lng=-2.59876)
    cells = (pin.h3_r7, pin.h3_r8, pin.h3_r9)
    pin.on_moderation_decided(pin.moderation)
    pin.refresh_from_db()
    assert (pin.lat, pin.lng) == cell_centre(pin.h3_r9)
    assert (pin.h3_r7, pin.h3_r8, pin.h3_r9) == cells
    assert pin.coarsened and pin.moderation_summary()["lat"] is None
    pin.purge_raw_location()  # a second time changes nothing
    assert (pin.lat, pin.lng) == cell_centre(pin.h3_r9)


@pytest.mark.django_db
def test_an_idea_speaks_the_moderation_protocol():
    proposal = ProposalFactory(title="Art space", why="Somewhere to paint")
    assert proposal.moderation_text() == "Art space\nSomewhere to paint"
    assert proposal.moderation_summary()["lat"] is None
    assert proposal.moderation_photo_path() is None
    proposal.purge_raw_location()
    proposal.on_moderation_decided(proposal.moderation)
    proposal.delete_for_good()
    assert not Proposal.objects.exists()
    assert not ModerationItem.objects.exists()


@pytest.mark.django_db
def test_published_is_approved_and_not_flagged_only():
    visible = ApprovedPinFactory()
    PinFactory()
    PinFactory(moderated__flagged=True)
    PinFactory(moderated=ModerationStatus.ESCALATED, moderated__flagged=True)
    PinFactory(moderated=ModerationStatus.REJECTED)
    PinFactory(moderated=ModerationStatus.ESCALATED)
    assert list(Pin.objects.published()) == [visible]


@pytest.mark.django_db(transaction=True)
def test_the_signal_is_sent_after_the_commit_and_never_for_a_rollback(committed, reference_data):
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        create_pin(a_submission(), contributor=contributor_hash())
        raise RuntimeError("rolled back")
    assert committed == [] and not Pin.objects.exists()
    with transaction.atomic():
        pin = create_pin(a_submission(), contributor=contributor_hash(), workshop="ABC123")
        assert committed == []  # not before the commit
    assert committed == [(Pin, pin.pk, "pin")]
    assert pin.workshop == "ABC123" and pin.moderation.workshop == "ABC123"


@pytest.mark.django_db(transaction=True)
def test_a_submission_replies_after_the_commit(committed, reference_data):
    result = submit_pin(
        a_submission(), contributor=contributor_hash(), idempotency_key=str(uuid.uuid4())
    )
    assert result.created and committed == [(Pin, uuid.UUID(result.id), "pin")]
    assert Pin.objects.filter(pk=result.id).exists()


@pytest.fixture
def scan_flags_everything(monkeypatch):
    """Stands in for moderation's scan (issue 7), which runs in the same after-commit hook and
    flags a text that may disclose harm: here it flags whatever it is given."""

    def flag(item_id):
        ModerationItem.objects.filter(pk=item_id).update(flagged=True)

    monkeypatch.setattr("moderation.services.on_contribution_committed", flag)


@pytest.mark.django_db(transaction=True)
def test_a_flagged_pin_shows_immediate_help_without_saying_it_was_flagged(
    client, home_page, reference_data, scan_flags_everything
):
    from wagtail.models import Site

    from website.models import SafetySettings

    safety = SafetySettings.for_site(Site.objects.get(is_default_site=True))
    safety.local_contacts = [("contact", {"name": "Youth line", "phone": "0117 000 0000"})]
    safety.save()
    response = client.post(
        "/have-your-say/pin/", {**UNSAFE_AT_CASTLE_PARK, "comment": "He said he would hurt me"}
    )
    assert response.status_code == 201
    html = response.content.decode()
    assert Pin.objects.get().moderation.flagged
    main = html[html.index("<main") : html.index("</main>")]
    assert main.index('class="immediate-help"') < main.index("<h1")
    help_box = main[main.index('class="immediate-help"') : main.index("</section>")]
    assert "999" in help_box and "0800 1111" in help_box
    assert "Youth line" in help_box and "0117 000 0000" in help_box
    words = re.sub(r"data-receipt-code>[^<]*<", "", main)  # a receipt code may contain "flag"
    assert re.search(r"flag|escalat|concern|safeguard", words, re.I) is None
    # The API answer is the same as for any other pin.
    api = client.post(
        "/api/v1/pins",
        data='{"feeling": "unsafe", "place": "easton", "comment": "he hurts me"}',
        content_type="application/json",
        headers={"Idempotency-Key": str(uuid.uuid4())},
    )
    assert set(api.json()) == {"id", "status", "receipt"} and api.json()["status"] == "pending"


@pytest.mark.django_db(transaction=True)
def test_the_confirmation_follows_whatever_the_real_scan_decided(client, home_page, reference_data):
    response = client.post(
        "/have-your-say/pin/",
        {**UNSAFE_AT_CASTLE_PARK, "comment": "A man keeps making me carry packages for him"},
    )
    flagged = Pin.objects.get().moderation.flagged
    assert ('class="immediate-help"' in response.content.decode()) == flagged
