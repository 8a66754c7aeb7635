"""Static files answered over ASGI in front of Django (website/static_files.py), from a real
collectstatic run with production's storage: hashed names cached for a year, gzip chosen by
Accept-Encoding with Vary, 304 on a repeat visit, HEAD without a body."""

import gzip

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
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False
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


def test_hashed_asset_is_compressed_and_cached_for_a_year(collected):
    assert collected != "/static/app/main.js"  # the name carries the hash
    response = send("GET", collected, {"Accept-Encoding": "gzip, br"})
    assert response.status_code == 200
    assert response.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["vary"]
    assert "max-age=315360000" in response.headers["cache-control"]
    assert "immutable" in response.headers["cache-control"]
    assert response.headers["x-content-type-options"] == "nosniff"
    # httpx undoes the gzip; the bytes are the file's.
    assert response.content == SCRIPT
    assert int(response.headers["content-length"]) < len(gzip.compress(SCRIPT)) * 2 < len(SCRIPT)


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
