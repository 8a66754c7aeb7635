"""The Open Referral UK API at /api/oruk/: real responses validated against the official schemas."""

import json
import os
import uuid
from pathlib import Path

import pytest

from services_directory.models import Location, ServiceAtLocation, Taxonomy, TaxonomyTerm
from tests.services_directory.factories import (
    AddressFactory,
    LocationFactory,
    ServiceFactory,
    at,
    full_service,
    opens,
    place,
    term,
)
from tests.services_directory.oruk_schemas import errors, page_validator, validator

pytestmark = pytest.mark.django_db
SNAPSHOT = Path(__file__).parent / "snapshots" / "oruk_openapi.json"


def get(client, path, **params):
    response = client.get(f"/api/oruk{path}", params)
    assert response["Access-Control-Allow-Origin"] == "*"
    return response


def ok(client, path, **params):
    response = get(client, path, **params)
    assert response.status_code == 200, response.content
    return response.json()


def test_root_names_the_version(client):
    body = ok(client, "/")
    assert body["version"] == "HSDS-UK-3.0"
    assert body["openapi_url"].endswith("/api/oruk/openapi.json")


def test_full_service_validates_against_compiled_service_schema(client):
    service = full_service()
    body = ok(client, f"/services/{service.id}")
    assert errors(validator("compiled/service"), body) == []
    # Everything we hold is there, in HSDS names.
    assert body["organization"]["organization_identifiers"][0]["identifier"] == "1234567"
    assert body["service_at_locations"][0]["location"]["addresses"][0]["postal_code"] == "BS5 6AA"
    assert body["schedules"][0]["byday"] == "MO,WE"
    assert body["cost_options"][0]["amount"] == 5.0
    assert body["contacts"][0]["phones"][0]["number"] == "0117 000 0000"
    assert {a["taxonomy_term"]["term"] for a in body["attributes"]} == {
        "criminal-exploitation",
        "mentoring",
        "young-people",
    }


def test_services_page_envelope_and_items_validate(client):
    full_service()
    for n in range(4):
        ServiceFactory(name=f"Listed {n}")
    body = ok(client, "/services", per_page=2, page=2)
    assert errors(page_validator("compiled/service_list"), body) == []
    assert (body["total_items"], body["total_pages"], body["page_number"], body["size"]) == (
        5,
        3,
        2,
        2,
    )
    assert (body["first_page"], body["last_page"], body["empty"]) == (False, False, False)
    last = ok(client, "/services", per_page=2, page=3)
    assert last["last_page"] is True and last["size"] == 1


def test_a_page_past_the_end_is_empty(client):
    ServiceFactory()
    body = ok(client, "/services", page=999_999)
    assert body["contents"] == [] and body["total_items"] == 1 and body["last_page"] is True


def test_empty_result_is_a_valid_empty_page(client):
    body = ok(client, "/services", search="nothing matches this")
    assert errors(page_validator("compiled/service_list"), body) == []
    assert body["empty"] is True and body["contents"] == [] and body["total_pages"] == 1


def test_service_at_locations_validate(client):
    service = full_service()
    body = ok(client, "/service_at_locations")
    assert errors(page_validator("compiled/service_at_location_list"), body) == []
    site = service.service_at_locations.get()
    detail = ok(client, f"/service_at_locations/{site.id}")
    assert errors(validator("compiled/service_at_location"), detail) == []
    assert detail["service"]["id"] == str(service.id)


def test_taxonomies_and_terms_validate(client):
    taxonomies = ok(client, "/taxonomies")
    assert errors(page_validator("taxonomy"), taxonomies) == []
    needs = Taxonomy.objects.get(slug="needs")
    detail = ok(client, f"/taxonomies/{needs.id}")
    assert errors(validator("taxonomy"), detail) == []
    assert len(detail["taxonomy_terms"]) == needs.terms.count()
    terms = ok(client, "/taxonomy_terms", per_page=100)
    assert errors(page_validator("taxonomy_term"), terms) == []
    assert terms["total_items"] == TaxonomyTerm.objects.count()
    one = ok(client, f"/taxonomy_terms/{term('mentoring').id}")
    assert errors(validator("taxonomy_term"), one) == []


