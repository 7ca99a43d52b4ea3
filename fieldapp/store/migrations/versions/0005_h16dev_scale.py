"""National scale (issue 16, device): an index so each pulled page counts the parked records
that wait without reading every parked row.

Revision ID: 0005_h16dev_scale
Revises: 0004_h14
"""

from __future__ import annotations

from alembic import op

revision = "0005_h16dev_scale"
down_revision = "0004_h14"


def upgrade() -> None:
    op.create_index("ix_sync_parked_reason", "sync_parked", ["reason"])


def downgrade() -> None:
    op.drop_index("ix_sync_parked_reason", table_name="sync_parked")
