"""What a synced record's fields may hold, derived once from the store models (never restated).

HQ checks every pushed change against it (`fieldapp.hq.validate`) and a device checks every
pulled record against it before storing (`fieldapp.sync.apply`), so the two can never
disagree on what a valid victim or statement is. A reason returned here names the field
and the rule, never the value (it may be a victim's name).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from types import MappingProxyType
from typing import Any

import msgspec
from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    Integer,
    LargeBinary,
    String,
    Text,
    inspect,
)

from fieldapp.domain import enums
from fieldapp.store.models import LOCAL_ONLY, SYNCED_MODELS, AuditEvent

#: Long text (narratives, notes) without a column length: a statement over 2G stays sane.
MAX_TEXT = 200_000
MAX_LIST_ITEMS = 200
MAX_LIST_ITEM = 200
MAX_JSON_CHARS = 20_000
INT_RANGE = (-(2**63), 2**63 - 1)

#: Closed vocabularies of the synced fields.
ENUMS: dict[tuple[str, str], type[StrEnum]] = {
    ("rescue", "exploitation_type"): enums.ExploitationType,
    ("victim", "sex"): enums.Sex,
    ("suspect", "role"): enums.SuspectRole,
    ("suspect", "status"): enums.SuspectStatus,
    ("referral", "service"): enums.Service,
    ("referral", "urgency"): enums.Urgency,
    ("referral_event", "kind"): enums.ReferralStatus,
    ("statement", "status"): enums.StatementStatus,
    ("family_member", "relationship"): enums.Relationship,
    ("follow_up", "action"): enums.FollowUpAction,
}


@dataclass(frozen=True)
class FieldSpec:
    kind: str  # text | int | bool | date | datetime | list | dict | json
    nullable: bool
    max_len: int | None = None
    choices: frozenset[str] | None = None
    #: The synced entity this field points to (a parent record), if any.
    link: str | None = None


def _spec(entity: str, column: Any) -> FieldSpec:
    # A compact column type (`store.compact`) is checked as the value it holds on the wire.
    t = getattr(column.type, "wire_type", None) or getattr(column.type, "impl_instance",
                                                           column.type)
    nullable = bool(column.nullable)
    link = None
    for fk in column.foreign_keys:
        target = fk.column.table.name
        if target in SYNCED_MODELS:
            link = target
    enum = ENUMS.get((entity, column.key))
    choices = frozenset(m.value for m in enum) if enum else None
    if isinstance(t, Boolean):
        return FieldSpec("bool", nullable)
    if isinstance(t, Integer | BigInteger):
        return FieldSpec("int", nullable)
    if isinstance(t, DateTime):
        return FieldSpec("datetime", nullable)
    if isinstance(t, Date):
        return FieldSpec("date", nullable)
    if isinstance(t, JSON):
        made = _default_value(column)
        kind = "list" if isinstance(made, list) else "dict" if isinstance(made, dict) else "json"
        return FieldSpec(kind, nullable)
    if isinstance(t, Text):
        return FieldSpec("text", nullable, MAX_TEXT, choices, link)
    if isinstance(t, String):
        return FieldSpec("text", nullable, t.length or MAX_TEXT, choices, link)
    if isinstance(t, LargeBinary):
        return FieldSpec("binary", nullable)
    return FieldSpec("json", nullable)  # pragma: no cover - no other column types today


def _default_value(column: Any) -> Any:
    default = column.default
    if default is None:
        return None
    if default.is_callable:
        return default.arg(None)  # SQLAlchemy wraps `default=list` as fn(context)
    return default.arg


@cache
def field_specs(entity: str) -> dict[str, FieldSpec]:
    """Every field a change of `entity` may carry (empty for an unknown entity)."""
    if entity == "audit_event":
        model: Any = AuditEvent
        exclude: frozenset[str] = frozenset({"id"})
    elif entity in SYNCED_MODELS:
        model = SYNCED_MODELS[entity]
        exclude = model.SYNC_EXCLUDE | LOCAL_ONLY
    else:
        return {}
    specs = {
        col.key: _spec(entity, col)
        for col in inspect(model).columns
        if col.key not in exclude
    }
    if entity == "audit_event":
        # Not stored on the device (it is the previous row's hash) but sent with each event.
        specs["prev_hash"] = specs["hash"]
    return specs


def check_value(entity: str, name: str, value: Any) -> str | None:
    """Why `value` cannot be field `name` of `entity`, or None if it can.

    A value the field's precompiled test (`_accepts`) passes is fine; any other is judged by
    `_reason`, the reference, which also words the reason."""
    accepts = _accepts(entity).get(name)
    if accepts is not None and accepts(value):
        return None
    return _reason(entity, name, value)


def _reason(entity: str, name: str, value: Any) -> str | None:
    """The reference check of one value: why it cannot be field `name`, or None."""
    spec = field_specs(entity).get(name)
    if spec is None:
        return f"{entity}.{name[:64]}: not a field of {entity}"
    if value is None:
        return None if spec.nullable else f"{entity}.{name}: must not be empty"
    kind = spec.kind
    if kind == "text":
        if not isinstance(value, str):
            return f"{entity}.{name}: must be text"
        if spec.max_len is not None and len(value) > spec.max_len:
            return f"{entity}.{name}: longer than {spec.max_len} characters"
        if spec.choices is not None and value not in spec.choices:
            return f"{entity}.{name}: not one of {', '.join(sorted(spec.choices))}"
        return None
    if kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            return f"{entity}.{name}: must be a whole number"
        if not INT_RANGE[0] <= value <= INT_RANGE[1]:
            return f"{entity}.{name}: number out of range"
        return None
    if kind == "bool":
        return None if isinstance(value, bool) else f"{entity}.{name}: must be true or false"
    if kind in ("date", "datetime"):
        if not isinstance(value, str) or len(value) > 40:
            return f"{entity}.{name}: must be an ISO 8601 {kind}"
        try:
            if kind == "date":
                dt.date.fromisoformat(value)
            else:
                dt.datetime.fromisoformat(value)
        except ValueError:
            return f"{entity}.{name}: not a valid {kind} (YYYY-MM-DD{'Thh:mm:ss' if kind == 'datetime' else ''})"
        return None
    if kind == "list":
        if not isinstance(value, list) or len(value) > MAX_LIST_ITEMS:
            return f"{entity}.{name}: must be a list of at most {MAX_LIST_ITEMS} texts"
        if any(not isinstance(v, str) or len(v) > MAX_LIST_ITEM for v in value):
            return f"{entity}.{name}: every item must be a text of at most {MAX_LIST_ITEM} characters"
        return None
    if kind == "dict":
        if not isinstance(value, dict):
            return f"{entity}.{name}: must be an object"
        return _json_size(f"{entity}.{name}", value)
    if kind == "binary":
        return f"{entity}.{name}: never synced"
    return _json_size(f"{entity}.{name}", value)


def _json_size(where: str, value: Any) -> str | None:
    import json

    try:
        size = len(json.dumps(value, ensure_ascii=False))
    except (TypeError, ValueError):
        return f"{where}: not JSON"
    return None if size <= MAX_JSON_CHARS else f"{where}: larger than {MAX_JSON_CHARS} characters"


def check_fields(entity: str, fields: Mapping[str, Any]) -> str | None:
    """The first reason `fields` (``{name: [value, stamp]}``) do not fit `entity`, or None."""
    accepts = _accepts(entity)
    if not accepts:
        return f"{entity[:32]!r} is not a synced record type"
    for name, entry in fields.items():
        test = accepts.get(name)
        if test is None or not test(entry[0]):
            break
    else:
        return None
    for name in sorted(fields):  # the reference, in name order: the first reason
        reason = _reason(entity, name, fields[name][0])
        if reason:
            return reason
    return None


def field_reason(entity: str, fields: Mapping[str, Any]) -> str | None:
    """The reason (`check_value`'s) of the first of `fields` (``{name: [value, stamp]}``, in
    their order) whose value cannot be that field, or None; names `entity` has no field of
    are not looked at."""
    accepts = _accepts(entity)
    for name, entry in fields.items():
        test = accepts.get(name)
        if test is not None and not test(entry[0]):
            reason = _reason(entity, name, entry[0])
            if reason:
                return reason
    return None


# -- precompiled tests --------------------------------------------------------------------
# One test per field, made once from its spec: True only for values `_reason` accepts (a
# test may say False to a good value; `_reason` then decides). A test holds them to that.


@cache
def _accepts(entity: str) -> dict[str, Callable[[Any], bool]]:
    return {name: _test_of(spec) for name, spec in field_specs(entity).items()}


def _test_of(spec: FieldSpec) -> Callable[[Any], bool]:
    nullable, kind = spec.nullable, spec.kind
    if kind == "text":
        limit = MAX_TEXT if spec.max_len is None else spec.max_len
        choices = spec.choices
        if choices is not None:
            def test(v: Any) -> bool:
                return (v is None and nullable) or (type(v) is str and v in choices
                                                    and len(v) <= limit)
        else:
            def test(v: Any) -> bool:
                return (v is None and nullable) or (type(v) is str and len(v) <= limit)
    elif kind == "int":
        def test(v: Any) -> bool:
            return (v is None and nullable) or (type(v) is int and INT_RANGE[0] <= v <= INT_RANGE[1])
    elif kind == "bool":
        def test(v: Any) -> bool:
            return (v is None and nullable) or type(v) is bool
    elif kind == "list":
        def test(v: Any) -> bool:
            return (v is None and nullable) or (
                type(v) is list and len(v) <= MAX_LIST_ITEMS
                and all(type(i) is str and len(i) <= MAX_LIST_ITEM for i in v))
    elif kind in ("dict", "json"):
        want = dict if kind == "dict" else object

        def test(v: Any) -> bool:
            if v is None:
                return nullable
            return isinstance(v, want) and _small_json(v)
    elif kind in ("date", "datetime"):
        parse = dt.date.fromisoformat if kind == "date" else dt.datetime.fromisoformat

        def test(v: Any) -> bool:
            if v is None:
                return nullable
            if type(v) is not str or len(v) > 40:
                return False
            try:
                parse(v)
            except ValueError:
                return False
            return True
    else:  # binary: never synced
        def test(v: Any) -> bool:
            return v is None and nullable
    return test


_ENCODE = msgspec.json.Encoder()


def _small_json(value: Any) -> bool:
    """Surely within MAX_JSON_CHARS as `_json_size` counts it (``json.dumps``: spaced
    separators, at most 6 characters per character or a float's token of msgspec's compact
    encoding, whose length is cheap). False means: ask `_json_size`."""
    if value is None or value == {} or value == []:
        return True
    try:
        return len(_ENCODE.encode(value)) * 12 <= MAX_JSON_CHARS
    except (TypeError, ValueError, OverflowError):  # msgspec.EncodeError is a ValueError
        return False


@cache
def links(entity: str) -> Mapping[str, str]:
    """Fields of `entity` that point to a parent record: ``{field: parent entity}``."""
    return MappingProxyType({name: spec.link for name, spec in field_specs(entity).items()
                             if spec.link})
