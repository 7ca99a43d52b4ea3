"""Store size (issue 16): the acknowledged outbox named by the records themselves.

Every synced table gains `out_seq` (the seq of the last outbox row that carried the record)
and the device `compacted_seq`. The sent outbox (`outbox_sent`) keeps only the rows no
record names: superseded changes and audit events a bundle carried. Should HQ ask again,
`sync.outbox.rows_after` lists the records from their `out_seq`. One transaction
(`store.migrate.upgrade`): a store killed midway is the store before.

Revision ID: 0012_h16s5audit
Revises: 0011_h16fig3_rollup
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

from fieldapp.store.compact import id_bytes, id_text
from fieldapp.store.models import RECORD_NAMES

revision = "0012_h16s5audit"
down_revision = "0011_h16fig3_rollup"

#: The synced tables at this revision (each named as its records on the wire).
SYNCED = ("rescue", "victim", "statement", "suspect", "referral", "referral_event",
          "attachment", "suspect_case", "suspect_event", "suspect_identifier", "person_link",
          "family_member", "follow_up", "case_transfer")
#: Tables whose ids rest as text, not as 16 bytes (`store.compact.CompactId`).
TEXT_IDS = ("attachment",)


def _entity(value: Any) -> Any:
    """A sent row's record kind (`CodedText`: one byte) as its word."""
    if isinstance(value, bytes) and len(value) == 1 and value[0] < len(RECORD_NAMES):
        return RECORD_NAMES[value[0]]
    return value


def _latest(conn: Any) -> dict[tuple[str, str], int]:
    """(record kind, id) -> the last seq that carried it, waiting or sent."""
    latest: dict[tuple[str, str], int] = {}
    for table in ("outbox", "outbox_sent"):
        for seq, entity, entity_id in conn.exec_driver_sql(
                f"SELECT seq, entity, entity_id FROM {table}"):
            key = (_entity(entity), id_text(entity_id))
            latest[key] = max(latest.get(key, 0), int(seq))
    return latest


def upgrade() -> None:
    for table in SYNCED:
        op.add_column(table, sa.Column("out_seq", sa.Integer(), nullable=True))
    op.add_column("device", sa.Column("compacted_seq", sa.Integer(), nullable=False,
                                      server_default="0"))
    conn = op.get_bind()
    latest = _latest(conn)
    named: set[int] = set()
    # A final statement's guard refuses every update: set aside for this one, which changes
    # no content, and put back.
    guards = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'statement'"
    ).all()
    for name, _sql in guards:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    for table in SYNCED:
        pairs = [(seq, ident if table in TEXT_IDS else id_bytes(ident) or ident)
                 for (entity, ident), seq in latest.items() if entity == table]
        if pairs:
            conn.exec_driver_sql(f"UPDATE {table} SET out_seq = ? WHERE id = ?", pairs)
            named.update(int(seq) for (seq,) in conn.exec_driver_sql(
                f"SELECT out_seq FROM {table} WHERE out_seq IS NOT NULL"))
    for _name, sql in guards:
        conn.exec_driver_sql(sql)
    conn.exec_driver_sql(
        "UPDATE device SET compacted_seq = max(acked_seq, "
        "coalesce((SELECT max(seq) FROM outbox_sent), 0))")
    sent = {int(seq) for (seq,) in conn.exec_driver_sql("SELECT seq FROM outbox_sent")}
    if sent & named:
        conn.exec_driver_sql("DELETE FROM outbox_sent WHERE seq = ?",
                             [(seq,) for seq in sorted(sent & named)])


def downgrade() -> None:
    raise NotImplementedError("fieldapp stores are not downgraded")
