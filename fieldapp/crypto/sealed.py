"""Per-record sealing of statement content under the statement key (AES-256-GCM).

A sealed value is text, `fa-sealed:1:<base64 nonce||ciphertext>`, so it fits the columns
and JSON it replaces. The associated data binds it to the record and the field it
belongs to: a ciphertext copied onto another statement, or into another field, fails to
open instead of showing the wrong child's words.
"""

from __future__ import annotations

import base64
import json
import os
import zlib
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldapp.domain.errors import Code, StoreCorrupt

PREFIX = "fa-sealed:1:"
#: How a sealed JSON value (child-protocol details) is kept in its JSON column.
JSON_MARK = "$sealed"


#: A sealed plaintext that starts with this byte (never the first byte of UTF-8 text, so
#: every value sealed before reads as it did) is the text compressed with zlib. Text that
#: compression does not shorten is sealed as it is. Only the length of a sealed value is
#: visible, and only inside the encrypted store: compression changes what that length says
#: (how compressible the text is), not whether anyone can read it.
_ZLIB = b"\xff"


def _pack(text: str) -> bytes:
    data = text.encode("utf-8")
    packed = _ZLIB + zlib.compress(data, 9)
    return packed if len(packed) < len(data) else data


def _unpack(plain: bytes) -> str:
    if plain[:1] == _ZLIB:
        plain = zlib.decompress(plain[1:])
    return plain.decode("utf-8")


def _aad(entity: str, record_id: str, field: str) -> bytes:
    return b"\x00".join((b"fieldapp sealed v1", entity.encode(), record_id.encode(), field.encode()))


def is_sealed(value: Any) -> bool:
    if isinstance(value, str):
        return value.startswith(PREFIX)
    return isinstance(value, dict) and set(value) == {JSON_MARK}


def seal_text(key: bytes | bytearray, entity: str, record_id: str, field: str, text: str) -> str:
    nonce = os.urandom(12)
    ct = AESGCM(bytes(key)).encrypt(nonce, _pack(text), _aad(entity, record_id, field))
    return sealed_token(nonce + ct)


def sealed_bytes(token: str) -> bytes | None:
    """The nonce and ciphertext of a sealed text token, for storing as bytes (a third fewer
    than base64); None if `token` is not one whose text they give back exactly."""
    if not token.startswith(PREFIX):
        return None
    body = token[len(PREFIX):]
    try:
        raw = base64.b64decode(body.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        return None
    return raw if base64.b64encode(raw).decode("ascii") == body else None


def sealed_token(raw: bytes) -> str:
    """The text token of sealed bytes (`sealed_bytes` back)."""
    return PREFIX + base64.b64encode(raw).decode("ascii")


def _opened(key: bytes | bytearray, entity: str, record_id: str, field: str, token: str) -> bytes:
    """The sealed plaintext of a token, as sealed (compressed or not)."""
    try:
        raw = base64.b64decode(token[len(PREFIX):].encode("ascii"), validate=True)
        return AESGCM(bytes(key)).decrypt(raw[:12], raw[12:], _aad(entity, record_id, field))
    except (InvalidTag, ValueError) as exc:
        raise _corrupt(entity) from exc


def _corrupt(entity: str) -> StoreCorrupt:
    return StoreCorrupt("a sealed {entity} field does not open with this device's key",
                        entity=Code("entity", entity))


def open_text(key: bytes | bytearray, entity: str, record_id: str, field: str, token: str) -> str:
    plain = _opened(key, entity, record_id, field, token)
    try:
        return _unpack(plain)
    except (ValueError, zlib.error) as exc:
        raise _corrupt(entity) from exc


def repacked(key: bytes | bytearray, entity: str, record_id: str, field: str,
             value: Any) -> Any | None:
    """A sealed value (text or JSON) sealed again compressed, where it was sealed as it is
    (by a release before compression) and compression makes it shorter; else None."""
    token = value.get(JSON_MARK) if isinstance(value, dict) and set(value) == {JSON_MARK} else value
    if not isinstance(token, str) or not token.startswith(PREFIX):
        return None
    plain = _opened(key, entity, record_id, field, token)
    if plain[:1] == _ZLIB:
        return None  # sealed compressed already
    try:
        text = plain.decode("utf-8")
    except ValueError as exc:
        raise _corrupt(entity) from exc
    if _pack(text) == plain:
        return None  # compression would not make it shorter
    again = seal_text(key, entity, record_id, field, text)
    return {JSON_MARK: again} if isinstance(value, dict) else again


def seal_json(key: bytes | bytearray, entity: str, record_id: str, field: str, value: Any) -> dict[str, str]:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return {JSON_MARK: seal_text(key, entity, record_id, field, text)}


def open_json(key: bytes | bytearray, entity: str, record_id: str, field: str, value: dict[str, str]) -> Any:
    return json.loads(open_text(key, entity, record_id, field, value[JSON_MARK]))


def seal_value(key: bytes | bytearray, entity: str, record_id: str, field: str, value: Any) -> Any:
    """Seal text as text and anything else (a dict, a list) as JSON."""
    if is_sealed(value):
        return value
    if isinstance(value, str):
        return seal_text(key, entity, record_id, field, value) if value else value
    return seal_json(key, entity, record_id, field, value)


def open_value(key: bytes | bytearray, entity: str, record_id: str, field: str, value: Any) -> Any:
    if isinstance(value, str) and value.startswith(PREFIX):
        return open_text(key, entity, record_id, field, value)
    if isinstance(value, dict) and set(value) == {JSON_MARK}:
        return open_json(key, entity, record_id, field, value)
    return value
