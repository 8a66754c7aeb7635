"""The roles matrix is what the database holds: after migrating, after syncing again, and after
someone changed a group by hand."""

import pytest

from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from staff.roles import ALL_GROUPS, EDITORS, MATRIX, MODERATORS
from staff.sync import sync_roles

pytestmark = pytest.mark.django_db


def _name(permission) -> str:
    return f"{permission.content_type.app_label}.{permission.codename}"


def database_roles() -> dict:
    """Every matrix group as the database has it: permissions, and permissions on pages and on
    collections as (depth of the page or collection, permission)."""
    roles = {}
    for group in Group.objects.filter(name__in=MATRIX):
        roles[group.name] = (
            {_name(p) for p in group.permissions.select_related("content_type")},
            {
                (row.page.depth, _name(row.permission))
                for row in GroupPagePermission.objects.filter(group=group)
            },
            {
                (row.collection.depth, _name(row.permission))
                for row in GroupCollectionPermission.objects.filter(group=group)
            },
        )
    return roles


def matrix_roles() -> dict:
    return {
        name: (
            set(role.permissions),
            {(1, permission) for permission in role.page_permissions},
            {(1, permission) for permission in role.collection_permissions},
        )
        for name, role in MATRIX.items()
    }


def test_the_migrated_database_holds_exactly_the_matrix():
    assert set(MATRIX) == set(ALL_GROUPS)
    assert database_roles() == matrix_roles()


def test_the_matrix_keeps_the_grants_of_the_old_migrations():
    # Spot checks against what the seven data migrations granted before the matrix existed.
    assert "services_directory.publish_service" in MATRIX["Directory managers"].permissions
    assert "moderation.safeguard_moderationitem" not in MATRIX[MODERATORS].permissions
    assert "wagtailcore.publish_page" not in MATRIX[EDITORS].page_permissions
    assert not MATRIX[MODERATORS].page_permissions
    assert not any(p.startswith("wagtailimages.") for p in MATRIX[MODERATORS].permissions)
    for name, role in MATRIX.items():
        assert "wagtailadmin.access_admin" in role.permissions, name


def test_syncing_again_changes_nothing(django_assert_max_num_queries):
    before = database_roles()
    rows = (
        set(GroupPagePermission.objects.values_list("pk", flat=True)),
        set(GroupCollectionPermission.objects.values_list("pk", flat=True)),
    )
    sync_roles()
    sync_roles()
    assert database_roles() == before
    assert rows == (
        set(GroupPagePermission.objects.values_list("pk", flat=True)),
        set(GroupCollectionPermission.objects.values_list("pk", flat=True)),
    )


def test_sync_undoes_changes_made_by_hand(home_page):
    editors = Group.objects.get(name=EDITORS)
    moderators = Group.objects.get(name=MODERATORS)
    moderators.permissions.add(Permission.objects.get(codename="publish_service"))
    moderators.permissions.remove(Permission.objects.get(codename="moderate_moderationitem"))
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    GroupPagePermission.objects.create(
        group=moderators, page=Page.objects.get(depth=1), permission=publish
    )
    GroupPagePermission.objects.create(group=editors, page=home_page, permission=publish)
    GroupCollectionPermission.objects.filter(group=editors).delete()
    Group.objects.get(name="Partnership analysts").delete()

    sync_roles()

    assert database_roles() == matrix_roles()


def test_groups_outside_the_matrix_are_left_alone():
    other = Group.objects.create(name="Visiting researchers")
    other.permissions.add(Permission.objects.get(codename="view_partnership_reports"))
    sync_roles()
    assert list(other.permissions.values_list("codename", flat=True)) == [
        "view_partnership_reports"
    ]


def test_an_unknown_permission_in_the_matrix_is_an_error(monkeypatch):
    from staff import roles

    broken = roles.Role(permissions=frozenset({"moderation.fly_moderationitem"}))
    monkeypatch.setitem(roles.MATRIX, MODERATORS, broken)
    with pytest.raises(RuntimeError, match="fly_moderationitem"):
        sync_roles()


def test_without_a_page_tree_roles_hold_no_page_permissions(transactional_db):
    # A flushed test database has no root page or collection until the tests build one.
    Page.objects.all().delete()
    Collection.objects.all().delete()
    sync_roles()
    assert not GroupPagePermission.objects.exists()
    assert not GroupCollectionPermission.objects.exists()
    assert {name: perms for name, (perms, _, _) in database_roles().items()} == {
        name: perms for name, (perms, _, _) in matrix_roles().items()
    }


def test_every_migrate_ends_with_the_matrix():
    # migrate (and a test database's flush) sends post_migrate; the staff app syncs on it.
    from django.core.management.sql import emit_post_migrate_signal

    Group.objects.filter(name__in=MATRIX).delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert database_roles() == matrix_roles()
