"""The roles matrix (staff/roles.py) and Wagtail's own permission checks agree on every action of
the pages workflow, for every staff role: submit, approve, reject, withdraw, publish directly."""

import pytest

from staff.roles import MATRIX
from tests.auth import make_staff
from tests.efh.factories import GuidancePageFactory

# The workflow actions Wagtail offers a reviewer of a group approval task.
REVIEW_ACTIONS = {"approve", "reject"}


@pytest.fixture
def waiting_page(efh_index):
    """A page one editor has submitted to the two-person workflow."""
    author = make_staff("Editors")
    page = GuidancePageFactory(parent=efh_index, publish=False, user=author)
    page.get_workflow().start(page, author)
    return page, author


def reviewing_groups(page) -> set[str]:
    task = page.current_workflow_state.current_task_state.task.specific
    return set(task.groups.values_list("name", flat=True))


@pytest.mark.parametrize("role", sorted(MATRIX))
def test_each_roles_workflow_actions_are_what_the_matrix_grants(role, waiting_page, efh_index):
    page, _ = waiting_page
    draft = GuidancePageFactory(parent=efh_index, publish=False)
    user = make_staff(role)
    grants = MATRIX[role].page_permissions
    permissions = page.permissions_for_user(user)
    task_state = page.current_workflow_state.current_task_state
    task = task_state.task.specific

    may_edit = "wagtailcore.change_page" in grants
    assert permissions.can_edit() is may_edit
    # Wagtail's submit check leaves edit rights to the edit view, which needs them first.
    draft_permissions = draft.permissions_for_user(user)
    submits = draft_permissions.can_edit() and draft_permissions.can_submit_for_moderation()
    assert submits is may_edit
    may_add = "wagtailcore.add_page" in grants
    assert efh_index.permissions_for_user(user).can_add_subpage() is may_add
    # Nobody publishes without the second person: no role holds "publish".
    assert "wagtailcore.publish_page" not in grants
    assert permissions.can_publish() is False

    reviews = role in reviewing_groups(page)
    offered = {name for name, _, _ in task.get_actions(page, user)}
    assert (offered >= REVIEW_ACTIONS) is reviews
    if not reviews:
        assert offered == set()
    assert task.get_task_states_user_can_moderate(user).filter(pk=task_state.pk).exists() is reviews
    # Cancelling publishes nothing: Wagtail lets the reviewers (and the submitter) do it, nobody else.
    assert page.current_workflow_state.user_can_cancel(user) is reviews


def test_the_submitter_is_offered_nothing_but_withdrawal(waiting_page):
    page, author = waiting_page
    state = page.current_workflow_state
    task = state.current_task_state.task.specific
    assert task.get_actions(page, author) == []
    assert not task.get_task_states_user_can_moderate(author).exists()
    assert state.user_can_cancel(author)
