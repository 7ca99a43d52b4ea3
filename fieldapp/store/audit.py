"""The audit log: append-only, each event's hash covering the one before (a hash chain).

Events are collected during a transaction and inserted at commit in one statement. The
table itself is what sync sends to HQ (by `seq`, in a push's audit part), so events are not
copied to the outbox. A row keeps no copy of the previous hash: it is the previous row's.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from fieldapp.domain.auditchain import GENESIS, HASHED, event_hash
from fieldapp.domain.ids import uuid7
from fieldapp.store.models import AuditEvent, utcnow

__all__ = ["GENESIS", "append", "before_commit", "event_hash", "events_after", "hash_at",
           "verify_chain"]


def hash_at(session: Session, seq: int) -> str:
    """The hash of the last event at or before `seq` (GENESIS before the first)."""
    last = session.connection().execute(
        select(AuditEvent.hash).where(AuditEvent.seq <= seq)
        .order_by(AuditEvent.seq.desc()).limit(1)
    ).scalar()
    return str(last) if last else GENESIS


def _tip(session: Session) -> str:
    cached = session.info.get("audit_tip")
    if cached is not None:
        return str(cached)
    last = session.connection().execute(
        select(AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).scalar()
    return str(last) if last else GENESIS


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
    }
    event["hash"] = event_hash(prev, event)
    session.info["audit_tip"] = event["hash"]
    session.info.setdefault("audit_rows", []).append(event)
    return str(event["hash"])


def before_commit(session: Session) -> None:
    rows = session.info.pop("audit_rows", None)
    if rows:
        session.connection().execute(insert(AuditEvent), rows)


def events_after(session: Session, seq: int, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The events after `seq` in order, as plain dicts with `seq`, `prev_hash` and `hash`."""
    prev = hash_at(session, seq)
    columns = [getattr(AuditEvent, k) for k in ("seq", *HASHED, "hash")]
    query = select(*columns).where(AuditEvent.seq > seq).order_by(AuditEvent.seq)
    if limit is not None:
        query = query.limit(limit)
    for row in session.execute(query).yield_per(5000):
        event = row._asdict()
        event["prev_hash"] = prev
        prev = event["hash"]
        yield event


def verify_chain(session: Session) -> tuple[int, int | None]:
    """Return (events checked, seq of the first broken event or None)."""
    count = 0
    for event in events_after(session, 0):
        count += 1
        if event_hash(event["prev_hash"], event) != event["hash"]:
            return count, int(event["seq"])
    return count, None
