"""Family, guardians, home address (Cambodia's gazetteer), social worker, case-plan follow-ups,
case transfers between posts.

Revision ID: 0005_h13_family
Revises: 0004_h14
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_h13_family"
down_revision = "0005_h10_statement_details"

_ADDRESS = ("home_province", "home_district", "home_commune", "home_village")


def _address() -> list[sa.Column]:
    return [*(sa.Column(c, sa.String(8), nullable=False, server_default="") for c in _ADDRESS),
            sa.Column("home_address_detail", sa.String(200), nullable=False, server_default="")]


def _synced(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("hlc", sa.JSON(), nullable=False),
        sa.Column("extra", sa.JSON(), nullable=False, server_default="{}"),
        *columns,
    )


def upgrade() -> None:
    with op.batch_alter_table("victim") as batch:
        for column in _address():
            batch.add_column(column)
        batch.add_column(sa.Column("social_worker", sa.String(120), nullable=False,
                                   server_default=""))
    _synced("family_member",
            sa.Column("victim_id", sa.String(36), sa.ForeignKey("victim.id"), nullable=False),
            sa.Column("name", sa.String(200), nullable=False),
            sa.Column("relationship", sa.String(24), nullable=False),
            sa.Column("is_guardian", sa.Boolean(), nullable=False),
            sa.Column("phone", sa.String(40), nullable=False),
            *_address())
    op.create_index("ix_family_member_victim_id", "family_member", ["victim_id"])
    _synced("follow_up",
            sa.Column("victim_id", sa.String(36), sa.ForeignKey("victim.id"), nullable=False),
            sa.Column("referral_id", sa.String(36), nullable=True),
            sa.Column("action", sa.String(24), nullable=False),
            sa.Column("due_on", sa.Date(), nullable=False),
            sa.Column("assigned_to", sa.String(120), nullable=False),
            sa.Column("note", sa.Text(), nullable=False),
            sa.Column("done_on", sa.Date(), nullable=True),
            sa.Column("done_by", sa.String(64), nullable=False),
            sa.Column("outcome", sa.Text(), nullable=False))
    for column in ("victim_id", "referral_id", "due_on"):
        op.create_index(f"ix_follow_up_{column}", "follow_up", [column])
    _synced("case_transfer",
            sa.Column("rescue_id", sa.String(36), sa.ForeignKey("rescue.id"), nullable=False),
            sa.Column("from_post", sa.String(16), nullable=False),
            sa.Column("to_post", sa.String(16), nullable=False),
            sa.Column("on", sa.Date(), nullable=False),
            sa.Column("reason", sa.Text(), nullable=False))
    op.create_index("ix_case_transfer_rescue_id", "case_transfer", ["rescue_id"])


def downgrade() -> None:
    op.drop_table("case_transfer")
    op.drop_table("follow_up")
    op.drop_table("family_member")
    with op.batch_alter_table("victim") as batch:
        for column in ("social_worker", "home_address_detail", *reversed(_ADDRESS)):
            batch.drop_column(column)
