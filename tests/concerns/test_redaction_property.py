"""A property of the stored report: whatever surrounds them, email addresses and UK phone
numbers typed into any free-text field are never stored."""

from hypothesis import given, settings
from hypothesis import strategies as st

from concerns.redaction import FREE_TEXT_FIELDS, redact_free_text

words = st.lists(
    st.sampled_from(["outside", "the", "shop", "after", "school", "boys", "car", "at", "night"]),
    max_size=8,
).map(" ".join)
emails = st.builds(
    "{}.{}@{}.org".format,
    st.from_regex(r"[a-z]{2,8}", fullmatch=True),
    st.from_regex(r"[a-z]{2,8}", fullmatch=True),
    st.from_regex(r"[a-z]{3,8}", fullmatch=True),
)
mobiles = st.builds(
    "07{} {}".format,
    st.from_regex(r"[0-9]{3}", fullmatch=True),
    st.from_regex(r"[0-9]{6}", fullmatch=True),
)


@settings(max_examples=60, deadline=None)
@given(
    field=st.sampled_from(FREE_TEXT_FIELDS),
    before=words,
    after=words,
    secret=st.one_of(emails, mobiles),
)
def test_contact_details_never_survive_redaction(field, before, after, secret):
    cleaned, removed = redact_free_text({field: f"{before} {secret} {after}"})
    assert secret not in cleaned[field]
    assert secret.replace(" ", "") not in cleaned[field].replace(" ", "")
    assert removed[field]
