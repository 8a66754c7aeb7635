"""workshops' websocket routes (the live screen), gathered by website/routing.py."""

from django.urls import re_path

from .consumers import WorkshopConsumer

websocket_urlpatterns: list = [
    re_path(r"^ws/workshop/(?P<code>[A-Za-z0-9]{1,12})/$", WorkshopConsumer.as_asgi()),
]
