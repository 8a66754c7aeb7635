"""Checking one ORUK service record before it touches the database: a clear message per problem.

The record is validated against the official ORUK 3.0 service schema bundled in `schema/`
(JSON Schema, checked as Draft 2020-12 like the ORUK tools do); what is left here is what the
schema cannot say: our storage limits, ages in order, coordinates on Earth and in pairs, day codes,
and the conversion of dates and times into our types."""

import datetime
import json
import uuid
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

from ..models import DAY_CODES, ServiceStatus

SCHEMA_PATH = Path(__file__).parent / "schema" / "service.json"
# Only the uuid format is enforced: ids are what link records and upserts. The schema's "email"
# and "uri" formats are left as the importer always left them (feeds write "" for "none").
_FORMATS = FormatChecker(formats=("uuid",))
_FORMAT_NAMES = {"uuid": "UUID"}


class RecordError(ValueError):
    pass


@cache
def service_validator() -> Draft202012Validator:
    return Draft202012Validator(json.loads(SCHEMA_PATH.read_text()), format_checker=_FORMATS)


def _without_nulls(value):
    # A null counts as absent, as the importer always read it: feeds write null for "not known".
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    return value


def _where(path) -> str:
    text = "service"
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


def _reason(error) -> str:
    if error.validator == "format" and error.validator_value in _FORMAT_NAMES:
        return f"{error.instance!r} is not a {_FORMAT_NAMES[error.validator_value]}"
    if error.validator == "required":
        return "missing"
    return error.message


def _schema_errors(record: dict) -> list[str]:
    messages = []
    for error in sorted(
        service_validator().iter_errors(record), key=lambda e: list(map(str, e.path))
    ):
        path = list(error.path)
        if error.validator == "required":
            # "'name' is a required property": name the missing field in the path.
            path.append(error.message.split("'")[1])
        messages.append(f"{_where(path)}: {_reason(error)}")
    return messages


def uuid_of(value, where: str) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except (ValueError, TypeError, AttributeError):
        raise RecordError(f"{where}: {value!r} is not a UUID") from None


def _text(record: dict, key: str, where: str, limit: int | None = None) -> str:
    # The schema has said it is text; the limit is our column's.
    value = record.get(key) or ""
    if limit and len(value) > limit:
        raise RecordError(f"{where}.{key}: longer than {limit} characters")
    return value.strip()


def _in_range(record: dict, key: str, where: str, low, high):
    value = record.get(key)
    if value is not None and not low <= value <= high:
        raise RecordError(f"{where}.{key}: {value} is out of range")
    return value


def parse_date(value, where: str):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise RecordError(f"{where}: {value!r} is not a date (YYYY-MM-DD)") from None


def _time(value, where: str):
    if not value:
        return None
    try:
        return datetime.time.fromisoformat(str(value)[:8])
    except ValueError:
        raise RecordError(f"{where}: {value!r} is not a time (HH:MM:SS)") from None


def _check_ages(data: dict, where: str) -> None:
    if not data["name"]:
        raise RecordError(f"{where}.name: missing")
    for key in ("minimum_age", "maximum_age"):
        if data[key] is not None:
            data[key] = int(data[key])
    low, high = data["minimum_age"], data["maximum_age"]
    if low is not None and high is not None and low > high:
        raise RecordError(f"{where}: minimum_age is above maximum_age")


def _check_phones(phones, where: str) -> None:
    # Phones sit under contacts in ORUK 3.0; a feed that still lists them on the service is read,
    # with the checks the schema would give them.
    if not isinstance(phones, list) or not all(isinstance(p, dict) for p in phones):
        raise RecordError(f"{where}.phones: must be a list of objects")
    for i, phone in enumerate(phones):
        uuid_of(phone.get("id"), f"{where}.phones[{i}].id")


def _check_schedules(schedules, where: str) -> None:
    """Reads each schedule's times and day codes into `_opens`, `_closes` and `_byday`."""
    for i, row in enumerate(schedules):
        at = f"{where}.schedules[{i}]"
        row["_opens"] = _time(row.get("opens_at"), f"{at}.opens_at")
        row["_closes"] = _time(row.get("closes_at"), f"{at}.closes_at")
        days = [d.strip().upper() for d in str(row.get("byday") or "").split(",") if d.strip()]
        unknown = [d for d in days if d not in DAY_CODES]
        if unknown:
            raise RecordError(f"{at}.byday: unknown day codes {unknown}")
        row["_byday"] = ",".join(days)


def _check_sites(sites, where: str) -> None:
    for i, site in enumerate(sites):
        at = f"{where}.service_at_locations[{i}]"
        location = site.get("location")
        if location is None:
            raise RecordError(f"{at}.location: missing")
        _in_range(location, "latitude", f"{at}.location", -90, 90)
        _in_range(location, "longitude", f"{at}.location", -180, 180)
        if ("latitude" in location) != ("longitude" in location):
            raise RecordError(f"{at}.location: latitude and longitude must come together")


def check_service(record) -> dict:
    """Returns the record's values in our types, or raises RecordError saying what is wrong."""
    if not isinstance(record, dict):
        raise RecordError("the record is not a JSON object")
    record = _without_nulls(record)
    errors = _schema_errors(record)
    if errors:
        raise RecordError("; ".join(errors))
    where = "service"
    data = {
        "id": str(uuid.UUID(record["id"])),
        "name": _text(record, "name", where, limit=255),
        "description": _text(record, "description", where),
        "url": _text(record, "url", where, limit=200),
        "email": _text(record, "email", where, limit=254),
        "fees": _text(record, "fees", where) or _text(record, "fees_description", where),
        "accreditations": _text(record, "accreditations", where),
        "alert": _text(record, "alert", where, limit=255),
        "assurer_email": _text(record, "assurer_email", where, limit=254),
        "minimum_age": _in_range(record, "minimum_age", where, 0, 150),
        "maximum_age": _in_range(record, "maximum_age", where, 0, 150),
        "assured_date": parse_date(record.get("assured_date"), f"{where}.assured_date"),
        # The schema's status list is ours too; this keeps the two from drifting apart unseen.
        "status": ServiceStatus(record["status"]).value,
    }
    _check_ages(data, where)
    for key in (
        "schedules",
        "service_areas",
        "languages",
        "cost_options",
        "contacts",
        "phones",
        "attributes",
        "service_at_locations",
    ):
        data[key] = record.get(key, [])
    _check_phones(data["phones"], where)
    _check_schedules(data["schedules"], where)
    _check_sites(data["service_at_locations"], where)
    organization = record.get("organization")
    if organization is not None:
        _text(organization, "name", f"{where}.organization", limit=255)
    data["organization"] = organization
    data["extensions"] = {k: v for k, v in record.items() if k.startswith("x_")}
    return data
