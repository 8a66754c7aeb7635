"""Websocket routes of every app, gathered for asgi.py."""

from moderation.routing import websocket_urlpatterns as moderation_ws
from workshops.routing import websocket_urlpatterns as workshops_ws

websocket_urlpatterns = [*moderation_ws, *workshops_ws]
