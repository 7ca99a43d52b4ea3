"""The audit log: append-only, each event's hash covering the one before (a hash chain)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.hlc import HlcClock
from fieldapp.domain.ids import uuid7
from fieldapp.store.codec import to_json
from fieldapp.store.models import AuditEvent, Outbox, utcnow
from fieldapp.store.changes import allocate_seq

GENESIS = "0" * 64


def event_hash(prev_hash: str, event: AuditEvent) -> str:
    body = {
        "id": event.id,
        "at": event.at.isoformat(),
        "username": event.username,
        "device_id": event.device_id,
        "action": event.action,
        "entity": event.entity,
        "entity_id": event.entity_id,
        "detail": event.detail,
    }
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
) -> AuditEvent:
    """Record that the session's user did `action` to a record. `detail` holds no names."""
    prev = _tip(session)
    event = AuditEvent(
        id=uuid7(),
        at=utcnow(),
        username=session.info.get("username", ""),
        device_id=session.info.get("device_id", ""),
        action=action,
        entity=entity,
        entity_id=entity_id,
        detail=detail or {},
        prev_hash=prev,
    )
    event.hash = event_hash(prev, event)
    session.info["audit_tip"] = event.hash
    session.add(event)
    clock: HlcClock | None = session.info.get("clock")
    if clock is not None:
        # The audit trail goes to HQ too; queue it like any other change.
        stamp = str(clock.now())
        fields = {
            key: [to_json(getattr(event, key)), stamp]
            for key in ("at", "username", "device_id", "action", "entity", "entity_id",
                        "detail", "prev_hash", "hash")
        }
        session.add(
            Outbox(
                seq=allocate_seq(session),
                entity="audit_event",
                entity_id=event.id,
                fields=fields,
                post_code=str(session.info.get("post_code", "")),
            )
        )
    return event


def verify_chain(session: Session) -> tuple[int, int | None]:
    """Return (events checked, seq of the first broken event or None)."""
    prev = GENESIS
    count = 0
    for event in session.scalars(select(AuditEvent).order_by(AuditEvent.seq)).yield_per(2000):
        count += 1
        if event.prev_hash != prev or event_hash(prev, event) != event.hash:
            return count, event.seq
        prev = event.hash
    return count, None
