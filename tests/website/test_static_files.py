"""Static files answered over ASGI in front of Django (website/static_files.py), from a real
collectstatic run with production's storage: hashed names cached for a year, brotli or gzip
(compressed once, at collectstatic) chosen by Accept-Encoding with Vary, 304 on a repeat visit,
HEAD without a body."""

import gzip

import brotli
import httpx
import pytest
from asgiref.sync import async_to_sync

from django.core.management import call_command

from website.static_files import StaticFilesApp

SCRIPT = b"// A script big enough to be worth compressing.\n" + b"console.log('x');\n" * 200


async def not_django(scope, receive, send):
    await send({"type": "http.response.start", "status": 418, "headers": []})
    await send({"type": "http.response.body", "body": b""})


@pytest.fixture
def collected(settings, tmp_path):
    source = tmp_path / "source"
    (source / "app").mkdir(parents=True)
    (source / "app" / "main.js").write_bytes(SCRIPT)
    settings.STATICFILES_DIRS = [source]
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STATIC_ROOT = tmp_path / "root"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "servestatic.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.SERVESTATIC_USE_FINDERS = False
    settings.SERVESTATIC_AUTOREFRESH = False
    call_command("collectstatic", "--no-input", verbosity=0)
    from django.templatetags.static import static

    return static("app/main.js")


def send(method: str, path: str, headers=None) -> httpx.Response:
    """One real ASGI request to the static application (Django's stand-in answers 418)."""

    async def run():
        transport = httpx.ASGITransport(app=StaticFilesApp(not_django))
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            return await http.request(method, path, headers=headers)

    return async_to_sync(run)()


def test_hashed_asset_is_brotli_compressed_and_cached_for_a_year(collected):
    assert collected != "/static/app/main.js"  # the name carries the hash
    response = send("GET", collected, {"Accept-Encoding": "gzip, br"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "br"
    assert "Accept-Encoding" in response.headers["vary"]
    assert "max-age=315360000" in response.headers["cache-control"]
    assert "immutable" in response.headers["cache-control"]
    assert response.headers["x-content-type-options"] == "nosniff"
    # httpx undoes the brotli (with the Brotli package); what was sent is a quarter the size.
    assert response.content == SCRIPT
    assert int(response.headers["content-length"]) < len(brotli.compress(SCRIPT)) * 2
    assert int(response.headers["content-length"]) < len(SCRIPT) // 4


def test_gzip_for_a_client_without_brotli(collected):
    response = send("GET", collected, {"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["vary"]
    assert "immutable" in response.headers["cache-control"]
    assert response.content == SCRIPT
    assert int(response.headers["content-length"]) < len(gzip.compress(SCRIPT)) * 2


def test_plain_when_gzip_is_not_asked_for(collected):
    response = send("GET", collected, {"Accept-Encoding": "identity"})
    assert "content-encoding" not in response.headers
    assert response.content == SCRIPT


def test_repeat_visit_gets_304_and_head_no_body(collected):
    first = send("GET", collected)
    again = send("GET", collected, {"If-None-Match": first.headers["etag"]})
    head = send("HEAD", collected)
    assert again.status_code == 304 and again.content == b""
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == first.headers["etag"]


def test_other_paths_go_on_to_django(collected):
    assert send("GET", "/static/no-such-file.js").status_code == 418
    assert send("GET", "/").status_code == 418


def test_kept_answers_are_the_same_as_the_files_answers(collected, settings):
    # Once in memory, every variant answers with the same headers and bytes as servestatic would
    # from the file; HEAD with no body, conditions and ranges still answered from the file.
    app = StaticFilesApp(not_django)

    def ask(method, headers):
        async def run():
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as h:
                return await h.request(method, collected, headers=headers)

        return async_to_sync(run)()

    for accept in ("gzip, br", "gzip", "identity", ""):
        first, again = (
            ask("GET", {"Accept-Encoding": accept}),
            ask("GET", {"Accept-Encoding": accept}),
        )
        fresh = send("GET", collected, {"Accept-Encoding": accept})
        assert first.headers == again.headers == fresh.headers
        assert first.content == again.content == fresh.content == SCRIPT
    assert len(app.memory.answers) == 4
    assert len(app.memory.bodies) == 3  # br, gzip and plain: each file's bytes kept once
    head = ask("HEAD", {"Accept-Encoding": "gzip"})
    assert head.content == b"" and head.headers == ask("GET", {"Accept-Encoding": "gzip"}).headers
    etag = head.headers["etag"]
    assert ask("GET", {"If-None-Match": etag}).status_code == 304
    part = ask("GET", {"Range": "bytes=0-9", "Accept-Encoding": "identity"})
    assert part.status_code == 206 and part.content == SCRIPT[:10]


def test_memory_is_bounded_by_its_settings(collected, settings):
    settings.STATIC_MEMORY_BYTES = 10  # smaller than any variant: nothing kept, all still served
    app = StaticFilesApp(not_django)

    async def run(accept):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as h:
            return await h.get(collected, headers={"Accept-Encoding": accept})

    assert async_to_sync(run)("gzip").content == SCRIPT
    assert app.memory.kept_bytes == 0 and not app.memory.answers
    settings.STATIC_MEMORY_BYTES, settings.STATIC_MEMORY_ENTRIES = 10**6, 2
    app = StaticFilesApp(not_django)
    for accept in ("gzip", "br", "identity", "gzip;q=1", "x-odd"):
        assert async_to_sync(run)(accept).content == SCRIPT
    assert len(app.memory.answers) == 2  # odd Accept-Encoding spellings cannot grow it
