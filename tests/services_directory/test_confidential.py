"""Confidential locations (refuges, safe houses) never leave the server: no page, no API response,
no map data, no search match and no distance gives away a name, an address or a position."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from services_directory.models import Address, Location, ServiceAtLocation
from services_directory.queries import public_points, search_services
from tests.services_directory.factories import LocationFactory, ServiceFactory, at, place

# Distinctive made-up words, so a match in a response can only be the secret.
secret_words = st.text(alphabet="bcdfghjkmnpqrstvwxz", min_size=6, max_size=10).map(
    lambda s: "Qx" + s
)
# Positions inside Bristol, with enough decimals to be recognisable.
latitudes = st.integers(min_value=0, max_value=99_999).map(lambda n: 51.42 + n / 10**7 * 7)
longitudes = st.integers(min_value=0, max_value=99_999).map(lambda n: -2.62 + n / 10**7 * 7)


def public_urls(service, site, near_slug) -> list[str]:
    return [
        "/services/",
        f"/services/?near={near_slug}",
        f"/services/?near={near_slug}&within=1",
        f"/services/?q={service.name.split()[0]}",
        service.get_absolute_url(),
        "/services/my-list/",
        "/api/oruk/services",
        f"/api/oruk/services/{service.id}",
        "/api/oruk/service_at_locations",
        f"/api/oruk/service_at_locations?x_near={near_slug}&proximity=5000",
    ]


def secrets_of(location: Location, address: Address) -> list[str]:
    return [
        location.name,
        address.address_1,
        address.postal_code,
        str(location.id),
        str(location.lat),
        str(location.lng),
        f"{location.lat:.5f}",
        f"{location.lng:.5f}",
        f"{location.lat:.4f}",
        f"{location.lng:.4f}",
    ]


class ConfidentialLocationTests(TestCase):
    def make(self, name, street, postcode, lat, lng, with_public_site=False):
        service = ServiceFactory(name="Safe housing service", needs=["domestic-abuse"])
        secret = LocationFactory(name=name, lat=lat, lng=lng, confidential=True)
        address = Address.objects.create(location=secret, address_1=street, postal_code=postcode)
        site = at(service, secret)
        if with_public_site:
            at(
                service,
                LocationFactory(name="Public office", place=place("southmead"), lat=None, lng=None),
            )
        return service, site, secret, address

    @settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        name=secret_words,
        street=secret_words,
        postcode=st.from_regex(r"BS[1-9] [0-9][A-Z]{2}", fullmatch=True),
        lat=latitudes,
        lng=longitudes,
        with_public_site=st.booleans(),
    )
    def test_no_response_reveals_a_confidential_location(
        self, name, street, postcode, lat, lng, with_public_site
    ):
        service, site, secret, address = self.make(
            name, street, postcode, lat, lng, with_public_site
        )
        for url in public_urls(service, site, "bedminster"):
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            body = response.content.decode()
            for value in secrets_of(secret, address):
                self.assertNotIn(value, body, f"{value!r} leaked through {url}")
        self.assertEqual(
            self.client.get(f"/api/oruk/service_at_locations/{site.id}").status_code, 404
        )
        for point in public_points():
            self.assertNotEqual((point["lat"], point["lng"]), (lat, lng))

    def test_the_service_page_gives_the_contact_point_only(self):
        service, *_ = self.make("QxRefugeName", "QxStreet", "BS5 9ZZ", 51.46, -2.56)
        html = self.client.get(service.get_absolute_url()).content.decode()
        self.assertIn("The address is not published. Contact them", html)
        self.assertNotIn(
            "directory-map", html.split("<footer")[0].replace('"directory-markers"', "")
        )

    def test_distance_from_a_named_place_ignores_confidential_sites(self):
        bedminster = place("bedminster")
        # A refuge next door to Bedminster: no distance may be computed from it.
        service, *_ = self.make(
            "QxNextDoor", "QxLane", "BS3 9ZZ", bedminster.lat + 0.0005, bedminster.lng
        )
        html = self.client.get("/services/?near=bedminster").content.decode()
        self.assertNotIn("miles away", html)
        result = search_services(near=bedminster).get(pk=service.pk)
        self.assertIsNone(result.distance_sq)

    def test_searching_for_the_address_finds_nothing(self):
        self.make("QxHiddenHouse", "QxSecretRoad", "BS7 9ZZ", 51.47, -2.58)
        self.assertEqual(list(search_services(q="QxSecretRoad")), [])
        self.assertEqual(list(search_services(q="QxHiddenHouse")), [])

    def test_markers_come_only_from_public_sites(self):
        service, *_ = self.make("QxMarker", "QxWay", "BS1 9ZZ", 51.45, -2.59, with_public_site=True)
        html = self.client.get("/services/").content.decode()
        start = html.index('id="directory-markers" type="application/json">') + len(
            'id="directory-markers" type="application/json">'
        )
        markers = json.loads(html[start : html.index("</script>", start)])
        self.assertEqual([m["location"] for m in markers], ["Public office"])
        self.assertEqual(ServiceAtLocation.objects.filter(service=service).count(), 2)
