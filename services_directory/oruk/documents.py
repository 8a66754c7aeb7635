"""What kind of Open Referral UK record a JSON object is, so that a file of organizations or
locations given to `import_oruk` is named for what it is instead of failing as a service with no
status. Each kind is told apart by fields that only its own ORUK 3.0 schema has."""

SERVICE = "service"
# Fields of ORUK 3.0 records that a service record does not have.
_ONLY_IN = {
    "organization": {
        "website",
        "logo",
        "uri",
        "parent_organization_id",
        "organization_identifiers",
        "legal_status",
        "year_incorporated",
        "services",
    },
    "location": {"location_type", "latitude", "longitude", "external_identifier"},
    "taxonomy term": {"code", "taxonomy", "taxonomy_id", "term_uri", "parent_id"},
}
# Fields only a service has: any of them and the record is read as a service.
_SERVICE_ONLY = {
    "status",
    "service_at_locations",
    "organization",
    "organization_id",
    "schedules",
    "cost_options",
    "service_areas",
}

EXPECTED = (
    "import_oruk expects services: one service record, a list of services, a /services page "
    "({'contents': [...]}), or the API's address (its /services are read)"
)


def record_kind(record) -> str:
    """ "service", or another ORUK kind ("organization", "location", "taxonomy term") when the
    record has that kind's own fields and none of a service's."""
    if not isinstance(record, dict) or _SERVICE_ONLY & record.keys():
        return SERVICE
    for kind, fields in _ONLY_IN.items():
        if fields & record.keys():
            return kind
    return SERVICE


def not_a_service(kind: str) -> str:
    return f"this is an Open Referral UK {kind}, not a service"
