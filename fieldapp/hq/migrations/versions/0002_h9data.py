"""Parked changes: pushed changes HQ refused, kept with their reason (issue 9)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_h9data"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "parked_changes",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("device_id", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("code", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.String(length=300), nullable=False),
        sa.Column("waiting_for", sa.String(length=64), nullable=True),
        sa.Column("change", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("parked_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("device_id", "seq", name="uq_parked_origin"),
    )
    op.create_index(op.f("ix_parked_changes_device_id"), "parked_changes", ["device_id"])
    op.create_index(op.f("ix_parked_changes_waiting_for"), "parked_changes", ["waiting_for"])
    op.create_index(op.f("ix_parked_changes_state"), "parked_changes", ["state"])


def downgrade() -> None:
    op.drop_table("parked_changes")
