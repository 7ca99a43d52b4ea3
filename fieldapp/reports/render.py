"""Published (suppressed) figures as CSV or JSON files: the Qt-free report formats."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fieldapp.reports.definitions import DEFINITIONS, YOY_KEYS, YOY_TITLES
from fieldapp.reports.figures import COUNT
from fieldapp.reports.suppress import PublishedFigures, PublishedTable

TOTAL = "total"


#: Writes published figures as a PDF in a language ("en", "km"). It needs Qt, so only the
#: entry points (the window, `fieldapp report`, `fieldapp-hq report`) choose one and pass it
#: down; nothing below them imports Qt.
PdfWriter = Callable[[PublishedFigures, Path, str], Path]


def no_pdf_writer(pub: PublishedFigures, out: Path, lang: str) -> Path:
    from fieldapp.domain.errors import InvalidInput

    raise InvalidInput("format: a PDF can only be written from the window or the command line")


def table_cells(t: PublishedTable) -> list[tuple[str, str, Any]]:
    """(row, column, shown) for every cell and total; 1-D tables use the column 'count'."""
    out: list[tuple[str, str, Any]] = [(r, c, t.cells[(r, c)]) for r in t.rows for c in t.cols]
    if t.is_2d:
        out += [(r, TOTAL, v) for r, v in t.row_totals.items()]
        out += [(TOTAL, c, v) for c, v in t.col_totals.items()]
        if t.total is not None:
            out.append((TOTAL, TOTAL, t.total))
    elif t.total is not None:
        out.append((TOTAL, COUNT, t.total))
    return out


def as_dict(pub: PublishedFigures) -> dict[str, Any]:
    flt = pub.figures.filter
    tables: dict[str, Any] = {}
    for key, t in pub.tables.items():
        body: dict[str, Any] = {"title": DEFINITIONS[key][0], "definition": DEFINITIONS[key][1]}
        if t.is_2d:
            body["rows"] = {r: {c: t.cells[(r, c)] for c in t.cols} for r in t.rows}
            body["row_totals"], body["column_totals"] = t.row_totals, t.col_totals
        else:
            body["counts"] = {r: t.cells[(r, COUNT)] for r in t.rows}
        if t.total is not None:
            body["total"] = t.total
        tables[key] = body
    return {
        "format": "fieldapp-report",
        "version": 1,
        "filter": {"start": flt.start.isoformat(), "end": flt.end.isoformat(),
                   "province": flt.province, "post": flt.post,
                   "exploitation_type": flt.exploitation_type},
        "as_of": pub.figures.as_of.isoformat(),
        "small_cell_threshold": pub.threshold,
        "legend": {f"<{pub.threshold}": f"between 1 and {pub.threshold - 1}",
                   "x": "hidden so that a small count cannot be worked out from the totals"},
        "tables": tables,
        "referral_median_days": pub.median_days,
        "year_on_year": {k: {"title": YOY_TITLES[k], **pub.yoy[k]} for k in YOY_KEYS},
    }


def to_csv(pub: PublishedFigures) -> str:
    """Long format: one line per figure cell, so any spreadsheet can pivot it."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["figure", "row", "column", "value"])
    for key, t in pub.tables.items():
        for r, c, v in table_cells(t):
            w.writerow([key, r, c, v])
    w.writerow(["referral_median_days", "", "", "" if pub.median_days is None else pub.median_days])
    for k in YOY_KEYS:
        for part in ("previous", "current", "change", "percent"):
            v = pub.yoy[k][part]
            w.writerow(["year_on_year", k, part, "" if v is None else v])
    return buf.getvalue()


def write_figures(pub: PublishedFigures, fmt: str, out: Path) -> Path:
    from fieldapp.crypto.atomic import write_atomic

    text = (json.dumps(as_dict(pub), ensure_ascii=False, indent=1) + "\n" if fmt == "json"
            else to_csv(pub))
    out.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(out, text.encode("utf-8"))
    return out
