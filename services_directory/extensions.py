"""What apps above the directory add to a service's public page and ORUK record.

Such an app (coproduction: young people's view of a service) builds on services_directory, so the
directory never imports it: the app registers its extension when it is ready, and the service page
and the ORUK serialisers ask the registry."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ServiceExtension:
    name: str
    # service -> fields added to its ORUK record, each named x_... (ORUK's extension prefix).
    oruk_fields: Callable[[object], dict]
    # (request, service) -> {"template": ..., and its context} of a section of the service
    # page, or None to add nothing.
    page_section: Callable[[object, object], dict | None] | None = None
    # A one-to-one relation of Service that oruk_fields reads, fetched with the service.
    related: str = ""


_extensions: dict[str, ServiceExtension] = {}


def register(extension: ServiceExtension) -> None:
    _extensions[extension.name] = extension


def registered() -> tuple[ServiceExtension, ...]:
    return tuple(_extensions.values())


def related(prefix: str = "") -> list[str]:
    """The relations to select_related with services (`prefix`: "service__" from a site)."""
    return [prefix + e.related for e in _extensions.values() if e.related]


def oruk_fields(service) -> dict:
    fields = {}
    for extension in _extensions.values():
        added = extension.oruk_fields(service)
        if any(not name.startswith("x_") for name in added):
            raise ValueError(f"{extension.name}: ORUK extension fields are named x_...")
        fields.update(added)
    return fields


def page_sections(request, service) -> list[dict]:
    sections = (e.page_section(request, service) for e in _extensions.values() if e.page_section)
    return [section for section in sections if section]
