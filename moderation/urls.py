"""moderation's public page (mounted by website/urls.py)."""

from django.urls import path

from .views import public

urlpatterns = [
    path("moderation-statistics/", public.statistics, name="moderation_statistics"),
]
