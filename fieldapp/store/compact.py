"""Column types that store common values in fewer bytes and read them back unchanged.

SQLite keeps each value with its own type, so a column can hold the compact form and, where
a value does not fit it, the value as it was: nothing is ever lost by compacting.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, Integer, String, Text, func
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

from fieldapp.crypto.sealed import JSON_MARK, sealed_bytes, sealed_token

_EPOCH = dt.datetime(1970, 1, 1)
_HEX = re.compile(r"(?:[0-9a-f]{2})+")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def id_bytes(text: str) -> bytes | None:
    """The 16 bytes of a uuid in canonical form (lower-case, dashed), else None."""
    if len(text) != 36 or not _UUID.fullmatch(text):
        return None
    return bytes.fromhex(text[:8] + text[9:13] + text[14:18] + text[19:23] + text[24:])


def id_text(value: Any) -> Any:
    if isinstance(value, bytes) and len(value) == 16:
        h = value.hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
    return value


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


# -- the store's own device --------------------------------------------------------------
#: Where an engine's dialect keeps its store's device id (`store.engine` sets it): that id
#: is stored as nothing in records' `device_id` and in their clock stamps (`OWN_NODE`).
_OWN = "fieldapp_own_device"


def set_own_device(dialect: Dialect, device_id: str) -> None:
    setattr(dialect, _OWN, (device_id, id_bytes(device_id)))


def own_device(dialect: Dialect) -> tuple[str, bytes | None]:
    """(the store's device id, its 16 bytes); ("", None) where the engine has no device."""
    own: tuple[str, bytes | None] = getattr(dialect, _OWN, ("", None))
    return own


class DeviceId(CompactId):
    """A record's device: `CompactId`, and nothing (an empty blob) for the store's own."""

    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value and value == own_device(dialect)[0]:
            return b""
        return super().process_bind_param(value, dialect)

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value == b"":
            return own_device(dialect)[0]
        return super().process_result_value(value, dialect)


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
        return from_micros(value)


def from_micros(value: Any) -> Any:
    """`micros` back; text (a time written before its column was compacted) is parsed."""
    if isinstance(value, int):
        return _EPOCH + dt.timedelta(microseconds=value)
    if isinstance(value, str):
        return dt.datetime.fromisoformat(value)
    return value


def bind_micros(value: Any) -> Any:
    return micros(value) if isinstance(value, dt.datetime) else value


def unchanged() -> None:
    """A new record's `updated_at`: stored as nothing, read as its `created_at` (`LaterTime`)."""
    return None


class MicroDateTime(TypeDecorator[dt.datetime]):
    """`MicroTime` in a column declared DATETIME (a table made before issue 16): the
    declared type stays, the values are integers (SQLite keeps each value's own type)."""

    impl = DateTime
    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any]:
        return bind_micros  # not DateTime's, which accepts datetimes only

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any]:
        return from_micros


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


#: Microseconds within which an `updated_at` is its record's creation (both set by one
#: insert): migration 0013 stores such a one as nothing, read back as `created_at`.
SAME_INSERT = 1_000_000


class LaterTime(MicroDateTime):
    """A record's last change: stored as nothing (empty text) while it is its creation
    (`unchanged`); reading the column gives its table's `created_at` then."""

    cache_ok = True

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any]:
        return _bind_later

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any]:
        return _read_later

    def column_expression(self, colexpr: Any) -> Any:
        return func.coalesce(func.nullif(colexpr, ""), colexpr.table.c.created_at)


def _bind_later(value: Any) -> Any:
    return "" if value is None else bind_micros(value)


def _read_later(value: Any) -> Any:
    return None if value == "" else from_micros(value)


# -- names from a closed list -------------------------------------------------------------
class CodedText(TypeDecorator[str]):
    """Text from a mostly closed vocabulary (`names`), stored as its index in `names` (one
    byte, as a blob: the column's text affinity would turn an integer into text); a word
    not in the list is stored as it is. `names` is part of the stored format: append to
    it, never reorder or remove."""

    impl = String
    cache_ok = True

    def __init__(self, length: int, names: tuple[str, ...]) -> None:
        super().__init__(length)
        self.names = names
        self._codes = {name: bytes((code,)) for code, name in enumerate(names[:256])}

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, str):
            return self._codes.get(value, value)
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, bytes) and len(value) == 1 and value[0] < len(self.names):
            return self.names[value[0]]
        return value


