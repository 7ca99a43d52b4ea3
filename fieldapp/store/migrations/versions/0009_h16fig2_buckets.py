"""Report counters read by SQL sums (issue 16): `figure_count` keyed by fact kind first, an
index on (kind, b) for the as-of month's due days, and open referrals' due dates counted by
month as well as by day (facts "d" and "e", `fieldapp.reports.counters`). Both tables are
emptied here (the counts' keys changed): revision 0014 counts the cases again from the
records, in its final form (this revision once counted them).

Revision ID: 0009_h16fig2_buckets
Revises: 0008_h16store2_compact
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_h16fig2_buckets"
down_revision = "0008_h16store2_compact"

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
    op.execute("DELETE FROM figure_case")


def downgrade() -> None:
    raise NotImplementedError("the counters of 0007 are not made again by a downgrade")
