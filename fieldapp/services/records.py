"""Shared by the intake services: check and copy user-supplied fields onto a record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from fieldapp.domain.errors import Field, InvalidInput, Phrase

#: Which enum each constrained field must come from, per record type.
Spec = Mapping[str, type]


#: What a value of each kind is called in a refusal ("return_date: not a valid date").
KIND_WORDS = {dt.date: Phrase("date"), dt.datetime: Phrase("date and time"),
              int: Phrase("whole number"), bool: Phrase("yes or no"), list: Phrase("list"),
              str: Phrase("text"), dict: Phrase("set of answers")}


def coerce(name: str, kind: type, value: Any) -> Any:
    """Convert `value` to `kind` or raise InvalidInput naming the field (never the value)."""
    if value is None or value == "":
        return None if kind not in (str, list, dict) else kind()
    try:
        if issubclass(kind, StrEnum):
            return kind(value).value
        if kind is dt.date and isinstance(value, str):
            return dt.date.fromisoformat(value)
        if kind is dt.datetime and isinstance(value, str):
            return dt.datetime.fromisoformat(value)
        if kind is dt.date and isinstance(value, dt.datetime):
            return value.date()
        if kind is int and not isinstance(value, bool):
            return int(value)
        if kind is bool:
            if isinstance(value, str):
                return value.strip().lower() in ("1", "true", "yes", "y")
            return bool(value)
        if kind is list:
            if isinstance(value, str):
                return [v for v in value.split() if v]
            return [str(v) for v in value]
        if kind is str:
            return str(value).strip()
        if isinstance(value, kind):
            return value
    except (ValueError, TypeError):
        pass
    if issubclass(kind, StrEnum):
        raise InvalidInput("{name}: must be one of {allowed}", name=Field(name), allowed=list(kind))
    raise InvalidInput("{name}: not a valid {kind}", name=Field(name),
                       kind=KIND_WORDS.get(kind, Phrase("value")))


def assign(obj: Any, spec: Spec, values: Mapping[str, Any], required: tuple[str, ...] = ()) -> list[str]:
    """Set the given fields on `obj`; return the names that changed."""
    unknown = set(values) - set(spec)
    if unknown:
        raise InvalidInput("unknown field(s): {unknown}", unknown=sorted(unknown))
    changed = []
    for name, value in values.items():
        new = coerce(name, spec[name], value)
        if getattr(obj, name, None) != new:
            setattr(obj, name, new)
            changed.append(name)
    for name in required:
        if getattr(obj, name, None) in (None, ""):
            raise InvalidInput("{name}: required", name=Field(name))
    return changed
