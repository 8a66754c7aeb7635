"""Live workshops over HTTP: opening one in the admin, joining with the code (no account, no
JavaScript), pausing and closing, paper-map entry, and what the live screen may show."""

import json
import re
import uuid

import pytest
import qrcode
import qrcode.image.svg

from moderation.services import approve
from participation.models import Pin
from places.geo import cell_centre
from staff.roles import EDITORS, MODERATORS, PARTNERSHIP_ANALYSTS, WORKSHOP_FACILITATORS
from tests.auth import make_staff, refused, sign_in
from tests.participation.factories import contributor_hash
from workshops.live import counts, snapshot
from workshops.models import Audience, FacilitatorEntry, Workshop, WorkshopStatus
from workshops.models.workshops import CODE_ALPHABET, normalise_code
from workshops.services.workshops import (
    StatusChangeRefused,
    WorkshopClosed,
    enter_paper_pin,
    paper_contributor,
    set_status,
)

from .workshop_factories import INSIDE_EASTON, AreaExerciseFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

ADMIN = "/admin/workshops/"


def pin_post(**changes) -> dict:
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "feeling": "unsafe",
        "place": "easton",
        "location_source": "place",
        "reasons_unsafe": ["poor-lighting"],
        "when": "evening",
        "comment": "The underpass by the station.",
    }
    return {**data, **changes}


def receipt_in(html: str) -> str:
    return re.search(r"data-receipt-code>([a-z]+-[a-z]+-[a-z]+-\d\d)<", html).group(1)


# Opening a workshop


@pytest.mark.parametrize("group", [EDITORS, PARTNERSHIP_ANALYSTS])
def test_only_those_who_may_run_a_workshop_see_its_live_screen_or_enter_its_pins(client, group):
    workshop = WorkshopFactory()
    sign_in(client, make_staff(group))
    for url in (f"{ADMIN}live/{workshop.pk}/", f"{ADMIN}paper/{workshop.pk}/"):
        assert client.get(url).status_code in (302, 403)
    assert client.post(f"{ADMIN}paper/{workshop.pk}/", paper_form()).status_code in (302, 403)
    client.post(f"{ADMIN}status/{workshop.pk}/", {"action": "close"})
    assert not Pin.objects.exists()
    workshop.refresh_from_db()
    assert workshop.status == WorkshopStatus.OPEN


@pytest.mark.parametrize("group", [WORKSHOP_FACILITATORS, MODERATORS])
def test_facilitators_and_moderators_run_workshops(client, group):
    workshop = WorkshopFactory()
    sign_in(client, make_staff(group))
    assert client.get(f"{ADMIN}live/{workshop.pk}/").status_code == 200
    assert client.get(f"{ADMIN}paper/{workshop.pk}/").status_code == 200


def test_an_editor_sets_a_workshop_up_and_lands_on_the_list_not_its_live_screen(client):
    exercise = AreaExerciseFactory(audience=Audience.WORKSHOP)
    sign_in(client, make_staff(EDITORS))
    response = client.post(f"{ADMIN}new/", {"exercise": exercise.pk, "label": "Tuesday group"})
    assert response.status_code == 302 and response["Location"] == ADMIN
    assert "Live screen" not in client.get(ADMIN).content.decode()


def test_a_facilitator_opens_a_workshop_and_gets_a_code_and_qr_code(client):
    exercise = AreaExerciseFactory(audience=Audience.WORKSHOP, title="Easton after school")
    facilitator = make_staff(WORKSHOP_FACILITATORS)
    sign_in(client, facilitator)
    response = client.post(f"{ADMIN}new/", {"exercise": exercise.pk, "label": "Tuesday group"})
    workshop = Workshop.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{ADMIN}live/{workshop.pk}/"
    assert len(workshop.code) == 6 and set(workshop.code) <= set(CODE_ALPHABET)
    assert workshop.facilitator == facilitator and workshop.status == WorkshopStatus.OPEN
    live = client.get(response["Location"]).content.decode()
    assert workshop.display_code in live
    assert f"http://testserver/workshop/{workshop.code}/" in live
    assert f'src="{ADMIN}qr/{workshop.pk}/"' in live
    assert 'id="workshop-snapshot"' in live and "workshop-live.js" in live
    qr = client.get(f"{ADMIN}qr/{workshop.pk}/")
    assert qr["Content-Type"] == "image/svg+xml" and qr.content.startswith(b"<svg")
    # It encodes the join address: the same image as the address's own QR code.
    expected = qrcode.make(
        f"http://testserver/workshop/{workshop.code}/",
        image_factory=qrcode.image.svg.SvgPathImage,
        box_size=12,
        border=2,
    )
    assert qr.content.decode() == expected.to_string(encoding="unicode")


