"""The directory search: free text, synonyms and every filter of /services/."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from services_directory.models import ServiceKind, ServiceStatus
from services_directory.queries import (
    DirectoryQuery,
    public_points,
    related_services,
    search_services,
    youth_provision_points,
)
from services_directory.search import parse, term_phrases
from tests.services_directory.factories import (
    LocationFactory,
    ServiceFactory,
    at,
    opens,
    place,
)

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def names(**filters) -> list[str]:
    return [s.name for s in search_services(**filters)]


def test_free_text_needs_every_word_at_a_word_start():
    ServiceFactory(name="Boxing club", description="Boxing for girls on Fridays.")
    ServiceFactory(name="Chess club", description="Quiet games.")
    assert names(q="box") == ["Boxing club"]
    assert names(q="boxing girls") == ["Boxing club"]
    assert names(q="boxing chess") == []
    # "ox" is inside "boxing" but starts no word.
    assert names(q="ox") == []


def test_plurals_and_case_are_folded():
    ServiceFactory(name="Parenting group", description="For mums and dads.")
    assert names(q="PARENTS") == ["Parenting group"]


@pytest.mark.parametrize(
    ("query", "need"),
    [
        ("county lines", "criminal-exploitation"),
        ("CCE", "criminal-exploitation"),
        ("CSE", "sexual-exploitation"),
        ("NRM", "trafficking-modern-slavery"),
        ("knife crime", "gangs-serious-violence"),
        ("mentor", "mentoring"),
    ],
)
def test_synonyms_find_services_by_their_needs(query, need):
    ServiceFactory(name="Tagged", description="Nothing in the words.", needs=[need])
    ServiceFactory(name="Untagged", description="Nothing in the words either.")
    assert names(q=query) == ["Tagged"]


def test_a_synonym_also_matches_the_phrase_in_text():
    ServiceFactory(name="Outreach", description="Workers who know county lines well.")
    assert names(q="county lines") == ["Outreach"]


def test_synonym_phrase_and_other_words_are_all_required():
    ServiceFactory(
        name="Weekend project", description="Weekend sessions.", needs=["criminal-exploitation"]
    )
    ServiceFactory(
        name="Weekday project", description="Weekday sessions.", needs=["criminal-exploitation"]
    )
    assert names(q="county lines weekend") == ["Weekend project"]


def test_query_parsing_keeps_phrases_and_drops_stopwords():
    found, rest = parse("help with county lines near Easton", term_phrases())
    assert [" ".join(p.words) for p in found] == ["county line"]
    assert rest == ["easton"]


def test_name_matches_come_first():
    ServiceFactory(name="Zebra mentoring", description="Mentoring.")
    ServiceFactory(name="Alpha", description="Mentoring for all.")
    assert names(q="zebra mentoring") == ["Zebra mentoring"]
    assert names(q="mentoring")[0] == "Zebra mentoring"


def test_need_filter_takes_any_of_several_needs():
    ServiceFactory(name="Sport", needs=["sport"])
    ServiceFactory(name="Music", needs=["music-and-arts"])
    ServiceFactory(name="Housing", needs=["housing"])
    assert names(needs=["sport", "music-and-arts"]) == ["Music", "Sport"]


def test_audience_filter():
    ServiceFactory(name="For parents", audiences=["parents"])
    ServiceFactory(name="For young people", audiences=["young-people"])
    assert names(audience="parents") == ["For parents"]


@pytest.mark.parametrize(
    ("low", "high", "age", "matches"),
    [
        (11, 18, 14, True),
        (11, 18, 11, True),
        (11, 18, 18, True),
        (11, 18, 19, False),
        (11, 18, 10, False),
        (None, 18, 5, True),
        (16, None, 40, True),
        (None, None, 14, True),
    ],
)
def test_age_is_inside_the_range(low, high, age, matches):
    ServiceFactory(name="Ranged", minimum_age=low, maximum_age=high)
    assert names(age=age) == (["Ranged"] if matches else [])


def test_evenings_means_open_after_six():
    late = ServiceFactory(name="Late")
    opens(late, "MO", "16:00", "21:00")
    day = ServiceFactory(name="Daytime")
    opens(day, "MO,TU", "09:00", "17:00")
    overnight = ServiceFactory(name="Night line")
    opens(overnight, "FR", "22:00", "02:00")
    assert names(evening=True) == ["Late", "Night line"]


def test_weekends():
    saturday = ServiceFactory(name="Saturday")
    opens(saturday, "SA", "10:00", "12:00")
    weekday = ServiceFactory(name="Weekday")
    opens(weekday, "MO,TU,WE,TH,FR", "10:00", "12:00")
    assert names(weekend=True) == ["Saturday"]
    assert names(weekend=True, evening=True) == []


def test_open_now_reads_day_time_and_validity():
    monday_evening = datetime.datetime(2026, 11, 30, 19, 30, tzinfo=LONDON)  # a Monday
    club = ServiceFactory(name="Club")
    opens(club, "MO,WE", "18:00", "21:00")
    morning = ServiceFactory(name="Morning")
    opens(morning, "MO", "09:00", "12:00")
    ended = ServiceFactory(name="Ended")
    opens(ended, "MO", "18:00", "21:00", valid_to=datetime.date(2026, 1, 1))
    overnight = ServiceFactory(name="Sunday night line")
    opens(overnight, "SU", "20:00", "08:00")
    assert names(open_now=True, now=monday_evening) == ["Club"]
    early_monday = datetime.datetime(2026, 11, 30, 6, 0, tzinfo=LONDON)
    assert names(open_now=True, now=early_monday) == ["Sunday night line"]


def test_free_and_kind_filters():
    ServiceFactory(name="Free service", free=True)
    ServiceFactory(name="Paid service", free=False)
    ServiceFactory(name="Park", free=True, kind=ServiceKind.ASSET)
    assert names(free=True) == ["Free service", "Park"]
    assert names(kind=ServiceKind.ASSET) == ["Park"]


def test_near_sorts_by_distance_with_positionless_services_last():
    bedminster = place("bedminster")
    far = ServiceFactory(name="A far")
    at(far, LocationFactory(place=place("southmead"), lat=None, lng=None))
    near = ServiceFactory(name="B near")
    at(near, LocationFactory(place=place("north-street"), lat=None, lng=None))
    ServiceFactory(name="C city-wide")
    result = names(near=bedminster)
    assert result == ["B near", "A far", "C city-wide"]
    # Within two miles: the far one drops out; city-wide services still serve everywhere.
    assert names(near=bedminster, within_miles=2) == ["B near", "C city-wide"]


def test_distance_uses_the_nearest_public_site_only():
    bedminster = place("bedminster")
    service = ServiceFactory(name="Two sites")
    at(service, LocationFactory(place=place("southmead"), lat=None, lng=None))
    at(service, LocationFactory(lat=51.4406, lng=-2.6001, confidential=True))
    other = ServiceFactory(name="Middle")
    at(other, LocationFactory(place=place("city-centre"), lat=None, lng=None))
    # The confidential site is next door to Bedminster, but it must not pull the service up.
    assert names(near=bedminster) == ["Middle", "Two sites"]


def test_stale_records_sink_below_checked_ones():
    today = datetime.date(2026, 11, 30)
    now = datetime.datetime(2026, 11, 30, 12, tzinfo=LONDON)
    ServiceFactory(name="A stale", assured_date=datetime.date(2025, 11, 29))
    ServiceFactory(name="B never checked", assured_date=None)
    ServiceFactory(name="C fresh", assured_date=today - datetime.timedelta(days=300))
    assert [s.name for s in search_services(DirectoryQuery(now=now))] == [
        "C fresh",
        "A stale",
        "B never checked",
    ]


def test_only_published_records_are_found():
    ServiceFactory(name="Live")
    ServiceFactory(name="Draft", live=False)
    ServiceFactory(name="Closed", status=ServiceStatus.DEFUNCT)
    ServiceFactory(name="Paused", status=ServiceStatus.TEMPORARILY_CLOSED)
    assert names() == ["Live", "Paused"]


def test_related_services_for_guidance_pages():
    ServiceFactory(name="Mentors", needs=["mentoring"])
    ServiceFactory(name="Gym", needs=["sport"])
    ServiceFactory(name="Hidden mentors", needs=["mentoring"], live=False)
    assert [s.name for s in related_services(["mentoring"], limit=3)] == ["Mentors"]
    assert related_services([]) == []


def test_public_points_leave_out_confidential_locations_and_flag_youth_provision():
    club = ServiceFactory(name="Youth club", needs=["youth-clubs"])
    at(club, LocationFactory(place=place("easton"), lat=None, lng=None))
    refuge = ServiceFactory(name="Refuge", needs=["domestic-abuse"])
    at(refuge, LocationFactory(lat=51.47, lng=-2.55, confidential=True))
    advice = ServiceFactory(name="Advice", needs=["housing"])
    at(advice, LocationFactory(lat=51.45, lng=-2.59))
    points = public_points()
    assert [(p["name"], p["youth_provision"]) for p in points] == [
        ("Advice", False),
        ("Youth club", True),
    ]
    assert [p["name"] for p in youth_provision_points()] == ["Youth club"]
    assert all(p["lat"] != 51.47 for p in points)