# -- clock stamps ------------------------------------------------------------------------
#: A stamp `"%013d-%05d-<uuid>"` (56 characters) as 6 bytes of wall ms, 3 of counter and the
#: node's 16: 25 bytes.
_WALL, _COUNTER, _NODE = 6, 3, 16
_STAMP = _WALL + _COUNTER + _NODE


#: Devices are few: a node's conversions are remembered (both ways).
_node_bytes = lru_cache(maxsize=4096)(id_bytes)
_node_text = lru_cache(maxsize=4096)(id_text)
_STAMP_TEXT = re.compile(r"([0-9]{13})-([0-9]{5})-(.{36})", re.ASCII | re.DOTALL)


def _stamp_parts(text: str) -> tuple[bytes, bytes] | None:
    """(wall+counter bytes, node bytes) of a stamp whose text they give back exactly."""
    found = _STAMP_TEXT.fullmatch(text)
    if found is None:
        return None
    node = _node_bytes(found[3])
    if node is None:
        return None
    return (int(found[1]) << 24 | int(found[2])).to_bytes(_WALL + _COUNTER, "big"), node


def _stamp_of(clock: bytes, node: bytes) -> str:
    value = int.from_bytes(clock, "big")
    return f"{value >> 24:013d}-{value & 0xFFFFFF:05d}-{_node_text(node)}"


def stamp_bytes(text: str) -> bytes | None:
    """A clock stamp (`domain.hlc`) as 25 bytes, else None (kept as text)."""
    parts = _stamp_parts(text)
    return None if parts is None else parts[0] + parts[1]


def stamp_text(value: Any) -> Any:
    if isinstance(value, bytes) and len(value) == _STAMP:
        return _stamp_of(value[:_WALL + _COUNTER], value[_WALL + _COUNTER:])
    return value


