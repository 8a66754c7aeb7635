"""Static files answered in front of Django, straight over ASGI.

whitenoise's middleware is synchronous: under ASGI every file went through Django's whole stack
and a thread hop, and Django warned that the streaming response had to consume a synchronous
iterator. Here whitenoise only indexes the files (from STATIC_ROOT and the finders, as its settings
say) and picks the variant a request asks for (gzip, and brotli when the Brotli package is
installed; ETag and 304; byte ranges); the bytes are sent by this ASGI application directly.
Hashed names (ManifestStaticFilesStorage) are immutable and cached by browsers for a year."""

from whitenoise.middleware import WhiteNoiseMiddleware

from django.conf import settings

# The security headers Django's SecurityMiddleware would have added; a script or style sheet
# must never be sniffed into another type.
_SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff")]


def _request_headers(scope) -> dict:
    # whitenoise reads request headers in WSGI's spelling (HTTP_IF_NONE_MATCH, HTTP_RANGE).
    return {
        "HTTP_" + name.decode("latin-1").upper().replace("-", "_"): value.decode("latin-1")
        for name, value in scope["headers"]
    }


class StaticFilesApp:
    def __init__(self, application):
        self.application = application
        self.files = WhiteNoiseMiddleware(get_response=None, settings=settings)
        self.prefix = self.files.static_prefix

    def find(self, path: str):
        if self.files.autorefresh:
            # Tests and development: files appear and change while the server runs.
            return self.files.find_file(path)
        return self.files.files.get(path)

    async def __call__(self, scope, receive, send):
        static_file = self.find(scope["path"]) if scope["type"] == "http" else None
        if static_file is None:
            return await self.application(scope, receive, send)
        answer = static_file.get_response(scope["method"], _request_headers(scope))
        headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in answer.headers]
        await send(
            {
                "type": "http.response.start",
                "status": int(answer.status),
                "headers": headers + _SECURITY_HEADERS,
            }
        )
        body = b""
        if answer.file is not None:
            # Static files are small (the largest, leaflet.js, is 147 kB before compression) and
            # sit in the page cache: one read costs less than handing it to a thread.
            with answer.file as handle:
                body = handle.read()
        await send({"type": "http.response.body", "body": body})
