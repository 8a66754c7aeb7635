import uuid

import pytest

from django.test import Client

from staff.roles import CONTEXT_COORDINATORS
from tests.auth import make_staff, sign_in


@pytest.fixture(autouse=True)
def fresh_rate_limits(settings):
    settings.CONCERNS_RATE_LIMIT_NAMESPACE = uuid.uuid4().hex


@pytest.fixture
def coordinator(db):
    user = make_staff(CONTEXT_COORDINATORS)
    user.email = f"{user.username}@coordinators.example"
    user.save()
    return user


@pytest.fixture
def coordinator_client(coordinator):
    return sign_in(Client(), coordinator)
