"""Small-cell rule: small counts hidden, and no hidden cell recoverable from the totals."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest

from fieldapp.reports.figures import COUNT, Table
from fieldapp.reports.suppress import SECONDARY, PublishedTable, publish_table

T = 5


def two_d(grid: list[list[int]]) -> Table:
    rows = tuple(f"r{i}" for i in range(len(grid)))
    cols = tuple(f"c{j}" for j in range(len(grid[0])))
    return Table("t", rows, cols, {(r, c): grid[i][j] for i, r in enumerate(rows)
                                   for j, c in enumerate(cols)})


def one_d(values: list[int]) -> Table:
    rows = tuple(f"r{i}" for i in range(len(values)))
    return Table("t", rows, (COUNT,), {(r, COUNT): v for r, v in zip(rows, values, strict=True)})


def _rank(rows: list[list[Fraction]]) -> int:
    m = [r[:] for r in rows]
    rank, ncols = 0, len(m[0]) if m else 0
    for col in range(ncols):
        pivot = next((i for i in range(rank, len(m)) if m[i][col] != 0), None)
        if pivot is None:
            continue
        m[rank], m[pivot] = m[pivot], m[rank]
        for i in range(len(m)):
            if i != rank and m[i][col] != 0:
                f = m[i][col] / m[rank][col]
                m[i] = [a - f * b for a, b in zip(m[i], m[rank], strict=True)]
        rank += 1
    return rank


def recoverable_cells(table: Table, pub: PublishedTable) -> list[str]:
    """Hidden cells (margins included) that the published totals determine exactly."""
    cells = {(r, c): pub.cells[(r, c)] for r in table.rows for c in table.cols}
    named: dict[str, object] = {f"{r}/{c}": v for (r, c), v in cells.items()}
    lines: list[tuple[list[str], str]] = []
    if table.is_2d:
        named.update({f"{r}/T": pub.row_totals[r] for r in table.rows})
        named.update({f"T/{c}": pub.col_totals[c] for c in table.cols})
        named["T/T"] = pub.total
        lines += [([f"{r}/{c}" for c in table.cols], f"{r}/T") for r in table.rows]
        lines += [([f"{r}/{c}" for r in table.rows], f"T/{c}") for c in table.cols]
        lines.append(([f"{r}/T" for r in table.rows], "T/T"))
        lines.append(([f"T/{c}" for c in table.cols], "T/T"))
    else:
        named["T"] = pub.total
        lines.append(([f"{r}/{COUNT}" for r in table.rows], "T"))
    hidden = [k for k, v in named.items() if isinstance(v, str)]
    if not hidden:
        return []
    index = {k: i for i, k in enumerate(hidden)}
    system = []
    for parts, total in lines:
        row = [Fraction(0)] * len(hidden)
        for p in parts:
            if p in index:
                row[index[p]] += 1
        if total in index:
            row[index[total]] -= 1
        if any(row):
            system.append(row)
    base = _rank(system) if system else 0
    found = []
    for k, i in index.items():
        unit = [Fraction(int(j == i)) for j in range(len(hidden))]
        if _rank([*system, unit]) == base:
            found.append(k)
    return found


def test_small_counts_shown_as_less_than_threshold() -> None:
    pub = publish_table(one_d([12, 3, 0, 40]), T)
    assert pub.value("r1") == "<5"
    assert pub.value("r2") == 0  # a zero identifies nobody
    # 3 alone could be worked out as total - 12 - 40: the next-smallest (12) is hidden too.
    assert pub.value("r0") == SECONDARY and pub.value("r3") == 40 and pub.total == 55


def test_two_small_cells_in_a_line_protect_each_other() -> None:
    pub = publish_table(one_d([20, 3, 2, 40]), T)
    assert [pub.value(r) for r in ("r0", "r1", "r2", "r3")] == [20, "<5", "<5", 40]


def test_two_small_cells_pinned_by_the_total_are_protected() -> None:
    # "<5" + "<5" = 8 would give 4 and 4: another cell must be hidden.
    pub = publish_table(one_d([20, 4, 4, 40]), T)
    assert pub.value("r0") == SECONDARY


def test_threshold_is_configurable() -> None:
    pub = publish_table(one_d([12, 9, 30]), 10)
    assert pub.value("r1") == "<10" and pub.value("r0") == SECONDARY


def test_2d_secondary_suppression_on_rows_and_columns() -> None:
    table = two_d([[10, 2, 30], [15, 25, 35], [20, 40, 50]])
    pub = publish_table(table, T)
    assert pub.cells[("r0", "c1")] == "<5"
    hidden = {k for k, v in pub.cells.items() if isinstance(v, str)}
    # Its row and its column each hide one more cell, and that forces a fourth.
    assert len(hidden) >= 4
    assert recoverable_cells(table, pub) == []


def test_a_single_small_row_hides_its_total() -> None:
    table = two_d([[3, 0], [10, 12]])
    pub = publish_table(table, T)
    assert pub.cells[("r0", "c0")] == "<5" and pub.row_totals["r0"] == "<5"
    assert recoverable_cells(table, pub) == []


def _random_table(rng: random.Random) -> list[list[int]]:
    nr, nc = rng.randint(2, 5), rng.randint(2, 5)
    pick = [0, 0, 1, 2, 3, 4, 5, 6, 8, 12, 20, 50]
    return [[rng.choice(pick) for _ in range(nc)] for _ in range(nr)]


@pytest.mark.parametrize("seed", range(300))
def test_no_suppressed_cell_can_be_recovered_from_row_and_column_totals(seed: int) -> None:
    rng = random.Random(seed)
    grid = _random_table(rng)
    table = two_d(grid)
    pub = publish_table(table, T)
    assert recoverable_cells(table, pub) == [], grid
    for (r, c), shown in pub.cells.items():
        v = table.value(r, c)
        assert (shown == "<5") == (0 < v < T)
        if not isinstance(shown, str):
            assert shown == v


@pytest.mark.parametrize("seed", range(200))
def test_no_small_cell_of_a_list_pinned_to_one_value(seed: int) -> None:
    """Brute force what a reader who knows the rule can deduce from a 1-D table and its total."""
    rng = random.Random(seed)
    values = [rng.choice([0, 1, 2, 3, 4, 5, 6, 9, 15]) for _ in range(rng.randint(1, 6))]
    table = one_d(values)
    pub = publish_table(table, T)
    shown = [pub.value(r) for r in table.rows]
    if isinstance(pub.total, str):
        return  # no equation left to solve
    hidden = [i for i, s in enumerate(shown) if isinstance(s, str)]
    rest = pub.total - sum(s for s in shown if not isinstance(s, str))
    ranges = [range(1, T) if shown[i] == "<5" else [0, *range(T, rest + 1)] for i in hidden]
    solutions = [combo for combo in itertools.product(*ranges) if sum(combo) == rest]
    assert solutions
    for pos, i in enumerate(hidden):
        if shown[i] == "<5":
            assert len({combo[pos] for combo in solutions}) > 1, values
