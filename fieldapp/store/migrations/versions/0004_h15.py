"""Extra answers: every synced record keeps the answers that have no column of their own.

Revision ID: 0004_h15
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_h15"
down_revision = "0004_h9data"

TABLES = ("rescue", "victim", "statement", "suspect", "referral", "referral_event", "attachment")


def upgrade() -> None:
    # A plain ADD COLUMN (no batch copy): the table keeps its triggers (final statements).
    for table in TABLES:
        op.add_column(table, sa.Column("extra", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("extra")
