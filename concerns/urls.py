"""The one public page of places of concern (mounted by website/urls.py); the coordinators'
screens live in the Wagtail admin (viewsets.py)."""

from django.urls import path

from .views import public

app_name = "concerns"

urlpatterns = [path("tell-us-about-a-place/", public.report_place, name="report")]
