"""moderation's websocket routes, gathered by website/routing.py."""

websocket_urlpatterns: list = []
