"""The outbox on the wire: outbox rows as protocol changes, the push payload, audit events
queued for HQ, and the changes HQ refused."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, case, delete, func, insert, select, update
from sqlalchemy.orm import Session

from fieldapp.store import audit, sealing
from fieldapp.store.changes import allocate_seq, audit_runs, post_of, relisted, sent_row
from fieldapp.store.codec import to_json
from fieldapp.store.models import (
    SYNCED_MODELS,
    Device,
    Outbox,
    OutboxSent,
    OutboxSentAudit,
    utcnow,
)
from fieldapp.sync.apply import local_state, refused_table
from fieldapp.sync.protocol import (
    AUDIT_WIRE,
    PROTOCOL_VERSION,
    RefusedChange,
    pydantic_json,
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
    """One change as the compact JSON of a push payload (what pydantic's dump writes)."""
    return pydantic_json(change)


def push_payload(changes: list[bytes], audit_events: dict[str, Any] | None = None) -> bytes:
    """A `PushPayload` from changes already in wire JSON, with the audit part if any. The
    device does not validate its own outbox again with pydantic (that was 28% of its push
    time): its rows are made by `store.changes` with canonical stamps, and HQ validates
    every change and audit event where it enters."""
    audit_json = b"" if audit_events is None else b',"audit":' + change_json(audit_events)
    return b'{"protocol":%d,"changes":[%s]%s}' % (PROTOCOL_VERSION, b",".join(changes),
                                                  audit_json)


_AUDIT_FIELDS: tuple[str, ...] = ("seq", "at", "username", "device_id", "action", "entity", "entity_id",
                 "detail", "prev_hash", "hash")


def _audit_fields(event: dict[str, Any]) -> dict[str, Any]:
    """An event (`store.audit.events_after`) as the fields of an audit_event record."""
    fields = {k: event[k] for k in _AUDIT_FIELDS}
    fields["at"] = to_json(fields["at"])
    return fields


def queue_audit(s: Session) -> int:
    """Copy audit events not yet at HQ into the outbox (dense seqs); return how many.

    For a bundle (a USB stick carries outbox changes only). An online push sends them in
    its audit part instead (`audit_part`), one batch, not one change each.
    """
    device = s.scalars(select(Device)).one()
    # Plain rows, not ORM objects: a bundle may carry tens of thousands of events.
    events = list(audit.events_after(s, device.audit_pushed_seq))
    if not events:
        return 0
    clock = s.info["clock"]
    now = utcnow()
    post = device.post_code
    rows = [{
        "seq": allocate_seq(s), "entity": "audit_event", "entity_id": ev["id"],
        "op": "upsert", "fields": _audit_fields(ev), "hlc": str(clock.now()),
        "post_code": post, "created_at": now,
    } for ev in events]
    s.connection().execute(insert(Outbox), rows)
    device.audit_pushed_seq = events[-1]["seq"]
    return len(rows)


def audit_part(s: Session, limit: int, after: int | None = None) -> dict[str, Any] | None:
    """The push's audit part (`protocol.AuditPart`): up to `limit` events HQ does not hold
    yet (those after `after`, by default after what HQ acknowledged), one clock stamp for
    all; None when there are none."""
    if after is None:
        after = int(s.scalar(select(Device.audit_pushed_seq)) or 0)
    events = list(audit.events_after(s, after, limit))
    if not events:
        return None
    return {
        "after": after,
        "prev_hash": events[0]["prev_hash"],
        "stamp": str(s.info["clock"].now()),
        "events": [[ev["seq"], *(to_json(ev[k]) for k in AUDIT_WIRE[1:])] for ev in events],
    }


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


def rows_after(s: Session, acked: int, limit: int | None = None) -> list[Outbox]:
    """The outbox rows after `acked` in seq order (at most `limit`): those waiting, and,
    when HQ's acknowledgement went down, those it had acknowledged before: as rows without
    fields, which `row_change` rebuilds from the record, the records whose `out_seq` is
    among them and the superseded rows kept in `OutboxSent`; audit events from the trail
    (`OutboxSentAudit`)."""
    waiting = select(Outbox).where(Outbox.seq > acked).order_by(Outbox.seq)
    sent = select(OutboxSent).where(OutboxSent.seq > acked).order_by(OutboxSent.seq)
    if limit is not None:
        waiting, sent = waiting.limit(limit), sent.limit(limit)
    rows = list(s.scalars(waiting))
    resent = list(s.scalars(sent))
    own = str(s.scalar(select(Device.post_code))) if resent else None
    again = [Outbox(seq=r.seq, entity=r.entity, entity_id=r.entity_id, op="upsert", fields={},
                    hlc=r.hlc, post_code=sent_post(s, r.post_code, own)) for r in resent]
    again += sent_audit_rows(s, acked, limit)
    compacted = int(s.scalar(select(Device.compacted_seq)) or 0)
    if acked < compacted:
        for model in SYNCED_MODELS.values():
            query = relisted(model, acked, compacted)
            records = s.scalars(query.limit(limit) if limit is not None else query)
            again += [Outbox(seq=r.out_seq, entity=r.SYNC_ENTITY, entity_id=r.id, op="upsert",
                             fields={}, hlc="", post_code=post_of(s, r)) for r in records]
    if again:
        rows = sorted(rows + again, key=lambda r: r.seq)[:limit]
    return rows


def sent_audit_rows(s: Session, acked: int, limit: int | None) -> list[Outbox]:
    """The audit events of `OutboxSentAudit` runs after `acked` (at most `limit`), as the
    outbox rows that carried them, made again from the trail, each with its run's stamp."""
    runs = s.scalars(select(OutboxSentAudit).where(
        OutboxSentAudit.seq + OutboxSentAudit.count - 1 > acked).order_by(OutboxSentAudit.seq))
    out: list[Outbox] = []
    post = None
    for run in runs:
        if limit is not None and len(out) >= limit:
            break
        skip = max(0, acked + 1 - run.seq)
        wanted = run.count - skip if limit is None else min(run.count - skip, limit - len(out))
        post = post or str(s.scalar(select(Device.post_code)))
        out += [Outbox(seq=run.seq + skip + i, entity="audit_event", entity_id=event["id"],
                       op="upsert", fields=_audit_fields(event), hlc=run.hlc, post_code=post)
                for i, event in enumerate(audit.events_after(s, run.audit_seq + skip - 1,
                                                             wanted))]
    return out


def unsent_changes(s: Session, *, limit: int | None = None) -> list[dict[str, Any]]:
    acked = s.scalar(select(func.max(Device.acked_seq))) or 0
    key = sealing.key_of(s)
    return [row_change(s, row, key) for row in rows_after(s, acked, limit)]


# -- compacting what HQ holds ---------------------------------------------------------------

#: Rows that keep their fields after HQ acknowledged them: an attachment row. A statement
#: row is compacted like the others: its rebuild needs the statement key, like its resend.
KEEP_FIELDS = ("attachment",)
#: Record ids per query (SQLite binds each as a parameter).
_CHUNK = 500


def sent_post(s: Session, stored: str | bytes, own: str | None = None) -> str:
    """A sent row's post (`OWN_POST`: the device's own, the usual case, kept as nothing;
    `own`, when the caller has read it already, saves reading it for every row)."""
    if isinstance(stored, bytes):
        return own if own is not None else str(s.scalar(select(Device.post_code)))
    return stored


def compact_acknowledged(s: Session, after: int, upto: int) -> int:
    """Compact the outbox rows HQ acknowledged (seq in (after, upto]); return how many.

    Each leaves the outbox, so its pages can be given back; its copy of the record's fields
    (most of a store's outbox bytes) goes. A row that is its record's `out_seq` leaves no
    trace (the record names it); an audit event a bundle carried rests in a run of
    `OutboxSentAudit`; any other (superseded) in `OutboxSent` (its seq, record and post).
    The newest outbox row stays, emptied, as the clock's floor (`Store`). Should HQ ever ask
    for them again (restored from a backup: its acknowledgement goes down), `rows_after`
    lists them and `row_change` rebuilds each from what the record holds now, which merges
    at HQ to at least as much.
    """
    if upto <= after:
        return 0
    acknowledged = (Outbox.seq > after, Outbox.seq <= upto, Outbox.entity.not_in(KEEP_FIELDS))
    last = s.scalar(select(func.max(Outbox.seq)))
    # An audit event's seq: `queue_audit` put it in the row's fields.
    event_seq = case((Outbox.entity == "audit_event", func.json_extract(Outbox.fields, "$.seq")))
    moved = s.execute(select(Outbox.seq, Outbox.entity, Outbox.entity_id, Outbox.post_code,
                             Outbox.hlc, event_seq).where(*acknowledged, Outbox.seq != last)
                      .order_by(Outbox.seq)).all()
    if moved:
        named = _named_by_records(s, moved)
        # A row emptied as the clock's floor before is found by the event's id.
        events = {r.seq: int(r[5] or audit.seq_of(s, r.entity_id) or 0)
                  for r in moved if r.entity == "audit_event"}
        own = s.scalar(select(Device.post_code))
        kept = [sent_row(r.seq, r.entity, r.entity_id, r.post_code, own,
                         r.hlc if r.entity == "audit_event" else "")
                for r in moved if r.seq not in named and not events.get(r.seq)]
        if kept:
            s.execute(insert(OutboxSent), kept)
        _add_runs(s, [(r.seq, events[r.seq], r.hlc) for r in moved if events.get(r.seq)])
        s.execute(delete(Outbox).where(*acknowledged, Outbox.seq != last))
    s.execute(update(Device).values(compacted_seq=func.max(Device.compacted_seq, upto)))
    emptied = s.execute(update(Outbox).where(*acknowledged).values(fields={}))
    return len(moved) + int(getattr(emptied, "rowcount", 0) or 0)


def _add_runs(s: Session, rows: list[tuple[int, int, str]]) -> None:
    """Store acknowledged audit events (`store.changes.audit_runs`) as runs, going on from
    the run stored last (a bundle's events acknowledged over several pushes make one run)."""
    if not rows:
        return
    last = s.scalars(select(OutboxSentAudit).order_by(OutboxSentAudit.seq.desc()).limit(1)).first()
    stored = ([{"seq": last.seq, "count": last.count, "audit_seq": last.audit_seq,
                "hlc": last.hlc}] if last is not None else [])
    runs = audit_runs(rows, stored)
    if last is not None:
        last.count, last.hlc = runs[0]["count"], runs[0]["hlc"]
        runs = runs[1:]
    if runs:
        s.execute(insert(OutboxSentAudit), runs)


def _named_by_records(s: Session, rows: Sequence[Row[int, str, str, str, str]]) -> set[int]:
    """The seqs among `rows` (seq, entity, entity_id) that are their record's `out_seq`."""
    by_entity: dict[str, dict[str, int]] = {}
    for r in rows:
        if r.entity in SYNCED_MODELS:
            seqs = by_entity.setdefault(r.entity, {})
            seqs[r.entity_id] = max(seqs.get(r.entity_id, 0), r.seq)
    named: set[int] = set()
    for entity, seqs in by_entity.items():
        model = SYNCED_MODELS[entity]
        ids = list(seqs)
        for start in range(0, len(ids), _CHUNK):
            found = s.execute(select(model.id, model.out_seq).where(
                model.id.in_(ids[start:start + _CHUNK])))
            named.update(int(seq) for ident, seq in found
                         if seq is not None and seqs.get(ident) == seq)
    return named


def row_change(s: Session, row: Outbox, statement_key: bytearray | None) -> dict[str, Any]:
    """`wire_change`, or for a compacted row (no fields: every captured change has some) the
    record as it stands now, each field with its own stamp; an audit event from its table."""
    if row.fields or row.entity in KEEP_FIELDS:
        return wire_change(row, statement_key)
    if row.entity in sealing.SEALED_FIELDS and statement_key is None:
        # Without the key the record holds its content sealed at rest: never send that.
        raise sealing.missing_key()
    change = wire_change(row, statement_key)
    if row.entity == "audit_event":
        seq = audit.seq_of(s, row.entity_id)
        event = next(audit.events_after(s, seq - 1, 1), None) if seq is not None else None
        if event is not None:
            change["fields"] = {k: [v, row.hlc] for k, v in _audit_fields(event).items()}
        return change
    model = SYNCED_MODELS.get(row.entity)
    obj = s.get(model, row.entity_id) if model is not None else None
    if obj is not None:
        change["fields"] = local_state(obj)
    return change


