"""Leaner record rows (issue 16): the store's own device stored as nothing in records'
`device_id` and in their clock stamps, `updated_at` as nothing while it is the record's
creation (`fieldapp.store.compact.DeviceId`, `CompactStamps`, `LaterTime`); victims,
statements, suspects, referrals and their events become WITHOUT ROWID tables (the id b-tree
is the table: no second copy of every id); indexes no query needs go, and the statements'
`amends_id` index keeps only the statements that amend one.

Each rebuilt table keeps the columns, indexes and triggers it has at this point (read from
the live schema, so columns an earlier migration added come along). Foreign keys are on and cannot
be turned off inside the migration's transaction: the rows are first copied aside, the
table dropped (its children are orphaned for a moment, which deferred checking allows),
made again under its name and filled, which gives the children their parents back.
A store killed midway is the store before, and converts at its next open.

Revision ID: 0013_h16s5rows
Revises: 0012_h16s5audit
"""

from __future__ import annotations

import re
from typing import Any

from alembic import op

from fieldapp.store.compact import (
    SAME_INSERT,
    CompactStamps,
    id_bytes,
    stamps_bytes,
    stamps_dict,
)
from fieldapp.store.models import SYNCED_MODELS

revision = "0013_h16s5rows"
down_revision = "0012_h16s5audit"

#: Tables rebuilt WITHOUT ROWID (rescue keeps its rowid: the case list pages by it).
REBUILT = ("suspect", "victim", "statement", "referral", "referral_event")
#: Indexes dropped: no query needs them (a minor flag or status true of many rows).
DROPPED = ("ix_victim_is_minor", "ix_referral_status", "ix_referral_provider_code",
           "ix_statement_amends_id")
PARTIAL = ("CREATE INDEX ix_statement_amends_id ON statement (amends_id) "
           "WHERE amends_id IS NOT NULL")


def repack_stamps(own: bytes | None) -> Any:
    def repack(value: Any) -> Any:
        if isinstance(value, bytes) and value[:1] == bytes((CompactStamps.MARK,)):
            return stamps_bytes(stamps_dict(value), own) or value
        return value
    return repack


def upgrade() -> None:
    conn = op.get_bind()
    own = conn.exec_driver_sql("SELECT id FROM device").scalar()
    own_bytes = id_bytes(own) if isinstance(own, str) else None
    conn.connection.driver_connection.create_function(
        "fa_stamps", 1, repack_stamps(own_bytes), deterministic=True)
    params = (own, own_bytes, SAME_INSERT)  # no device: nothing is its own
    for table in SYNCED_MODELS.values():
        name = table.__tablename__
        if name in REBUILT:
            _rebuild(conn, name, params)
        else:
            sets = ", ".join(f"{c} = {e}" for c, e in _LEAN.items())
            conn.exec_driver_sql(f"UPDATE {name} SET {sets}", params)
    for index in DROPPED:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {index}")
    conn.exec_driver_sql(PARTIAL)


#: The lean value of each converted column, from the row as it is (parameters: the own
#: device's id as text and as bytes, `SAME_INSERT`).
_LEAN = {
    "device_id": "CASE WHEN device_id IN (?1, ?2) THEN x'' ELSE device_id END",
    "updated_at": "CASE WHEN typeof(updated_at) = 'integer' AND typeof(created_at) = 'integer' "
                  "AND updated_at - created_at BETWEEN 0 AND ?3 THEN '' ELSE updated_at END",
    "hlc": "fa_stamps(hlc)",
}


def _rebuild(conn: Any, name: str, params: tuple[Any, ...]) -> None:
    create = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).scalar()
    # Its indexes and triggers (a final statement's immutability) go with it: made again.
    kept = [sql for index, sql in conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
        "AND tbl_name = ? AND sql IS NOT NULL", (name,)) if index not in DROPPED]
    columns = [row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({name})")]
    aside = f"_h16s5rows_{name}"
    conn.exec_driver_sql(f"CREATE TABLE {aside} AS SELECT * FROM {name}")
    conn.exec_driver_sql(f"DROP TABLE {name}")
    conn.exec_driver_sql(_without_rowid(create))
    listed = ", ".join(columns)
    values = ", ".join(_LEAN.get(c, c) for c in columns)
    conn.exec_driver_sql(f"INSERT INTO {name} ({listed}) SELECT {values} FROM {aside}", params)
    conn.exec_driver_sql(f"DROP TABLE {aside}")
    for sql in kept:
        conn.exec_driver_sql(sql)


def _without_rowid(create: str) -> str:
    if re.search(r"\)\s*WITHOUT\s+ROWID\s*$", create, re.IGNORECASE):
        return create
    return create.rstrip() + " WITHOUT ROWID"


def downgrade() -> None:
    raise NotImplementedError("lean record rows are not expanded again")
