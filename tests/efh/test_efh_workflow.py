"""Publishing needs a second person: an editor's page waits in the two-person approval workflow
until another editor approves it, through the real admin views."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import GroupApprovalTask, Page, Workflow
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from efh.pages import GuidancePage, SecondPersonApprovalTask
from efh.pages.approval import WORKFLOW_NAME
from staff.roles import EDITORS, MODERATORS
from tests.auth import make_staff, sign_in


def guidance_form(title: str) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": "new-guidance",
            "summary": "What to do when a young person goes missing.",
            "for_parents": "on",
            "body": streamfield(
                [("paragraph", rich_text("<p>Report it to the police straight away.</p>"))]
            ),
            "last_reviewed": "2026-01-10",
            "next_review_due": "2027-01-10",
            "comments": inline_formset([]),
        }
    )


@pytest.fixture
def editors(db):
    return make_staff(EDITORS), make_staff(EDITORS)


def submit_as(client, editor, parent, title="Going missing") -> GuidancePage:
    sign_in(client, editor)
    url = f"/admin/pages/add/efh/guidancepage/{parent.pk}/"
    response = client.post(url, {**guidance_form(title), "action-submit": "Submit"})
    assert response.status_code == 302, response.content.decode()[:2000]
    return GuidancePage.objects.get(title=title)


def test_the_whole_page_tree_goes_through_the_two_person_workflow(home_page):
    workflow = Page.get_first_root_node().get_workflow()
    assert workflow.name == WORKFLOW_NAME
    task = workflow.tasks.get().specific
    assert isinstance(task, SecondPersonApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == [EDITORS]
    # Wagtail's default workflow asked "Moderators", who here moderate contributions, not pages.
    assert not GroupApprovalTask.objects.filter(groups__name=MODERATORS, active=True).exists()
    assert not Workflow.objects.filter(active=True).exclude(pk=workflow.pk).exists()


def test_an_editors_page_waits_until_a_second_editor_approves_it(client, efh_index, editors):
    author, reviewer = editors
    page = submit_as(client, author, efh_index)
    assert not page.live
    assert client.get("/efh/new-guidance/").status_code == 404
    state = page.current_workflow_state
    assert state.status == state.STATUS_IN_PROGRESS
    assert state.requested_by == author
    task_state = state.current_task_state

    # The author is offered no approval, and one posted by hand is refused.
    assert task_state.task.specific.get_actions(page, author) == []
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )
    response = client.post(approve_url, {"comment": "Checked against the strategy."})
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live

    # A second editor approves: only then is the page live.
    client.logout()
    sign_in(client, reviewer)
    assert "approve" in [a[0] for a in task_state.task.specific.get_actions(page, reviewer)]
    response = client.post(approve_url, {"comment": "Checked against the strategy."})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.live
    assert client.get("/efh/new-guidance/").status_code == 200


def approve_in_page_editor(client, page, form: dict):
    """What "Approve and Publish" in the page editor posts: the whole edit form and the action."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(
        url,
        {
            **form,
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": "{}",
        },
    )


def test_a_second_editor_approves_and_publishes_from_the_page_editor(client, efh_index, editors):
    author, reviewer = editors
    page = submit_as(client, author, efh_index)
    client.logout()
    sign_in(client, reviewer)
    # The editor saves a revision by the reviewer first (the StreamField form always reports a
    # change); it carries the same words, so the reviewer is still not their author.
    response = approve_in_page_editor(client, page, guidance_form("Going missing"))
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.revisions.filter(user=reviewer).exists()
    assert page.live
    assert page.current_workflow_state is None
    assert client.get("/efh/new-guidance/").status_code == 200


def test_a_reviewer_who_rewrites_the_page_in_the_editor_cannot_approve_it(
    client, efh_index, editors
):
    author, reviewer = editors
    page = submit_as(client, author, efh_index)
    client.logout()
    sign_in(client, reviewer)
    form = {**guidance_form("Going missing"), "summary": "The reviewer's own summary."}
    response = approve_in_page_editor(client, page, form)
    assert response.status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live
    assert client.get("/efh/new-guidance/").status_code == 404


def test_editors_cannot_publish_directly(client, efh_index, editors):
    author, _ = editors
    sign_in(client, author)
    url = f"/admin/pages/add/efh/guidancepage/{efh_index.pk}/"
    client.post(url, {**guidance_form("Straight to live"), "action-publish": "Publish"})
    page = GuidancePage.objects.get(title="Straight to live")
    assert not page.live


def test_the_author_cannot_edit_while_the_page_waits(client, efh_index, editors):
    author, reviewer = editors
    page = submit_as(client, author, efh_index)
    task = page.current_workflow_state.current_task_state.task.specific
    assert task.locked_for_user(page, author)
    assert not task.locked_for_user(page, reviewer)


def test_a_reviewer_who_changed_the_page_cannot_approve_their_own_change(efh_index, editors):
    from tests.efh.factories import GuidancePageFactory

    author, reviewer = editors
    page = GuidancePageFactory(parent=efh_index, publish=False, user=author)
    workflow = page.get_workflow()
    workflow.start(page, author)
    page.title = "Going missing: what the reviewer would rather say"
    page.save_revision(user=reviewer)
    task = page.current_workflow_state.current_task_state.task.specific
    assert task.get_actions(page, reviewer) == []
    third = make_staff(EDITORS)
    assert task.get_actions(page, third) != []


def test_a_reviewers_dashboard_lists_others_pages_only(client, efh_index, editors):
    author, reviewer = editors
    page = submit_as(client, author, efh_index)
    task = page.current_workflow_state.current_task_state.task.specific
    assert not task.get_task_states_user_can_moderate(author).exists()
    assert task.get_task_states_user_can_moderate(reviewer).count() == 1


def test_editors_hold_no_publish_permission(db):
    from wagtail.models import GroupPagePermission

    editors = GroupPagePermission.objects.filter(group__name=EDITORS)
    assert editors.exists()
    assert not editors.filter(permission__codename="publish_page").exists()


def test_editors_keep_topics_and_themes(db):
    editors = Group.objects.get(name=EDITORS)
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {
        "add_topic",
        "change_topic",
        "add_actionplantheme",
        "change_actionplantheme",
    } <= codenames
