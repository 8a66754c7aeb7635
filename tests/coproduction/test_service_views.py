"""Young people's view of a service: the form on the service page, one view per contributor per
service, changing and deleting it with the receipt code, and what the page and the ORUK feed show
(only the stored publication, coproduction/publication.py's rule)."""

import re
import uuid

import pytest

from django.core.cache import cache
from django.db import IntegrityError, OperationalError, transaction
from django.test import Client
from django.urls import reverse

from coproduction.models import (
    PendingViewChange,
    ServiceView,
    ServiceViewPublication,
    StandOut,
)
from participation.codes import keyed_hash
from participation.contributors import COOKIE_NAME
from tests.services_directory.factories import ServiceFactory

from .factories import view

pytestmark = pytest.mark.django_db

FORM = {"recommend": "yes", "stood_out": ["felt-safe", "friendly-staff"], "comment": ""}


def receipt_of(response) -> str:
    return re.search(r"data-receipt-code>([a-z]+-[a-z]+-[a-z]+-\d\d)<", response.text).group(1)


def as_young_person(n: int) -> Client:
    client = Client()
    client.cookies[COOKIE_NAME] = f"young-person-token-{n:04d}"
    return client


def give(client, service, **form):
    return client.post(reverse("coproduction:give_view", args=[service.slug]), {**FORM, **form})


def shown(service) -> dict:
    publication = ServiceViewPublication.objects.filter(service=service).first()
    return publication.counts if publication else {}


@pytest.fixture
def service():
    return ServiceFactory(name="Riverside Youth Club")


def test_the_defaults_of_what_stood_out_are_the_issues_list():
    assert list(StandOut.objects.values_list("label", flat=True)) == [
        "Felt safe",
        "Friendly staff",
        "Easy to get to",
        "Free or cheap",
        "Listened to me",
        "Not for people like me",
        "Hard to find out about",
    ]


def test_the_service_page_has_the_form_working_without_javascript(client, service):
    page = client.get(service.get_absolute_url())
    assert page.status_code == 200
    form = page.text.split('class="service-view-form"')[1].split("</form>")[0]
    assert f'action="{reverse("coproduction:give_view", args=[service.slug])}"' in page.text
    assert 'name="idempotency_key"' in form and "<script" not in form
    assert 'name="leave_empty"' in form  # the bot check
    assert "Not enough young people have given their view" in page.text


def test_a_view_is_given_with_a_receipt_and_counted_not_shown(service):
    young = as_young_person(1)
    response = give(young, service, comment="The staff were kind to me.")
    assert response.status_code == 201
    assert "your view has been sent" in response.text and receipt_of(response)
    made = ServiceView.objects.get()
    assert made.recommend == "yes"
    assert set(made.stood_out.values_list("slug", flat=True)) == {"felt-safe", "friendly-staff"}
    # The comment goes to moderation; the choices alone would not.
    assert made.moderation.kind == "service-view" and made.receipt is not None
    assert PendingViewChange.objects.filter(service=service).count() == 1
    assert shown(service) == {}


def test_a_view_without_a_comment_gives_moderation_nothing_to_read(service):
    assert give(as_young_person(1), service).status_code == 201
    assert ServiceView.objects.get().moderation is None


def test_one_view_per_contributor_per_service_giving_again_changes_it(service):
    young = as_young_person(1)
    first = receipt_of(give(young, service))
    second = give(young, service, recommend="no", stood_out=["hard-to-find-out-about"])
    assert second.status_code == 201
    assert ServiceView.objects.count() == 1
    changed = ServiceView.objects.get()
    assert changed.recommend == "no"
    assert list(changed.stood_out.values_list("slug", flat=True)) == ["hard-to-find-out-about"]
    # The new code replaces the old one, which now finds nothing.
    assert client_receipt(young, first).status_code == 404
    assert client_receipt(young, receipt_of(second)).status_code == 200
    # Another service: another view.
    assert give(young, ServiceFactory()).status_code == 201
    assert ServiceView.objects.count() == 2


def test_the_database_holds_one_view_per_contributor_per_service(service):
    view(service, "a")
    with pytest.raises(IntegrityError), transaction.atomic():
        ServiceView.objects.create(
            service=service, contributor=keyed_hash("contributor", "a"), recommend="no"
        )


def client_receipt(client, code):
    return client.post(reverse("participation:receipt"), {"code": code})


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"recommend": ""}, "recommend", "Say whether you would recommend it to a friend."),
        ({"recommend": "maybe"}, "recommend", "Select a valid choice"),
        ({"stood_out": ["made-up"]}, "stood_out", "Choose what stood out from the list."),
        ({"comment": "x" * 1001}, "comment", "Keep it to 1000 characters"),
    ],
)
def test_bad_input_gets_the_form_back_with_a_specific_error(service, change, field, message):
    response = give(as_young_person(1), service, **change)
    assert response.status_code == 400
    assert f'id="view_{field}-error"' in response.text
    assert message in response.text
    assert not ServiceView.objects.exists()


def test_an_unpublished_service_cannot_be_given_a_view():
    draft = ServiceFactory(live=False)
    assert give(as_young_person(1), draft).status_code == 404


def test_the_honeypot_refuses_a_bot(service):
    assert give(as_young_person(1), service, leave_empty="spam").status_code == 400
    assert not ServiceView.objects.exists()


def test_a_flood_gets_429_with_retry_after(service, settings):
    settings.PARTICIPATION_RATE_LIMITS = {
        **settings.PARTICIPATION_RATE_LIMITS,
        "service-view-contributor": (1, 3600),
    }
    young = as_young_person(1)
    give(young, service)
    response = give(young, ServiceFactory())
    assert response.status_code == 429
    assert response["Retry-After"] == "3600"
    assert "given a lot of views" in response.text


