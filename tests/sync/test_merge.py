"""Merge rules: LWW per field, frozen final statements, referral events — as semilattice laws."""

from __future__ import annotations

from functools import reduce
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.enums import ReferralStatus
from fieldapp.domain.hlc import Hlc
from fieldapp.sync.merge import merge_fields, merge_record, merge_statement, referral_status

NAMES = ["name_latin", "sex", "narrative", "language", "place"]
VALUES = st.one_of(
    st.none(),
    st.integers(-3, 3),
    st.sampled_from(["a", "b", "ក", ""]),
    st.lists(st.integers(0, 2), max_size=2),
)
STAMPS = st.builds(
    lambda w, c, n: str(Hlc(w, c, n)),
    st.integers(0, 5),
    st.integers(0, 2),
    st.sampled_from(["d1", "d2"]),
)
STATES = st.dictionaries(st.sampled_from(NAMES), st.tuples(VALUES, STAMPS).map(list), max_size=5)


def m(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return merge_fields(a, b)[0]


@given(STATES, STATES, STATES)
def test_lww_is_a_semilattice(a: dict[str, Any], b: dict[str, Any], c: dict[str, Any]) -> None:
    assert m(a, a) == m({}, a)  # idempotent
    assert m(a, b) == m(b, a)  # commutative, ties on one HLC included
    assert m(m(a, b), c) == m(a, m(b, c))  # associative
    assert m(m(a, b), b) == m(a, b)  # applying twice changes nothing


@given(st.lists(STATES, min_size=1, max_size=6), st.randoms())
def test_any_order_any_batching_same_state(changes: list[dict[str, Any]], rnd: Any) -> None:
    forward = reduce(m, changes, {})
    shuffled = changes[:]
    rnd.shuffle(shuffled)
    doubled = shuffled + changes  # every change delivered twice
    assert reduce(m, doubled, {}) == forward


def test_larger_hlc_wins_and_changed_names() -> None:
    cur = {"sex": ["female", "0000000000002-00000-a"], "place": ["Poipet", "0000000000001-00000-a"]}
    inc = {
        "sex": ["male", "0000000000001-00000-b"],
        "place": ["Pailin", "0000000000003-00000-b"],
        "new": [1, "0000000000001-00000-b"],
    }
    merged, changed = merge_fields(cur, inc)
    assert merged == {
        "sex": ["female", "0000000000002-00000-a"],
        "place": ["Pailin", "0000000000003-00000-b"],
        "new": [1, "0000000000001-00000-b"],
    }
    assert changed == {"place", "new"}
    assert merge_fields(merged, inc)[1] == set()


# -- statements: a finalising change carries every field stamped with its HLC (contract) --


@st.composite
def statement_changes(draw: st.DrawFn) -> dict[str, Any]:
    stamp = draw(STAMPS)
    if draw(st.booleans()):
        # A finalisation: a snapshot of every field at one stamp.
        return {**{n: [draw(VALUES), stamp] for n in NAMES}, "status": ["final", stamp]}
    edit = draw(STATES)
    if draw(st.booleans()):
        edit["status"] = ["draft", draw(STAMPS)]
    return edit


def ms(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    return merge_statement(a, b)[0]


def unique(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Make stamps unique per change, as real HLCs are: no two changes share a stamp."""
    return [{k: [v, f"{t}.{i}"] for k, (v, t) in c.items()} for i, c in enumerate(changes)]


@settings(max_examples=300)
@given(statement_changes(), statement_changes(), statement_changes())
def test_statement_merge_is_a_semilattice(
    a: dict[str, Any], b: dict[str, Any], c: dict[str, Any]
) -> None:
    a, b, c = unique([a, b, c])
    assert ms(a, a) == ms({}, a)
    assert ms(a, b) == ms(b, a)
    assert ms(ms(a, b), c) == ms(a, ms(b, c))


@given(st.lists(statement_changes(), min_size=1, max_size=6), st.randoms())
def test_statement_any_order_same_state(changes: list[dict[str, Any]], rnd: Any) -> None:
    changes = unique(changes)
    forward = reduce(ms, changes, {})
    shuffled = changes[:]
    rnd.shuffle(shuffled)
    assert reduce(ms, shuffled + shuffled, {}) == forward


def test_final_statement_never_changes() -> None:
    f = "0000000000010-00000-a"
    final = {"narrative": ["as told", f], "language": ["km", f], "status": ["final", f]}
    later = {
        "narrative": ["rewritten", "0000000000020-00000-b"],
        "status": ["draft", "0000000000030-00000-b"],
    }
    merged, changed = merge_record("statement", final, later)
    assert merged == final and changed == set()
    # Arriving before the finalisation it loses the same way.
    assert merge_record("statement", later, final)[0] == final
    # An identical field is accepted as a no-op.
    assert merge_record("statement", final, {"language": ["km", f]})[1] == set()


def test_draft_statement_is_ordinary_lww() -> None:
    a = {
        "narrative": ["one", "0000000000001-00000-a"],
        "status": ["draft", "0000000000001-00000-a"],
    }
    b = {"narrative": ["two", "0000000000002-00000-b"]}
    assert merge_record("statement", a, b)[0]["narrative"] == ["two", "0000000000002-00000-b"]


# -- referral events ----------------------------------------------------------------


def ev(kind: str, wall: int, node: str = "a") -> dict[str, Any]:
    return {"kind": [kind, str(Hlc(wall, 0, node))], "referral_id": ["r1", str(Hlc(wall, 0, node))]}


def test_referral_status_from_events_and_conflict() -> None:
    events = [ev("created", 1), ev("sent", 2), ev("accepted", 3), ev("completed", 5, "centre")]
    assert referral_status(events) == (ReferralStatus.COMPLETED, False)
    conflicting = events + [ev("declined", 4, "other")]
    status, conflicted = referral_status(reversed(conflicting))
    assert conflicted is True and status is not None
    assert referral_status([ev("nonsense", 1)]) == (None, False)


@given(
    st.permutations(
        [
            ev("created", 1),
            ev("sent", 2),
            ev("accepted", 3),
            ev("in_service", 4),
            ev("completed", 6),
        ]
    )
)
def test_referral_status_ignores_arrival_order(events: list[dict[str, Any]]) -> None:
    assert referral_status(events) == (ReferralStatus.COMPLETED, False)


def test_a_wider_stamp_wins_as_a_number() -> None:
    """Issue 9 item 5: `10000000000000-…` is later than `9999999999999-…`."""
    from fieldapp.sync.merge import merge_fields, merge_statement

    merged, _ = merge_fields({"name": ["old", "9999999999999-00000-a"]},
                             {"name": ["new", "10000000000000-00000-b"]})
    assert merged["name"][0] == "new"
    final = {"status": ["final", "9999999999999-00000-a"], "narrative": ["kept", "9999999999999-00000-a"]}
    later = {"narrative": ["edited", "10000000000000-00000-b"]}
    merged, _ = merge_statement(final, later)
    assert merged["narrative"][0] == "kept"