def test_term_ids_are_stable_across_installations(client):
    # Seeded with uuid5 ids from the slugs: every install publishes the same id for a term.
    namespace = uuid.UUID("6f1d8c52-4b0e-4d7a-9a57-2c3e8f0b5e11")
    expected = uuid.uuid5(namespace, "term/needs/criminal-exploitation")
    assert term("criminal-exploitation").id == expected
    assert (
        ok(client, f"/taxonomy_terms/{expected}")["name"]
        == "Criminal exploitation and county lines"
    )


def ids(body) -> set[str]:
    return {item.get("service_id", item["id"]) for item in body["contents"]}


def test_oruk_filters(client):
    youth = ServiceFactory(name="Youth", minimum_age=11, maximum_age=18, needs=["mentoring"])
    opens(youth, "SA", "18:30", "21:00")
    adult = ServiceFactory(name="Adult", minimum_age=18, maximum_age=99, needs=["housing"])
    opens(adult, "MO", "09:00", "17:00")
    assert ids(ok(client, "/services", taxonomy_term_id=str(term("mentoring").id))) == {
        str(youth.id)
    }
    needs = Taxonomy.objects.get(slug="needs")
    assert ids(ok(client, "/services", taxonomy_id=str(needs.id))) == {str(youth.id), str(adult.id)}
    assert ids(ok(client, "/services", minimum_age=18)) == {str(adult.id)}
    assert ids(ok(client, "/services", maximum_age=18)) == {str(youth.id)}
    assert ids(ok(client, "/services", start_time="18:00")) == {str(youth.id)}
    assert ids(ok(client, "/services", end_time="17:00")) == {str(adult.id)}
    assert ids(ok(client, "/services", day="saturday")) == {str(youth.id)}
    assert ids(ok(client, "/services", day="MO")) == {str(adult.id)}
    assert ids(ok(client, "/services", search="mentor")) == {str(youth.id)}


def test_our_extensions_mean_what_the_public_search_means(client):
    youth = ServiceFactory(
        name="Youth", minimum_age=11, maximum_age=18, needs=["criminal-exploitation"]
    )
    opens(youth, "SA", "18:30", "21:00")
    other = ServiceFactory(name="Other", minimum_age=19, needs=["housing"])
    at(other, LocationFactory(place=place("bedminster"), lat=None, lng=None))
    assert ids(ok(client, "/services", x_age=14)) == {str(youth.id)}
    assert ids(ok(client, "/services", x_when="evening,weekend")) == {str(youth.id)}
    assert ids(ok(client, "/services", x_need="criminal-exploitation")) == {str(youth.id)}
    assert ids(ok(client, "/services", search="county lines")) == {str(youth.id)}
    near = ok(client, "/services", x_near="bedminster")
    assert [s["id"] for s in near["contents"]] == [str(other.id), str(youth.id)]


def test_sites_by_postcode_and_proximity(client):
    near = ServiceFactory(name="Near")
    loc = LocationFactory(place=place("bedminster"), lat=None, lng=None)
    AddressFactory(location=loc, postal_code="BS3 4AA")
    at(near, loc)
    far = ServiceFactory(name="Far")
    far_loc = LocationFactory(place=place("southmead"), lat=None, lng=None)
    AddressFactory(location=far_loc, postal_code="BS10 5AA")
    at(far, far_loc)
    assert ids(ok(client, "/service_at_locations", postcode="bs3")) == {str(near.id)}
    assert ids(ok(client, "/service_at_locations", x_near="bedminster", proximity=2000)) == {
        str(near.id)
    }
    assert ids(ok(client, "/service_at_locations", postcode="BS10 5AA", proximity=500)) == {
        str(far.id)
    }


