"""A base for the extra admin pages of exercises and workshops (a live screen, a comparison...):
one object, the permission each page names in full (staff/admin.py), Wagtail's header and
breadcrumbs."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.views import View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from staff.admin import PermissionRequiredMixin


class ObjectAdminPage(PermissionRequiredMixin, WagtailAdminTemplateMixin, View):
    model = None
    index_url_name = ""
    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        return self.model.objects.all()

    @cached_property
    def object(self):
        return get_object_or_404(self.get_queryset(), pk=self.kwargs["pk"])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(self.model._meta.verbose_name_plural),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, **kwargs)

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data())


class ObjectFormAdminPage(ObjectAdminPage):
    """An ObjectAdminPage with a form: shown on GET, checked on POST (400 with the errors)."""

    form_class = None
    http_method_names = ["get", "post", "head", "options"]

    def initial(self) -> dict:
        return {}

    def get(self, request, *args, **kwargs):
        form = self.form_class(initial=self.initial())
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        form = self.form_class(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        return self.form_valid(form)

    def form_valid(self, form):
        raise NotImplementedError
