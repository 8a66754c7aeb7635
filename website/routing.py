"""Websocket routes of every app, gathered for asgi.py."""

from concerns.routing import websocket_urlpatterns as concerns_ws
from moderation.routing import websocket_urlpatterns as moderation_ws
from workshops.routing import websocket_urlpatterns as workshops_ws

websocket_urlpatterns = [*moderation_ws, *workshops_ws, *concerns_ws]
