"""concerns' websocket route, gathered by website/routing.py."""

from django.urls import path

from .consumers import ConcernsConsumer

websocket_urlpatterns = [path("ws/concerns/", ConcernsConsumer.as_asgi())]