def test_codes_are_typed_forgivingly_and_never_reused():
    codes = {WorkshopFactory().code for _ in range(30)}
    assert len(codes) == 30
    assert normalise_code(" kmt-4px ") == "KMT4PX"
    assert normalise_code("KMT 4P") is None and normalise_code("KMT40X") is None


def test_only_staff_who_run_workshops_see_the_live_screen(client):
    workshop = WorkshopFactory()
    sign_in(client, make_staff(PARTNERSHIP_ANALYSTS))
    for url in (
        f"{ADMIN}live/{workshop.pk}/",
        f"{ADMIN}qr/{workshop.pk}/",
        f"{ADMIN}paper/{workshop.pk}/",
    ):
        assert refused(client.get(url)), url
    client.logout()
    assert client.get(f"{ADMIN}live/{workshop.pk}/").status_code == 302


# Joining with the code


def test_a_participant_joins_with_the_code_and_adds_a_pin_without_javascript(client, home_page):
    workshop = WorkshopFactory(exercise__prompt="Where do you feel unsafe after school?")
    page = client.get(f"/workshop/{workshop.code}/")
    html = page.content.decode()
    assert page.status_code == 200
    assert f'action="/workshop/{workshop.code}/"' in html
    assert "Where do you feel unsafe after school?" in html and workshop.display_code in html
    assert workshop.label not in html  # the staff label is never shown to participants
    # The map starts on the area being mapped (the middle of the Easton square).
    config = json.loads(re.search(r'id="map-config"[^>]*>(.*?)</script>', html).group(1))
    assert config["center"] == [51.462, -2.562] and config["zoom"] == 15
    response = client.post(f"/workshop/{workshop.code}/", pin_post())
    assert response.status_code == 201
    thanks = response.content.decode()
    assert receipt_in(thanks)
    assert f'href="/workshop/{workshop.code}/">Add another place' in thanks
    pin = Pin.objects.select_related("moderation").get()
    assert pin.workshop == workshop.code and pin.moderation.workshop == workshop.code
    # A workshop-only exercise: its pins come only through its workshops.
    assert pin.exercise == workshop.exercise and pin.moderation.exercise == workshop.exercise.slug
    assert ("Workshop", workshop.code) in pin.moderation_summary()["fields"]


def test_a_code_typed_loosely_finds_the_workshop_and_a_wrong_one_says_so(client, home_page):
    workshop = WorkshopFactory()
    loose = f"{workshop.code[:3].lower()}-{workshop.code[3:].lower()}"
    assert client.get(f"/workshop/{loose}/")["Location"] == f"/workshop/{workshop.code}/"
    assert client.get("/workshop/", {"code": loose})["Location"] == f"/workshop/{workshop.code}/"
    assert client.get("/workshop/").status_code == 200
    for response in (client.get("/workshop/", {"code": "AAAAAA"}), client.get("/workshop/AAAAAA/")):
        assert response.status_code == 404
        assert "We could not find a workshop with that code" in response.content.decode()


