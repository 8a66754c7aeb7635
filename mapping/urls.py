"""Public pages of mapping (mounted at the site root by website/urls.py)."""

from django.urls import path

from . import views

app_name = "mapping"

urlpatterns = [
    path("community-map/", views.community_map, name="community_map"),
]
