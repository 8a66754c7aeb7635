"""Checking one ORUK service record before it touches the database: a clear message per problem.

Only what the importer stores is checked, with the types the ORUK schemas give."""

import datetime
import uuid

from ..models import DAY_CODES, ServiceStatus


class RecordError(ValueError):
    pass


def uuid_of(value, where: str) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except (ValueError, TypeError, AttributeError):
        raise RecordError(f"{where}: {value!r} is not a UUID") from None


def _text(record: dict, key: str, where: str, required: bool = False, limit: int | None = None):
    value = record.get(key)
    if value is None or value == "":
        if required:
            raise RecordError(f"{where}.{key}: missing")
        return ""
    if not isinstance(value, str):
        raise RecordError(f"{where}.{key}: must be text, not {type(value).__name__}")
    if limit and len(value) > limit:
        raise RecordError(f"{where}.{key}: longer than {limit} characters")
    return value.strip()


def _number(record: dict, key: str, where: str, low=None, high=None):
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RecordError(f"{where}.{key}: must be a number, not {value!r}")
    if (low is not None and value < low) or (high is not None and value > high):
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


def _list(record: dict, key: str, where: str) -> list:
    value = record.get(key) or []
    if not isinstance(value, list):
        raise RecordError(f"{where}.{key}: must be a list")
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise RecordError(f"{where}.{key}[{i}]: must be an object")
    return value


def check_service(record) -> dict:
    """Returns the record's values in our types, or raises RecordError saying what is wrong."""
    if not isinstance(record, dict):
        raise RecordError("the record is not a JSON object")
    where = "service"
    data = {
        "id": uuid_of(record.get("id"), f"{where}.id"),
        "name": _text(record, "name", where, required=True, limit=255),
        "description": _text(record, "description", where),
        "url": _text(record, "url", where, limit=200),
        "email": _text(record, "email", where, limit=254),
        "fees": _text(record, "fees", where) or _text(record, "fees_description", where),
        "accreditations": _text(record, "accreditations", where),
        "alert": _text(record, "alert", where, limit=255),
        "assurer_email": _text(record, "assurer_email", where, limit=254),
        "minimum_age": _number(record, "minimum_age", where, 0, 150),
        "maximum_age": _number(record, "maximum_age", where, 0, 150),
        "assured_date": parse_date(record.get("assured_date"), f"{where}.assured_date"),
    }
    status = record.get("status")
    if status not in ServiceStatus.values:
        raise RecordError(
            f"{where}.status: {status!r} is not one of {', '.join(ServiceStatus.values)}"
        )
    data["status"] = status
    for key in ("minimum_age", "maximum_age"):
        if data[key] is not None:
            data[key] = int(data[key])
    low, high = data["minimum_age"], data["maximum_age"]
    if low is not None and high is not None and low > high:
        raise RecordError(f"{where}: minimum_age is above maximum_age")
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
        data[key] = _list(record, key, where)
        for i, item in enumerate(data[key]):
            uuid_of(item.get("id"), f"{where}.{key}[{i}].id")
    for i, row in enumerate(data["schedules"]):
        at = f"{where}.schedules[{i}]"
        row["_opens"] = _time(row.get("opens_at"), f"{at}.opens_at")
        row["_closes"] = _time(row.get("closes_at"), f"{at}.closes_at")
        days = [d.strip().upper() for d in str(row.get("byday") or "").split(",") if d.strip()]
        unknown = [d for d in days if d not in DAY_CODES]
        if unknown:
            raise RecordError(f"{at}.byday: unknown day codes {unknown}")
        row["_byday"] = ",".join(days)
    for i, site in enumerate(data["service_at_locations"]):
        at = f"{where}.service_at_locations[{i}]"
        location = site.get("location")
        if not isinstance(location, dict):
            raise RecordError(f"{at}.location: missing")
        uuid_of(location.get("id"), f"{at}.location.id")
        _number(location, "latitude", f"{at}.location", -90, 90)
        _number(location, "longitude", f"{at}.location", -180, 180)
        if (location.get("latitude") is None) != (location.get("longitude") is None):
            raise RecordError(f"{at}.location: latitude and longitude must come together")
        for key in ("addresses", "accessibility"):
            for j, item in enumerate(_list(location, key, f"{at}.location")):
                uuid_of(item.get("id"), f"{at}.location.{key}[{j}].id")
        for j, item in enumerate(_list(site, "schedules", at)):
            uuid_of(item.get("id"), f"{at}.schedules[{j}].id")
    for i, link in enumerate(data["attributes"]):
        term = link.get("taxonomy_term")
        if term is not None:
            if not isinstance(term, dict):
                raise RecordError(f"{where}.attributes[{i}].taxonomy_term: must be an object")
            uuid_of(term.get("id"), f"{where}.attributes[{i}].taxonomy_term.id")
            _text(term, "name", f"{where}.attributes[{i}].taxonomy_term", required=True)
    organization = record.get("organization")
    if organization is not None:
        if not isinstance(organization, dict):
            raise RecordError(f"{where}.organization: must be an object")
        uuid_of(organization.get("id"), f"{where}.organization.id")
        _text(organization, "name", f"{where}.organization", required=True, limit=255)
    data["organization"] = organization
    data["extensions"] = {k: v for k, v in record.items() if k.startswith("x_")}
    return data
