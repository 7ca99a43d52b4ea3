"""Sync state: last round's outcome on the device row, parked pulls, uploads; centre victims.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"

_NOT_NULL_RESCUE = re.compile(r"(rescue_id\s+VARCHAR\(36\))\s+NOT NULL", re.IGNORECASE)


def upgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("hq_device_id", sa.String(64), nullable=True))
        batch.add_column(sa.Column("audit_pushed_seq", sa.Integer(), nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("last_attempt_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("last_success_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("last_error", sa.String(300), nullable=True))
        batch.add_column(sa.Column("last_skew_ms", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("clock_warning", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
        batch.add_column(sa.Column("revoked", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    # Pulled records whose parent has not arrived yet (pages are committed one by one).
    op.create_table(
        "sync_parked",
        sa.Column("entity", sa.String(32), primary_key=True),
        sa.Column("entity_id", sa.String(64), primary_key=True),
        sa.Column("parent_id", sa.String(64), nullable=False, index=True),
        sa.Column("fields", sa.JSON(), nullable=False),
    )
    # Attachment files whose encrypted bytes HQ holds completely.
    op.create_table(
        "sync_upload",
        sa.Column("attachment_id", sa.String(36), primary_key=True),
        sa.Column("uploaded_at", sa.DateTime(), nullable=False),
    )
    _victim_rescue_nullable()


def _victim_rescue_nullable() -> None:
    """A transit centre receives a referred victim's essentials without the rescue.

    Only a NOT NULL constraint is removed, which changes nothing on disk, so this uses
    SQLite's documented shortcut (lang_altertable.html, "otheralter"): edit the stored
    CREATE TABLE text and bump schema_version. Rebuilding the table instead is not
    possible here: the migration runs inside a transaction with foreign keys on, where
    dropping `victim` leaves statements and referrals with a violation SQLite counts
    until COMMIT even after the copy is renamed back.
    """
    conn = op.get_bind()
    sql = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'victim'"
    ).scalar()
    if sql is None or not _NOT_NULL_RESCUE.search(sql):
        return
    version = int(conn.exec_driver_sql("PRAGMA schema_version").scalar() or 0)
    conn.exec_driver_sql("PRAGMA writable_schema = ON")
    conn.exec_driver_sql(
        "UPDATE sqlite_master SET sql = ? WHERE type = 'table' AND name = 'victim'",
        (_NOT_NULL_RESCUE.sub(r"\1", sql, count=1),),
    )
    conn.exec_driver_sql(f"PRAGMA schema_version = {version + 1}")
    conn.exec_driver_sql("PRAGMA writable_schema = OFF")


def downgrade() -> None:
    raise NotImplementedError("the device store is never downgraded")
