"""A live workshop in real Chromium: a facilitator opens it in the admin, two young people join
from their own phones with the code and add pins, the facilitator's map shows each pin within
2 seconds without a reload, and once the workshop is closed a third pin is refused plainly."""

import json

import pytest
from playwright.sync_api import expect

from participation.models import Pin
from places.models import NamedPlace
from staff.roles import EDITORS, WORKSHOP_FACILITATORS
from staff.sync import sync_roles
from tests.auth import browser_sign_in, make_staff
from tests.browser.conftest import assert_accessible
from tests.participation.factories import ensure_reference_data
from tests.workshops.workshop_factories import (
    AreaExerciseFactory,
    WorkshopFactory,
)
from workshops.models import Audience, Exercise, Workshop
from workshops.services.workshops import WorkshopClosed

ARRIVES_WITHIN_MS = 2_000
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}


@pytest.fixture(autouse=True)
def reference_data(asgi_server):
    ensure_reference_data()
    sync_roles()


def watch_for_policy_errors(page) -> list[str]:
    """Content Security Policy violations and uncaught script errors on the page."""
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def join(page, typed_code: str) -> None:
    page.goto("/have-your-say/")
    page.get_by_role("link", name="Join it with your code").click()
    assert_accessible(page)
    page.get_by_label("Workshop code").fill(typed_code)
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Easton after school")


def fill_pin(page, place: str, reason: str) -> None:
    """The JavaScript pin form, step by step, choosing a named place."""
    page.get_by_label("Unsafe").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Place", exact=True).select_option(place)
    page.get_by_role("button", name="Next").click()
    page.get_by_label(reason).check()
    page.get_by_role("button", name="Next").click()
    for _ in range(3):  # when, comment, photo
        page.get_by_role("button", name="Skip this question").click()


def test_a_live_workshop_from_opening_to_closing(browsing):
    AreaExerciseFactory(
        title="Easton after school",
        audience=Audience.WORKSHOP,
        prompt="Where do you feel safe or unsafe after school?",
    )
    facilitator = browsing()
    screen = facilitator.page
    screen_problems = watch_for_policy_errors(screen)
    browser_sign_in(screen, make_staff(WORKSHOP_FACILITATORS), next_url="/admin/workshops/new/")
    screen.get_by_role("combobox", name="Exercise").select_option(label="Easton after school")
    screen.get_by_role("textbox", name="Label").fill("Tuesday group, youth club")
    screen.get_by_role("button", name="Create").click()
    screen.wait_for_url("**/admin/workshops/live/**")
    workshop = Workshop.objects.get()
    expect(screen.locator(".workshop-live__code")).to_have_text(workshop.display_code)
    expect(screen.locator("[data-connection]")).to_contain_text("Live:")
    screen.evaluate("() => { window.__sameScreen = true; }")  # gone if the page reloads

    phones = []
    for n, (place, reason) in enumerate(
        (("easton", "Poor lighting"), ("st-pauls", "Poor lighting"))
    ):
        phone = browsing(**PHONE).page
        problems = watch_for_policy_errors(phone)
        # Read off the projector: lower case and a space are fine.
        join(phone, workshop.display_code.lower())
        assert_accessible(phone)
        fill_pin(phone, place, reason)
        phone.get_by_role("button", name="Send").click()
        expect(phone.get_by_role("heading", level=1)).to_contain_text("Thank you")
        # The facilitator's map and list show it within 2 seconds, without a reload.
        expect(screen.locator("path.live-pin")).to_have_count(n + 1, timeout=ARRIVES_WITHIN_MS)
        expect(screen.locator("[data-live-pin]")).to_have_count(n + 1, timeout=ARRIVES_WITHIN_MS)
        assert problems == [], problems
        phones.append(phone)

    assert screen.evaluate("() => window.__sameScreen === true")
    expect(screen.locator('[data-count="participants"]')).to_have_text("2")
    expect(screen.locator('[data-count="unsafe"]')).to_have_text("2")
    expect(screen.locator("[data-reasons]")).to_contain_text("Poor lighting")
    expect(screen.locator("[data-pin-list]")).to_contain_text("Unsafe: Poor lighting")
    assert Pin.objects.filter(workshop=workshop.code).count() == 2

    # The second participant starts a third pin; the facilitator closes the workshop meanwhile.
    latecomer = phones[1]
    latecomer.get_by_role("link", name="Add another place").click()
    fill_pin(latecomer, "easton", "Poor lighting")
    screen.get_by_text("Close the workshop…").click()
    screen.get_by_role("button", name="Close the workshop").click()
    expect(screen.locator("[data-status]")).to_have_text("Closed")
    latecomer.get_by_role("button", name="Send").click()
    expect(latecomer.get_by_role("heading", level=1)).to_have_text("This workshop has closed")
    expect(latecomer.locator("[data-workshop-closed]")).to_have_text(WorkshopClosed.message)
    latecomer.wait_for_load_state("load")  # styles applied before axe measures targets
    assert_accessible(latecomer)
    assert Pin.objects.filter(workshop=workshop.code).count() == 2
    assert screen_problems == [], screen_problems


