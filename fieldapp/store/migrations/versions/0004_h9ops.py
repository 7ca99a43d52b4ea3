"""Case numbers unique across a post's laptops: the device's case-number series.

Revision ID: 0004_h9ops
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_h9ops"
down_revision = "0004_h13"


def upgrade() -> None:
    # Existing stores get their series at their next case (old case numbers stay valid).
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("case_code", sa.String(8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.drop_column("case_code")
