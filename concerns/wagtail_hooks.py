"""Places of concern in the admin: the viewsets, and the live queue script for coordinators."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks

from .viewsets import ConcernsGroup


@hooks.register("register_admin_viewset")
def register_viewsets():
    return ConcernsGroup()


@hooks.register("insert_global_admin_js")
def live_reports_script():
    # Connects only on pages that carry the coordinators' live region; the server checks the
    # permission again on connect.
    return format_html('<script type="module" src="{}"></script>', static("concerns/js/live.js"))
