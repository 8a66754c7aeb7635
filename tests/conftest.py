import pytest


@pytest.fixture
def home_page(db):
    from website.site_tree import ensure_site_tree

    return ensure_site_tree()


@pytest.fixture(scope="session")
def _asgi_server(django_db_setup, django_db_blocker):
    # Built after the test database exists, so the server's connections open the test database.
    from tests.servers import ThreadedASGIServer
    from website.asgi import build_application

    server = ThreadedASGIServer(build_application()).start()
    yield server
    server.stop()


@pytest.fixture
def asgi_server(_asgi_server, transactional_db):
    """The live server, for a test whose data is committed (the server reads it from another
    thread). Transactional tests flush the page tree, so it is rebuilt here."""
    from website.site_tree import ensure_site_tree

    ensure_site_tree()
    return _asgi_server


@pytest.fixture(autouse=True)
def _own_media_folders(settings, tmp_path):
    # Each test gets its own media folders, so stored files never leak between tests.
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
