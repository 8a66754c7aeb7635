"""Personal data in every common written form, generated from the formats themselves (UK phone
numbering, postcode and plate formats, handle and email conventions), not from the dev texts; and
the numbers of ordinary life (times, prices, buses, years, scores) left alone."""

import itertools

import pytest

from moderation.scanner.pii import find_pii

MOBILE = ["07700", "900", "123"]
LANDLINE = ["0117", "496", "0123"]
SEPARATORS = [" ", "-", ".", "", "  ", "/"]


def _phone_forms(groups):
    trunk_free = [groups[0][1:], *groups[1:]]
    for sep in SEPARATORS:
        yield sep.join(groups)
        yield "+44" + sep + sep.join(trunk_free)
        yield "+44 (0)" + sep.join(trunk_free)
        yield "0044 " + sep.join(trunk_free)
    yield f"({groups[0]}) {' '.join(groups[1:])}"
    yield groups[0].replace("0", "o") + " " + " ".join(g.replace("0", "o") for g in groups[1:])


PHONES = sorted(set(_phone_forms(MOBILE)) | set(_phone_forms(LANDLINE)))
PHONES += ["+1 202 555 0143", "+33 1 23 45 67 89", "0033 1 23 45 67 89"]
PHONES += ["oh seven seven zero zero nine zero zero one two three"]
CONTEXTS = ["text me on {}", "{} is my number", "ring {} after 6", "my mum's number: {}."]


def _covered(text, value, kind):
    start = text.index(value)
    return any(
        s.kind == kind and s.start <= start and s.end >= start + len(value) for s in find_pii(text)
    )


@pytest.mark.parametrize(
    ("phone", "context"), list(itertools.product(PHONES, CONTEXTS)), ids=lambda v: v
)
def test_phone_numbers_in_any_written_form_are_found(phone, context):
    assert _covered(context.format(phone), phone, "phone")


def _postcode_forms():
    for outward, inward in [("BS1", "4DJ"), ("BS16", "1QY"), ("SW1A", "1AA"), ("M1", "1AE")]:
        for joined in (f"{outward} {inward}", f"{outward}{inward}", f"{outward}-{inward}"):
            yield joined
            yield joined.lower()
    yield "bs 11 9lr"
    yield "bs5 9 qe"


@pytest.mark.parametrize("postcode", list(_postcode_forms()))
def test_postcodes_in_any_case_with_or_without_the_space_are_found(postcode):
    assert _covered(f"i live near {postcode} by the shop", postcode, "postcode")


def _plate_forms():
    for plate in ["AB12 CDE", "WR66 UFO", "R456 XYZ", "ABC 123D", "KE15 HBN"]:
        yield plate
        yield plate.replace(" ", "")
    for area, age, letters in [("wr", "66", "ufo"), ("vx", "20", "dmn"), ("gf", "58", "tnw")]:
        yield f"{area}{age} {letters}"
        yield f"{area} {age} {letters}"
        yield f"{area}{age}-{letters}"
        yield f"{area.upper()} {age} {letters.upper()}"


@pytest.mark.parametrize("plate", list(_plate_forms()))
def test_uk_plates_current_and_older_in_any_case_are_found(plate):
    assert _covered(f"the car {plate} keeps parking there", plate, "plate")


HANDLES = ["kai.bs5", "ellie_m0", "xX_Sniper_Xx", "luca.vibes", "BSxKai99"]
HANDLE_CONTEXTS = [
    "my insta is {}",
    "add me on snap {}",
    "my tiktoks {}",
    "discord: {}",
    "my fortnite name is {}",
    "steam: {}",
    "cod name {}",
    "@{} on tiktok",
]


@pytest.mark.parametrize(
    ("handle", "context"), list(itertools.product(HANDLES, HANDLE_CONTEXTS)), ids=lambda v: v
)
def test_handles_after_a_platform_cue_are_found(handle, context):
    assert _covered(context.format(handle), handle, "handle")


def test_a_reddit_user_name_is_a_handle():
    assert _covered("im u/bristol_teen_22 on reddit", "u/bristol_teen_22", "handle")


@pytest.mark.parametrize(
    "email",
    [
        "kai99@example.co.uk",
        "sam @ example.com",
        "reece at example dot com",
        "ollie(at)example(dot)com",
        "ollie [at] example [dot] co [dot] uk",
        "tilly.b(at)example.org",
    ],
)
def test_emails_including_spelled_out_ones_are_found(email):
    assert _covered(f"email me {email} thanks", email, "email")


@pytest.mark.parametrize(
    "link",
    [
        "https://example.com/x",
        "www.example.org",
        "example.co.uk",
        "bit.ly/3xYz12Q",
        "forms.example.com/r/abc123",
    ],
)
def test_links_with_and_without_scheme_are_found(link):
    assert _covered(f"the form is at {link} pls sign", link, "url")


@pytest.mark.parametrize(
    "text",
    [
        "the 72 bus at 10:45 is always late",
        "tickets were £12.50 or 2 for £20",
        "we won 3-1 and then 10 - 2 last week",
        "back in 2019 it was better, 2020 and 2021 were rubbish",
        "open 9am to 5pm, 7 days a week",
        "i was 15 and going out with a 17 yr old",
        "my 18th was at a bar on the harbourside",
        "cod lobbies are full of 12 yr olds",
        "fifa is rigged, my players never score",
        "meet at the park at 4 then go to the shop at 5",
        "the m32 at rush hour is mad",
        "we walked 5 km in 45 mins",
        "ask for help at the front desk",
        "will you come to the meeting at the library",
        "i will at the weekend",
        "may is the best month, summer holidays after",
        "rose garden in the park smells nice",
        "Bedminster and Southville need more lights, so does St Pauls",
        "Brandon Hill and Castle Park are fine in the day",
        "the youth club is at school dot com style site, no idea",
    ],
)
def test_ordinary_numbers_places_and_words_are_left_alone(text):
    assert find_pii(text) == []


def test_a_name_in_a_person_context_is_found_and_the_word_elsewhere_is_not():
    assert _covered("ask for rose at the front desk", "rose", "name")
    assert _covered("me n grace walked home", "grace", "name")
    assert _covered("Robin the librarian lets us stay", "Robin", "name")
    assert find_pii("a rose and a holly bush by the gate") == []
