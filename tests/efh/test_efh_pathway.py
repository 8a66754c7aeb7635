"""Referral pathways: the GOV.UK step by step structure, and the sidebar on the pages it links to."""

import re

import pytest

from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from efh.blocks import LinkBlock, StepsBlock
from tests.efh.factories import GuidancePageFactory, ReferralPathwayPageFactory, step


@pytest.fixture
def linked_guidance(efh_index):
    return GuidancePageFactory(parent=efh_index, title="Critical moments")


@pytest.fixture
def pathway(efh_index, linked_guidance):
    return ReferralPathwayPageFactory(
        parent=efh_index,
        title="How to refer",
        is_example=True,
        steps=[
            step("Check for immediate danger"),
            step("Talk to your safeguarding lead"),
            step("Refer to First Response", links=[linked_guidance]),
            step("Contact their social worker", logic="or"),
            step("Share information with the police", logic="and"),
            step("Plan support with the family"),
        ],
    )


def test_steps_are_numbered_and_and_or_steps_share_the_number_before(pathway):
    steps = pathway.numbered_steps()
    assert [(s.label, s.title) for s in steps] == [
        ("1", "Check for immediate danger"),
        ("2", "Talk to your safeguarding lead"),
        ("3", "Refer to First Response"),
        ("or", "Contact their social worker"),
        ("and", "Share information with the police"),
        ("4", "Plan support with the family"),
    ]
    assert [s.number for s in steps] == [1, 2, 3, 3, 3, 4]


def test_pathway_page_renders_numbered_steps_with_and_or_circles(client, pathway):
    html = client.get(pathway.url).content.decode()
    items = re.findall(r'<li class="step-nav__step[^"]*" id="step-\d+-(\d+)" data-step', html)
    assert items == ["1", "2", "3", "4", "5", "6"]
    circles = re.findall(r'step-nav__circle--(\w+)">(.*?)<span class="visually-hidden">: ', html)
    assert [(kind, re.sub(r"<[^>]+>", "", text)) for kind, text in circles] == [
        ("number", "Step 1"),
        ("number", "Step 2"),
        ("number", "Step 3"),
        ("logic", "or"),
        ("logic", "and"),
        ("number", "Step 4"),
    ]
    # Without JavaScript every panel is open: nothing is hidden by the server.
    assert html.count("data-step-panel") == 6
    assert " hidden" not in re.sub(r"data-print-page hidden", "", html.split("step-nav")[1])
    assert '<script src="/static/efh/js/step-by-step.js" defer></script>' in html


def test_pathway_marked_as_example_says_so(client, pathway):
    html = client.get(pathway.url).content.decode()
    assert "Example: not yet confirmed" in html
    assert "for the Keeping Bristol Safe Partnership to confirm" in html


def test_each_step_shows_who_to_contact_thresholds_what_next_and_links(client, efh_index):
    page = ReferralPathwayPageFactory(
        parent=efh_index,
        steps=[
            step(
                "Refer",
                who_to_contact=[
                    {
                        "name": "First Response",
                        "role": "New concerns",
                        "phone": "0117 903 6444",
                        "email": "",
                        "url": "",
                        "hours": "",
                    }
                ],
                thresholds="<p>Significant harm.</p>",
                what_happens_next="<p>A decision is made.</p>",
                links=[
                    {
                        "text": "Procedures",
                        "page": None,
                        "document": None,
                        "url": "https://www.proceduresonline.com/swcpp/",
                    }
                ],
            )
        ],
    )
    html = client.get(page.url).content.decode()
    for expected in (
        "<h3>Who to contact</h3>",
        'href="tel:01179036444"',
        "<h3>When this step applies</h3>",
        "Significant harm.",
        "<h3>What happens next</h3>",
        "A decision is made.",
        "<h3>Forms and links</h3>",
        '<a href="https://www.proceduresonline.com/swcpp/">Procedures</a>',
    ):
        assert expected in html


def test_guidance_linked_from_a_step_shows_the_pathway_as_a_sidebar(
    client, pathway, linked_guidance
):
    html = client.get(linked_guidance.url).content.decode()
    aside = html[html.index("<aside") : html.index("</aside>")]
    assert 'Part of <a href="%s">How to refer</a>' % pathway.url in aside
    assert aside.count("data-step-panel") == 6
    # The step that links here opens first, and the link says "you are here".
    current = re.findall(r'id="sidebar-step-\d+-(\d+)" data-step data-step-open', aside)
    assert current == ["3"]
    assert f'<a href="{linked_guidance.url}" aria-current="page">Critical moments</a>' in aside
    assert "(you are here)" in aside
    # Sidebar ids never collide with the page's own.
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids))


def test_guidance_not_linked_has_no_sidebar(client, pathway, efh_index):
    other = GuidancePageFactory(parent=efh_index, title="Unrelated")
    assert "<aside" not in client.get(other.url).content.decode()


def test_draft_pathway_is_not_shown_as_a_sidebar(client, efh_index, linked_guidance):
    ReferralPathwayPageFactory(
        parent=efh_index, publish=False, steps=[step("Refer", links=[linked_guidance])]
    )
    assert "<aside" not in client.get(linked_guidance.url).content.decode()


def test_first_step_cannot_be_an_and_or_or_step():
    block = StepsBlock()
    value = block.to_python([step("Share with the police", logic="and")])
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(value)
    logic_error = error.value.block_errors[0].block_errors["logic"]
    assert "first step cannot be an “and” or “or” step" in logic_error.messages[0]


@pytest.mark.parametrize(
    "link",
    [
        {"text": "Nowhere", "page": None, "document": None, "url": ""},
        {"text": "Two", "page": None, "document": None, "url": "https://example.org/"},
    ],
)
def test_a_link_needs_exactly_one_target_and_a_text_for_other_sites(link, linked_guidance):
    if link["url"]:
        link = {**link, "page": linked_guidance.pk}
    block = LinkBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(link))
    no_text = {"text": "", "page": None, "document": None, "url": "https://example.org/"}
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(no_text))
    assert "text" in error.value.block_errors


def test_a_contact_card_needs_a_way_to_get_in_touch():
    from efh.blocks import ContactCardBlock

    block = ContactCardBlock()
    card = {"name": "First Response", "role": "", "phone": "", "email": "", "url": "", "hours": ""}
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(card))
    assert "at least one way to get in touch" in str(error.value.non_block_errors.as_data()[0])
    assert block.clean(block.to_python({**card, "phone": "0117 903 6444"}))["phone"]
