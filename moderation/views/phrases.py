"""The scan's phrases for safeguarding leads: the built-in lines and staff's own listed together
per category, and a phrase tried on a text on screen before anyone saves it."""

from django.urls import reverse
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import HeaderButton

from moderation.forms import TryPhraseForm
from moderation.phrases import builtin_definitions, listed_phrases, try_phrase
from staff.admin import PermissionRequiredMixin

VIEW_PHRASES = "moderation.view_scanphrase"
ADD_PHRASE = "moderation.add_scanphrase"
CHANGE_PHRASE = "moderation.change_scanphrase"


class PhrasesView(PermissionRequiredMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "moderation/admin/phrases.html"
    page_title = "Scan phrases"
    header_icon = "edit"
    permission_required = VIEW_PHRASES

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_header_buttons(self):
        if not self.request.user.has_perm(ADD_PHRASE):
            return []
        return [
            HeaderButton("Add a scan phrase", reverse("moderation_phrases:add"), icon_name="plus")
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", TryPhraseForm())
        context["categories"] = listed_phrases()
        context["definitions"] = builtin_definitions()
        context["may_change"] = self.request.user.has_perm(CHANGE_PHRASE)
        return context

    def post(self, request, *args, **kwargs):
        form = TryPhraseForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        data = form.cleaned_data
        trial = try_phrase(data["category"], data["phrase"], data["text"])
        return self.render_to_response(self.get_context_data(form=form, trial=trial))