def test_a_paused_workshop_keeps_what_was_chosen_until_it_resumes(client, home_page):
    workshop = WorkshopFactory()
    set_status(workshop, WorkshopStatus.PAUSED)
    assert "The workshop is paused" in client.get(f"/workshop/{workshop.code}/").content.decode()
    data = pin_post()
    refused = client.post(f"/workshop/{workshop.code}/", data)
    assert refused.status_code == 403
    html = refused.content.decode()
    assert "Wait until the person running it starts it again" in html
    assert "The underpass by the station." in html and 'value="easton" selected' in html
    assert not Pin.objects.exists()
    set_status(workshop, WorkshopStatus.OPEN)
    assert client.post(f"/workshop/{workshop.code}/", data).status_code == 201


def test_a_closed_workshop_refuses_pins_with_a_clear_message(client, home_page):
    workshop = WorkshopFactory()
    set_status(workshop, WorkshopStatus.CLOSED)
    page = client.get(f"/workshop/{workshop.code}/")
    assert page.status_code == 410
    assert WorkshopClosed.message in page.content.decode()
    refused = client.post(f"/workshop/{workshop.code}/", pin_post())
    assert refused.status_code == 403
    assert "This workshop has closed and is not taking any more pins." in refused.content.decode()
    assert not Pin.objects.exists()
    with pytest.raises(StatusChangeRefused):
        set_status(workshop, WorkshopStatus.OPEN)


def test_pause_resume_and_close_from_the_live_screen(client):
    workshop = WorkshopFactory()
    sign_in(client, make_staff(MODERATORS))
    url = f"{ADMIN}status/{workshop.pk}/"
    for action, status in (("pause", "paused"), ("resume", "open"), ("close", "closed")):
        response = client.post(url, {"action": action})
        assert response.status_code == 302
        workshop.refresh_from_db()
        assert workshop.status == status
    assert workshop.closed_at is not None
    client.post(url, {"action": "resume"})
    workshop.refresh_from_db()
    assert workshop.status == "closed"
    assert client.get(url).status_code == 405


def test_several_workshops_stay_apart(client, home_page):
    first, second = WorkshopFactory(), WorkshopFactory(exercise=WorkshopFactory().exercise)
    client.post(f"/workshop/{first.code}/", pin_post())
    client.post(
        f"/workshop/{first.code}/", pin_post(feeling="safe", reasons_safe=["busy-and-well-lit"])
    )
    assert counts(first)["total"] == 2 and counts(second)["total"] == 0
    assert [pin["feeling"] for pin in snapshot(first)["pins"]] == ["unsafe", "safe"]
    assert snapshot(second)["pins"] == []


# What the live screen shows


def test_the_live_screen_shows_feeling_and_reasons_and_a_comment_only_once_approved(
    client, home_page, django_capture_on_commit_callbacks
):
    workshop = WorkshopFactory()
    with django_capture_on_commit_callbacks(execute=True):  # moderation's scan runs on commit
        client.post(
            f"/workshop/{workshop.code}/",
            pin_post(place="", location_source="map", lat=INSIDE_EASTON[0], lng=INSIDE_EASTON[1]),
        )
    pin = Pin.objects.get()
    shown = snapshot(workshop)["pins"][0]
    assert shown["feeling"] == "unsafe" and shown["reasons"] == ["Poor lighting"]
    assert shown["comment"] == ""
    # The centre of the pin's ~200 m cell, never the spot itself.
    assert (shown["lat"], shown["lng"]) == cell_centre(pin.h3_r9)
    assert (shown["lat"], shown["lng"]) != (pin.lat, pin.lng)
    approve(
        pin.moderation_id,
        make_staff(MODERATORS),
        published_text="The underpass by [place].",
        no_sign_of_harm=True,
    )
    assert snapshot(workshop)["pins"][0]["comment"] == "The underpass by [place]."
    figures = counts(workshop)
    assert figures["participants"] == 1 and figures["feelings"] == {"safe": 0, "unsafe": 1}
    assert figures["reasons"] == [
        {"slug": "poor-lighting", "label": "Poor lighting", "feeling": "unsafe", "count": 1}
    ]


# Paper maps


