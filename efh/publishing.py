"""What finishing the pages workflow does: settings.WAGTAIL_FINISH_WORKFLOW_ACTION names this.

Kept apart from the page models, with no imports at module level: Wagtail imports it while its own
models are being defined."""


def publish_approved(workflow_state, user=None) -> None:
    """What finishing the workflow does (settings.WAGTAIL_FINISH_WORKFLOW_ACTION).

    Wagtail's default publishes as the approver and so needs the approver to hold the "publish"
    page permission; a holder of that permission can publish without any review, which is what
    this workflow exists to stop. Here the approval itself is the permission: Editors never hold
    "publish", and a page goes live only through a second person's approval."""
    workflow_state.content_object.get_latest_revision().publish(
        user=user, skip_permission_checks=True
    )
