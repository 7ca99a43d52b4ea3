"""Report counters (issue 16): each case's facts (`figure_case`), their sums per month and
cell (`figure_count`), and the cases a transaction changed (`figure_dirty`), kept by every
commit after. Left empty here: revision 0014 counts the cases from the records once, in its
final form (this revision once counted them, and 0009 counted them again).

Revision ID: 0007_h16fig_counters
Revises: 0006_h16store_lean
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_h16fig_counters"
down_revision = "0006_h16store_lean"


def upgrade() -> None:
    op.create_table(
        "figure_case",
        sa.Column("rescue_id", sa.String(64), primary_key=True),
        sa.Column("op_date", sa.Date()),
        sa.Column("month", sa.String(7)),
        sa.Column("province", sa.String()),
        sa.Column("post", sa.String()),
        sa.Column("type", sa.String()),
        sa.Column("facts", sa.Text(), nullable=False),
    )
    op.create_index("ix_figure_case_op_date", "figure_case", ["op_date"])
    op.create_table(
        "figure_count",
        *(sa.Column(name, sa.String(), primary_key=True)
          for name in ("month", "province", "post", "type", "fig", "a", "b")),
        sa.Column("n", sa.Integer(), nullable=False),
    )
    op.create_table("figure_dirty", sa.Column("rescue_id", sa.String(64), primary_key=True))


def downgrade() -> None:
    op.drop_table("figure_dirty")
    op.drop_table("figure_count")
    op.drop_index("ix_figure_case_op_date", table_name="figure_case")
    op.drop_table("figure_case")