def paper_form(**changes) -> dict:
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "feeling": "unsafe",
        "place": "",
        "location_source": "",
        "lat": "51.4625",
        "lng": "-2.5631",
        "reasons": ["poor-lighting"],
        "when": "night",
        "comment": "",
    }
    return {**data, **changes}


def test_a_facilitator_enters_a_paper_map_for_the_group(client):
    workshop = WorkshopFactory()
    set_status(workshop, WorkshopStatus.CLOSED)  # paper maps are often typed up afterwards
    sign_in(client, make_staff(WORKSHOP_FACILITATORS))
    url = f"{ADMIN}paper/{workshop.pk}/"
    assert client.get(url).status_code == 200
    # More than a contributor's hourly limit: staff entering a group's map are not rate limited.
    for _ in range(12):
        assert client.post(url, paper_form()).status_code == 200
    at_place = paper_form(lat="", lng="", place="easton", reasons=[], feeling="safe")
    client.post(url, at_place)
    client.post(url, at_place)  # sent twice (a double click): added once
    pins = Pin.objects.filter(workshop=workshop.code)
    assert pins.count() == 13
    assert FacilitatorEntry.objects.filter(workshop=workshop).count() == 13
    # Anonymous like any pin: one contributor hash for the whole paper map, no staff account.
    assert set(pins.values_list("contributor", flat=True)) == {paper_contributor(workshop)}
    assert all(pin.receipt_id is None for pin in pins)
    pin = pins.first()
    assert pin.exercise == workshop.exercise and pin.moderation.workshop == workshop.code
    summary = dict(pin.moderation_summary()["fields"])
    assert summary["Workshop"] == f"{workshop.code} (entered by the facilitator from a paper map)"
    figures = counts(workshop)
    assert figures["paper"] == 13 and figures["participants"] == 0
    assert all(shown["paper"] for shown in snapshot(workshop)["pins"])


def test_a_paper_pin_with_problems_is_explained(client):
    workshop = WorkshopFactory()
    sign_in(client, make_staff(WORKSHOP_FACILITATORS))
    response = client.post(f"{ADMIN}paper/{workshop.pk}/", paper_form(lat="", lng="", feeling=""))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Choose whether the place feels safe or unsafe." in html
    assert "Say where: choose a place, or put a pin on the map." in html
    assert not Pin.objects.exists()


def test_paper_entries_are_idempotent_in_the_service():
    workshop = WorkshopFactory()
    other = WorkshopFactory(exercise=workshop.exercise)
    assert paper_contributor(workshop) != paper_contributor(other)
    assert paper_contributor(workshop) != contributor_hash()
    from participation.forms import PinForm

    form = PinForm({"feeling": "safe", "place": "easton"})
    assert form.is_valid(), form.errors
    key = str(uuid.uuid4())
    first = enter_paper_pin(workshop, form.submission(), idempotency_key=key)
    again = enter_paper_pin(workshop, form.submission(), idempotency_key=key)
    assert first.created and not again.created and first.id == again.id


def test_guessing_join_codes_is_stopped_from_one_address_but_a_class_is_not(client, settings):
    allowed, window = settings.PARTICIPATION_RATE_LIMITS["workshop-code-address"]
    workshop = WorkshopFactory()
    # A class on one address opens its own workshop many more times than the guess allowance.
    for _ in range(allowed + 5):
        assert client.get(f"/workshop/{workshop.code}/").status_code == 200
    for attempt in range(allowed):
        guess = f"ZZZZ{attempt:02d}"
        assert client.get("/workshop/", {"code": guess}).status_code == 404
    for url, data in (("/workshop/", {"code": "ZZZZZZ"}), ("/workshop/YYYYYY/", None)):
        response = client.get(url, data)
        assert response.status_code == 429
        assert response["Retry-After"] == str(window)
        assert "Too many workshop codes" in response.content.decode()
    # Once the allowance is used up, even the right code waits: a guesser cannot tell.
    assert client.get(f"/workshop/{workshop.code}/").status_code == 429
    # Another address is not affected.
    other = client.get(f"/workshop/{workshop.code}/", REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 200
