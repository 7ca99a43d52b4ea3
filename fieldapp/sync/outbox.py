"""The outbox on the wire: outbox rows as protocol changes, the push payload, audit events
queued for HQ, and the changes HQ refused."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.orm import Session

from fieldapp.store import sealing
from fieldapp.store.changes import allocate_seq
from fieldapp.store.codec import to_json
from fieldapp.store.models import SYNCED_MODELS, AuditEvent, Device, Outbox, utcnow
from fieldapp.sync.apply import local_state, refused_table
from fieldapp.sync.protocol import (
    PROTOCOL_VERSION,
    RefusedChange,
)

# -- the outbox on the wire ---------------------------------------------------------------


def wire_change(row: Outbox, statement_key: bytearray | None = None) -> dict[str, Any]:
    """An outbox row as a protocol Change: the row's one stamp on each of its fields.

    Statement content rests sealed under the statement key (`store.sealing`); it is opened
    here to be sealed again, for HQ, in the envelope. Without the key (a centre-staff
    session on a post's laptop) such a row raises PermissionDenied and waits.
    """
    fields = sealing.open_outbox_fields(statement_key, row.entity, row.entity_id, row.fields)
    return {
        "seq": row.seq,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "op": row.op,
        "post_code": row.post_code,
        "fields": {name: [value, row.hlc] for name, value in fields.items()},
    }


def change_json(change: dict[str, Any]) -> bytes:
    """One change as the compact JSON of a push payload (what pydantic's dump would write)."""
    return json.dumps(change, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def push_payload(changes: list[bytes]) -> bytes:
    """A `PushPayload` from changes already in wire JSON. The device does not validate its
    own outbox again with pydantic (that was 28% of its push time): its rows are made by
    `store.changes` with canonical stamps, and HQ validates every change where it enters."""
    return b'{"protocol":%d,"changes":[%s]}' % (PROTOCOL_VERSION, b",".join(changes))


_AUDIT_FIELDS: tuple[str, ...] = ("seq", "at", "username", "device_id", "action", "entity", "entity_id",
                 "detail", "prev_hash", "hash")


def queue_audit(s: Session) -> int:
    """Copy audit events not yet queued into the outbox (dense seqs); return how many."""
    device = s.scalars(select(Device)).one()
    conn = s.connection()
    # Plain rows, not ORM objects: a push may queue tens of thousands of events.
    events = conn.execute(
        select(AuditEvent.id, *(getattr(AuditEvent, k) for k in _AUDIT_FIELDS))
        .where(AuditEvent.seq > device.audit_pushed_seq).order_by(AuditEvent.seq)
    ).all()
    if not events:
        return 0
    clock = s.info["clock"]
    now = utcnow()
    post = device.post_code
    rows = []
    for ev in events:
        fields = dict(zip(_AUDIT_FIELDS, ev[1:], strict=True))
        fields["at"] = to_json(fields["at"])
        rows.append({
            "seq": allocate_seq(s), "entity": "audit_event", "entity_id": ev[0],
            "op": "upsert", "fields": fields, "hlc": str(clock.now()),
            "post_code": post, "created_at": now,
        })
    conn.execute(insert(Outbox), rows)
    device.audit_pushed_seq = events[-1][1]
    return len(rows)


def keep_refusals(s: Session, refused: list[RefusedChange]) -> int:
    """Remember the changes HQ refused (by seq; a resend's answer repeats them once)."""
    new = 0
    for r in refused:
        row = {"entity": r.entity[:32], "entity_id": r.entity_id[:64], "code": r.code[:32],
               "reason": r.reason[:300], "refused_at": utcnow()}
        if s.execute(select(refused_table.c.seq).where(refused_table.c.seq == r.seq)).first():
            s.execute(refused_table.update().where(refused_table.c.seq == r.seq).values(**row))
        else:
            s.execute(insert(refused_table).values(seq=r.seq, **row))
            new += 1
    return new


def refusals(s: Session, limit: int = 20) -> tuple[int, list[tuple[int, str, str]]]:
    """(how many changes HQ refused, the latest `limit` as (seq, entity, reason))."""
    count = int(s.scalar(select(func.count()).select_from(refused_table)) or 0)
    rows = s.execute(
        select(refused_table.c.seq, refused_table.c.entity, refused_table.c.reason)
        .order_by(refused_table.c.seq.desc()).limit(limit)
    ).all()
    return count, [(int(a), str(b), str(c)) for a, b, c in rows]


def unsent_changes(s: Session, *, limit: int | None = None) -> list[dict[str, Any]]:
    acked = s.scalar(select(func.max(Device.acked_seq))) or 0
    q = select(Outbox).where(Outbox.seq > acked).order_by(Outbox.seq)
    if limit is not None:
        q = q.limit(limit)
    return [row_change(s, row, sealing.key_of(s)) for row in s.scalars(q)]


# -- compacting what HQ holds ---------------------------------------------------------------

#: Rows that keep their fields after HQ acknowledged them: statement and attachment content
#: rests sealed there and is opened only with the statement key (`store.sealing`).
KEEP_FIELDS = ("statement", "attachment")


def compact_acknowledged(s: Session, after: int, upto: int) -> int:
    """Empty the fields of outbox rows HQ acknowledged (seq in (after, upto]); return how many.

    The row stays (its seq, record and stamp: the order HQ logged and the clock's floor);
    its copy of the record's fields (most of a store's outbox bytes) goes. Should HQ ever
    ask for it again (restored from a backup: its acknowledgement goes down), `row_change`
    rebuilds it from what the record holds now, which merges at HQ to at least as much.
    """
    if upto <= after:
        return 0
    result = s.execute(
        update(Outbox)
        .where(Outbox.seq > after, Outbox.seq <= upto, Outbox.entity.not_in(KEEP_FIELDS))
        .values(fields={})
    )
    return int(getattr(result, "rowcount", 0) or 0)


def row_change(s: Session, row: Outbox, statement_key: bytearray | None) -> dict[str, Any]:
    """`wire_change`, or for a compacted row (no fields: every captured change has some) the
    record as it stands now, each field with its own stamp; an audit event from its table."""
    if row.fields or row.entity in KEEP_FIELDS:
        return wire_change(row, statement_key)
    change = wire_change(row, statement_key)
    if row.entity == "audit_event":
        event = s.execute(
            select(*(getattr(AuditEvent, k) for k in _AUDIT_FIELDS))
            .where(AuditEvent.id == row.entity_id)).first()
        if event is not None:
            fields = dict(zip(_AUDIT_FIELDS, event, strict=True))
            fields["at"] = to_json(fields["at"])
            change["fields"] = {k: [v, row.hlc] for k, v in fields.items()}
        return change
    model = SYNCED_MODELS.get(row.entity)
    obj = s.get(model, row.entity_id) if model is not None else None
    if obj is not None:
        change["fields"] = local_state(obj)
    return change


