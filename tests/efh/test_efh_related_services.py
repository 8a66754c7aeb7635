"""The related-services block: published services from the directory, by need."""

from efh.blocks import need_choices
from tests.efh.factories import GuidancePageFactory
from tests.services_directory.factories import ServiceFactory


def related(heading: str, needs: list[str], limit: int = 5) -> dict:
    return {
        "type": "related_services",
        "value": {"heading": heading, "needs": needs, "limit": limit},
    }


def test_staff_choose_needs_from_the_directorys_vocabulary(db):
    choices = dict(need_choices())
    assert choices["missing-from-home"] == "Missing from home"
    assert "criminal-exploitation" in choices


def test_block_lists_published_services_with_any_of_the_needs(client, efh_index):
    safe_choices = ServiceFactory(name="Safe Choices", needs=["missing-from-home"])
    base = ServiceFactory(name="BASE", needs=["sexual-exploitation"])
    ServiceFactory(name="Draft service", needs=["missing-from-home"], live=False)
    ServiceFactory(name="Parenting course", needs=["parenting-support"])
    page = GuidancePageFactory(
        parent=efh_index,
        body=[related("Services that can help", ["missing-from-home", "sexual-exploitation"])],
    )
    html = client.get(page.url).content.decode()
    assert f'<a href="{safe_choices.get_absolute_url()}">Safe Choices</a>' in html
    assert f'<a href="{base.get_absolute_url()}">BASE</a>' in html
    assert "Draft service" not in html
    assert "Parenting course" not in html
    assert 'href="/services/?need=missing-from-home&amp;need=sexual-exploitation"' in html


def test_block_keeps_to_its_limit_and_says_when_nothing_is_listed(client, efh_index):
    for n in range(4):
        ServiceFactory(name=f"Mentoring {n}", needs=["mentoring"])
    page = GuidancePageFactory(
        parent=efh_index,
        body=[related("Mentors", ["mentoring"], limit=2), related("Housing", ["housing"])],
    )
    html = client.get(page.url).content.decode()
    mentors = html[html.index(">Mentors</h2>") : html.index(">Housing</h2>")]
    assert mentors.count("<h3>") == 2
    assert "The services directory has nothing listed for this yet." in html
