"""The publication rule of a service's young people's view (coproduction/publication.py)."""

from hypothesis import given
from hypothesis import strategies as st

from coproduction.publication import republish, snapshot

STEP = 5
ANSWERS = ("yes", "not_sure", "no", "felt_safe", "friendly_staff", "hard_to_find")
PEOPLE = [f"c{n}" for n in range(12)]

# One step of a history: a contributor gives or changes their view (answers), or deletes it (None).
actions = st.lists(
    st.tuples(
        st.sampled_from(PEOPLE),
        st.none() | st.lists(st.sampled_from(ANSWERS), min_size=1, max_size=3).map(tuple),
    ),
    max_size=80,
)


def play(history):
    """Runs a history through the rule; yields (published snapshot, views behind it) each time a
    new snapshot is taken."""
    views, changed_by, shown = {}, set(), None
    for who, answers in history:
        if answers is None:
            views.pop(who, None)
        else:
            views[who] = answers
        changed_by.add(who)
        shown, new = republish(shown, views, changed_by, STEP)
        if new:
            yield shown, dict(views), set(changed_by)
            changed_by = set()


@given(actions)
def test_never_shown_with_fewer_than_the_threshold_and_counts_are_multiples(history):
    for shown, views, _ in play(history):
        if shown is not None:
            assert len(views) >= STEP
            assert all(count % STEP == 0 for _, count in shown.counts)
            assert all(count <= len(views) for _, count in shown.counts)


@given(actions)
def test_two_published_states_never_differ_by_one_person(history):
    # Consecutive publications are at least STEP different contributors apart, so subtracting
    # them never isolates one person's answer.
    for _, _, changed_by in play(history):
        assert len(changed_by) >= STEP


def test_a_deleted_view_leaves_the_counts_at_the_next_publication():
    views = {f"c{n}": ("yes",) for n in range(5)}
    assert snapshot(views, STEP).as_dict() == {"yes": 5}
    del views["c0"]
    # Four further changes are not enough: the shown view stays ...
    shown, new = republish(snapshot(views | {"c0": ("yes",)}, STEP), views, {"c0"}, STEP)
    assert not new and shown.as_dict() == {"yes": 5}
    # ... until five people changed something; then c0's view is gone (4 people: not shown).
    shown, new = republish(shown, views, {"c0", "x1", "x2", "x3", "x4"}, STEP)
    assert new and shown is None


def test_fewer_than_the_threshold_is_never_shown():
    assert snapshot({f"c{n}": ("no",) for n in range(4)}, STEP) is None
    assert snapshot({f"c{n}": ("no",) for n in range(7)}, STEP).as_dict() == {"no": 5}


def test_the_threshold_is_the_setting(settings):
    from coproduction.publication import threshold

    settings.SERVICE_VIEW_MIN_CONTRIBUTORS = 7
    assert threshold() == 7
