"""The public monthly statistics: counted from the audit, small counts hidden, no content."""

import pytest

from moderation import services
from moderation.statistics import monthly_statistics, public_count
from tests.moderation.factories import ScannedPinFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("n", "shown"),
    [
        (0, "0"),
        (1, "fewer than 5"),
        (4, "fewer than 5"),
        (5, "5"),
        (7, "5"),
        (8, "10"),
        (1234, "1,235"),
    ],
)
def test_small_counts_are_never_shown_exactly(n, shown):
    assert public_count(n) == shown


def test_this_months_figures(moderator):
    pins = [
        # Ordinary words with a name and a number: the scan masks both before the model reads
        # the text, so nothing here needs a safeguarding judgement before it is approved.
        ScannedPinFactory(
            comment=f"my mate Kayden {i} said call 07700 900{i:03d} about the football"
        )
        for i in range(12)
    ]
    for pin in pins[:6]:
        services.approve(pin.moderation_id, moderator, no_sign_of_harm=True)
    for pin in pins[6:11]:
        services.reject(pin.moderation_id, moderator, reason="personal-data")
    month = monthly_statistics(3)[0]
    assert (month.received, month.approved, month.rejected) == (12, 6, {"personal-data": 5})
    public = month.as_public()
    assert public["received"] == "10" and public["approved"] == "5"
    assert {r["reason"]: r["count"] for r in public["rejected_by_reason"]}["personal-data"] == "5"
    assert len(monthly_statistics(3)) == 3


def test_the_public_page_shows_counts_and_no_content(client, moderator, home_page):
    pin = ScannedPinFactory(comment="Kayden's number is 07700 900123")
    services.reject(pin.moderation_id, moderator, reason="personal-data", note="Kayden")
    response = client.get("/moderation-statistics/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "How we moderate" in html and "fewer than 5" in html
    assert "Kayden" not in html and "07700" not in html
    assert "data-exit-button" in html  # the safety chrome of every public page
