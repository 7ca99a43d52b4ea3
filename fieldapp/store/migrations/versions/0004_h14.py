"""People across cases: suspects linked to further cases, dated status events, identifiers;
possible matches between people and their review (person_link).

Revision ID: 0004_h14
Revises: 0004_h9ops
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_h14"
down_revision = "0004_h9ops"


def _synced(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("hlc", sa.JSON(), nullable=False),
        # Every synced record keeps the answers that have no column of their own (0004_h15).
        sa.Column("extra", sa.JSON(), nullable=False, server_default="{}"),
        *columns,
    )


def upgrade() -> None:
    with op.batch_alter_table("suspect") as batch:
        batch.add_column(sa.Column("htcds_roles", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("complicit_official", sa.Boolean(), nullable=False,
                                   server_default=sa.false()))
    _synced("suspect_case",
            sa.Column("suspect_id", sa.String(36), sa.ForeignKey("suspect.id"), nullable=False),
            sa.Column("rescue_id", sa.String(36), sa.ForeignKey("rescue.id"), nullable=False))
    op.create_index("ix_suspect_case_suspect_id", "suspect_case", ["suspect_id"])
    op.create_index("ix_suspect_case_rescue_id", "suspect_case", ["rescue_id"])
    _synced("suspect_event",
            sa.Column("suspect_id", sa.String(36), sa.ForeignKey("suspect.id"), nullable=False),
            sa.Column("kind", sa.String(20), nullable=False),
            sa.Column("on", sa.Date(), nullable=False),
            sa.Column("note", sa.Text(), nullable=False))
    op.create_index("ix_suspect_event_suspect_id", "suspect_event", ["suspect_id"])
    op.create_index("ix_suspect_event_on", "suspect_event", ["on"])
    _synced("suspect_identifier",
            sa.Column("suspect_id", sa.String(36), sa.ForeignKey("suspect.id"), nullable=False),
            sa.Column("kind", sa.String(16), nullable=False),
            sa.Column("value", sa.String(200), nullable=False),
            sa.Column("normalised", sa.String(200), nullable=False))
    op.create_index("ix_suspect_identifier_suspect_id", "suspect_identifier", ["suspect_id"])
    op.create_index("ix_suspect_identifier_normalised", "suspect_identifier", ["normalised"])
    _synced("person_link",
            sa.Column("entity", sa.String(16), nullable=False),
            sa.Column("a_id", sa.String(36), nullable=False),
            sa.Column("b_id", sa.String(36), nullable=False),
            sa.Column("decision", sa.String(16), nullable=False),
            sa.Column("weight", sa.Float(), nullable=False),
            sa.Column("evidence", sa.JSON(), nullable=False),
            sa.Column("decided_by", sa.String(64), nullable=False),
            sa.Column("decided_at", sa.DateTime(), nullable=True))
    op.create_index("ix_person_link_a_id", "person_link", ["a_id"])
    op.create_index("ix_person_link_b_id", "person_link", ["b_id"])
    op.create_index("ix_person_link_decision", "person_link", ["decision"])


def downgrade() -> None:
    for name in ("person_link", "suspect_identifier", "suspect_event", "suspect_case"):
        op.drop_table(name)
    with op.batch_alter_table("suspect") as batch:
        batch.drop_column("complicit_official")
        batch.drop_column("htcds_roles")
