"""HQ's fast push reader (`protocol.read_push`, `read_audit_part`) and the JSON helpers give
what the pydantic models and Python's reader give: the same model (values and their types)
or the same refusal, for any payload a device or an attacker may send (Hypothesis)."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from fieldapp.domain.entities import SYNCED_ENTITIES
from fieldapp.domain.errors import InvalidInput
from fieldapp.domain.hlc import Hlc
from fieldapp.hq import auditpart
from fieldapp.sync.protocol import (
    AUDIT_WIRE,
    STAMP_PATTERN,
    AuditPart,
    PushPayload,
    _check_stamp,
    loads,
    pydantic_json,
    read_audit_part,
    read_push,
)

_GOOD_STAMP = "1796207522191-00000-01a2364f-af76-7fe9-9edd-a5dc51136c78"

_good_stamps = st.one_of(
    st.just(_GOOD_STAMP),
    st.builds(lambda w, c, n: str(Hlc(w, c, n)), st.integers(0, 10**15), st.integers(0, 10**6),
              st.text(max_size=8)),
)
_stamps = st.one_of(
    _good_stamps,
    st.from_regex(r"\A[0-9 +_٣]{0,15}-[0-9+ ]{0,7}-.{0,6}\Z"),
    st.text(max_size=20),
)
_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats()
    | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                max_size=3),
    max_leaves=6,
)


def _maybe(draw: st.DrawFn, good: Any, bad: Any) -> Any:
    """Mostly a value the model accepts, sometimes one it may refuse or convert."""
    return draw(bad if draw(st.integers(0, 39)) == 0 else good)


@st.composite
def _entry(draw: st.DrawFn) -> Any:
    value = draw(st.none() | st.text(max_size=8) | st.integers() | _values)
    entry = [value, _maybe(draw, _good_stamps, _stamps | st.integers())]
    return _maybe(draw, st.just(entry), st.just(entry[:1]) | st.just([*entry, 1])
                  | st.just(tuple(entry)) | st.integers())


@st.composite
def _change(draw: st.DrawFn) -> dict[str, Any]:
    change: dict[str, Any] = {
        "seq": _maybe(draw, st.integers(1, 2**62), st.integers(-2, 2**63)
                      | st.sampled_from(["12", 12.0, 1.5, True, None])),
        "entity": _maybe(draw, st.sampled_from(SYNCED_ENTITIES),
                         st.sampled_from(["nope", ""]) | st.integers()),
        "entity_id": _maybe(draw, st.text(min_size=1, max_size=64), st.text(max_size=70)),
        "op": _maybe(draw, st.just("upsert"), st.sampled_from(["delete", 1, None])),
        "post_code": _maybe(draw, st.text(min_size=1, max_size=32),
                            st.text(max_size=34) | st.none()),
        "fields": draw(st.dictionaries(
            st.text(min_size=1, max_size=64) if draw(st.integers(0, 39))
            else st.text(max_size=66), _entry(), max_size=4)),
    }
    if draw(st.integers(0, 39)) == 0:
        change.pop(draw(st.sampled_from(sorted(change))))
    if draw(st.integers(0, 39)) == 0:
        change["extra"] = 1
    return change


def _audit_row(draw: st.DrawFn) -> list[Any]:
    row: list[Any] = [_maybe(draw, st.integers(0, 50), st.sampled_from(["3", 2.0, True]))]
    row += [draw(st.text(max_size=6)) for _ in range(7)]
    row += [_maybe(draw, st.dictionaries(st.text(max_size=3), _values, max_size=2),
                   st.none() | st.lists(st.integers(), max_size=1)),
            _maybe(draw, st.text(max_size=6), st.integers())]
    if draw(st.integers(0, 39)) == 0:
        row = row[: draw(st.integers(0, len(AUDIT_WIRE) - 1))]
    return row


@st.composite
def _audit(draw: st.DrawFn) -> Any:
    part: dict[str, Any] = {
        "after": _maybe(draw, st.integers(0, 2**62),
                        st.sampled_from([-1, 2**62 + 1, "0", 0.0, True])),
        "prev_hash": _maybe(draw, st.sampled_from(["0" * 64, "ab" * 32]),
                            st.sampled_from(["AB" * 32, "0" * 64 + "\n", "0" * 63, ""])),
        "stamp": _maybe(draw, _good_stamps, _stamps | st.just(_GOOD_STAMP + "x" * 9)),
        "events": [_audit_row(draw) for _ in range(draw(st.integers(0, 3)))],
    }
    if draw(st.integers(0, 39)) == 0:
        part.pop(draw(st.sampled_from(sorted(part))))
    if draw(st.integers(0, 39)) == 0:
        part["more"] = 1
    return part


@st.composite
def _payload(draw: st.DrawFn) -> bytes:
    doc: dict[str, Any] = {"changes": draw(st.lists(_change(), max_size=3))}
    protocol = draw(st.sampled_from([None, 2, 2, 1, "2", 2**70]))
    if protocol is not None:
        doc["protocol"] = protocol
    audit = draw(st.sampled_from(["none", "null", "part", "part", "part", "bad"]))
    if audit == "null":
        doc["audit"] = None
    elif audit == "part":
        doc["audit"] = draw(_audit())
    elif audit == "bad":
        doc["audit"] = draw(_values)
    if draw(st.integers(0, 19)) == 0:
        doc = draw(st.sampled_from([[doc], "x", {"changes": "x"}, {}]))
    text = json.dumps(doc, ensure_ascii=draw(st.booleans()),
                      separators=draw(st.sampled_from([(",", ":"), (", ", ": ")])))
    return text.encode("utf-8", "surrogatepass")


def _read(reader: Any, payload: bytes) -> str:
    """What a reader made of the payload: the model's repr (values and their types, NaN
    included), or that it refused."""
    try:
        return repr(reader(payload))
    except ValidationError:
        return "refused"


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=_payload())
def test_read_push_is_the_model(payload: bytes) -> None:
    assert _read(read_push, payload) == _read(PushPayload.model_validate_json, payload)


def _reference_part(payload: bytes) -> AuditPart | None:
    """`auditpart.parse_part` before issue 16's push work (main)."""
    if not auditpart._HAS_PART.search(payload):
        return None
    try:
        doc = json.loads(payload)
        part = doc.get("audit") if isinstance(doc, dict) else None
        return AuditPart.model_validate(part) if part is not None else None
    except (ValueError, ValidationError):
        return None


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payload=_payload(), pushed_first=st.booleans())
def test_the_audit_part_is_what_the_model_reads(payload: bytes, pushed_first: bool) -> None:
    if pushed_first:  # HQ reads the changes first: the part comes from that same reading
        _read(read_push, payload)
    fast = read_audit_part(payload)
    assert fast is None or repr(fast) == repr(_reference_part(payload))
    assert repr(auditpart.parse_part(payload)) == repr(_reference_part(payload))


