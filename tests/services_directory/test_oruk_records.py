"""ORUK records are checked against the bundled official schema, with messages naming the field."""

import json
from pathlib import Path

import pytest

from services_directory.oruk.records import SCHEMA_PATH, RecordError, check_service
from tests.services_directory.oruk_schemas import SCHEMA_DIR

FEED = Path(__file__).parent / "fixtures" / "oruk_feed"
CLUB = "11111111-1111-4111-8111-111111111111"


def club() -> dict:
    return json.loads((FEED / "services" / f"{CLUB}.json").read_text())


def test_the_bundled_schema_is_the_official_compiled_one():
    assert SCHEMA_PATH.read_bytes() == (SCHEMA_DIR / "compiled" / "service.json").read_bytes()


def test_a_good_record_passes_and_nulls_count_as_absent():
    record = club()
    record["email"] = None
    data = check_service(record)
    assert data["id"] == CLUB and data["email"] == ""


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda r: r.pop("name"), "service.name: missing"),
        (lambda r: r.update(minimum_age="11"), "service.minimum_age: '11' is not of type 'number'"),
        (
            lambda r: r["service_at_locations"][0]["location"].pop("location_type"),
            "service.service_at_locations[0].location.location_type: missing",
        ),
        (
            lambda r: r["schedules"][0].update(id="nope"),
            "service.schedules[0].id: 'nope' is not a UUID",
        ),
        (lambda r: r.update(schedules={}), "service.schedules: {} is not of type 'array'"),
    ],
)
def test_each_problem_is_named_by_its_path(change, message):
    record = club()
    change(record)
    with pytest.raises(RecordError) as caught:
        check_service(record)
    assert message in str(caught.value)


def test_what_the_schema_cannot_say_is_still_checked():
    record = club()
    record.update(minimum_age=18, maximum_age=11)
    with pytest.raises(RecordError, match="minimum_age is above maximum_age"):
        check_service(record)
    record = club()
    record["service_at_locations"][0]["location"]["latitude"] = 95
    with pytest.raises(RecordError, match=r"location\.latitude: 95 is out of range"):
        check_service(record)
