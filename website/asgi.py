"""ASGI entry point: static files first (website/static_files.py), other HTTP through Django, websockets through Channels (staff only, origin-checked)."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "website.settings.dev")

# Django must be set up before anything imports models (the consumers do, through routing).
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from website.page_cache_front import PageCacheFront  # noqa: E402
from website.routing import websocket_urlpatterns  # noqa: E402
from website.static_files import StaticFilesApp  # noqa: E402


def build_application():
    # A function, so tests can build a fresh stack after changing ALLOWED_HOSTS: the origin
    # validator reads it once, when constructed.
    return ProtocolTypeRouter(
        {
            "http": StaticFilesApp(PageCacheFront(django_asgi_app)),
            "websocket": AllowedHostsOriginValidator(
                AuthMiddlewareStack(URLRouter(websocket_urlpatterns))
            ),
        }
    )


application = build_application()
