"""Public pages of coproduction (mounted at the site root by website/urls.py)."""

from django.urls import path

from . import views

app_name = "coproduction"

urlpatterns = [
    path("have-your-say/suggest-a-place/", views.suggest, name="suggest"),
    path("have-your-say/your-view/<slug:slug>/", views.give_view, name="give_view"),
]
