"""Every row of a device store as the models read it, in plain JSON, to compare two stores
(or one store before and after a migration) value for value."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session


def plain(value: Any) -> Any:
    """A value as JSON, its Python type kept (a datetime is not its ISO text)."""
    if isinstance(value, dt.datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"date": value.isoformat()}
    if isinstance(value, bytes | bytearray | memoryview):
        return {"bytes": bytes(value).hex()}
    return value


#: Columns that say which outbox rows HQ acknowledged (`Synced.out_seq`): dumped as the sent
#: outbox they stand for (`_sent`), which earlier revisions stored as rows.
SENT_COLUMNS = frozenset({"out_seq", "compacted_seq"})


def _present(session: Session, table: str) -> set[str]:
    return {str(r[1]) for r in session.connection().exec_driver_sql(
        f"PRAGMA table_info({table})")}


def _sent(session: Session) -> list[dict[str, Any]]:
    """Every acknowledged change compacted out of the outbox, as `outbox_sent` held them all
    before `Synced.out_seq`: the rows kept there, the audit events of `outbox_sent_audit`'s
    runs (each with its run's stamp) and those the records name."""
    from fieldapp.store.changes import post_of, relisted
    from fieldapp.store.models import SYNCED_MODELS, Device, OutboxSent
    from fieldapp.sync.outbox import sent_post

    keys = ("seq", "entity", "entity_id", "post_code", "hlc")
    rows = [dict(zip(keys, r, strict=True)) for r in session.execute(
        select(*(getattr(OutboxSent, k) for k in keys)))]
    for row in rows:
        row["post_code"] = sent_post(session, row["post_code"])
    if _present(session, "outbox_sent_audit"):
        from fieldapp.sync.outbox import sent_audit_rows

        rows += [{k: getattr(r, k) for k in keys} for r in sent_audit_rows(session, 0, None)]
    if "compacted_seq" in _present(session, "device"):
        upto = int(session.scalar(select(Device.compacted_seq)) or 0)
        rows += [{"seq": r.out_seq, "entity": r.SYNC_ENTITY, "entity_id": r.id,
                  "post_code": post_of(session, r), "hlc": ""}
                 for model in SYNCED_MODELS.values()
                 for r in session.scalars(relisted(model, 0, upto))]
    return rows


def dump(session: Session) -> dict[str, list[dict[str, Any]]]:
    """{table: rows}, each row {column: value} through its model (audit events through
    `store.audit`, which fills in what rests implicit: hashes between checkpoints, ids made
    from the chain, the own device's id; the sent outbox as `_sent` lists it, the own post
    spelled out); rows in a stable order. Columns a store's revision does not have yet, and
    `SENT_COLUMNS`, are left out: stores of two revisions compare."""
    from fieldapp.store import audit
    from fieldapp.store.models import AuditEvent, Base, OutboxSent, OutboxSentAudit

    out: dict[str, list[dict[str, Any]]] = {}
    for mapper in Base.registry.mappers:
        model = mapper.class_
        if model is OutboxSentAudit:
            continue  # listed with `outbox_sent` (`_sent`)
        present = _present(session, model.__tablename__)
        keys = [c.key for c in mapper.column_attrs
                if c.columns[0].name in present and c.key not in SENT_COLUMNS]
        if model is AuditEvent:
            rows = [{k: plain(event[k]) for k in keys} for event in audit.events_after(session, 0)]
        elif model is OutboxSent:
            rows = [{k: plain(v) for k, v in row.items()} for row in _sent(session)]
        else:
            rows = [{k: plain(v) for k, v in zip(keys, row, strict=True)}
                    for row in session.execute(select(*(getattr(model, k) for k in keys)))]
        out[model.__tablename__] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
    return out


def opened(rows: dict[str, list[dict[str, Any]]], key: bytes | bytearray,
           ) -> dict[str, list[dict[str, Any]]]:
    """`dump`'s rows with each statement's sealed fields opened (with the statement `key`):
    stores that seal the same content differently (compressed or not) compare equal."""
    from fieldapp.crypto import sealed
    from fieldapp.store.sealing import SEALED_FIELDS

    def clear(row: dict[str, Any]) -> dict[str, Any]:
        return {**row, **{f: sealed.open_value(key, "statement", row["id"], f, row[f])
                          for f in SEALED_FIELDS["statement"] if f in row}}
    return {**rows, "statement": sorted((clear(r) for r in rows.get("statement", [])),
                                        key=lambda r: json.dumps(r, sort_keys=True))}


def updated_as_created(rows: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    """`dump`'s rows as migration 0013 keeps them: a record's `updated_at` within
    `SAME_INSERT` after its `created_at` is its creation's, read back as `created_at`."""
    from fieldapp.store.models import SYNCED_MODELS

    synced = {m.__tablename__ for m in SYNCED_MODELS.values()}
    out = {}
    for table, table_rows in rows.items():
        if table in synced:
            table_rows = sorted((_as_created(r) for r in table_rows),
                                key=lambda r: json.dumps(r, sort_keys=True))
        out[table] = table_rows
    return out


def _as_created(row: dict[str, Any]) -> dict[str, Any]:
    from fieldapp.store.compact import SAME_INSERT

    created = dt.datetime.fromisoformat(row["created_at"]["datetime"])
    updated = dt.datetime.fromisoformat(row["updated_at"]["datetime"])
    if dt.timedelta(0) <= updated - created <= dt.timedelta(microseconds=SAME_INSERT):
        return {**row, "updated_at": row["created_at"]}
    return row


def search_hits(session: Session, queries: list[str]) -> dict[str, list[str]]:
    """The rescues the case search finds for each query (as it ran before revision 0015 in a
    store not converted yet)."""
    from fieldapp.store import search
    from fieldapp.store.models import Rescue
    from tests.support import search_before

    if search_before.before_0015(session):
        return {q: search_before.hits(session, q) for q in queries}
    return {q: sorted(session.scalars(
        select(Rescue.id).where(Rescue.id.in_(search.matching_rescue_ids(q))))) for q in queries}


def counters(session: Session) -> dict[str, list[list[Any]]]:
    """The report counters' tables (`fieldapp.reports.counters`) read back as text, sorted:
    each case's cell and facts, each count with its key."""
    from fieldapp.reports import counters as kept
    from fieldapp.reports import store_counts

    conn = session.connection()
    codec = store_counts.StoreCases(session).codec
    return {"figure_case": sorted([rid, *cell[:5], sorted(cell[5].items())] for rid, cell
                                  in kept.case_facts_stored(conn, codec).items()),
            "figure_count": sorted([*key, n] for key, n in kept.counts(conn, codec).items())}
