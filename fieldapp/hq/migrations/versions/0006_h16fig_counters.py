"""Report counters (issue 16): each case's facts (`figure_case`) and their sums per month and
cell (`figure_count`), kept by every ingested batch (`fieldapp.hq.figures`); an index to
read a victim's referrals and a referral's events from the narrow rows.

Built here from the narrow rows when they are complete; otherwise `ensure_rows` builds
them with the rows at the first report (the rows need the data key, migrations never have it).

Revision ID: 0006_h16fig_counters
Revises: 0005_h16store_audit_part
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0006_h16fig_counters"
down_revision = "0005_h16store_audit_part"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_report_rows_entity_k4", "report_rows", ["entity", "k4"])
    op.create_table(
        "figure_case",
        sa.Column("rescue_id", sa.String(length=64), nullable=False),
        sa.Column("op_date", sa.Date(), nullable=True),
        sa.Column("month", sa.String(length=7), nullable=True),
        sa.Column("province", sa.String(), nullable=True),
        sa.Column("post", sa.String(), nullable=True),
        sa.Column("type", sa.String(), nullable=True),
        sa.Column("facts", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("rescue_id"),
    )
    op.create_index("ix_figure_case_op_date", "figure_case", ["op_date"])
    op.create_table(
        "figure_count",
        *(sa.Column(name, sa.String(), nullable=False)
          for name in ("month", "province", "post", "type", "fig", "a", "b")),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("month", "province", "post", "type", "fig", "a", "b"),
    )
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT count(*) FROM report_rows_state")).scalar():
        from fieldapp.hq.figures import HqCases
        from fieldapp.reports.counters import rebuild

        rebuild(bind, HqCases(Session(bind=bind)))


def downgrade() -> None:
    op.drop_table("figure_count")
    op.drop_index("ix_figure_case_op_date", table_name="figure_case")
    op.drop_table("figure_case")
    op.drop_index("ix_report_rows_entity_k4", table_name="report_rows")
