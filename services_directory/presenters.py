"""What the public pages show of a service, computed once per result so templates stay simple.

Everything location-related comes from `queries.public_sites`: confidential locations are never
among them."""

from dataclasses import dataclass, field

from . import schedules
from .models import Service
from .queries import nearest_distance, public_sites


def miles_text(miles: float) -> str:
    if miles < 0.1:
        return "less than 0.1 miles away"
    return f"{miles:.1f} miles away" if round(miles, 1) != 1.0 else "1 mile away"


@dataclass
class Result:
    service: Service
    sites: list = field(default_factory=list)
    distance: float | None = None
    times: list[str] = field(default_factory=list)
    evening: bool = False
    weekend: bool = False

    @property
    def distance_text(self) -> str:
        return "" if self.distance is None else miles_text(self.distance)

    @property
    def where_text(self) -> str:
        """Where it happens, in words: the public sites, or why there is no place to show."""
        names = [s.location.name for s in self.sites]
        if names:
            return "; ".join(names)
        areas = [a.name for a in self.service.service_areas.all()]
        return f"Covers {', '.join(areas)}" if areas else "Covers the whole of Bristol"

    def markers(self) -> list[dict]:
        return [
            {
                "slug": self.service.slug,
                "name": self.service.name,
                "location": site.location.name,
                "lat": round(site.location.lat, 5),
                "lng": round(site.location.lng, 5),
                "url": self.service.get_absolute_url(),
                "kind": self.service.kind,
            }
            for site in self.sites
            if site.location.position
        ]

    def saved_entry(self) -> dict:
        """What "save to my list" keeps in the browser: enough to print the list offline."""
        service = self.service
        phones = [p.number for p in service.phones.all()] + [
            c.phone for c in service.contacts.all() if c.phone
        ]
        return {
            "slug": service.slug,
            "name": service.name,
            "url": service.get_absolute_url(),
            "organization": service.organization.name if service.organization_id else "",
            "summary": service.description[:300],
            "phone": phones[0] if phones else "",
            "email": service.email,
            "website": service.url,
            "where": self.where_text,
            "when": "; ".join(self.times),
            "ages": service.age_range,
        }


def present(service: Service, near=None) -> Result:
    rows = list(service.schedules.all())
    return Result(
        service=service,
        sites=public_sites(service),
        distance=nearest_distance(service, near) if near is not None else None,
        times=[schedules.describe(s) for s in rows],
        evening=any(schedules.is_evening(s) for s in rows),
        weekend=any(schedules.is_weekend(s) for s in rows),
    )


def schedule_rows(rows) -> list[dict]:
    """The rows of a service page's opening-times table."""
    table = []
    for row in rows:
        times = ""
        if row.opens_at and row.closes_at:
            times = (
                f"{schedules.format_time(row.opens_at)} to {schedules.format_time(row.closes_at)}"
            )
        days = ", ".join(row.day_names)
        if not days and row.freq == "MONTHLY" and row.bymonthday:
            days = f"Monthly, on day {row.bymonthday}"
        table.append(
            {
                "days": days or "See notes",
                "times": times or "Contact them for times",
                "notes": " ".join(p for p in [row.description, row.notes] if p),
            }
        )
    return table