def test_staff_draw_an_exercise_area_on_the_admin_map(browsing):
    page = browsing().page
    problems = watch_for_policy_errors(page)
    browser_sign_in(page, make_staff(EDITORS), next_url="/admin/mapping-exercises/new/")
    page.locator("#id_title").fill("Stapleton Road after dark")
    page.locator("#id_slug").fill("stapleton-road")
    area_map = page.locator("[data-area-map]")
    expect(area_map).to_be_visible()
    page.locator(".leaflet-draw-draw-rectangle").click()
    box = area_map.bounding_box()
    page.mouse.move(box["x"] + 150, box["y"] + 120)
    page.mouse.down()
    page.mouse.move(box["x"] + 300, box["y"] + 260, steps=8)
    page.mouse.up()
    drawn = json.loads(page.locator("[data-area-input]").input_value())
    assert drawn["type"] == "Polygon" and len(drawn["coordinates"][0]) == 5
    page.get_by_role("button", name="Create").click()
    page.wait_for_url("**/admin/mapping-exercises/")
    exercise = Exercise.objects.get(slug="stapleton-road")
    assert exercise.area["type"] == "Polygon"
    west, south = exercise.area["coordinates"][0][0]
    east, north = exercise.area["coordinates"][0][2]
    assert exercise.covers((south + north) / 2, (west + east) / 2)
    assert problems == [], problems


def test_a_facilitator_clicks_the_paper_map_pins_onto_the_screen(browsing):
    workshop = WorkshopFactory()
    page = browsing().page
    browser_sign_in(
        page, make_staff(WORKSHOP_FACILITATORS), next_url=f"/admin/workshops/paper/{workshop.pk}/"
    )
    paper_map = page.locator("[data-paper-map]")
    expect(paper_map).to_be_visible()
    box = paper_map.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    expect(page.locator("[data-paper-lat]")).not_to_have_value("")
    page.get_by_label("Unsafe", exact=True).check()
    page.get_by_label("Poor lighting (unsafe)").check()
    page.get_by_role("button", name="Add this pin").click()
    expect(page.get_by_text("Pin added.")).to_be_visible()
    expect(page.locator("[data-paper-count]")).to_have_text("1")
    pin = Pin.objects.get(workshop=workshop.code)
    assert pin.facilitator_entry.workshop == workshop and pin.location_source == "map"


def test_have_your_say_lists_open_exercises_accessibly(page):
    AreaExerciseFactory(title="Easton after school", places=[NamedPlace.objects.get(slug="easton")])
    page.goto("/have-your-say/")
    expect(page.get_by_role("heading", name="Mapping exercises you can join now")).to_be_visible()
    expect(page.get_by_role("link", name="Easton after school")).to_be_visible()
    assert_accessible(page)
