"""A new report reaches the coordinators' queue live over /ws/concerns/, after its commit, naming
the kind of place and a link; never what the reporter wrote."""

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.testing import WebsocketCommunicator

from django.test import Client
from django.urls import reverse

from concerns.models import ConcernReport
from staff.roles import CONTEXT_COORDINATORS
from staff.sync import sync_roles
from tests.auth import make_staff, sign_in, websocket_headers
from website.asgi import build_application

from .test_report_form import answers

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_report_arrives_live_without_its_words():
    sync_roles()
    coordinator = sign_in(Client(), make_staff(CONTEXT_COORDINATORS))
    words = "CANARY-LIVE a man with a van outside every evening"

    async def scenario():
        socket = WebsocketCommunicator(
            build_application(), "/ws/concerns/", headers=websocket_headers(coordinator)
        )
        assert (await socket.connect())[0]
        response = await sync_to_async(Client().post)(
            reverse("concerns:report"), answers(what_seen=words)
        )
        event = await socket.receive_json_from(timeout=10)
        await socket.send_json_to({"type": "ping"})
        pong = await socket.receive_json_from(timeout=5)
        await socket.disconnect()
        return response.status_code, event, pong

    status, event, pong = async_to_sync(scenario)()
    report = ConcernReport.objects.get()
    assert status == 201
    assert event["type"] == "report"
    assert event["report"]["id"] == str(report.pk)
    assert event["report"]["url"] == reverse("concerns_reports:report", args=[report.pk])
    assert event["report"]["place_type"] == "Takeaway or fast-food outlet"
    assert "CANARY-LIVE" not in str(event)
    assert pong == {"type": "pong"}
