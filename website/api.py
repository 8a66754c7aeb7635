"""The JSON API of the contract (`/api/v1/`), one NinjaAPI that mounts each app's router."""

from ninja import NinjaAPI
from ninja.errors import HttpError, ValidationError

from django.core.exceptions import RequestDataTooBig
from django.db import OperationalError
from django.http import Http404

from participation.services.writes import is_busy
from website import api_errors

api = NinjaAPI(
    title="Safer Places Bristol API",
    version="1.0.0",
    description="Anonymous contributions from young people, and anonymised community maps.",
    urls_namespace="api-v1",
    docs_url="/docs",
)


@api.exception_handler(ValidationError)
def validation_errors(request, exc):
    """The contract's error shape on every route: 400 {"errors": [{"field", "message"}]}."""

    def field(loc) -> str:
        # ("body", "payload", "lat") -> "lat"; ("query", "q") -> "q"; a missing body -> "body".
        parts = [str(part) for part in loc[2 if loc[0] == "body" else 1 :]]
        return ".".join(parts) or "body"

    errors = [{"field": field(error["loc"]), "message": error["msg"]} for error in exc.errors]
    return api.create_response(request, {"errors": errors}, status=400)


@api.exception_handler(HttpError)
def http_errors(request, exc):
    # e.g. a body that is not JSON (400)
    body = {"errors": [{"field": "body", "message": exc.message}]}
    return api.create_response(request, body, status=exc.status_code)


@api.exception_handler(Http404)
def not_found(request, exc):
    body = {"errors": [{"field": "path", "message": api_errors.NOT_FOUND}]}
    return api.create_response(request, body, status=404)


@api.exception_handler(RequestDataTooBig)
def too_large(request, exc):
    # A body with no declared length is only measured when read (see website/api_errors).
    return api_errors.too_large()


@api.exception_handler(Exception)
def server_error(request, exc):
    """Left to Django, which logs it (masked) and answers; website/api_errors makes that answer
    JSON. django-ninja's own handler would answer a plain-text traceback under DEBUG."""
    raise exc


@api.exception_handler(OperationalError)
def database_busy(request, exc):
    """Another process holds SQLite's write lock past the busy timeout: nothing was saved, and
    the same request a few seconds later goes through. Any other database error is a 500."""
    if not is_busy(exc):
        raise exc
    body = {"errors": [{"field": "body", "message": BUSY_MESSAGE}]}
    response = api.create_response(request, body, status=503)
    response["Retry-After"] = "5"
    return response


# Imported here, not at the top: each app's router module imports its models.
from mapping.api import router as mapping_router  # noqa: E402
from participation.api import BUSY_MESSAGE  # noqa: E402
from participation.api import router as participation_router  # noqa: E402

api.add_router("", participation_router)
api.add_router("", mapping_router)
