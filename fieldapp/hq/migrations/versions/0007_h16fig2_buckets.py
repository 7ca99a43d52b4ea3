"""Report counters read by SQL sums (issue 16): `figure_count` keyed by fact kind first, an
index on (kind, b) for the as-of month's due days, and open referrals' due dates counted by
month as well as by day (facts "d" and "e", `fieldapp.reports.counters`).

Both tables are made again from the narrow rows when those are complete (in this
migration's transaction); otherwise `ensure_rows` builds everything at the first report.

Revision ID: 0007_h16fig2_buckets
Revises: 0006_h16fig_counters
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

revision = "0007_h16fig2_buckets"
down_revision = "0006_h16fig_counters"
branch_labels = None
depends_on = None

_KEY = ("fig", "month", "province", "post", "type", "a", "b")


def upgrade() -> None:
    op.drop_table("figure_count")
    op.create_table(
        "figure_count",
        *(sa.Column(name, sa.String(), nullable=False) for name in _KEY),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*_KEY),
    )
    op.create_index("ix_figure_count_fig_b", "figure_count", ["fig", "b"])
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT count(*) FROM report_rows_state")).scalar():
        from fieldapp.hq.figures import HqCases
        from fieldapp.reports.counters import rebuild

        rebuild(bind, HqCases(Session(bind=bind)))
    else:
        bind.execute(sa.text("DELETE FROM figure_case"))


def downgrade() -> None:
    raise NotImplementedError("the counters of 0006 are not made again by a downgrade")
