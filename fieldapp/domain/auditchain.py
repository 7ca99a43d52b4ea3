"""The audit hash chain: how one event's hash covers the event and the hash before it.

One definition for the device (`fieldapp.store.audit`, which writes and verifies its chain)
and HQ (`fieldapp.hq.ingest`, which checks each device's chain as its events arrive).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any

GENESIS = "0" * 64
#: The fields an event's hash covers (with the previous event's hash before them).
HASHED = ("id", "at", "username", "device_id", "action", "entity", "entity_id", "detail")


def event_hash(prev_hash: str, event: Mapping[str, Any]) -> str:
    """The hex SHA-256 of `prev_hash` and the event's canonical JSON (`at` in ISO 8601)."""
    body = {key: event[key] for key in HASHED}
    at = body["at"]
    body["at"] = at.isoformat() if isinstance(at, dt.datetime) else at
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(prev_hash.encode() + canonical.encode()).hexdigest()