def _canonical(stamp: str) -> bool:
    try:
        _check_stamp("f", stamp)
    except ValueError:
        return False
    return True


@settings(max_examples=1000, deadline=None)
@given(stamp=_stamps)
def test_the_stamp_pattern_is_the_canonical_check(stamp: str) -> None:
    import re

    assert bool(re.match(STAMP_PATTERN, stamp)) == _canonical(stamp)


@pytest.mark.parametrize("stamp", [
    _GOOD_STAMP, "0000000000000-00000-", "12345678901234-123456-n", "0123456789012-00000-x",
    "1234567890123-012345-x", "123456789012-00000-x", "+234567890123-00000-x",
    "1234567890123-0000-x", "1234567890123-00000", "١٢٣٤٥٦٧٨٩٠١٢٣-00000-x",
])
def test_stamp_edges(stamp: str) -> None:
    import re

    try:
        canonical = str(Hlc.parse(stamp)) == stamp
    except InvalidInput:
        canonical = False
    assert bool(re.match(STAMP_PATTERN, stamp)) == canonical == _canonical(stamp)


def test_a_valid_push_takes_the_fast_path_and_a_converted_one_the_model() -> None:
    good = {"seq": 1, "entity": "victim", "entity_id": "v", "post_code": "POIPET",
            "fields": {"sex": ["female", _GOOD_STAMP]}}
    fast = read_push(json.dumps({"changes": [good]}).encode())
    assert fast.model_fields_set == {"protocol", "changes", "audit"}  # model_construct'ed
    slow = read_push(json.dumps({"changes": [{**good, "seq": "1"}]}).encode())
    assert repr(slow) == repr(fast) and slow.model_fields_set == {"changes"}


_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**80), 2**80) | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=4),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(value=_json, ascii_only=st.booleans())
def test_loads_reads_what_python_reads(value: Any, ascii_only: bool) -> None:
    text = json.dumps(value, ensure_ascii=ascii_only)
    data = text.encode("utf-8", "surrogatepass")
    assert repr(loads(data)) == repr(json.loads(data))


@settings(max_examples=300, deadline=None)
@given(value=_json)
def test_pydantic_json_reads_back(value: Any) -> None:
    back = json.loads(pydantic_json(value))

    def norm(v: Any) -> Any:  # what JSON keeps: NaN and infinities are written as null
        if isinstance(v, float) and not math.isfinite(v):
            return None
        if isinstance(v, list):
            return [norm(i) for i in v]
        if isinstance(v, dict):
            return {k: norm(i) for k, i in v.items()}
        return v

    assert repr(back) == repr(norm(value))
