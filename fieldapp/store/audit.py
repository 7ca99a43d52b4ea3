"""The audit log: append-only, each event's hash covering the one before (a hash chain).

Events are collected during a transaction and inserted at commit in one statement. The
table itself is what sync sends to HQ (by `seq`, in a push's audit part), so events are not
copied to the outbox. A row keeps no copy of the previous hash: it is the previous row's.

Hashes are stored at checkpoints only (issue 16: 32 bytes of 13 events a case): the last
event of each commit and at least every `CHECKPOINT_EVERY` events. The others are
recomputed from the events, in order, whenever they are read (`events_after`, which gives
every event its hash as before). An event changed at rest makes the recomputed chain miss
the next stored checkpoint: `verify_chain` names the first event after the last checkpoint
that still holds, and HQ, which checks each hash it receives, flags that checkpoint.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from fieldapp.domain.auditchain import GENESIS, HASHED, event_hash
from fieldapp.domain.ids import uuid7
from fieldapp.store.models import OWN_DEVICE, AuditEvent, Device, utcnow

__all__ = ["CHECKPOINT_EVERY", "GENESIS", "append", "before_commit", "event_hash",
           "events_after", "hash_at", "verify_chain"]

#: The most events in a row without a stored hash (bounds what `hash_at` recomputes).
CHECKPOINT_EVERY = 64
_COLUMNS = ("seq", *HASHED, "hash")


def _stored_rows(session: Session, after: int, upto: int | None = None,
                 limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The events after `after` (up to `upto`) as stored, with the device id filled in."""
    query = (select(*(getattr(AuditEvent, k) for k in _COLUMNS))
             .where(AuditEvent.seq > after).order_by(AuditEvent.seq))
    if upto is not None:
        query = query.where(AuditEvent.seq <= upto)
    if limit is not None:
        query = query.limit(limit)
    conn = session.connection()
    own: str | None = None
    for row in conn.execute(query).yield_per(5000):
        event = row._asdict()
        if event["device_id"] == OWN_DEVICE:
            own = own or conn.execute(select(Device.id)).scalar()
            event["device_id"] = own
        yield event


def hash_at(session: Session, seq: int) -> str:
    """The hash of the last event at or before `seq` (GENESIS before the first): the last
    checkpoint at or before it, carried forward over the events after that checkpoint."""
    anchor = session.connection().execute(
        select(AuditEvent.seq, AuditEvent.hash)
        .where(AuditEvent.seq <= seq, func.length(AuditEvent.hash) > 0)
        .order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    start, prev = (int(anchor[0]), str(anchor[1])) if anchor else (0, GENESIS)
    for event in _stored_rows(session, start, seq):
        prev = event_hash(prev, event)
    return prev


def _tip(session: Session) -> str:
    cached = session.info.get("audit_tip")
    if cached is not None:
        return str(cached)
    last = session.connection().execute(
        select(AuditEvent.seq, AuditEvent.hash).order_by(AuditEvent.seq.desc()).limit(1)
    ).first()
    if last is None:
        return GENESIS
    # A commit's last event is a checkpoint: one query, as before checkpoints, as a rule.
    return str(last[1]) if last[1] else hash_at(session, int(last[0]))


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
    if not rows:
        return
    own = session.info.get("device_id") or None
    last = len(rows) - 1
    stored = [{**event,
               "device_id": OWN_DEVICE if event["device_id"] == own else event["device_id"],
               "hash": event["hash"] if (last - i) % CHECKPOINT_EVERY == 0 else ""}
              for i, event in enumerate(rows)]
    session.connection().execute(insert(AuditEvent), stored)


def events_after(session: Session, seq: int, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The events after `seq` in order, as plain dicts with `seq`, `prev_hash` and `hash`
    (a checkpoint's stored hash, else the hash recomputed over the chain)."""
    prev = hash_at(session, seq)
    for event in _stored_rows(session, seq, limit=limit):
        event["prev_hash"] = prev
        if not event["hash"]:
            event["hash"] = event_hash(prev, event)
        prev = event["hash"]
        yield event


def verify_chain(session: Session) -> tuple[int, int | None]:
    """Return (events checked, seq of the first event not vouched for, or None).

    Each stored checkpoint must equal the hash recomputed over every event from the start;
    at the first that does not, the answer names the first event after the last checkpoint
    that held (the change is somewhere from there to the failing checkpoint)."""
    count, prev, since = 0, GENESIS, None
    for event in _stored_rows(session, 0):
        count += 1
        since = event["seq"] if since is None else since
        prev = event_hash(prev, event)
        if event["hash"]:
            if event["hash"] != prev:
                return count, int(since)
            since = None
    return count, None
