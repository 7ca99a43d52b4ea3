"""Store size (issue 16): report counters coded (`fieldapp.reports.countcodes.Coded`).

Words (province, post, type, fact values) become small integers through the new table
`figure_word`, months and days integers, a case's id its 16 bytes and its facts a varint
blob. `figure_case` and `figure_count` are converted row for row from their text form,
`figure_roll` made again from the converted counts, in this migration's transaction. A store
whose cases were never counted (upgraded from before revision 0009: those revisions leave
the counters empty) is counted here from its records instead, once.

Revision ID: 0014_h16s5fig
Revises: 0013_h16s5rows
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0014_h16s5fig"
down_revision = "0013_h16s5rows"

_KEY = ("fig", "month", "province", "post", "type", "a", "b")
_CELL = ("month", "province", "post", "type")
_ROLL_KEY = ("dim", "val", "p", "x", "y", "year")
_BATCH = 5000


def upgrade() -> None:
    from fieldapp.reports.countcodes import Coded, Plain
    from fieldapp.reports.counters import roll_all

    bind = op.get_bind()
    op.create_table(
        "figure_word",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("word", sa.String(), nullable=False, unique=True),
    )
    coded, plain = Coded(bind), Plain()
    _renamed("figure_count", "ix_figure_count_sent_day")
    op.create_table(
        "figure_count",
        sa.Column("fig", sa.String(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=False) for name in _KEY[1:]),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*_KEY),
        sqlite_with_rowid=False,
    )
    _copy(bind, "figure_count", (*_KEY, "n"), lambda r: (
        *(coded.put(c, r[0], v) for c, v in zip(_KEY, r, strict=False)), r[7]))
    op.drop_table("figure_count_text")
    op.create_index("ix_figure_count_sent_day", "figure_count", ["fig", "b", "n"],
                    sqlite_where=sa.text("fig = 'x'"))

    _renamed("figure_case", "ix_figure_case_op_date")
    op.create_table(
        "figure_case",
        sa.Column("rescue_id", sa.LargeBinary(), primary_key=True),  # text when not a uuid
        sa.Column("op_date", sa.Integer()),
        *(sa.Column(name, sa.Integer()) for name in _CELL),
        sa.Column("facts", sa.LargeBinary(), nullable=False),
        sqlite_with_rowid=False,
    )

    def case(r: Any) -> tuple[Any, ...]:
        facts: Counter[tuple[str, str, str]] = Counter()
        for fig, a, b, n in plain.unpack(r[6]):
            facts[(fig, a, b)] += n
        day = None if r[1] is None else coded.day(dt.date.fromisoformat(r[1]))
        return (coded.case_id(r[0]), day,
                *(None if v is None else coded.put(c, "", v) for c, v in zip(_CELL, r[2:6],
                                                                            strict=True)),
                coded.pack(facts))

    _copy(bind, "figure_case",
          ("rescue_id", "op_date", "month", "province", "post", "type", "facts"), case)
    op.drop_table("figure_case_text")
    op.create_index("ix_figure_case_op_date", "figure_case", ["op_date"])

    op.drop_table("figure_roll")
    op.create_table(
        "figure_roll",
        *(sa.Column(name, sa.Integer(), nullable=False) for name in _ROLL_KEY),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*_ROLL_KEY),
        sqlite_with_rowid=False,
    )
    roll_all(bind, coded)
    if _never_counted(bind):
        from sqlalchemy.orm import Session

        from fieldapp.reports.store_counts import rebuild

        rebuild(Session(bind=bind))


def _never_counted(bind: Any) -> bool:
    """No case counted although a rescue has an operation date (every such case counts)."""
    return bind.execute(sa.text("SELECT NOT EXISTS (SELECT 1 FROM figure_case) AND EXISTS "
                                "(SELECT 1 FROM rescue WHERE operation_date IS NOT NULL)")
                        ).scalar_one() == 1


def _renamed(table: str, index: str) -> None:
    """The text form set aside as `<table>_text` (its index dropped: the name is reused)."""
    op.drop_index(index, table_name=table)
    op.rename_table(table, f"{table}_text")


def _copy(bind: Any, table: str, columns: tuple[str, ...], convert: Any) -> None:
    """Every row of `<table>_text` written to `table` as `convert` gives it, in batches."""
    names = ", ".join(columns)
    rows = bind.execute(sa.text(f"SELECT {names} FROM {table}_text"))
    insert = (f"INSERT INTO {table} ({names}) VALUES ({', '.join(['?'] * len(columns))})")
    while batch := rows.fetchmany(_BATCH):
        bind.exec_driver_sql(insert, [convert(r) for r in batch])


def downgrade() -> None:
    raise NotImplementedError("fieldapp stores are not downgraded")
