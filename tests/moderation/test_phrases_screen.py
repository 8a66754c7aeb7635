"""The scan phrases screen: the built-in lines and staff's own phrases listed together, and a
phrase tried on a text on screen (nothing saved); the help text sends nobody to a command line."""

import pytest

from django.urls import reverse

from moderation.models import ScanPhrase
from moderation.phrases import try_phrase
from moderation.scanner import builtin_book
from tests.moderation.factories import ScanPhraseFactory

pytestmark = pytest.mark.django_db

URL = reverse("moderation_phrases:index")


def test_built_in_and_staff_phrases_are_listed_together_per_category(lead_client):
    mine = ScanPhraseFactory(category="missing", phrase="sofa surfing", notes="From a lead.")
    ScanPhraseFactory(category="abuse", phrase="muppet", active=False)
    response = lead_client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    missing = page.split('data-category="missing"')[1].split("</details>")[0]
    assert (
        "sofa surfing" in missing and reverse("moderation_phrases:edit", args=[mine.pk]) in missing
    )
    assert missing.count("data-builtin") == len(builtin_book().rules["missing"])
    abuse = page.split('data-category="abuse"')[1].split("</details>")[0]
    assert "muppet" in abuse and "No (switched off)" in abuse
    assert abuse.count("data-builtin") == len(builtin_book().abuse)
    # The word lists the built-in lines name are shown too.
    assert "{THREAT}" in page
    assert "manage.py" not in page


def test_a_phrase_is_tried_on_a_text_and_nothing_is_saved(lead_client):
    response = lead_client.post(
        URL,
        {
            "category": "missing",
            "phrase": "staying round ... flat",
            "text": "been staying round my cousins flat this week, its calmer than mine",
        },
    )
    assert response.status_code == 200
    trial = response.context["trial"]
    assert trial.matched == ["staying round my cousins flat"]
    assert "Missing from home" in trial.found_with_it
    assert "Missing from home" not in trial.found_now
    assert "<mark>staying round my cousins flat</mark>" in response.content.decode()
    assert not ScanPhrase.objects.exists()


def test_a_phrase_without_a_word_is_a_400_with_the_reason(lead_client):
    response = lead_client.post(URL, {"category": "missing", "phrase": "... *", "text": "hi"})
    assert response.status_code == 400
    assert response.context["form"].errors["phrase"] == [
        "Give at least one word made of letters or digits."
    ]
    response = lead_client.post(URL, {"category": "not-a-category", "phrase": "x", "text": ""})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"category", "text"}


def test_an_abusive_word_is_tried_as_the_scan_reads_abuse():
    trial = try_phrase("abuse", "muppet*", "you absolute MUPP3TS")
    assert trial.matched == ["muppets"]
    assert trial.found_with_it == ["Abusive language"]


def test_a_moderator_may_not_open_the_screen(moderator_client):
    assert moderator_client.get(URL).status_code == 302


def test_the_help_text_sends_nobody_to_a_command_line(lead_client):
    page = lead_client.get(reverse("moderation_phrases:add")).content.decode()
    assert "manage.py" not in page
    assert "Try a phrase" in page
