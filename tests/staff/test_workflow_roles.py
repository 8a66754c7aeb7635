"""The roles matrix (staff/roles.py) and Wagtail's own permission checks agree on every action of
the pages workflow, for every staff role: edit, add, submit, approve, request changes, withdraw
(cancel), publish and unpublish directly, lock. The expectations come from the matrix alone, and
Wagtail's answers from the database sync_roles() and the workflow migration made, so a grant
missing on either side fails here (see the last tests)."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission

from staff.roles import EDITORS, MATRIX, PAGE_REVIEWERS
from tests.auth import make_staff

# The workflow actions Wagtail offers a reviewer of a group approval task: approve, and request
# changes (the action Wagtail names "reject").
REVIEW_ACTIONS = {"approve", "reject"}


@pytest.fixture
def efh_index(home_page):
    from tests.efh.factories import EFHIndexPageFactory

    return EFHIndexPageFactory(parent=home_page)


@pytest.fixture
def waiting_page(efh_index):
    """A page one editor has submitted to the two-person workflow."""
    from tests.efh.factories import GuidancePageFactory

    author = make_staff(EDITORS)
    page = GuidancePageFactory(parent=efh_index, publish=False, user=author)
    page.get_workflow().start(page, author)
    return page, author


def what_wagtail_allows(user, page, draft, parent) -> dict[str, bool]:
    permissions = page.permissions_for_user(user)
    draft_permissions = draft.permissions_for_user(user)
    state = page.current_workflow_state
    task_state = state.current_task_state
    task = task_state.task.specific
    offered = {name for name, _, _ in task.get_actions(page, user)}
    return {
        # A page outside the workflow: edit rights come from the page permission alone (one in the
        # workflow opens to its reviewers, see "open the editor while it waits").
        "edit": draft_permissions.can_edit(),
        "add": parent.permissions_for_user(user).can_add_subpage(),
        # Wagtail's submit check leaves edit rights to the edit view, which needs them first.
        "submit": draft_permissions.can_edit() and draft_permissions.can_submit_for_moderation(),
        "approve": "approve" in offered,
        "request changes": "reject" in offered,
        "offered nothing else": offered <= REVIEW_ACTIONS,
        "listed for review": task.get_task_states_user_can_moderate(user)
        .filter(pk=task_state.pk)
        .exists(),
        "open the editor while it waits": task.user_can_access_editor(page, user),
        "withdraw": state.user_can_cancel(user),
        "publish directly": permissions.can_publish() or draft_permissions.can_publish(),
        "unpublish": permissions.can_unpublish(),
        "lock": permissions.can_lock(),
    }


def what_the_matrix_says(role: str) -> dict[str, bool]:
    grants = MATRIX[role].page_permissions
    may_edit = "wagtailcore.change_page" in grants
    reviews = role in PAGE_REVIEWERS
    return {
        "edit": may_edit,
        "add": "wagtailcore.add_page" in grants,
        "submit": may_edit,
        "approve": reviews,
        "request changes": reviews,
        "offered nothing else": True,
        "listed for review": reviews,
        "open the editor while it waits": reviews,
        # Cancelling publishes nothing: the reviewers (and the submitter) may, nobody else.
        "withdraw": reviews,
        # Nobody publishes without the second person: a page goes live by approval only.
        "publish directly": "wagtailcore.publish_page" in grants,
        "unpublish": "wagtailcore.publish_page" in grants,
        "lock": "wagtailcore.lock_page" in grants or reviews,
    }


def test_no_role_may_publish_a_page_without_a_second_person():
    assert not any("wagtailcore.publish_page" in role.page_permissions for role in MATRIX.values())


def test_the_workflow_task_asks_exactly_the_matrix_reviewers(waiting_page):
    page, _ = waiting_page
    task = page.current_workflow_state.current_task_state.task.specific
    assert set(task.groups.values_list("name", flat=True)) == PAGE_REVIEWERS


@pytest.mark.parametrize("role", sorted(MATRIX))
def test_each_roles_workflow_actions_are_what_the_matrix_grants(role, waiting_page, efh_index):
    from tests.efh.factories import GuidancePageFactory

    page, _ = waiting_page
    draft = GuidancePageFactory(parent=efh_index, publish=False)
    user = make_staff(role)
    assert what_wagtail_allows(user, page, draft, efh_index) == what_the_matrix_says(role)


def test_the_submitter_is_offered_nothing_but_withdrawal(waiting_page):
    page, author = waiting_page
    state = page.current_workflow_state
    task = state.current_task_state.task.specific
    assert task.get_actions(page, author) == []
    assert not task.get_task_states_user_can_moderate(author).exists()
    assert state.user_can_cancel(author)


# The comparison fails when a grant goes missing on Wagtail's side: a page permission, or the
# reviewers' place on the task.


def test_a_missing_page_grant_breaks_the_agreement(waiting_page, efh_index):
    from tests.efh.factories import GuidancePageFactory

    page, _ = waiting_page
    draft = GuidancePageFactory(parent=efh_index, publish=False)
    GroupPagePermission.objects.filter(
        group__name=EDITORS, permission__codename="change_page"
    ).delete()
    user = make_staff(EDITORS)
    allowed = what_wagtail_allows(user, page, draft, efh_index)
    expected = what_the_matrix_says(EDITORS)
    assert allowed != expected
    assert {key for key in allowed if allowed[key] != expected[key]} == {"edit", "submit"}


def test_a_reviewer_group_missing_from_the_task_breaks_the_agreement(waiting_page, efh_index):
    from tests.efh.factories import GuidancePageFactory

    page, _ = waiting_page
    draft = GuidancePageFactory(parent=efh_index, publish=False)
    task = page.current_workflow_state.current_task_state.task.specific
    task.groups.remove(Group.objects.get(name=EDITORS))
    user = make_staff(EDITORS)
    allowed = what_wagtail_allows(user, page, draft, efh_index)
    assert allowed["approve"] is False and what_the_matrix_says(EDITORS)["approve"] is True
