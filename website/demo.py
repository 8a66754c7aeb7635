"""Demo content of the website itself: the page tree's home page and the help contacts."""

from wagtail.models import Site

from .models import SafetySettings
from .site_tree import ensure_site_tree

DEMO_CONTACTS = [
    {
        "name": "First Response (Bristol City Council children's social care)",
        "phone": "0117 903 6444",
        "description": "if you are worried about a child's safety",
        "url": "https://www.bristol.gov.uk/",
        "hours": "Mon-Fri 8.30am-5pm; out of hours 01454 615 165",
    },
    {
        "name": "Avon and Somerset Police (non-emergency)",
        "phone": "101",
        "description": "to report something that is not an emergency",
        "url": "",
        "hours": "any time",
    },
]


def seed(log) -> None:
    home = ensure_site_tree()
    log(f"Home page: {home.title}")
    site = Site.objects.get(is_default_site=True)
    safety = SafetySettings.for_site(site)
    if not safety.local_contacts:
        safety.local_contacts = [("contact", contact) for contact in DEMO_CONTACTS]
        safety.save()
        log("Help contacts: 2 local numbers")
