"""Making sure the page tree has its root, the home page and a default Site.

Wagtail's own migration creates a plain "Welcome" page; transactional tests flush the tree away.
Both cases end here with one HomePage serving as the default site's root."""

from django.conf import settings
from django.db import transaction

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from .models import HomePage

HOME_TITLE = "Safer Places Bristol"


@transaction.atomic
def ensure_site_tree() -> HomePage:
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(title="Root", slug="root")
    home = HomePage.objects.first()
    if home is None:
        home = HomePage(
            title=HOME_TITLE,
            slug="home",
            intro="<p>Helping Bristol's young people be safe in the places where they live, "
            "learn and spend time.</p>",
        )
        welcome = root.get_children().exclude(content_type__model="homepage").filter(slug="home")
        for page in welcome:
            # Wagtail's placeholder page holds the slug "home"; it has no content worth keeping.
            Site.objects.filter(root_page=page).update(root_page=root)
            page.delete()
        root.refresh_from_db()
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name=HOME_TITLE,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = HOME_TITLE
        site.save()
    return home
