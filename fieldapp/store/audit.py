"""The audit log: append-only, each event's hash covering the one before (a hash chain).

Events are collected during a transaction and inserted at commit in one statement. The
table itself is what sync sends to HQ (by `seq`), so events are not copied to the outbox.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from fieldapp.domain.ids import uuid7
from fieldapp.store.models import AuditEvent, utcnow

GENESIS = "0" * 64
_HASHED = ("id", "at", "username", "device_id", "action", "entity", "entity_id", "detail")


def event_hash(prev_hash: str, event: dict[str, Any]) -> str:
    body = {key: event[key] for key in _HASHED}
    body["at"] = body["at"].isoformat()
    canonical = json.dumps(body, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(prev_hash.encode() + canonical.encode()).hexdigest()


def _tip(session: Session) -> str:
    cached = session.info.get("audit_tip")
    if cached is not None:
        return str(cached)
    last = session.connection().execute(
        select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).scalar()
    return last or GENESIS


def append(
    session: Session,
    action: str,
    entity: str = "",
    entity_id: str = "",
    detail: dict[str, Any] | None = None,
) -> str:
    """Record that the session's user did `action` to a record; return the event's hash.

    `detail` holds ids, field names and counts — never names or statement text.
    """
    prev = _tip(session)
    event: dict[str, Any] = {
        "id": uuid7(),
        "at": utcnow(),
        "username": session.info.get("username", ""),
        "device_id": session.info.get("device_id", ""),
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "detail": detail or {},
        "prev_hash": prev,
    }
    event["hash"] = event_hash(prev, event)
    session.info["audit_tip"] = event["hash"]
    session.info.setdefault("audit_rows", []).append(event)
    return str(event["hash"])


def before_commit(session: Session) -> None:
    rows = session.info.pop("audit_rows", None)
    if rows:
        session.connection().execute(insert(AuditEvent), rows)


def verify_chain(session: Session) -> tuple[int, int | None]:
    """Return (events checked, seq of the first broken event or None)."""
    prev = GENESIS
    count = 0
    columns = [getattr(AuditEvent, k) for k in (*_HASHED, "prev_hash", "hash", "seq")]
    for row in session.execute(select(*columns).order_by(AuditEvent.seq)).yield_per(5000):
        count += 1
        event = row._asdict()
        if event["prev_hash"] != prev or event_hash(prev, event) != event["hash"]:
            return count, int(event["seq"])
        prev = event["hash"]
    return count, None
