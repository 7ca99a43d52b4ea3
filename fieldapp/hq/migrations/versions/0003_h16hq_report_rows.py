"""The national figures' narrow rows (`hq.models.ReportRow`), filled from the records.

The table starts empty: its rows need the data key to read the records they come from,
which migrations never have; `fieldapp.hq.figures.ensure_rows` fills it at the first report
(a database without records is marked complete at once).

Revision ID: 0003_h16hq_report_rows
Revises: 0002_h9ops
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_h16hq_report_rows"
down_revision = "0003_h14_shared"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_rows",
        sa.Column("entity", sa.String(length=32), nullable=False),
        sa.Column("entity_id", sa.String(length=64), nullable=False),
        sa.Column("rescue_id", sa.String(length=64), nullable=True),
        sa.Column("op_date", sa.Date(), nullable=True),
        sa.Column("k1", sa.String(), nullable=True),
        sa.Column("k2", sa.String(), nullable=True),
        sa.Column("k3", sa.String(), nullable=True),
        sa.Column("k4", sa.String(), nullable=True),
        sa.Column("flag", sa.Boolean(), nullable=True),
        sa.Column("num", sa.Integer(), nullable=True),
        sa.Column("day", sa.Date(), nullable=True),
        sa.Column("at", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("entity", "entity_id"),
    )
    op.create_index("ix_report_rows_rescue_id", "report_rows", ["rescue_id"])
    op.create_index("ix_report_rows_entity_op_date", "report_rows", ["entity", "op_date"])
    # Marks that the rows are complete (see fieldapp.hq.figures.ensure_rows).
    op.create_table(
        "report_rows_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complete", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    # A database without records has every row it needs already.
    op.execute("INSERT INTO report_rows_state (id, complete) "
               "SELECT 1, TRUE WHERE NOT EXISTS (SELECT 1 FROM records)")


def downgrade() -> None:
    op.drop_table("report_rows_state")
    op.drop_index("ix_report_rows_entity_op_date", table_name="report_rows")
    op.drop_index("ix_report_rows_rescue_id", table_name="report_rows")
    op.drop_table("report_rows")
