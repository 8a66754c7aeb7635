"""Public pages of services_directory (mounted at the site root by website/urls.py), and the Open
Referral UK API under /api/oruk/."""

from django.urls import path

from . import views
from .oruk.api import oruk_api

app_name = "services_directory"

urlpatterns = [
    path("services/", views.directory, name="directory"),
    path("services/my-list/", views.my_list, name="my_list"),
    path("services/<slug:slug>/", views.service_detail, name="service"),
    path("api/oruk/", oruk_api.urls),
]
