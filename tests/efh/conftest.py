import pytest


@pytest.fixture
def efh_index(home_page):
    from tests.efh.factories import EFHIndexPageFactory

    return EFHIndexPageFactory(parent=home_page)
