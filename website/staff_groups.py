"""The staff groups of the contract. Apps add their own model permissions to these groups in their
own migrations; this module names them once."""

EDITORS = "Editors"
DIRECTORY_MANAGERS = "Directory managers"
MODERATORS = "Moderators"
SAFEGUARDING_LEADS = "Safeguarding leads"
PARTNERSHIP_ANALYSTS = "Partnership analysts"

ALL_GROUPS = [EDITORS, DIRECTORY_MANAGERS, MODERATORS, SAFEGUARDING_LEADS, PARTNERSHIP_ANALYSTS]


def grant(apps, group_name: str, app_label: str, codenames: list[str]) -> None:
    """Give a group model permissions from inside a data migration (historical models)."""
    from django.contrib.auth.management import create_permissions

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    # Permissions are normally created after all migrations; create this app's now. Historical
    # app configs have no models module, which create_permissions takes as "nothing to do".
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    group, _ = Group.objects.get_or_create(name=group_name)
    perms = Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
    missing = set(codenames) - set(perms.values_list("codename", flat=True))
    if missing:
        raise RuntimeError(f"Unknown permissions for {app_label}: {sorted(missing)}")
    group.permissions.add(*perms)
