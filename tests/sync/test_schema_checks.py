"""The precompiled field checks (`schema._accepts`) refuse and accept exactly what the
reference check refuses and accepts, with the same first reason (Hypothesis): a test passes
only values the reference accepts, and `check_fields` gives the reference's answer."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.domain.entities import SYNCED_ENTITIES
from fieldapp.sync import schema
from fieldapp.sync.schema import MAX_JSON_CHARS, check_fields, check_value, field_specs


def _reference_check_fields(entity: str, fields: Mapping[str, Any]) -> str | None:
    """`check_fields` of main: every field in name order through the reference check."""
    if not field_specs(entity):
        return f"{entity[:32]!r} is not a synced record type"
    for name in sorted(fields):
        reason = schema._reason(entity, name, fields[name][0])
        if reason:
            return reason
    return None


_ENTITIES = [*SYNCED_ENTITIES, "audit_event"]
_json = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                max_size=3),
    max_leaves=8,
)


@st.composite
def _value_for(draw: st.DrawFn, spec: schema.FieldSpec) -> Any:
    """Mostly values of the field's kind, near its limits; sometimes any JSON value."""
    limit = spec.max_len or 300
    kinds = {
        "text": st.sampled_from(sorted(spec.choices)) if spec.choices else st.one_of(
            st.text(max_size=12), st.integers(limit - 1, limit + 1).map(lambda n: "x" * n)),
        "int": st.integers(-(2**64), 2**64),
        "bool": st.booleans(),
        "date": st.dates().map(dt.date.isoformat) | st.text(max_size=12),
        "datetime": st.datetimes().map(dt.datetime.isoformat) | st.sampled_from(
            ["2026-12-02T10:00:00+07:00", "2026-12-02 10:00", "x" * 41, "2026-13-01"]),
        "list": st.lists(st.text(max_size=4) | st.integers(199, 201).map(lambda n: "y" * n)
                         | st.integers(), max_size=4)
        | st.integers(199, 202).map(lambda n: ["z"] * n),
        "dict": st.dictionaries(st.text(max_size=4), _json, max_size=3)
        | st.integers(1, 3).map(lambda k: {"t": "é" * (MAX_JSON_CHARS // k)}),
        "json": _json,
        "binary": st.binary(max_size=4),
    }
    return draw(kinds.get(spec.kind, _json) if draw(st.integers(0, 5)) else _json)


@st.composite
def _fields(draw: st.DrawFn) -> tuple[str, dict[str, list[Any]]]:
    entity = draw(st.sampled_from(_ENTITIES) | st.sampled_from(["nope"]))
    specs = field_specs(entity)
    names = draw(st.lists(st.sampled_from(sorted(specs)), max_size=6, unique=True)) \
        if specs else []
    fields = {n: [draw(_value_for(specs[n]) | st.none()), "s"] for n in names}
    if draw(st.integers(0, 9)) == 0:
        fields[draw(st.text(max_size=5))] = [1, "s"]
    return entity, fields


@settings(max_examples=1500, deadline=None)
@given(case=_fields())
def test_check_fields_gives_the_reference_answer(case: tuple[str, dict[str, list[Any]]]) -> None:
    entity, fields = case
    assert check_fields(entity, fields) == _reference_check_fields(entity, fields)
    for name, (value, _) in fields.items():
        test = schema._accepts(entity).get(name)
        if test is not None and test(value):
            assert schema._reason(entity, name, value) is None
        assert check_value(entity, name, value) == schema._reason(entity, name, value)


def test_a_good_record_passes_without_the_reference() -> None:
    """The fast tests do pass ordinary values (the reference is only asked about the rest)."""
    fields = {"sex": ["female", "s"], "name_latin": ["Sok", "s"], "extra": [{}, "s"],
              "languages": [["km"], "s"]}
    tests = schema._accepts("victim")
    assert all(tests[n](v) for n, (v, _) in fields.items())
    assert check_fields("victim", fields) is None
