"""Column types that store common values in fewer bytes and read them back unchanged.

SQLite keeps each value with its own type, so a column can hold the compact form and, where
a value does not fit it, the value as it was: nothing is ever lost by compacting.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any, ClassVar

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

_EPOCH = dt.datetime(1970, 1, 1)
_HEX = re.compile(r"(?:[0-9a-f]{2})+")


def id_bytes(text: str) -> bytes | None:
    """The 16 bytes of a uuid in canonical form (lower-case, dashed), else None."""
    if len(text) != 36:
        return None
    try:
        parsed = uuid.UUID(text)
    except ValueError:
        return None
    return parsed.bytes if str(parsed) == text else None


def id_text(value: Any) -> Any:
    return str(uuid.UUID(bytes=value)) if isinstance(value, bytes) and len(value) == 16 else value


class CompactId(TypeDecorator[str]):
    """Text, stored as 16 bytes when it is a canonical uuid (36 characters as text)."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, str):
            return id_bytes(value) or value
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return id_text(value)


def micros(value: dt.datetime) -> int:
    """A naive UTC datetime as whole microseconds since 1970 (exact, both ways)."""
    delta = value - _EPOCH
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds


class MicroTime(TypeDecorator[dt.datetime]):
    """A naive UTC datetime stored as an integer of microseconds (8 bytes, not 26)."""

    impl = Integer
    cache_ok = True
    #: What the value is on the wire (`fieldapp.sync.schema` validates it as that).
    wire_type: ClassVar[TypeEngine[Any]] = DateTime()

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        return micros(value) if isinstance(value, dt.datetime) else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, int):
            return _EPOCH + dt.timedelta(microseconds=value)
        if isinstance(value, str):  # written before the column was compacted
            return dt.datetime.fromisoformat(value)
        return value


def digest_bytes(text: str) -> bytes | None:
    """The bytes of a lower-case hex digest, else None."""
    return bytes.fromhex(text) if _HEX.fullmatch(text) else None


class HexDigest(TypeDecorator[str]):
    """A hex digest (lower case), stored as its bytes: 32 bytes for SHA-256, not 64."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, str):
            return digest_bytes(value) or value
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return value.hex() if isinstance(value, bytes) else value
