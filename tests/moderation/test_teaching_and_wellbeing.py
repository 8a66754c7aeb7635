"""Teaching the scan after an escalation it missed (a phrase, or a staff-written example for
train_scan, never the young person's words), and moderators' wellbeing: distressing items read
today, a break offered, the team's counts for leads only."""

import pytest

from django.urls import reverse

from moderation import teaching, wellbeing
from moderation.errors import ModerationError
from moderation.models import Reveal, ScanPhrase, StaffExample
from staff.roles import MODERATORS
from tests.auth import make_staff, refused, sign_in
from tests.moderation.factories import ScannedPinFactory

pytestmark = pytest.mark.django_db

# Worded so the phrase lists do not catch it.
MISSED = "staying round marcus flat this week, its calmer than mine"


def escalate(moderator_client, pin):
    return moderator_client.post(
        reverse("moderation_queue:escalate", args=[pin.moderation_id]),
        {"note": "sounds like she has gone missing"},
    )


def test_escalating_an_item_the_scan_missed_offers_an_empty_teaching_form(moderator_client):
    pin = ScannedPinFactory(comment=MISSED)
    response = escalate(moderator_client, pin)
    teach = reverse("moderation_queue:teach", args=[pin.moderation_id])
    assert response["Location"] == teach
    html = moderator_client.get(teach).content.decode()
    assert "Never copy the young person's words." in html
    assert MISSED not in html and "marcus" not in html.lower()


def test_a_staff_example_and_a_phrase_are_stored(moderator, moderator_client):
    pin = ScannedPinFactory(comment=MISSED)
    escalate(moderator_client, pin)
    response = moderator_client.post(
        reverse("moderation_queue:teach", args=[pin.moderation_id]),
        {
            "phrase_category": "missing",
            "phrase": "calmer than home",
            "example": "been dossing at a mates for a week, mum doesnt know",
            "example_categories": ["missing"],
        },
    )
    assert response.status_code == 302
    example = StaffExample.objects.get()
    assert (example.categories, example.author) == (["missing"], moderator)
    assert ScanPhrase.objects.get().phrase == "calmer than home"
    assert list(teaching.staff_examples()) == [
        ("missing", "been dossing at a mates for a week, mum doesnt know")
    ]
    # The new phrase is live at once.
    assert ScannedPinFactory(comment="its calmer than home at my mates").moderation.flagged


def test_staff_examples_are_in_the_training_files_format(moderator):
    StaffExample.objects.create(
        text="dark  underpass\nby the\tstation", categories=[], author=moderator
    )
    StaffExample.objects.create(
        text="x", categories=["self-harm", "abuse-at-home"], author=moderator
    )
    assert list(teaching.staff_examples()) == [
        ("-", "dark underpass by the station"),
        ("abuse-at-home,self-harm", "x"),
    ]


def test_the_young_persons_own_words_are_refused(moderator, moderator_client):
    pin = ScannedPinFactory(comment=MISSED)
    escalate(moderator_client, pin)
    with pytest.raises(ModerationError, match="own words"):
        teaching.add_example(
            moderator, text="she said: " + MISSED, categories=["missing"], item_id=pin.moderation_id
        )
    response = moderator_client.post(
        reverse("moderation_queue:teach", args=[pin.moderation_id]),
        {"example": MISSED, "example_categories": ["missing"]},
    )
    assert response.status_code == 400 and not StaffExample.objects.exists()


def test_only_whoever_escalated_it_or_may_see_it_teaches_from_an_item(moderator_client):
    pin = ScannedPinFactory(comment=MISSED)
    escalate(moderator_client, pin)
    other = sign_in(type(moderator_client)(), make_staff(MODERATORS))
    teach = reverse("moderation_queue:teach", args=[pin.moderation_id])
    assert refused(other.get(teach))


def reveal(client, pin):
    return client.post(reverse("moderation_queue:reveal", args=[pin.moderation_id]))


def test_a_moderator_sees_their_count_and_is_offered_a_break(settings, moderator, moderator_client):
    settings.MODERATION_BREAK_AFTER = 2
    abusive = [ScannedPinFactory(comment=f"fuck this place {n}") for n in range(3)]
    plain = ScannedPinFactory(comment="", photo="p.jpg")
    reveal(moderator_client, abusive[0])
    reveal(moderator_client, abusive[0])  # the same item counts once
    reveal(moderator_client, plain)  # nothing distressing
    assert wellbeing.read_today(moderator) == 1
    html = moderator_client.get(reverse("moderation_queue:index")).content.decode()
    assert "You have read 1 distressing item today." in html and "take a break" not in html
    reveal(moderator_client, abusive[1])
    url = reverse("moderation_queue:review", args=[abusive[2].moderation_id])
    html = moderator_client.get(url).content.decode()
    assert "You have read 2 distressing items today." in html and "take a break" in html


def test_leads_see_their_teams_counts_and_nobody_else_does(
    lead_client, moderator_client, moderator
):
    pin = ScannedPinFactory(comment="fuck this place")
    reveal(moderator_client, pin)
    page = reverse("moderation_wellbeing:index")
    html = lead_client.get(page).content.decode()
    assert moderator.username in html
    row = html[html.index(moderator.username) :]
    assert row.index("<td>1") < row.index("</tr>")
    assert refused(moderator_client.get(page))
    editor = sign_in(type(moderator_client)(), make_staff("Editors"))
    assert refused(editor.get(page))
    with pytest.raises(PermissionError):
        wellbeing.team_today(moderator)
    assert Reveal.objects.count() == 1
