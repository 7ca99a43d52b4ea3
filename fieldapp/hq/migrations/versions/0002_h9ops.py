"""Devices' case-number series, handed out at enrolment (unique per post).

Revision ID: 0002_h9ops
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_h9ops"
down_revision = "0002_h9data"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("case_code", sa.String(length=8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("case_code")
