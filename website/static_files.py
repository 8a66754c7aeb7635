"""Static files answered in front of Django, straight over ASGI.

servestatic (the maintained async fork of whitenoise) indexes the files, from STATIC_ROOT and the
finders as its settings say, and picks the variant a request asks for: brotli or gzip, both
compressed once at collectstatic (the Brotli package is installed); ETag and 304; byte ranges.
Its Django middleware would still send every file through Django's stack, so only its index is
used and the bytes are sent by this ASGI application directly. Hashed names
(ManifestStaticFilesStorage) are immutable and cached by browsers for a year.

Where files cannot change while the server runs (no autorefresh: production and the bench), the
whole answer to a plain GET or HEAD, headers and bytes, is kept in memory the first time it is
asked for, up to STATIC_MEMORY_BYTES: a profile of leaflet.js showed the open and read of the
file and the building of servestatic's headers taking nearly all of an answer's time. Range and
conditional requests still go to servestatic, which answers them from the file."""

import os

from servestatic.middleware import ServeStaticMiddleware

from django.conf import settings

# The security headers Django's SecurityMiddleware would have added; a script or style sheet
# must never be sniffed into another type.
_SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff")]


def _request_headers(scope) -> dict:
    # servestatic reads request headers in WSGI's spelling (HTTP_IF_NONE_MATCH, HTTP_RANGE).
    return {
        "HTTP_" + name.decode("latin-1").upper().replace("-", "_"): value.decode("latin-1")
        for name, value in scope["headers"]
    }


async def _never_called(request):
    # servestatic's middleware must be given an async next step; this application answers the
    # files it finds and hands every other request to Django itself, so this is never reached.
    raise AssertionError("static files are answered before Django")


# Request headers that make an answer depend on more than the path and Accept-Encoding.
_NOT_PLAIN = frozenset((b"range", b"if-none-match", b"if-modified-since"))


def _plain_request(scope) -> bytes | None:
    """The Accept-Encoding of a GET or HEAD with no range and no condition, else None."""
    if scope["method"] not in ("GET", "HEAD"):
        return None
    accept = b""
    for name, value in scope["headers"]:
        if name in _NOT_PLAIN:
            return None
        if name == b"accept-encoding":
            accept = value
    return accept


class _Answers:
    """Whole answers kept in memory, keyed by path and Accept-Encoding as sent.

    Bounded twice, so no stream of odd headers or paths can grow it: by the bytes of the bodies
    kept (each file's bytes once, however many keys share them) and by the number of keys."""

    def __init__(self, max_bytes: int, max_entries: int):
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self.kept_bytes = 0
        self.answers: dict[tuple[str, bytes], tuple[list, bytes]] = {}
        self.bodies: dict[str, bytes] = {}

    def get(self, path: str, accept: bytes):
        return self.answers.get((path, accept))

    def body(self, file_path: str) -> bytes | None:
        body = self.bodies.get(file_path)
        if body is not None:
            return body
        if self.kept_bytes + os.path.getsize(file_path) > self.max_bytes:
            return None  # answered from the file, as before
        with open(file_path, "rb") as handle:
            body = handle.read()
        self.bodies[file_path] = body
        self.kept_bytes += len(body)
        return body

    def keep(self, path: str, accept: bytes, headers: list, body: bytes):
        if len(self.answers) < self.max_entries:
            self.answers[(path, accept)] = (headers, body)


def _encoded(headers) -> list:
    return [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers] + list(
        _SECURITY_HEADERS
    )


class StaticFilesApp:
    def __init__(self, application):
        self.application = application
        self.files = ServeStaticMiddleware(get_response=_never_called, settings=settings)
        self.prefix = self.files.static_prefix
        self.memory = None
        if not self.files.autorefresh:
            self.memory = _Answers(settings.STATIC_MEMORY_BYTES, settings.STATIC_MEMORY_ENTRIES)

    def find(self, path: str):
        if self.files.autorefresh:
            # Tests and development: files appear and change while the server runs.
            return self.files.find_file(path)
        return self.files.files.get(path)

    def from_memory(self, scope, static_file):
        """(headers, body) of a plain request's answer, kept in memory after the first time."""
        accept = _plain_request(scope)
        if accept is None:
            return None
        path = scope["path"]
        kept = self.memory.get(path, accept)
        if kept is not None:
            return kept
        # servestatic chooses the variant (and so the headers) exactly as for any request.
        file_path, headers = static_file.get_path_and_headers(
            {"HTTP_ACCEPT_ENCODING": accept.decode("latin-1")}
        )
        body = self.memory.body(file_path)
        if body is None:
            return None
        answer = (_encoded(headers), body)
        self.memory.keep(path, accept, *answer)
        return answer

    async def __call__(self, scope, receive, send):
        static_file = self.find(scope["path"]) if scope["type"] == "http" else None
        if static_file is None:
            return await self.application(scope, receive, send)
        kept = self.from_memory(scope, static_file) if self.memory is not None else None
        if kept is not None:
            headers, body = kept
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send(
                {"type": "http.response.body", "body": body if scope["method"] == "GET" else b""}
            )
            return
        answer = static_file.get_response(scope["method"], _request_headers(scope))
        await send(
            {
                "type": "http.response.start",
                "status": int(answer.status),
                "headers": _encoded(answer.headers),
            }
        )
        body = b""
        if answer.file is not None:
            # Static files are small (the largest, leaflet.js, is 147 kB before compression) and
            # sit in the page cache: one read costs less than handing it to a thread.
            with answer.file as handle:
                body = handle.read()
        await send({"type": "http.response.body", "body": body})
