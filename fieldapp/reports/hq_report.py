"""HQ's `fieldapp-hq report`: the national figures from HQ's merged records, as PDF, CSV or JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from fieldapp.domain.errors import InvalidInput
from fieldapp.reports.counters import CountedSource
from fieldapp.reports.definitions import DEFAULT_THRESHOLD, ReportFilter
from fieldapp.reports.figures import compute
from fieldapp.reports.render import PdfWriter, no_pdf_writer, write_figures
from fieldapp.reports.source import HqRecord, JsonRecordSource, RecordSource
from fieldapp.reports.suppress import publish

FORMATS = ("pdf", "csv", "json")


def make_report(records_iterable: Iterable[HqRecord] | Callable[[str], Iterable[HqRecord]]
                | RecordSource,
                year: int, province: str | None, fmt: str, out: Path, *,
                post: str | None = None, threshold: int = DEFAULT_THRESHOLD,
                lang: str = "en", as_of: dt.date | None = None,
                pdf_writer: PdfWriter = no_pdf_writer) -> Path:
    """Compute, suppress small cells, and write the year's report; returns `out`.

    `records_iterable`: HQ records `(entity, entity_id, {name: [value, hlc]})`, a
    function giving them per entity (see JsonRecordSource), or a RecordSource (HQ's narrow
    report rows, `fieldapp.hq.figures.RowSource`, whose report counters give the figures). A PDF is written by
    `pdf_writer`, which the command line chooses (it needs Qt; the server never loads it).
    """
    if fmt not in FORMATS:
        raise InvalidInput("format: must be one of {formats}", formats=FORMATS)
    if not 2000 <= year <= 2100:
        raise InvalidInput("year: give a four-digit year")
    flt = ReportFilter.year(year, province=province or None, post=post or None)
    source = (records_iterable if isinstance(records_iterable, RecordSource)
              else JsonRecordSource(records_iterable))
    counted = source if isinstance(source, CountedSource) else None
    figures = counted.figures(flt, as_of) if counted else compute(source, flt, as_of)
    published = publish(figures, threshold)
    out = Path(out)
    if fmt == "pdf":
        return pdf_writer(published, out, lang)
    return write_figures(published, fmt, out)