def test_a_busy_database_answers_503_and_keeps_the_form(service, monkeypatch):
    young = as_young_person(1)
    data = {"idempotency_key": str(uuid.uuid4()), "comment": "Kind staff."}
    save = ServiceView.save

    def locked(*args, **kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(ServiceView, "save", locked)
    response = give(young, service, **data)
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "Kind staff.</textarea>" in response.text
    assert not ServiceView.objects.exists()
    monkeypatch.setattr(ServiceView, "save", save)
    assert give(young, service, **data).status_code == 201


def test_sending_the_same_form_twice_makes_one_view(service):
    young = as_young_person(1)
    key = str(uuid.uuid4())
    first, again = (
        give(young, service, idempotency_key=key),
        give(young, service, idempotency_key=key),
    )
    assert (first.status_code, again.status_code) == (201, 200)
    assert receipt_of(first) == receipt_of(again)
    assert ServiceView.objects.count() == 1


def test_shown_only_from_the_threshold_rounded_down_never_the_comment(client, service):
    for n in range(4):
        view(service, f"p{n}", stood_out=["felt-safe"], comment="Dave there is lovely")
    assert shown(service) == {}
    assert "data-young-peoples-view" not in client.get(service.get_absolute_url()).text
    view(service, "p4", recommend="no", stood_out=["felt-safe"])
    assert shown(service) == {"people": 5, "felt-safe": 5}  # 4 yes and 1 no: neither shown
    page = client.get(service.get_absolute_url()).text
    assert "data-young-peoples-view" in page
    assert "At least 5 young people gave their view" in page
    assert "Felt safe: 5" in page
    assert "Dave" not in page


def test_a_published_view_changes_only_after_the_threshold_of_further_people(service):
    for n in range(5):
        view(service, f"p{n}")
    assert shown(service)["yes"] == 5
    for n in range(4):
        view(service, f"p{n}", recommend="no")  # four people change: not enough
    assert shown(service)["yes"] == 5
    view(service, "p4", recommend="no")
    assert shown(service) == {"people": 5, "no": 5}


def test_a_view_deleted_by_receipt_code_leaves_the_counts_at_the_next_publication(service):
    young = as_young_person(0)
    code = receipt_of(give(young, service, stood_out=["listened-to-me"]))
    for n in range(1, 5):
        view(service, f"p{n}", stood_out=["listened-to-me"])
    assert shown(service)["listened-to-me"] == 5
    deleted = young.post(
        reverse("participation:receipt"), {"code": code, "action": "delete", "confirm": "yes"}
    )
    assert deleted.status_code == 200
    assert not ServiceView.objects.filter(
        contributor=keyed_hash("contributor", young.cookies[COOKIE_NAME].value)
    ).exists()
    # Until enough further people changed something, the shown view stays as it was ...
    assert shown(service)["listened-to-me"] == 5
    for n in range(5, 9):
        view(service, f"p{n}")
    # ... then the deleted view is gone from the counts: 8 views, none from the deleted one.
    assert shown(service) == {"people": 5, "yes": 5}


def test_the_receipt_page_shows_the_view(service):
    young = as_young_person(1)
    code = receipt_of(give(young, service))
    page = client_receipt(young, code)
    assert "Your view of Riverside Youth Club: would recommend it: yes." in page.text


def test_a_service_with_no_published_view_has_no_extension(client, service):
    view(service, "p0")
    assert "x_young_peoples_view" not in client.get(f"/api/oruk/services/{service.id}").json()


def test_a_publication_makes_the_cached_service_page_out_of_date(
    service, settings, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    url = service.get_absolute_url()
    assert Client().get(url)["X-Page-Cache"] == "miss"
    assert Client().get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(4):
            view(service, f"p{n}")
    # Views waiting for a publication change no page: the cache is left alone.
    assert Client().get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        view(service, "p4")
    page = Client().get(url)
    assert page["X-Page-Cache"] == "miss"
    assert "At least 5 young people gave their view" in page.text
    cache.clear()


def test_a_view_is_changed_from_another_device_with_its_receipt_code(service):
    code = receipt_of(give(as_young_person(1), service))
    other_device = as_young_person(2)
    changed = give(other_device, service, recommend="not_sure", receipt_code=code.upper())
    assert changed.status_code == 201
    assert ServiceView.objects.count() == 1
    assert ServiceView.objects.get().recommend == "not_sure"
    assert ServiceView.objects.get().contributor == keyed_hash(
        "contributor", "young-person-token-0001"
    )


@pytest.mark.parametrize(
    ("code", "status", "message"),
    [
        ("not a code", 400, "That does not look like a receipt code."),
        ("maple-otter-kite-48", 404, "We could not find anything with that code."),
    ],
)
def test_a_wrong_receipt_code_gets_the_form_back_saying_so(service, code, status, message):
    response = give(as_young_person(1), service, receipt_code=code)
    assert response.status_code == status
    assert 'id="view_receipt_code-error"' in response.text and message in response.text
    assert not ServiceView.objects.exists()


def test_the_code_of_a_view_of_another_service_changes_nothing_here(service):
    code = receipt_of(give(as_young_person(1), ServiceFactory()))
    response = give(as_young_person(1), service, receipt_code=code)
    assert response.status_code == 404
    assert "That code is not for a view of this service." in response.text
    assert ServiceView.objects.count() == 1
