"""Turn column values into JSON for the outbox and back (dates as ISO 8601 text)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from typing import Any

from sqlalchemy import Date, DateTime
from sqlalchemy.orm import Mapper


def to_json(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return value


def from_json(mapper: Mapper[Any], key: str, value: Any) -> Any:
    """Inverse of `to_json` for column `key` of `mapper`."""
    if value is None:
        return None
    parse = _parser(mapper, key)
    return value if parse is None else parse(value)


@functools.cache
def _parser(mapper: Mapper[Any], key: str) -> Callable[[str], Any] | None:
    """How column `key` of `mapper` reads its JSON text (None: as it is). Cached: a pull
    decodes every field of thousands of records a second."""
    column_type = mapper.columns[key].type
    if isinstance(column_type, DateTime):
        return dt.datetime.fromisoformat
    if isinstance(column_type, Date):
        return dt.date.fromisoformat
    return None
