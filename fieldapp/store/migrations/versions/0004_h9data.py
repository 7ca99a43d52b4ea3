"""Sync integrity: pulled records set aside with a reason; changes HQ refused (issue 9).

Revision ID: 0004_h9data
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_h9data"
down_revision = "0003"


def upgrade() -> None:
    # A pulled record that cannot be stored here (bad value, a constraint) waits in
    # sync_parked like one whose parent has not come yet, with the reason in plain words.
    with op.batch_alter_table("sync_parked") as batch:
        batch.add_column(sa.Column("reason", sa.String(300), nullable=True))
    # Changes of this device HQ refused and parked (acknowledged: the queue moved on).
    op.create_table(
        "sync_refused",
        sa.Column("seq", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("entity", sa.String(32), nullable=False),
        sa.Column("entity_id", sa.String(64), nullable=False),
        sa.Column("code", sa.String(32), nullable=False),
        sa.Column("reason", sa.String(300), nullable=False),
        sa.Column("refused_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("sync_refused")
    with op.batch_alter_table("sync_parked") as batch:
        batch.drop_column("reason")