@pytest.mark.parametrize(
    ("path", "params", "field"),
    [
        ("/services", {"page": 0}, "page"),
        ("/services", {"per_page": 5000}, "per_page"),
        ("/services", {"taxonomy_term_id": "not-a-uuid"}, "taxonomy_term_id"),
        ("/services", {"x_near": "atlantis"}, "x_near"),
        ("/services", {"x_when": "midnight"}, "x_when"),
        ("/services", {"day": "funday"}, "day"),
        ("/services", {"x_kind": "spaceship"}, "x_kind"),
        ("/service_at_locations", {"proximity": 100}, "proximity"),
        ("/services", {"start_time": "18:00:00Z"}, "start_time"),
        ("/services", {"end_time": "21:00+01:00"}, "end_time"),
        ("/taxonomies", {"page": 10**20}, "page"),
    ],
)
def test_bad_parameters_answer_422_naming_the_field(client, path, params, field):
    response = get(client, path, **params)
    assert response.status_code == 422
    assert any(field in error["loc"] for error in response.json()["detail"]), response.json()


def test_unknown_and_unpublished_records_are_404(client):
    draft = ServiceFactory(live=False)
    assert get(client, f"/services/{draft.id}").status_code == 404
    assert get(client, f"/services/{uuid.uuid4()}").status_code == 404
    assert get(client, "/services/not-a-uuid").status_code in (404, 422)


def test_openapi_snapshot(client):
    """The published description of the API changes only on purpose: regenerate the snapshot
    with SNAPSHOT_UPDATE=1 and review the diff."""
    schema = client.get("/api/oruk/openapi.json").json()
    if os.environ.get("SNAPSHOT_UPDATE"):
        SNAPSHOT.parent.mkdir(exist_ok=True)
        SNAPSHOT.write_text(json.dumps(schema, indent=1, sort_keys=True) + "\n")
    assert schema == json.loads(SNAPSHOT.read_text())


def test_site_list_items_never_include_other_services_locations(client):
    service = full_service()
    other = ServiceFactory(name="Other")
    assert ServiceAtLocation.objects.count() == 1
    assert Location.objects.count() == 1
    body = ok(client, "/service_at_locations")
    assert [c["service"]["id"] for c in body["contents"]] == [str(service.id)]
    assert other.id


def test_the_young_peoples_view_extension_is_there_and_every_record_still_validates(client):
    # Young people's view of a service (coproduction), as an x_ extension on the service.
    from tests.coproduction.factories import view

    service = full_service()
    for n in range(7):
        view(service, f"p{n}", stood_out=["free-or-cheap"] if n < 5 else ())
    full = ok(client, f"/services/{service.id}")
    assert errors(validator("compiled/service"), full) == []
    assert full["x_young_peoples_view"] == {
        "people": 5,
        "recommend": {"yes": 5, "not_sure": 0, "no": 0},
        "stood_out": {"free-or-cheap": 5},
        "published": full["x_young_peoples_view"]["published"],
    }
    listed = ok(client, "/services")
    assert errors(page_validator("compiled/service_list"), listed) == []
    assert listed["contents"][0]["x_young_peoples_view"] == full["x_young_peoples_view"]
    sites = ok(client, "/service_at_locations")
    assert errors(page_validator("compiled/service_at_location_list"), sites) == []
    assert sites["contents"][0]["service"]["x_young_peoples_view"]["people"] == 5
    site = ok(client, f"/service_at_locations/{service.service_at_locations.get().id}")
    assert errors(validator("compiled/service_at_location"), site) == []
    assert site["service"]["x_young_peoples_view"] == full["x_young_peoples_view"]


def test_a_service_list_with_published_views_takes_no_query_per_service(
    client, django_assert_max_num_queries
):
    from tests.coproduction.factories import view

    def listed_with_views(count):
        for _ in range(count):
            service = ServiceFactory()
            for n in range(5):
                view(service, f"p{n}")

    listed_with_views(2)
    with django_assert_max_num_queries(20) as two:
        ok(client, "/services")
    listed_with_views(4)
    with django_assert_max_num_queries(len(two.captured_queries)):
        body = ok(client, "/services")
    assert sum("x_young_peoples_view" in s for s in body["contents"]) == 6