class CompactStamp(TypeDecorator[str]):
    """A clock stamp, stored as 25 bytes (not 56 characters) when it has the usual form."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, str):
            return stamp_bytes(value) or value
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return stamp_text(value)


_STAMPS_V1 = 1


#: A stamp's node index for the store's own device, whose 16 bytes are not stored.
OWN_NODE = 255


def stamps_bytes(value: Any, own: bytes | None = None) -> bytes | None:
    """A record's per-field stamps `{field: stamp}` packed, else None (kept as JSON).

    Layout: version, node count, the nodes (16 bytes each), then per field its name's
    length and UTF-8 bytes, its wall ms and counter (9 bytes), its node's index; the node
    `own` (the store's device) is not among the nodes: its index is `OWN_NODE`.
    """
    if not isinstance(value, dict) or not value or len(value) > 255:
        return None
    nodes: dict[bytes, int] = {}
    body = bytearray()
    for field, stamp in value.items():
        if not isinstance(field, str) or not isinstance(stamp, str):
            return None
        name = field.encode("utf-8")
        parts = _stamp_parts(stamp)
        if parts is None or len(name) > 255:
            return None
        # At most 255 fields, so other nodes' indexes stay below OWN_NODE.
        index = OWN_NODE if parts[1] == own else nodes.setdefault(parts[1], len(nodes))
        body += bytes((len(name),)) + name + parts[0] + bytes((index,))
    return bytes((_STAMPS_V1, len(nodes))) + b"".join(nodes) + bytes(body)


def stamps_dict(raw: bytes, own: bytes | None = None) -> dict[str, str]:
    """`stamps_bytes` back (`own` as given to it)."""
    count = raw[1]
    nodes = [raw[2 + i * _NODE: 2 + (i + 1) * _NODE] for i in range(count)]
    out: dict[str, str] = {}
    at = 2 + count * _NODE
    while at < len(raw):
        size = raw[at]
        name = raw[at + 1: at + 1 + size].decode("utf-8")
        at += 1 + size
        index = raw[at + _WALL + _COUNTER]
        node = own if index == OWN_NODE and own is not None else nodes[index]
        out[name] = _stamp_of(raw[at: at + _WALL + _COUNTER], node)
        at += _WALL + _COUNTER + 1
    return out


class PackedJson(TypeDecorator[Any]):
    """A JSON column whose usual values are stored packed (`pack`: bytes starting with the
    type's `MARK`, or None to keep the value as JSON); the column stays declared JSON."""

    impl = JSON
    cache_ok = True
    MARK: ClassVar[int]

    @staticmethod
    def pack(value: Any) -> bytes | None:
        raise NotImplementedError

    @staticmethod
    def unpack(raw: bytes) -> Any:
        raise NotImplementedError

    def packers(self, dialect: Dialect) -> tuple[Callable[[Any], bytes | None],
                                                 Callable[[bytes], Any]]:
        """(pack, unpack) for `dialect`'s engine."""
        return self.pack, self.unpack

    def bind_processor(self, dialect: Dialect) -> Callable[[Any], Any]:
        as_json = self.impl_instance.dialect_impl(dialect).bind_processor(dialect)
        pack = self.packers(dialect)[0]

        def process(value: Any) -> Any:
            packed = pack(value)
            if packed is not None:
                return packed
            return as_json(value) if as_json is not None else value

        return process

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any]:
        from_json = self.impl_instance.dialect_impl(dialect).result_processor(dialect, coltype)
        mark, unpack = self.MARK, self.packers(dialect)[1]

        def process(value: Any) -> Any:
            if isinstance(value, bytes) and value and value[0] == mark:
                return unpack(value)
            return from_json(value) if from_json is not None else value

        return process


class CompactStamps(PackedJson):
    """A record's per-field clock stamps (JSON `{field: stamp}`), packed (`stamps_bytes`):
    about 30 bytes for one stamp, not 66, and 14 when it is the store's own device's.
    Anything else is kept as JSON."""

    cache_ok = True
    MARK = _STAMPS_V1
    pack = staticmethod(stamps_bytes)
    unpack = staticmethod(stamps_dict)

    def packers(self, dialect: Dialect) -> tuple[Callable[[Any], bytes | None],
                                                 Callable[[bytes], Any]]:
        # The store's device is looked up at each value: it is set once the store has one.
        def pack(value: Any) -> bytes | None:
            return stamps_bytes(value, own_device(dialect)[1])

        def unpack(raw: bytes) -> dict[str, str]:
            return stamps_dict(raw, own_device(dialect)[1])
        return pack, unpack


_DETAIL_V1, _DETAIL_ID, _DETAIL_TEXT, _DETAIL_HEX, _DETAIL_EARLIER = 2, 0, 1, 2, 3
_DIGEST_TEXT = re.compile(r"(?:[0-9a-f]{2}){16,255}")


class EarlierId(int):
    """A detail's id stored as a reference: the record id (`entity_id`) of the audit event
    this many events before (`store.audit` reads it back as that id)."""


def detail_bytes(value: Any, earlier: dict[str, int] | None = None) -> bytes | None:
    """An audit event's detail packed when it is a flat `{name: text}` (ids as 16 bytes,
    lower-case hex digests as their bytes), else None (kept as JSON). Layout: mark, then per
    item its name's length and UTF-8 bytes, and either 0 and an id's 16 bytes, or 2, the
    digest's length (1 byte) and bytes, or 1, the text's length (2 bytes) and UTF-8, or 3 and
    one byte: an id of `earlier` (id -> how many events before, 1 to 255, `EarlierId`)."""
    if not isinstance(value, dict) or not value:
        return None
    out = bytearray((_DETAIL_V1,))
    for name, text_value in value.items():
        if not isinstance(name, str) or not isinstance(text_value, str):
            return None
        key = name.encode("utf-8")
        if len(key) > 255:
            return None
        out += bytes((len(key),)) + key
        back = earlier.get(text_value) if earlier else None
        ident = id_bytes(text_value)
        if back is not None and 0 < back < 256:
            out += bytes((_DETAIL_EARLIER, back))
        elif ident is not None:
            out += bytes((_DETAIL_ID,)) + ident
        elif _DIGEST_TEXT.fullmatch(text_value):
            digest = bytes.fromhex(text_value)
            out += bytes((_DETAIL_HEX, len(digest))) + digest
        else:
            text = text_value.encode("utf-8")
            if len(text) > 0xFFFF:
                return None
            out += bytes((_DETAIL_TEXT,)) + len(text).to_bytes(2, "big") + text
    return bytes(out)


def detail_stored(value: Any, earlier: dict[str, int]) -> Any:
    """What `store.audit` stores as a new event's detail: `detail_bytes` with references to
    earlier events' ids, an empty detail as the mark alone (one byte), else the value."""
    if value == {}:
        return bytes((_DETAIL_V1,))
    return detail_bytes(value, earlier) or value


def detail_dict(raw: bytes) -> dict[str, Any]:
    """`detail_bytes` back (a reference as its `EarlierId`)."""
    out: dict[str, Any] = {}
    at = 1
    while at < len(raw):
        size = raw[at]
        name = raw[at + 1: at + 1 + size].decode("utf-8")
        at += 1 + size
        if raw[at] == _DETAIL_ID:
            out[name] = id_text(raw[at + 1: at + 17])
            at += 17
        elif raw[at] == _DETAIL_EARLIER:
            out[name] = EarlierId(raw[at + 1])
            at += 2
        elif raw[at] == _DETAIL_HEX:
            length = raw[at + 1]
            out[name] = raw[at + 2: at + 2 + length].hex()
            at += 2 + length
        else:
            length = int.from_bytes(raw[at + 1: at + 3], "big")
            out[name] = raw[at + 3: at + 3 + length].decode("utf-8")
            at += 3 + length
    return out


def _detail_packed(value: Any) -> bytes | None:
    """`detail_bytes`; a detail `store.audit` packed already (`detail_stored`) as it is."""
    if isinstance(value, bytes) and value[:1] == bytes((_DETAIL_V1,)):
        return value
    return detail_bytes(value)


class CompactDetail(PackedJson):
    """An audit event's detail (ids, field names, counts), packed when flat text
    (`detail_bytes`): `{"rescue": <id>}` takes 25 bytes, not 50, and 10 as a reference to
    an earlier event's record. Else JSON."""

    cache_ok = True
    MARK = _DETAIL_V1
    pack = staticmethod(_detail_packed)
    unpack = staticmethod(detail_dict)


# -- sealed statement text ---------------------------------------------------------------
class SealedText(TypeDecorator[str]):
    """Text that may be sealed (`crypto.sealed`): a sealed value is stored as its bytes, a
    third smaller than its base64 token; clear text is stored as it is."""

    impl = String
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if isinstance(value, str):
            raw = sealed_bytes(value)
            return value if raw is None else raw
        return value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        return sealed_token(value) if isinstance(value, bytes) else value


class SealedLongText(SealedText):
    """`SealedText` in a column declared TEXT."""

    impl = Text
    cache_ok = True


_SEALED_JSON = 3


def sealed_json_bytes(value: Any) -> bytes | None:
    """A sealed JSON value (`crypto.sealed.seal_json`: `{"$sealed": token}`) as a mark and
    its sealed bytes, else None (kept as JSON)."""
    if not isinstance(value, dict) or list(value) != [JSON_MARK]:
        return None
    token = value[JSON_MARK]
    raw = sealed_bytes(token) if isinstance(token, str) else None
    return None if raw is None else bytes((_SEALED_JSON,)) + raw


def sealed_json_dict(raw: bytes) -> dict[str, str]:
    return {JSON_MARK: sealed_token(raw[1:])}


class SealedJson(PackedJson):
    """A JSON column that may hold a sealed value: stored as its bytes (`sealed_json_bytes`)."""

    cache_ok = True
    MARK = _SEALED_JSON
    pack = staticmethod(sealed_json_bytes)
    unpack = staticmethod(sealed_json_dict)
