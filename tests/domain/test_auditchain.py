"""One chain rule for the device and HQ: the hash covers the event and the one before."""

from __future__ import annotations

import datetime as dt
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.auditchain import GENESIS, canonical_json, event_hash

EVENT = {"id": "01a235ac-1017-7b8c-8871-96693a1f98fe", "username": "sup",
         "device_id": "01a235ac-1017-7b8c-8871-96693a1f98ff", "action": "create",
         "entity": "rescue", "entity_id": "01a235ac-1017-7b8c-8871-96693a1f9900",
         "detail": {"fields": ["place"]}}


def test_the_device_datetime_and_the_wire_text_hash_alike() -> None:
    at = dt.datetime(2026, 3, 14, 10, 0, 0, 1)
    assert event_hash(GENESIS, {**EVENT, "at": at}) == event_hash(
        GENESIS, {**EVENT, "at": at.isoformat()})


def test_the_hash_covers_the_previous_hash_and_every_field() -> None:
    base = {**EVENT, "at": "2026-03-14T10:00:00"}
    first = event_hash(GENESIS, base)
    assert event_hash(first, base) != first
    assert all(event_hash(GENESIS, {**base, k: "x"}) != first for k in EVENT)


# Any JSON value an event's detail may hold: text of every code point but lone surrogates
# (which neither writer can encode), integers up to and past 64 bits, floats, nested lists
# and dicts (text keys, and the odd integer key that only `json` writes).
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | _TEXT
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4)
    | st.dictionaries(st.integers(0, 9), inner, min_size=1, max_size=2),
    max_leaves=12)


def _reference(body: dict[str, object]) -> bytes:
    return json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


@settings(max_examples=400, deadline=None)
@given(detail=_JSON, words=st.lists(_TEXT, min_size=6, max_size=6))
def test_the_canonical_json_is_what_json_dumps_writes(detail: object,
                                                      words: list[str]) -> None:
    """The msgspec writer gives the very bytes of the `json` one (the hash of every stored
    event depends on them), or `json` writes them."""
    body = dict(zip(("id", "at", "username", "action", "entity", "entity_id"), words,
                    strict=True))
    body["detail"] = detail  # type: ignore[assignment]
    try:
        expected = _reference(body)
    except (TypeError, UnicodeEncodeError):  # mixed key types: neither writes it
        return
    assert canonical_json(body) == expected
