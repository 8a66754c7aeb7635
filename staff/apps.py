from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


def _sync_after_migrate(sender, using, apps=None, plan=None, **kwargs):
    from .sync import sync_roles

    # After migrating an app backwards its models (and so some permissions of the matrix) may be
    # gone for now: grant what exists; the next forward migrate is strict again.
    backwards = any(is_backwards for _migration, is_backwards in plan or ())
    sync_roles(apps=apps, using=using, strict=not backwards)


class StaffConfig(AppConfig):
    name = "staff"
    label = "staff"
    verbose_name = "Staff roles"

    def ready(self):
        # Every migrate (and every flush of a test database) ends with the groups holding exactly
        # the matrix, so a permission a new migration creates is granted at once. Django sends
        # post_migrate only for apps with models; this app has none, and the roles are auth's
        # groups, so the sync rides on auth's signal.
        post_migrate.connect(
            _sync_after_migrate,
            sender=apps.get_app_config("auth"),
            dispatch_uid="staff.sync_roles",
        )
