"""Publishing needs a second person: the approval task of the pages workflow.

Editors may add and change pages but not publish them; submitting a page starts the workflow, and
a member of the task's groups approves it (which publishes it). Nobody approves their own words:
neither the person who submitted the page nor the person who made its latest change may approve
it, and the submitter cannot change it while it waits (they withdraw it first).

"Their latest change" means a change of content. Wagtail's page editor saves a revision by the
approver before it runs "Approve and Publish" whenever the form reports a change, and a StreamField
form reports one even when nobody touched it (block ids and rich-text block keys are made anew).
Such a save carries the very words under review, so it does not make the approver an author; a
save that changes the words does."""

import re

from django.core.exceptions import PermissionDenied

from wagtail.models import AbstractGroupApprovalTask

from staff.roles import MODERATORS, PAGE_REVIEWERS

WORKFLOW_NAME = "Two-person approval"
TASK_NAME = "Approval by a second editor"


# Revision fields that Wagtail keeps for its own bookkeeping: they differ between two saves of the
# same words.
_BOOKKEEPING = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "live",
        "live_revision",
        "locked",
        "locked_at",
        "locked_by",
        "first_published_at",
        "last_published_at",
    }
)
# Made anew on every save of a StreamField form: the block's id and a rich-text block's key.
_VOLATILE = re.compile(r'"id": "[0-9a-f-]{36}"|data-block-key=\\?"[0-9a-z]+\\?"')


def _words(revision) -> dict:
    return {
        key: _VOLATILE.sub("", value) if isinstance(value, str) else value
        for key, value in revision.content.items()
        if key not in _BOOKKEEPING
    }


def _is_author(obj, user) -> bool:
    """Whether `user` submitted the change under review or changed its words since."""
    state = getattr(obj, "current_workflow_state", None)
    if state is None:
        revision = obj.get_latest_revision()
        return revision is not None and revision.user_id == user.pk
    if state.requested_by_id == user.pk:
        return True
    task_state = state.current_task_state
    under_review = task_state.revision if task_state is not None else None
    if under_review is None:
        return False
    if under_review.user_id == user.pk:
        return True
    reviewed_words = _words(under_review)
    later_saves = obj.revisions.filter(user=user, created_at__gte=under_review.created_at)
    return any(_words(revision) != reviewed_words for revision in later_saves)


class SecondPersonApprovalTask(AbstractGroupApprovalTask):
    class Meta:
        verbose_name = "second-person approval task"
        verbose_name_plural = "second-person approval tasks"
        # The table kept its name when the model moved from website to efh (efh/migrations/0001).
        db_table = "website_secondpersonapprovaltask"

    @classmethod
    def get_description(cls):
        return (
            "Members of the chosen groups approve, except the person who submitted the page or "
            "made its latest change."
        )

    def get_actions(self, obj, user):
        if _is_author(obj, user):
            return []
        return super().get_actions(obj, user)

    def locked_for_user(self, obj, user):
        state = getattr(obj, "current_workflow_state", None)
        if state is not None and state.requested_by_id == user.pk:
            return True
        return super().locked_for_user(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        # The admin offers no approve button to an author; this refuses one posted by hand.
        if action_name == "approve" and _is_author(task_state.workflow_state.content_object, user):
            raise PermissionDenied("A second person must approve this.")
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)


def ensure_approval_workflow(apps, app_label: str = "efh") -> None:
    """Makes the two-person workflow the one for the whole page tree. Takes an app registry so a
    data migration can run it with historical models; `app_label` is the app that held the task
    model at that migration (website's own migrations ran before the model moved to efh).

    Wagtail's first migrations route pages to a "Moderators approval" workflow; our Moderators
    moderate young people's contributions and have no page permissions, so that workflow is
    switched off rather than left to send pages to people who cannot act on them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Task = apps.get_model(app_label, "SecondPersonApprovalTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")

    content_type, _ = ContentType.objects.get_or_create(
        app_label=app_label, model="secondpersonapprovaltask"
    )
    task = Task.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = Task.objects.create(name=TASK_NAME, content_type=content_type, active=True)
    # Exactly the matrix's page reviewers (staff/roles.py).
    task.groups.set([Group.objects.get_or_create(name=name)[0] for name in sorted(PAGE_REVIEWERS)])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    moderators_tasks = GroupApprovalTask.objects.filter(groups__name=MODERATORS)
    stale = Workflow.objects.filter(workflow_tasks__task__in=moderators_tasks).exclude(
        pk=workflow.pk
    )
    WorkflowPage.objects.filter(workflow__in=stale).delete()
    stale.update(active=False)
    moderators_tasks.update(active=False)

    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
