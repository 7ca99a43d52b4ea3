"""Turn column values into JSON for the outbox and back (dates as ISO 8601 text)."""

from __future__ import annotations

import datetime as dt
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
    column_type = mapper.columns[key].type
    if isinstance(column_type, DateTime):
        return dt.datetime.fromisoformat(value)
    if isinstance(column_type, Date):
        return dt.date.fromisoformat(value)
    return value
