import pytest

from django.test import Client

from staff.roles import MODERATORS, SAFEGUARDING_LEADS
from tests.auth import make_staff, sign_in


@pytest.fixture
def moderator(db):
    return make_staff(MODERATORS)


@pytest.fixture
def lead(db):
    user = make_staff(SAFEGUARDING_LEADS)
    user.email = f"{user.username}@leads.example"
    user.save()
    return user


@pytest.fixture
def moderator_client(moderator):
    return sign_in(Client(), moderator)


@pytest.fixture
def lead_client(lead):
    return sign_in(Client(), lead)
