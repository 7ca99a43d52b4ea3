"""Small-cell suppression: what figures look like once they leave a device or HQ.

Primary: a count from 1 to threshold-1 is shown as "<threshold" (a zero identifies
nobody and is shown). Secondary: in every line of a table (a row with its total, a
column with its total, the totals with the grand total) a hidden cell must not be
recoverable by subtraction, so while a line has exactly one hidden cell, or its total
pins a small cell to a single value, the next-smallest non-zero visible cell of that line
is hidden too ("x"), repeated until nothing changes. Tables whose totals are the same
number (every cases table totals the cases) hide that total together.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from fieldapp.reports.definitions import DEFAULT_THRESHOLD, YOY_KEYS
from fieldapp.reports.figures import COUNT, Figures, Table

Shown = int | str
Coord = tuple[int, int]
SECONDARY = "x"

#: Tables whose grand totals are the same count: hidden in one means hidden in all.
TOTAL_GROUPS: dict[str, tuple[str, ...]] = {
    "cases": ("cases_by_type", "cases_by_province", "cases_by_post", "cases_by_month",
              "cases_by_year"),
    "victims": ("victims_by_nationality", "victims_by_month_type", "victims_by_sex_age"),
}


def small(threshold: int) -> str:
    return f"<{threshold}"


@dataclass(frozen=True)
class Line:
    """`sum(parts) == total` — one thing a reader can subtract with."""

    parts: tuple[Coord, ...]
    total: Coord


def protect(values: Mapping[Coord, int], lines: Iterable[Line], threshold: int,
            forced: Iterable[Coord] = ()) -> tuple[set[Coord], set[Coord]]:
    """Return (primary, all hidden) cells of a grid after primary and secondary suppression."""
    primary = {c for c, v in values.items() if 0 < v < threshold}
    hidden = primary | set(forced)
    lines = list(lines)
    while True:
        _line_fixpoint(values, lines, hidden, primary, threshold)
        # Lines one at a time miss what rows and columns give away together: solve them all.
        exposed = sorted(determined(lines, hidden))
        if not exposed:
            return primary, hidden
        target = exposed[0]
        near = [c for line in lines if target in (*line.parts, line.total)
                for c in (*line.parts, line.total) if c not in hidden and values[c] > 0]
        # Its own lines may have nothing left to hide: then any visible cell that works.
        candidates = sorted(set(near) or {c for c in values if c not in hidden and values[c] > 0},
                            key=lambda c: (values[c], c))
        if not candidates:
            return primary, hidden
        pick = next((c for c in candidates if target not in determined(lines, hidden | {c})),
                    candidates[0])
        hidden.add(pick)


def _line_fixpoint(values: Mapping[Coord, int], lines: list[Line], hidden: set[Coord],
                   primary: set[Coord], threshold: int) -> None:
    changed = True
    while changed:
        changed = False
        for line in lines:
            cells = (*line.parts, line.total)
            hid = [c for c in cells if c in hidden]
            if not hid or not (len(hid) == 1 or _pinned(line, values, hidden, primary, threshold)):
                continue
            candidates = [c for c in cells if c not in hidden and values[c] > 0]
            if not candidates:
                continue
            # Next-smallest first; a total only when no part is left (it hides the most).
            pick = min(candidates, key=lambda c: (c == line.total, values[c], c))
            hidden.add(pick)
            changed = True


def determined(lines: Iterable[Line], hidden: set[Coord]) -> set[Coord]:
    """Hidden cells whose value the visible cells and the line equations fix exactly.

    A cell is fixed iff its unit vector lies in the row space of the equations restricted
    to the hidden cells, i.e. iff some row of the reduced row echelon form is that unit
    vector. Integer elimination keeps it exact.
    """
    order = sorted(hidden)
    index = {c: i for i, c in enumerate(order)}
    rows: list[list[int]] = []
    for line in lines:
        row = [0] * len(order)
        for c in line.parts:
            if c in index:
                row[index[c]] += 1
        if line.total in index:
            row[index[line.total]] -= 1
        if any(row):
            rows.append(row)
    pivot_row = 0
    for col in range(len(order)):
        pick = next((i for i in range(pivot_row, len(rows)) if rows[i][col]), None)
        if pick is None:
            continue
        rows[pivot_row], rows[pick] = rows[pick], rows[pivot_row]
        p = rows[pivot_row]
        for i, r in enumerate(rows):
            if i != pivot_row and r[col]:
                f, g = r[col], p[col]
                new = [g * a - f * b for a, b in zip(r, p, strict=True)]
                k = math.gcd(*new) or 1  # keep the integers small
                rows[i] = [a // k for a in new]
        pivot_row += 1
    return {order[nz[0]] for r in rows[:pivot_row]
            if len(nz := [i for i, a in enumerate(r) if a]) == 1}


def _pinned(line: Line, values: Mapping[Coord, int], hidden: set[Coord], primary: set[Coord],
            threshold: int) -> bool:
    """Would a reader who knows this rule narrow a small cell of `line` to one value?

    Only when the line total is shown: the hidden parts then sum to a known R; small
    cells lie in [1, t-1], other hidden cells are 0 or >= t (else they would be small).
    """
    if line.total in hidden:
        return False
    parts = [c for c in line.parts if c in hidden]
    rest = values[line.total] - sum(values[c] for c in line.parts if c not in hidden)
    for p in parts:
        if p not in primary:
            continue
        others = [c for c in parts if c != p]
        k = sum(1 for c in others if c in primary)
        m = len(others) - k
        low = k + (threshold * m if m else 0)
        feasible = 0
        for v in range(1, threshold):
            remainder = rest - v
            if remainder < low:
                continue
            if m == 0 and remainder > k * (threshold - 1):
                continue
            feasible += 1
        if feasible <= 1:
            return True
    return False


# -- published tables --------------------------------------------------------------------
@dataclass
class PublishedTable:
    """A table as it may leave: every count an int, "<t" (small) or "x" (hidden to protect one)."""

    key: str
    rows: tuple[str, ...]
    cols: tuple[str, ...]
    cells: dict[tuple[str, str], Shown]
    row_totals: dict[str, Shown] = field(default_factory=dict)
    col_totals: dict[str, Shown] = field(default_factory=dict)
    total: Shown | None = None

    @property
    def is_2d(self) -> bool:
        return self.cols != (COUNT,)

    def value(self, row: str, col: str = COUNT) -> Shown:
        return self.cells[(row, col)]


def _grid(table: Table) -> tuple[dict[Coord, int], list[Line]]:
    """The table with its totals as a grid: row totals in column C, column totals in row R."""
    nr, nc = len(table.rows), len(table.cols)
    values: dict[Coord, int] = {}
    for i, r in enumerate(table.rows):
        for j, c in enumerate(table.cols):
            values[(i, j)] = table.value(r, c)
    if not table.additive:
        return values, []
    if not table.is_2d:
        values[(nr, 0)] = table.total
        return values, [Line(tuple((i, 0) for i in range(nr)), (nr, 0))]
    for i, r in enumerate(table.rows):
        values[(i, nc)] = table.row_total(r)
    for j, c in enumerate(table.cols):
        values[(nr, j)] = table.col_total(c)
    values[(nr, nc)] = table.total
    lines = [Line(tuple((i, j) for j in range(nc)), (i, nc)) for i in range(nr)]
    lines += [Line(tuple((i, j) for i in range(nr)), (nr, j)) for j in range(nc)]
    lines.append(Line(tuple((i, nc) for i in range(nr)), (nr, nc)))
    lines.append(Line(tuple((nr, j) for j in range(nc)), (nr, nc)))
    return values, lines


def _total_coord(table: Table) -> Coord:
    return (len(table.rows), len(table.cols) if table.is_2d else 0)


def publish_table(table: Table, threshold: int = DEFAULT_THRESHOLD,
                  hide_total: bool = False) -> PublishedTable:
    values, lines = _grid(table)
    forced = [_total_coord(table)] if hide_total and table.additive else []
    primary, hidden = protect(values, lines, threshold, forced)

    def show(c: Coord) -> Shown:
        if c in primary:
            return small(threshold)
        return SECONDARY if c in hidden else values[c]

    nr, nc = len(table.rows), len(table.cols)
    out = PublishedTable(
        table.key, table.rows, table.cols,
        {(r, c): show((i, j)) for i, r in enumerate(table.rows) for j, c in enumerate(table.cols)},
    )
    if table.additive:
        out.total = show(_total_coord(table))
        if table.is_2d:
            out.row_totals = {r: show((i, nc)) for i, r in enumerate(table.rows)}
            out.col_totals = {c: show((nr, j)) for j, c in enumerate(table.cols)}
    return out


def _from_margin(table: Table, source: PublishedTable) -> PublishedTable:
    _, side = table.margin_of  # type: ignore[misc]
    margins = source.row_totals if side == "rows" else source.col_totals
    return PublishedTable(table.key, table.rows, table.cols,
                          {(r, COUNT): margins.get(r, 0) for r in table.rows}, total=source.total)


@dataclass
class PublishedFigures:
    """Everything a report shows outside the device or HQ, suppressed."""

    figures: Figures
    threshold: int
    tables: dict[str, PublishedTable]
    median_days: float | str | None
    yoy: dict[str, dict[str, Shown | float | None]]


def publish(figures: Figures, threshold: int = DEFAULT_THRESHOLD) -> PublishedFigures:
    """Apply primary and secondary suppression to every figure (see the module docstring)."""
    tables: dict[str, PublishedTable] = {}
    hide: set[str] = set()
    while True:
        for key, table in figures.tables.items():
            if table.margin_of is None:
                tables[key] = publish_table(table, threshold, hide_total=key in hide)
        grew = False
        for group in TOTAL_GROUPS.values():
            if any(tables[k].total in (SECONDARY, small(threshold)) for k in group if k in tables):
                for k in group:
                    if k in figures.tables and k not in hide:
                        hide.add(k)
                        grew = True
        if not grew:
            break
    for key, table in figures.tables.items():
        if table.margin_of is not None:
            tables[key] = _from_margin(table, tables[table.margin_of[0]])

    total_hidden = {
        "cases": any(k in hide for k in TOTAL_GROUPS["cases"]),
        "victims": any(k in hide for k in TOTAL_GROUPS["victims"]),
    }
    yoy: dict[str, dict[str, Shown | float | None]] = {}
    for key in YOY_KEYS:
        change = figures.yoy[key]
        cur: Shown = change.current
        prev: Shown = change.previous
        if 0 < change.current < threshold:
            cur = small(threshold)
        elif total_hidden.get(key):
            cur = SECONDARY
        if 0 < change.previous < threshold:
            prev = small(threshold)
        hidden = isinstance(cur, str) or isinstance(prev, str)
        yoy[key] = {
            "previous": prev, "current": cur,
            "change": SECONDARY if hidden else change.diff,
            "percent": SECONDARY if hidden else change.percent,
        }
    median: float | str | None = figures.median_days
    if figures.completed_referrals and figures.completed_referrals < threshold:
        median = SECONDARY
    return PublishedFigures(figures, threshold, tables, median, yoy)
