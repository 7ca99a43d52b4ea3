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

A new event stores no id: its id is made from the hash before it, the device's id and its
time (`auditchain.derived_id`), when appended and whenever the chain is read, so HQ receives
the same. A detail naming the record of one of the `EARLIER` events before rests as that
distance (`compact.EarlierId`, one byte), resolved when read.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from fieldapp.domain.auditchain import GENESIS, HASHED, derived_id, event_hash
from fieldapp.store.compact import EarlierId, detail_stored
from fieldapp.store.models import OWN_DEVICE, AuditEvent, Device, utcnow

__all__ = ["CHECKPOINT_EVERY", "GENESIS", "append", "before_commit", "event_hash",
           "events_after", "hash_at", "seq_of", "verify_chain"]

#: The most events in a row without a stored hash (bounds what `hash_at` recomputes).
CHECKPOINT_EVERY = 64
#: How far back a detail may name an earlier event's record (`compact.EarlierId`).
EARLIER = 32
#: A new event's stored id: none, it is made from the chain (`auditchain.derived_id`).
DERIVED_ID = ""
_COLUMNS = ("seq", *HASHED, "hash")


def _earlier_id(session: Session, seq: int, back: int) -> str:
    """The record id of the event `back` events before `seq`."""
    return str(session.connection().execute(
        select(AuditEvent.entity_id).where(AuditEvent.seq < seq)
        .order_by(AuditEvent.seq.desc()).offset(back - 1).limit(1)).scalar())


def _chain(session: Session, after: int, prev: str, upto: int | None = None,
           limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The events after `after` (up to `upto`) in order as they were hashed: the device id
    filled in, references to earlier records resolved, a derived id made from `prev` (the
    hash before the first) and the chain; each with `prev_hash` and its `computed` hash."""
    query = (select(*(getattr(AuditEvent, k) for k in _COLUMNS))
             .where(AuditEvent.seq > after).order_by(AuditEvent.seq))
    if upto is not None:
        query = query.where(AuditEvent.seq <= upto)
    if limit is not None:
        query = query.limit(limit)
    conn = session.connection()
    own: str | None = None
    recent: deque[str] = deque(maxlen=EARLIER)
    for row in conn.execute(query).yield_per(5000):
        event = row._asdict()
        if event["device_id"] == OWN_DEVICE:
            own = own or conn.execute(select(Device.id)).scalar()
            event["device_id"] = own
        detail = event["detail"]
        if isinstance(detail, dict) and any(type(v) is EarlierId for v in detail.values()):
            event["detail"] = {k: (recent[-v] if v <= len(recent) else
                                   _earlier_id(session, event["seq"], v))
                               if type(v) is EarlierId else v for k, v in detail.items()}
        if event["id"] == DERIVED_ID:
            event["id"] = derived_id(prev, event["device_id"], event["at"])
        event["prev_hash"] = prev
        event["computed"] = prev = event_hash(prev, event)
        recent.append(event["entity_id"])
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
    for event in _chain(session, start, prev, seq):
        prev = event["computed"]
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
    at = utcnow()
    device_id = session.info.get("device_id", "")
    event: dict[str, Any] = {
        "id": derived_id(prev, device_id, at),
        "at": at,
        "username": session.info.get("username", ""),
        "device_id": device_id,
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
    conn = session.connection()
    # The records of the events just before these, oldest first (a detail names them).
    before = list(conn.execute(select(AuditEvent.entity_id).order_by(AuditEvent.seq.desc())
                               .limit(EARLIER)).scalars())[::-1]
    position = {ident: i for i, ident in enumerate(before) if ident}
    last = len(rows) - 1
    stored = []
    for i, event in enumerate(rows):
        here = len(before) + i
        earlier = {v: here - position[v] for v in event["detail"].values()
                   if isinstance(v, str) and v in position and here - position[v] <= EARLIER}
        stored.append({
            **event,
            "id": DERIVED_ID,
            "device_id": OWN_DEVICE if event["device_id"] == own else event["device_id"],
            "detail": detail_stored(event["detail"], earlier),
            "hash": event["hash"] if (last - i) % CHECKPOINT_EVERY == 0 else ""})
        if event["entity_id"]:
            position[event["entity_id"]] = here
    conn.execute(insert(AuditEvent), stored)


def events_after(session: Session, seq: int, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """The events after `seq` in order, as plain dicts with `seq`, `prev_hash` and `hash`
    (a checkpoint's stored hash, else the hash recomputed over the chain)."""
    for event in _chain(session, seq, hash_at(session, seq), limit=limit):
        computed = event.pop("computed")
        event["hash"] = event["hash"] or computed
        yield event


def seq_of(session: Session, event_id: str) -> int | None:
    """The seq of the event with this id (most ids are made from the chain, not stored: the
    chain is read once per session, for the rare resend of a bundle's audit events)."""
    ids = session.info.get("audit_ids")
    if ids is None:
        ids = session.info["audit_ids"] = {e["id"]: e["seq"] for e in events_after(session, 0)}
    return ids.get(event_id)


def verify_chain(session: Session) -> tuple[int, int | None]:
    """Return (events checked, seq of the first event not vouched for, or None).

    Each stored checkpoint must equal the hash recomputed over every event from the start;
    at the first that does not, the answer names the first event after the last checkpoint
    that held (the change is somewhere from there to the failing checkpoint)."""
    count, since = 0, None
    for event in _chain(session, 0, GENESIS):
        count += 1
        since = event["seq"] if since is None else since
        if event["hash"]:
            if event["hash"] != event["computed"]:
                return count, int(since)
            since = None
    return count, None
