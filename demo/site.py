"""Demo content of the website itself: the page tree's home page and the help contacts.

The home page and the safety settings belong to the top layer (website), which no app imports:
the demo reaches them by the names settings and the app registry give them."""

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import import_string

from wagtail.models import Site

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


def home_page():
    """The home page, with the page tree and default Site made first if they are missing."""
    return import_string(settings.SITE_TREE_BUILDER)()


def seed(log) -> None:
    home = home_page()
    log(f"Home page: {home.title}")
    site = Site.objects.get(is_default_site=True)
    safety = apps.get_model("website", "SafetySettings").for_site(site)
    if not safety.local_contacts:
        safety.local_contacts = [("contact", contact) for contact in DEMO_CONTACTS]
        safety.save()
        log("Help contacts: 2 local numbers")
