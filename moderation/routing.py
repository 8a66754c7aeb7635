"""moderation's websocket routes, gathered by website/routing.py."""

from django.urls import path

from .consumers import ModerationConsumer

websocket_urlpatterns = [path("ws/moderation/", ModerationConsumer.as_asgi())]
