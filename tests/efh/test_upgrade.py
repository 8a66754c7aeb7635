"""Pages made while the EFH models lived in website survive the move to efh: the migrations are
run back to before the move (the content types then say "website", as in a database of that
time) and forward again, and every page, revision, workflow state, task and grant still resolves."""

import pytest

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection

from wagtail.models import Page, Revision, WorkflowState

from efh.pages import GuidancePage, RAGStatus, SecondPersonApprovalTask
from efh.pages.approval import ensure_approval_workflow
from staff.roles import EDITORS
from tests.auth import make_staff
from tests.efh.factories import (
    ActionPlanPageFactory,
    ActionPlanThemeFactory,
    EFHIndexPageFactory,
    GuidancePageFactory,
    ReferralPathwayPageFactory,
    TopicFactory,
)
from website.site_tree import ensure_site_tree

pytestmark = pytest.mark.django_db(transaction=True)


def labels(*models) -> set[str]:
    ContentType.objects.clear_cache()
    return set(ContentType.objects.filter(model__in=models).values_list("app_label", flat=True))


def test_pages_made_before_the_move_resolve_after_it(client):
    from django.apps import apps

    home = ensure_site_tree()
    ensure_approval_workflow(apps)
    index = EFHIndexPageFactory(parent=home, title="EFH", slug="efh")
    topic = TopicFactory()
    guidance = GuidancePageFactory(parent=index, topics=[topic])
    pathway = ReferralPathwayPageFactory(parent=index)
    plan = ActionPlanPageFactory(
        parent=index, proposals=[(1, ActionPlanThemeFactory(), RAGStatus.GREEN)]
    )
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(
        Permission.objects.get(content_type__app_label="efh", codename="add_topic")
    )
    author = make_staff(EDITORS)
    guidance.summary += " Edited, waiting for a second editor."
    guidance.save_revision(user=author)
    guidance.get_workflow().start(guidance, author)

    try:
        call_command("migrate", "efh", "zero", verbosity=0)
        call_command("migrate", "demo", "zero", verbosity=0)
        # As before the move: the rows sit in the website_* tables under website's types.
        assert labels("guidancepage", "secondpersonapprovaltask", "topic", "demoload") == {
            "website"
        }
        with connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM website_guidancepage_topics")
            assert cursor.fetchone()[0] == 1
    finally:
        call_command("migrate", verbosity=0)

    assert labels("guidancepage", "secondpersonapprovaltask", "topic") == {"efh"}
    assert labels("demoload") == {"demo"}
    for page in (index, guidance, pathway, plan):
        specific = Page.objects.get(pk=page.pk).specific
        assert type(specific) is type(page)
        assert client.get(specific.url).status_code == 200
    assert list(GuidancePage.objects.get(pk=guidance.pk).topics.all()) == [topic]
    for revision in Revision.objects.all():
        assert revision.as_object().pk == int(revision.object_id)
    state = WorkflowState.objects.get()
    assert state.content_object.specific == guidance
    assert isinstance(state.current_task_state.task.specific, SecondPersonApprovalTask)
    assert editors.permissions.filter(content_type__app_label="efh", codename="add_topic").exists()
