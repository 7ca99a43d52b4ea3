"""Report counters smaller and faster to read (issue 16): `figure_count` a WITHOUT ROWID
table (its key is the table: no second copy of every key in an index), its index on
(kind, day) replaced by a partial covering index of the "sent to court" counts (open
referrals by due day are read through the key: the months of the period, then the days),
and the yearly sums `figure_roll` (`fieldapp.reports.counters`), made here from the counts
in this migration's transaction. `figure_case` becomes WITHOUT ROWID too, each case's facts
rewritten as `counters.facts_text` writes them (a flat list, without the "d" facts).

Revision ID: 0011_h16fig3_rollup
Revises: 0010_h16store3_lean
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0011_h16fig3_rollup"
down_revision = "0010_h16store3_lean"

_KEY = ("fig", "month", "province", "post", "type", "a", "b")
_ROLL_KEY = ("dim", "val", "p", "x", "y", "year")


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "figure_count_new",
        *(sa.Column(name, sa.String(), nullable=False) for name in _KEY),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*_KEY),
        sqlite_with_rowid=False,
    )
    columns = ", ".join(_KEY)
    bind.execute(sa.text(f"INSERT INTO figure_count_new ({columns}, n) "
                         f"SELECT {columns}, n FROM figure_count WHERE n != 0"))
    op.drop_index("ix_figure_count_fig_b", table_name="figure_count")
    op.drop_table("figure_count")
    op.rename_table("figure_count_new", "figure_count")
    # "Sent to court" sums the counts by day, whatever the case's month: a covering index
    # of those rows only ("fig" first, so SQLite takes it over the key's prefix).
    op.create_index("ix_figure_count_sent_day", "figure_count", ["fig", "b", "n"],
                    sqlite_where=sa.text("fig = 'x'"))
    op.create_table(
        "figure_roll",
        sa.Column("dim", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.String(), nullable=False) for name in ("val",)),
        sa.Column("p", sa.Integer(), nullable=False),
        *(sa.Column(name, sa.String(), nullable=False) for name in ("x", "y", "year")),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*_ROLL_KEY),
        sqlite_with_rowid=False,
    )
    from fieldapp.reports.countcodes import Plain, facts_of, facts_text
    from fieldapp.reports.counters import roll_all

    roll_all(bind, Plain())
    # Each case's facts: WITHOUT ROWID (keyed by its case), written the shorter way.
    op.create_table(
        "figure_case_new",
        sa.Column("rescue_id", sa.String(64), primary_key=True),
        sa.Column("op_date", sa.Date()),
        sa.Column("month", sa.String(7)),
        sa.Column("province", sa.String()),
        sa.Column("post", sa.String()),
        sa.Column("type", sa.String()),
        sa.Column("facts", sa.Text(), nullable=False),
        sqlite_with_rowid=False,
    )
    cases = bind.execute(sa.text(
        "SELECT rescue_id, op_date, month, province, post, type, facts FROM figure_case"))
    insert = sa.text(
        "INSERT INTO figure_case_new (rescue_id, op_date, month, province, post, type, facts) "
        "VALUES (:rescue_id, :op_date, :month, :province, :post, :type, :facts)")
    while rows := cases.fetchmany(5000):
        bind.execute(insert, [
            {"rescue_id": r[0], "op_date": r[1], "month": r[2], "province": r[3],
             "post": r[4], "type": r[5], "facts": facts_text(_summed(facts_of(r[6])))}
            for r in rows])
    op.drop_index("ix_figure_case_op_date", table_name="figure_case")
    op.drop_table("figure_case")
    op.rename_table("figure_case_new", "figure_case")
    op.create_index("ix_figure_case_op_date", "figure_case", ["op_date"])


def _summed(facts: Any) -> dict[tuple[str, str, str], int]:
    out: dict[tuple[str, str, str], int] = {}
    for fig, a, b, n in facts:
        out[(fig, a, b)] = out.get((fig, a, b), 0) + n
    return out


def downgrade() -> None:
    raise NotImplementedError("the counters of 0009 are not made again by a downgrade")
