"""Staff side of participation in the Wagtail admin: reasons, answers to ideas, "you said, we did".

The gazetteer is edited with the directory; contributions themselves are judged in moderation."""

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .admin_forms import OutcomeForm, ProposalAnswerForm
from .models import Outcome, Proposal, Reason


class ReasonViewSet(ModelViewSet):
    model = Reason
    name = "participation_reasons"
    url_prefix = "have-your-say/reasons"
    icon = "tag"
    menu_label = "Reasons"
    add_to_admin_menu = False
    list_display = ["label", "slug", "feeling", "order", "active"]
    list_filter = ["feeling", "active"]
    search_fields = ["label", "slug"]
    form_fields = ["label", "slug", "feeling", "order", "active"]
    copy_view_enabled = False


class AnswersOnly(ModelPermissionPolicy):
    """Ideas come from young people and leave through moderation: staff here only answer them."""

    def user_has_permission(self, user, action):
        if action in ("add", "delete", "copy"):
            return False
        return super().user_has_permission(user, action)


class PublishedIdeas:
    def get_base_queryset(self):
        return Proposal.objects.published().select_related("moderation", "place")

    def get_queryset(self):
        # Only published ideas are answered here; flagged ones stay with safeguarding leads.
        return Proposal.objects.published().select_related("moderation", "place")


class AnswerIndexView(PublishedIdeas, generic.IndexView):
    pass


class AnswerEditView(PublishedIdeas, generic.EditView):
    pass


register_permission_policy(Proposal, AnswersOnly(Proposal), exact_class=True)


class ProposalAnswerViewSet(ModelViewSet):
    model = Proposal
    name = "participation_answers"
    url_prefix = "have-your-say/answers"
    icon = "comment"
    menu_label = "Answers to ideas"
    add_to_admin_menu = False
    index_view_class = AnswerIndexView
    edit_view_class = AnswerEditView
    copy_view_enabled = False
    list_display = ["title", "what", "area", "status", "responded_at", "created_at"]
    list_filter = ["status", "what", "area"]
    search_fields = ["title"]
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title", read_only=True),
                    FieldRowPanel(
                        [
                            FieldPanel("what", read_only=True),
                            FieldPanel("area", read_only=True),
                            FieldPanel("when", read_only=True),
                        ]
                    ),
                    FieldPanel("why", read_only=True),
                ],
                heading="The idea (as sent; the public sees moderation's published text)",
            ),
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("status_reason"), FieldPanel("response")],
                heading="The partnership's answer (public)",
            ),
            InlinePanel("progress_notes", heading="Progress notes (public)", label="Note"),
        ],
        base_form_class=ProposalAnswerForm,
    )


class OutcomeViewSet(ModelViewSet):
    model = Outcome
    name = "participation_outcomes"
    url_prefix = "have-your-say/you-said-we-did"
    icon = "tick-inverse"
    menu_label = "You said, we did"
    add_to_admin_menu = False
    list_display = ["you_said", "area", "date", "live"]
    list_filter = ["area", "live"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("area"), FieldPanel("date"), FieldPanel("live")]),
            FieldPanel("you_said"),
            FieldPanel("we_did"),
            FieldPanel("proposals"),
        ],
        base_form_class=OutcomeForm,
    )


class HaveYourSay(ModelViewSetGroup):
    menu_label = "Have your say"
    menu_icon = "comment"
    menu_name = "have-your-say"
    items = (ProposalAnswerViewSet, OutcomeViewSet, ReasonViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return HaveYourSay()
