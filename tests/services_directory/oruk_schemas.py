"""Validators for the official Open Referral UK 3.0 schemas.

A copy of ../shared/oruk/schema/ is kept beside these tests (tests/services_directory/oruk_schema/)
so the suite runs from any checkout; test_oruk_schema_copy.py checks the copy still matches the
shared original whenever that is present."""

import datetime
import json
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from django.conf import settings

SCHEMA_DIR = Path(__file__).parent / "oruk_schema"
SHARED_SCHEMA_DIR = Path(settings.BASE_DIR).parent / "shared" / "oruk" / "schema"

# jsonschema checks these formats only with optional packages; these strict versions make sure a
# bad URI or timestamp fails the test rather than passing unchecked.
FORMATS = FormatChecker()


@FORMATS.checks("uri")
def _is_uri(value) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme and parts.netloc)


@FORMATS.checks("date-time", raises=ValueError)
def _is_datetime(value) -> bool:
    if not isinstance(value, str):
        return True
    parsed = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed.tzinfo is not None


def _load(path: Path) -> dict:
    return json.loads(path.read_text())


def _retrieve(uri: str) -> Resource:
    # The per-object schemas refer to each other by file name ("taxonomy_term.json").
    return Resource.from_contents(
        _load(SCHEMA_DIR / Path(uri).name), default_specification=DRAFT202012
    )


@cache
def validator(name: str) -> Draft202012Validator:
    """`compiled/service` or `taxonomy_term`: a validator of that schema file."""
    schema = _load(SCHEMA_DIR / f"{name}.json")
    return Draft202012Validator(
        schema, format_checker=FORMATS, registry=Registry(retrieve=_retrieve)
    )


@cache
def page_validator(item_schema: str) -> Draft202012Validator:
    """The page envelope of the ORUK OpenAPI (`components.schemas.Page`), with every field
    required, whose `contents` items are validated against `item_schema`."""
    page = _load(SCHEMA_DIR / "openapi.json")["components"]["schemas"]["Page"]
    schema = {
        **page,
        "required": sorted(page["properties"]) + ["contents"],
        "properties": {
            **page["properties"],
            "contents": {"type": "array", "items": _load(SCHEMA_DIR / f"{item_schema}.json")},
        },
    }
    return Draft202012Validator(
        schema, format_checker=FORMATS, registry=Registry(retrieve=_retrieve)
    )


def errors(validator_: Draft202012Validator, document) -> list[str]:
    return [
        f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
        for e in validator_.iter_errors(document)
    ]
