"""HQ's `fieldapp-hq report`: the national figures from HQ's merged records, as PDF, CSV or JSON."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from pathlib import Path

from fieldapp.domain.errors import InvalidInput
from fieldapp.reports.definitions import DEFAULT_THRESHOLD, ReportFilter
from fieldapp.reports.figures import compute
from fieldapp.reports.render import write_figures
from fieldapp.reports.source import HqRecord, JsonRecordSource
from fieldapp.reports.suppress import publish

FORMATS = ("pdf", "csv", "json")


def make_report(records_iterable: Iterable[HqRecord] | Callable[[str], Iterable[HqRecord]],
                year: int, province: str | None, fmt: str, out: Path, *,
                post: str | None = None, threshold: int = DEFAULT_THRESHOLD,
                lang: str = "en", as_of: dt.date | None = None) -> Path:
    """Compute, suppress small cells, and write the year's report; returns `out`.

    `records_iterable`: HQ records `(entity, entity_id, {name: [value, hlc]})`, or a
    function giving them per entity (see JsonRecordSource). A PDF needs Qt (offscreen is
    fine): it is imported only then, so the HQ server never loads Qt otherwise.
    """
    if fmt not in FORMATS:
        raise InvalidInput(f"format: must be one of {', '.join(FORMATS)}")
    if not 2000 <= year <= 2100:
        raise InvalidInput("year: give a four-digit year")
    flt = ReportFilter.year(year, province=province or None, post=post or None)
    published = publish(compute(JsonRecordSource(records_iterable), flt, as_of), threshold)
    out = Path(out)
    if fmt == "pdf":
        from fieldapp.ui.reports.pdf import write_pdf

        return write_pdf(published, out, lang=lang)
    return write_figures(published, fmt, out)
