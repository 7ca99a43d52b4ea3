"""A lean store (issue 16).

Audit rows: ids as 16 bytes, times as integer microseconds, the hash as 32 bytes
(`fieldapp.store.compact`), no stored copy of the previous hash (it is the previous row's)
and no index on the event id. The chain verifies as before: every value reads back exactly
as it was hashed.

Outbox rows HQ acknowledged move to `outbox_sent`, which keeps only which record each
carried (`sync.outbox.compact_acknowledged`; statements too now, attachments keep theirs);
the last row stays, as the clock's floor.

The store gives freed pages back from now on (auto_vacuum, set up by
`fieldapp.store.migrate.reclaim_space` after this runs: one VACUUM).

Revision ID: 0006_h16store_lean
Revises: 0005_h16dev_scale
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa
from alembic import op

from fieldapp.store.compact import digest_bytes, id_bytes, micros

revision = "0006_h16store_lean"
down_revision = "0005_h16dev_scale"

_COPIED = ("seq", "id", "at", "username", "device_id", "action", "entity", "entity_id",
           "detail", "hash")
_CHUNK = 5000


def _lean(row: Any) -> dict[str, Any]:
    """One old row in the lean form; a value that does not fit it is kept as it was."""
    out = dict(zip(_COPIED, row, strict=True))
    for key in ("id", "device_id", "entity_id"):
        value = out[key]
        out[key] = (id_bytes(value) or value) if isinstance(value, str) else value
    at = out["at"]
    out["at"] = micros(dt.datetime.fromisoformat(at)) if isinstance(at, str) else at
    digest = out["hash"]
    # Not a hex digest (a damaged row): kept as it is, and the chain check will say so.
    out["hash"] = (digest_bytes(digest) or digest) if isinstance(digest, str) else digest
    return out


def upgrade() -> None:
    op.create_table(
        "audit_event_lean",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("at", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    conn = op.get_bind()
    lean = sa.table("audit_event_lean", *(sa.column(c) for c in _COPIED))
    old = conn.exec_driver_sql(f"SELECT {', '.join(_COPIED)} FROM audit_event ORDER BY seq")
    while rows := old.fetchmany(_CHUNK):
        conn.execute(sa.insert(lean), [_lean(r) for r in rows])
    op.drop_table("audit_event")
    op.rename_table("audit_event_lean", "audit_event")
    _outbox_sent(conn)


def _outbox_sent(conn: Any) -> None:
    op.create_table(
        "outbox_sent",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(36), nullable=False),
        sa.Column("post_code", sa.String(16), nullable=False),
        sa.Column("hlc", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq"),
    )
    sent = sa.table("outbox_sent", *(sa.column(c) for c in ("seq", "entity", "entity_id",
                                                             "post_code", "hlc")))
    # What `sync.outbox.compact_acknowledged` moves (attachment rows keep their fields).
    moved = ("FROM outbox WHERE entity != 'attachment' AND seq < (SELECT max(seq) FROM outbox)"
             " AND seq <= (SELECT coalesce(max(acked_seq), 0) FROM device)")
    rows = conn.exec_driver_sql(f"SELECT seq, entity, entity_id, post_code, hlc {moved}").all()
    for i in range(0, len(rows), _CHUNK):
        conn.execute(sa.insert(sent), [
            {"seq": seq, "entity": entity, "entity_id": id_bytes(ident) or ident,
             "post_code": post, "hlc": hlc if entity == "audit_event" else ""}
            for seq, entity, ident, post, hlc in rows[i:i + _CHUNK]])
    conn.exec_driver_sql(f"DELETE {moved}")


def downgrade() -> None:
    raise NotImplementedError("lean audit rows are not expanded again")
