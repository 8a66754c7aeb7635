"""What makes every cached public page out of date (website/page_cache.py): Wagtail's publish and
unpublish signals, a saved or deleted snippet or setting, a moderation decision, a new map release.

A new contribution waiting for moderation changes no public page, so it starts no generation:
submissions at hundreds a second leave the cache alone."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished
from wagtail.snippets.models import get_snippet_models

from mapping.models import Release
from moderation.models import ModerationItem

from .models import SafetySettings
from .page_cache import new_generation
from .safety import forget_safety_settings

PUBLIC_CONTENT_APPS = {"efh", "services_directory", "places"}


def shown_on_public_pages(instance) -> bool:
    if isinstance(instance, Page | BaseSiteSetting | BaseGenericSetting | Release):
        return True
    if isinstance(instance, ModerationItem):
        # Only a decision changes what the public sees; the scan's own saves come before one.
        return instance.decided_at is not None
    # Snippets register with the admin's hooks, which load on the first request; the apps whose
    # every model some public page shows are named as well.
    return instance._meta.app_label in PUBLIC_CONTENT_APPS or type(instance) in get_snippet_models()


def on_saved_or_deleted(sender, instance, **kwargs):
    if isinstance(instance, SafetySettings):
        # Now (a read later in this transaction sees the new row) and again after the commit
        # (a concurrent request may have cached the old row in between).
        forget_safety_settings()
        transaction.on_commit(forget_safety_settings)
    if shown_on_public_pages(instance):
        new_generation()


def on_page_published_or_unpublished(sender, instance, **kwargs):
    new_generation()


def connect() -> None:
    post_save.connect(on_saved_or_deleted, dispatch_uid="page_cache_saved")
    post_delete.connect(on_saved_or_deleted, dispatch_uid="page_cache_deleted")
    page_published.connect(on_page_published_or_unpublished, dispatch_uid="page_cache_published")
    page_unpublished.connect(
        on_page_published_or_unpublished, dispatch_uid="page_cache_unpublished"
    )
