"""Every answer under /api/ is JSON in the API's error shape, {"errors": [{"field", "message"}]}.

Most errors are answered by the API's own routes and exception handlers (website/api.py). What
reaches past them is answered here:
- `not_found`: a catch-all route under /api/, so a path that matches nothing is a JSON 404 and
  not the site's HTML page (Wagtail serves every other unmatched path);
- `ApiAnswersMiddleware`: a body larger than DATA_UPLOAD_MAX_MEMORY_SIZE is refused with a 413
  before anything reads it (Django would raise RequestDataTooBig from whichever code reads the
  body first, and answer with its HTML 400 page, or a 500 with DEBUG); HEAD is served as GET
  without the body (django-ninja answers 405 to HEAD); and any error answer that is still not
  JSON (django-ninja's plain-text 405, Django's HTML 400/500 pages, the DEBUG pages) is
  rewritten in the error shape, with its status and headers kept."""

from http import HTTPStatus

from django.conf import settings
from django.http import JsonResponse
from django.utils.deprecation import MiddlewareMixin

PREFIX = "/api/"
DOCS = "/api/v1/docs"


def is_api_path(request) -> bool:
    return request.path_info == PREFIX.rstrip("/") or request.path_info.startswith(PREFIX)


def error_response(status: int, field: str, message: str) -> JsonResponse:
    return JsonResponse({"errors": [{"field": field, "message": message}]}, status=status)


NOT_FOUND = f"There is nothing at this address. The API's paths are listed at {DOCS}."


def not_found(request, *args, **kwargs) -> JsonResponse:
    return error_response(404, "path", NOT_FOUND)


def too_large() -> JsonResponse:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return error_response(
        413, "body", f"The body is too large: send at most {limit // 1024} KB ({limit} bytes)."
    )


def _declared_length(request) -> int:
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def _message(request, response) -> tuple[str, str]:
    status = response.status_code
    if status == 404:
        return "path", NOT_FOUND
    if status == 405:
        allowed = response.get("Allow", "")
        return "method", f"This address does not take {request.method}. It takes: {allowed}."
    if status == 413:
        return "body", "The body is too large."
    if status >= 500:
        return "body", "Something went wrong on our side. Try again in a little while."
    if status == 400:
        return "body", "The request could not be read."
    try:
        return "body", HTTPStatus(status).phrase
    except ValueError:
        return "body", f"The request was refused ({status})."


class ApiAnswersMiddleware(MiddlewareMixin):
    def process_request(self, request):
        if not is_api_path(request):
            return None
        if request.method == "HEAD":
            # Answered exactly as GET would be, then sent without its body (process_response).
            request.method = "GET"
            request._api_head = True
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None and _declared_length(request) > limit:
            return too_large()
        return None

    def process_response(self, request, response):
        if not is_api_path(request):
            return response
        if response.status_code >= 400 and not response.get("Content-Type", "").startswith(
            "application/json"
        ):
            field, message = _message(request, response)
            rewritten = error_response(response.status_code, field, message)
            # Allow, Retry-After, the security headers of the inner middleware, cookies: kept.
            for header, value in response.items():
                if header.lower() not in ("content-type", "content-length"):
                    rewritten[header] = value
            rewritten.cookies = response.cookies
            response = rewritten
        if response.status_code == 405 and "GET" in response.get("Allow", ""):
            response["Allow"] = ", ".join(sorted({*response["Allow"].split(", "), "HEAD"}))
        if getattr(request, "_api_head", False):
            request.method = "HEAD"
            length = None if response.streaming else len(response.content)
            if response.streaming:
                response.streaming_content = []
            else:
                response.content = b""
                response["Content-Length"] = str(length)
        return response
