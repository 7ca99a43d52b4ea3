"""The audit hash chain: how one event's hash covers the event and the hash before it.

One definition for the device (`fieldapp.store.audit`, which writes and verifies its chain)
and HQ (`fieldapp.hq.ingest`, which checks each device's chain as its events arrive).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import uuid
from collections.abc import Mapping
from typing import Any

import msgspec

GENESIS = "0" * 64
#: The fields an event's hash covers (with the previous event's hash before them).
HASHED = ("id", "at", "username", "device_id", "action", "entity", "entity_id", "detail")


def event_hash(prev_hash: str, event: Mapping[str, Any]) -> str:
    """The hex SHA-256 of `prev_hash` and the event's canonical JSON (`at` in ISO 8601)."""
    body = {key: event[key] for key in HASHED}
    at = body["at"]
    body["at"] = at.isoformat() if isinstance(at, dt.datetime) else at
    return hashlib.sha256(prev_hash.encode() + canonical_json(body)).hexdigest()


_EPOCH = dt.datetime(1970, 1, 1)


def derived_id(prev_hash: str, device_id: str, at: dt.datetime) -> str:
    """An event's id made from what the chain holds (the device stores none): a uuid7 of the
    event's millisecond, its other bits from the hash before it and the device's id. The same
    wherever the chain is read (on the device, at HQ); unique as the chain's positions are."""
    ms = (at - _EPOCH) // dt.timedelta(milliseconds=1)
    bits = int.from_bytes(hashlib.sha256(f"{prev_hash}/{device_id}".encode()).digest()[:10],
                          "big")
    value = (ms << 80 | 0x7 << 76 | (bits >> 68) << 64 | 0b10 << 62
             | bits & ((1 << 62) - 1))
    return str(uuid.UUID(int=value))


_SORTED = msgspec.json.Encoder(order="sorted")
_INT64 = (-(2**63), 2**63 - 1)


def _plain(value: Any) -> bool:
    """Whether `value` holds only what msgspec writes exactly as `json.dumps` does: text,
    integers within 64 bits, booleans, None, lists and text-keyed dicts (no floats: the
    two write some differently; exact types: a subclass goes to `json`)."""
    kind = type(value)
    if kind is str or kind is bool or value is None:
        return True
    if kind is int:
        return _INT64[0] <= value <= _INT64[1]
    if kind is dict:
        for k, v in value.items():  # a loop, texts checked inline: every event is a dict
            if type(k) is not str or (type(v) is not str and not _plain(v)):
                return False
        return True
    if kind is list or kind is tuple:
        return all(map(_plain, value))
    return False


def canonical_json(body: Mapping[str, Any]) -> bytes:
    """``json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))`` as
    UTF-8: written by msgspec (keys sorted by code point, as Python sorts text) where it
    gives the same bytes, else by `json` (a tenth of the time: every audit event is hashed
    when saved and again when HQ receives it)."""
    if _plain(body):
        return _SORTED.encode(body)
    return json.dumps(body, sort_keys=True, ensure_ascii=False,
                      separators=(",", ":")).encode()
