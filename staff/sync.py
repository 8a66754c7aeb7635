"""Making the database's groups say exactly what the roles matrix says (staff/roles.py).

Idempotent: run by the staff migration (with the historical app registry), after every migrate
(post_migrate, so a permission a later migration creates is granted at once) and by tests whose
database was flushed. Only the matrix's groups are touched; each ends with exactly the matrix's
permissions, page permissions and collection permissions, whatever was added or taken by hand."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

from .roles import MATRIX

# Wagtail creates these for draftable and lockable snippets after migrations, with this name;
# created here on demand so a migration can grant them before Wagtail's own signal runs.
_WAGTAIL_EXTRA_ACTIONS = ("publish", "lock", "unlock")


def sync_roles(apps=None, using: str = DEFAULT_DB_ALIAS, *, strict: bool = True) -> None:
    """`strict=False` skips the permissions the registry has no model for yet (the staff
    migration, on a fresh database, runs before the later migrations of other apps: the
    post_migrate sync at the end of the same migrate grants those)."""
    apps = apps or global_apps
    _create_all_permissions(apps, using)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    root_page = Page.objects.using(using).filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.using(using).filter(depth=1).order_by("path").first()
    for name, role in MATRIX.items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        group.permissions.set(_permissions(apps, using, role.permissions, strict))
        _set_object_permissions(
            apps.get_model("wagtailcore", "GroupPagePermission"),
            "page",
            group,
            root_page,
            _permissions(apps, using, role.page_permissions, strict),
            using,
        )
        _set_object_permissions(
            apps.get_model("wagtailcore", "GroupCollectionPermission"),
            "collection",
            group,
            root_collection,
            _permissions(apps, using, role.collection_permissions, strict),
            using,
        )


def _create_all_permissions(apps, using) -> None:
    # Django creates permissions after all migrations; a migration needs them now. Historical app
    # configs have no models module, which create_permissions takes as "nothing to do".
    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)
        app_config.models_module = models_module or True
        try:
            create_permissions(app_config, verbosity=0, using=using, apps=apps)
        finally:
            app_config.models_module = models_module


def _permissions(apps, using, names, strict) -> list:
    Permission = apps.get_model("auth", "Permission")
    wanted = [tuple(name.split(".", 1)) for name in sorted(names)]
    known: dict[tuple[str, str], list] = {}
    for permission in (
        Permission.objects.using(using)
        .filter(
            content_type__app_label__in={app_label for app_label, _ in wanted},
            codename__in={codename for _, codename in wanted},
        )
        .select_related("content_type")
    ):
        key = (permission.content_type.app_label, permission.codename)
        known.setdefault(key, []).append(permission)
    found, missing = [], []
    for app_label, codename in wanted:
        perms = known.get((app_label, codename)) or _create_wagtail_extra(
            apps, using, app_label, codename
        )
        found.extend(perms)
        if not perms:
            missing.append(f"{app_label}.{codename}")
    if missing and strict:
        raise RuntimeError(f"The roles matrix names unknown permissions: {missing}")
    return found


def _create_wagtail_extra(apps, using, app_label, codename) -> list:
    action, _, model_name = codename.partition("_")
    if action not in _WAGTAIL_EXTRA_ACTIONS:
        return []
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return []
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.using(using).get_or_create(
        app_label=app_label, model=model_name
    )
    permission, _ = Permission.objects.using(using).get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
    )
    return [permission]


def _set_object_permissions(model, field, group, root, permissions, using) -> None:
    """The group's permissions on `root` (the root page or collection) become `permissions`, and
    it keeps none on anything else."""
    rows = model.objects.using(using).filter(group=group)
    if root is None:
        # No page tree (or no collection) yet, as in a flushed test database: nothing to hold.
        rows.delete()
        return
    wanted = {permission.pk for permission in permissions}
    rows.exclude(**{field: root, "permission_id__in": wanted}).delete()
    have = set(rows.values_list("permission_id", flat=True))
    # One by one rather than in bulk, so the security audit log sees each grant.
    for permission_id in sorted(wanted - have):
        model.objects.using(using).create(group=group, permission_id=permission_id, **{field: root})
