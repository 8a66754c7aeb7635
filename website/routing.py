"""Websocket routes of every app, gathered for asgi.py."""

from moderation.routing import websocket_urlpatterns as moderation_ws
from participation.routing import websocket_urlpatterns as participation_ws

websocket_urlpatterns = [*moderation_ws, *participation_ws]
