"""The publication rule of a service's young people's view (coproduction/publication.py)."""

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from coproduction.models import ServiceView, ServiceViewPublication
from coproduction.publication import republish, snapshot
from participation.codes import keyed_hash
from tests.services_directory.factories import ServiceFactory

from .factories import view

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
            # Not even a 0: an answer shown at all was chosen by at least STEP people.
            assert all(count >= STEP for _, count in shown.counts)
            assert shown.people % STEP == 0 and STEP <= shown.people <= len(views)


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


# The same rule through the real use cases and the stored publication (coproduction/youth_views.py):
# views given, changed and deleted (by receipt, for good) in any order.
db_actions = st.lists(
    st.tuples(
        st.sampled_from(PEOPLE[:8]),
        st.none()
        | st.tuples(
            st.sampled_from(["yes", "not_sure", "no"]),
            st.lists(st.sampled_from(["felt-safe", "friendly-staff"]), max_size=2, unique=True),
        ),
    ),
    max_size=25,
)


@pytest.mark.django_db
@hypothesis_settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(history=db_actions)
def test_stored_publications_follow_the_rule_for_any_history(history):
    service = ServiceFactory()  # a fresh service for each history: nothing carries over
    truth, acted, last = {}, set(), None
    for who, answers in history:
        if answers is None:
            mine = ServiceView.objects.filter(
                service=service, contributor=keyed_hash("contributor", who)
            ).first()
            if mine is None:
                continue
            mine.delete_for_good()
            truth.pop(who, None)
        else:
            view(service, who, recommend=answers[0], stood_out=answers[1])
            truth[who] = (answers[0], *answers[1])
        acted.add(who)
        now = ServiceViewPublication.objects.filter(service=service).first()
        if now is None or now.published_at == last:
            continue
        # A new publication: only once STEP different people acted since the last one, so two
        # published states are never one person apart ...
        assert len(acted) >= STEP
        acted, last = set(), now.published_at
        # ... and it is exactly the rule's snapshot of the views as they are.
        expected = snapshot(truth, STEP)
        assert now.counts == (
            {} if expected is None else {"people": expected.people, **expected.as_dict()}
        )
        assert all(n % STEP == 0 and n >= STEP for n in now.counts.values())
