"""A possible disclosure in "report a problem" reaches the safeguarding leads with the same alert
a contribution's disclosure raises; the Directory managers keep only the redacted report."""

import pytest

from django.core import mail
from django.test import Client
from django.urls import reverse

from moderation.models import ModerationItem, ModerationStatus, SafeguardingAlert
from services_directory.models import ListingFeedback, ReportedDisclosure
from staff.roles import SAFEGUARDING_LEADS
from tests.auth import make_staff, sign_in
from tests.services_directory.factories import ServiceFactory

pytestmark = pytest.mark.django_db

WORDS = "This club shut. my step dad hits me when hes drunk, ring me on 07700 900123"


@pytest.fixture
def lead(db):
    user = make_staff(SAFEGUARDING_LEADS)
    user.email = "lead@leads.example"
    user.save()
    return user


def test_a_disclosure_in_a_report_raises_a_lead_alert(client, lead, settings):
    settings.SAFEGUARDING_ALERT_EMAILS = ["leads@leads.example"]
    service = ServiceFactory(name="Riverside youth club")
    response = client.post(service.get_absolute_url(), {"kind": "closed", "comment": WORDS})
    assert response.status_code == 302
    feedback = ListingFeedback.objects.get()
    assert "07700" not in feedback.comment  # the managers' copy is redacted as before
    disclosure = ReportedDisclosure.objects.get()
    assert disclosure.feedback == feedback and disclosure.text == WORDS
    item = ModerationItem.objects.get(pk=disclosure.moderation_id)
    assert item.flagged and item.status == ModerationStatus.ESCALATED
    assert item.kind == "listing-report"
    alert = SafeguardingAlert.objects.get(item=item)
    assert alert.source == "scan" and alert.categories
    # The lead reads it on the safeguarding queue, words as written, beside the listing's name.
    lead_client = sign_in(Client(), lead)
    queue = lead_client.get(reverse("moderation_safeguarding:index")).content.decode()
    assert str(item.pk) in queue
    review = lead_client.get(reverse("moderation_safeguarding:review", args=[item.pk]))
    assert review.status_code == 200
    html = review.content.decode()
    assert "Riverside youth club" in html and "step dad hits me" in html


def test_an_ordinary_report_raises_nothing(client):
    service = ServiceFactory()
    comment = "The Tuesday session moved to Wednesdays."
    assert (
        client.post(service.get_absolute_url(), {"kind": "other", "comment": comment}).status_code
        == 302
    )
    assert ListingFeedback.objects.count() == 1
    assert not ReportedDisclosure.objects.exists() and not SafeguardingAlert.objects.exists()
    assert not mail.outbox or all("safeguarding" not in m.subject.lower() for m in mail.outbox)
