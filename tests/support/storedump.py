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


def dump(session: Session) -> dict[str, list[dict[str, Any]]]:
    """{table: rows}, each row {column: value} through its model (audit events through
    `store.audit`, which fills in what rests implicit: hashes between checkpoints, the own
    device's id; a sent outbox row's own post likewise); rows in a stable order."""
    from fieldapp.store import audit
    from fieldapp.store.models import AuditEvent, Base, OutboxSent
    from fieldapp.sync.outbox import sent_post

    out: dict[str, list[dict[str, Any]]] = {}
    for mapper in Base.registry.mappers:
        model = mapper.class_
        keys = [c.key for c in mapper.column_attrs]
        if model is AuditEvent:
            rows = [{k: plain(event[k]) for k in keys} for event in audit.events_after(session, 0)]
        elif model is OutboxSent:
            rows = [{k: plain(sent_post(session, v) if k == "post_code" else v)
                     for k, v in zip(keys, row, strict=True)}
                    for row in session.execute(select(*(getattr(model, k) for k in keys)))]
        else:
            rows = [{k: plain(v) for k, v in zip(keys, row, strict=True)}
                    for row in session.execute(select(*(getattr(model, k) for k in keys)))]
        out[model.__tablename__] = sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))
    return out


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
    """The report counters' tables (`fieldapp.reports.counters`), sorted."""
    conn = session.connection()
    return {t: sorted([plain(v) for v in row] for row in conn.exec_driver_sql(f"SELECT * FROM {t}"))
            for t in ("figure_case", "figure_count")}
