"""Store size of a store made before issue 16 (issue 16): three parts such a store kept large.

1. `statement` becomes a rowid table again (0013 made it WITHOUT ROWID). SQLite keeps at
   most about 1,000 bytes of a WITHOUT ROWID row on its page; a longer statement (a sealed
   narrative of a few hundred words) went to an overflow page of its own, mostly empty:
   4.7 KB for a statement of 1 to 4 KB, where a rowid table takes 1.4 to 4.1 KB.
2. A record's per-field stamps that list every field are stored in their short form
   (`models.stored_stamps`): a statement finalised by a release before issue 16 listed its
   19 fields under one stamp, ~365 bytes, which pushed the row over that limit.
3. The audit events that went to HQ as changes of their own (a release before issue 16
   pushed them so, a bundle still carries them) rest as runs in `outbox_sent_audit`, one row
   for each stretch of consecutive seqs, not one row each in `outbox_sent`.

Every record reads back the same (each field's stamp included). A store killed midway is the
store before, and converts at its next open.

Revision ID: 0016_h16s6older
Revises: 0015_h16s5search
"""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy import select
from sqlalchemy.orm import Session

revision = "0016_h16s6older"
down_revision = "0015_h16s5search"


def upgrade() -> None:
    from fieldapp.store.sealing import statement_triggers_aside

    conn = op.get_bind()
    session = Session(bind=conn)
    # A final statement's triggers (it never changes) are set aside while its table is made
    # again and its stamps are rewritten (same stamps, fewer bytes).
    with statement_triggers_aside(conn):
        _statement_with_rowid(conn)
        _short_stamps(session)
    op.create_table(
        "outbox_sent_audit",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("audit_seq", sa.Integer(), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
    )
    _audit_runs(session)


def _statement_with_rowid(conn: Any) -> None:
    """The statement table made again as a rowid table, with its indexes. Foreign keys
    cannot be turned off inside the migration's transaction: the rows are copied aside, the
    table dropped and made again under its name (deferred checking allows the moment in
    between), as 0013 did."""
    create = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'statement'").scalar()
    plain = re.sub(r"\)\s*WITHOUT\s+ROWID\s*$", ")", create.rstrip(), flags=re.IGNORECASE)
    if plain == create.rstrip():
        return  # a rowid table already
    kept = [sql for (sql,) in conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'index' "
        "AND tbl_name = 'statement' AND sql IS NOT NULL")]
    conn.exec_driver_sql("CREATE TABLE _h16s6_statement AS SELECT * FROM statement")
    conn.exec_driver_sql("DROP TABLE statement")
    conn.exec_driver_sql(plain)
    columns = ", ".join(row[1] for row in conn.exec_driver_sql("PRAGMA table_info(statement)"))
    conn.exec_driver_sql(f"INSERT INTO statement ({columns}) SELECT {columns} "
                         f"FROM _h16s6_statement ORDER BY id")
    conn.exec_driver_sql("DROP TABLE _h16s6_statement")
    for sql in kept:
        conn.exec_driver_sql(sql)


#: A packed stamp map longer than this lists more than one stamp (one is 14 to 30 bytes).
_ONE_STAMP = 40


def _short_stamps(session: Session) -> None:
    """Each record's stamps in the short form, where they are not: the same stamp of each
    field, fewer bytes. Fields the map names that are no longer columns keep their entry."""
    from fieldapp.store.models import SYNCED_MODELS, stored_stamps, synced_columns

    for model in SYNCED_MODELS.values():
        columns = synced_columns(model)
        table = model.__table__
        rows = session.execute(select(model.id, model.hlc).where(
            sa.func.length(table.c.hlc) > _ONE_STAMP)).all()
        for ident, stamps in rows:
            if not isinstance(stamps, dict):
                continue
            each = {c: str(stamps.get(c) or stamps.get("*", "")) for c in columns}
            short = {**stored_stamps(each),
                     **{k: v for k, v in stamps.items() if k != "*" and k not in each}}
            if short != stamps:
                # `updated_at` set to itself: not the time of this migration (`onupdate`).
                session.execute(sa.update(model).where(model.id == ident).values(
                    hlc=short, updated_at=table.c.updated_at),
                                execution_options={"synchronize_session": False})


def _audit_runs(session: Session) -> None:
    """`outbox_sent` rows of audit events as runs (`store.changes.audit_runs`)."""
    from fieldapp.store import audit
    from fieldapp.store.changes import audit_runs
    from fieldapp.store.models import AuditEvent, OutboxSent, OutboxSentAudit

    sent = (OutboxSent.entity == "audit_event",)
    stored_ids = dict(session.execute(
        select(OutboxSent.seq, AuditEvent.seq).join(
            AuditEvent, (AuditEvent.id == OutboxSent.entity_id) & (AuditEvent.id != ""))
        .where(*sent)).all())
    found: list[tuple[int, int, str]] = []
    missing: list[int] = []
    for seq, event_id, stamp in session.execute(
            select(OutboxSent.seq, OutboxSent.entity_id, OutboxSent.hlc)
            .where(*sent).order_by(OutboxSent.seq)):
        # An event whose id is made from the chain (a bundle's) is found by reading it.
        event_seq = stored_ids.get(seq) or audit.seq_of(session, event_id)
        if event_seq is None:
            missing.append(seq)  # not in the trail (cannot happen): its row stays as it is
        else:
            found.append((seq, event_seq, stamp))
    if found:
        session.execute(sa.insert(OutboxSentAudit), audit_runs(found))
        session.execute(sa.delete(OutboxSent).where(*sent, OutboxSent.seq.not_in(missing)))


def downgrade() -> None:
    raise NotImplementedError("the older store's parts are not made large again")
