"""`make bench`: the development settings with production's static files (collected, hashed and
compressed, served from STATIC_ROOT only), so figures describe what production serves."""

from .dev import *  # noqa: F403
from .dev import VAR_DIR

STATIC_ROOT = VAR_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
