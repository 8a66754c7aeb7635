"""The directory's demo content: the strategy's Appendix 1 services, honestly city-wide, and a few
demo community places at public places; idempotent."""

import pytest

from demo import directory as demo
from services_directory.models import Service, ServiceKind
from services_directory.queries import public_points, search_services, youth_provision_points

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_honest():
    lines = []
    demo.seed(lines.append)
    assert "20 services from the strategy, 7 demo community places" in lines[0]
    count = Service.objects.count()
    demo.seed(lines.append)
    assert Service.objects.count() == count and "0 services" in lines[1]

    base = Service.objects.get(slug="barnardos-base")
    # The strategy gives no address or times: city-wide, no pin, not yet checked.
    assert not base.service_at_locations.exists() and not base.schedules.exists()
    assert base.assured_date is None and not base.is_demo
    assert "strategy" in base.alert
    places = Service.objects.filter(kind=ServiceKind.ASSET)
    assert places.count() == 7 and all(p.is_demo and "(demo)" in p.name for p in places)
    assert {p["service_id"] for p in public_points()} == {str(p.id) for p in places}
    assert len(youth_provision_points()) >= 5


def test_staff_changes_survive_a_second_seed():
    demo.seed(lambda _: None)
    Service.objects.filter(slug="off-the-record").update(name="Off the Record Bristol")
    demo.seed(lambda _: None)
    assert Service.objects.get(slug="off-the-record").name == "Off the Record Bristol"


def test_the_demo_answers_a_parents_search():
    demo.seed(lambda _: None)
    names = [s.name for s in search_services(q="county lines")]
    assert "Safer Options mentoring" in names
    assert "Detached youth work in Hartcliffe (demo)" in names
