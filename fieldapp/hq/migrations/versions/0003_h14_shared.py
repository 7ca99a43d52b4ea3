"""Records shared with further posts: a person link reaches the posts of both people.

Revision ID: 0003_h14_shared
Revises: 0002_h9ops
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_h14_shared"
down_revision = "0002_h9ops"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "shared_records",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("post_code", sa.String(length=32), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", "post_code"),
    )
    op.create_index("ix_shared_records_post_code", "shared_records", ["post_code"])


def downgrade() -> None:
    op.drop_index("ix_shared_records_post_code", table_name="shared_records")
    op.drop_table("shared_records")
