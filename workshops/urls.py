"""Public pages of live workshops (mounted at the site root by website/urls.py)."""

from django.urls import path

from . import views

app_name = "workshop"

urlpatterns = [
    path("workshop/", views.enter_code, name="code"),
    path("workshop/<str:code>/", views.workshop, name="join"),
]
