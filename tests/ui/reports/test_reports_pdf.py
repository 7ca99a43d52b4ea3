"""The PDF report: English and Khmer, charts as images, small cells suppressed; pages rendered to PNG."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from uihelpers import PASSPHRASES

from fieldapp.reports import ReportFilter, publish
from fieldapp.reports.suppress import PublishedFigures
from fieldapp.services import auth
from fieldapp.services.figures import figures_for
from fieldapp.ui.reports.pdf import report_document, write_pdf

needs_poppler = pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils missing")


@pytest.fixture
def published(store: tuple[Path, dict[str, str]]) -> Iterator[PublishedFigures]:
    ws = auth.unlock(store[0], "sup", PASSPHRASES["sup"])
    try:
        yield publish(figures_for(ws, ReportFilter.year(2025), dt.date(2025, 12, 31)))
    finally:
        ws.close()


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


@needs_poppler
@pytest.mark.parametrize("lang", ["en", "km"])
def test_pdf_renders_to_pages(published: PublishedFigures, tmp_path: Path, lang: str) -> None:
    out = write_pdf(published, tmp_path / f"report-{lang}.pdf", lang=lang)
    assert out.stat().st_mode & 0o777 == 0o600
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(out), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) >= 3
    text = pdf_text(out)
    if lang == "en":
        assert "rescues and victims: report" in text  # "ffi" is a ligature in the PDF
        assert "Cases by province" in text
        assert "Median days from referral to completion" in text
    else:
        # Shaped Khmer does not extract word for word (pre-base vowels are reordered): check
        # Khmer digits and letters are there; docs/screenshots/report-km.png shows the shaping.
        assert "២០២៥" in text
        assert sum("\u1780" <= ch <= "\u17ff" for ch in text) > 500


def test_small_cells_are_suppressed_in_the_pdf(published: PublishedFigures) -> None:
    doc = report_document(published, "en")
    text = doc.toPlainText()
    # Bavet's 3 cases and the 2 child victims never appear as numbers.
    assert "<5" in text and "x" in text
    assert published.tables["cases_by_post"].cells[("BAVET", "count")] == "<5"


def test_every_definition_is_printed(published: PublishedFigures) -> None:
    from fieldapp.reports.definitions import DEFINITIONS

    text = report_document(published, "en").toPlainText()
    for title, definition in DEFINITIONS.values():
        assert title in text and definition[:40] in text


def test_hq_report_pdf(tmp_path: Path, qapp: Any) -> None:
    from fieldapp.reports.hq_report import make_report

    stamp = "0001767225600000-00000-dev"
    records = [("rescue", f"r{i}", {"operation_date": ["2026-05-01", stamp],
                                    "province_code": ["KH-1", stamp], "post_code": ["POIPET", stamp],
                                    "exploitation_type": ["labour", stamp]}) for i in range(7)]
    out = make_report(records, 2026, None, "pdf", tmp_path / "hq.pdf", pdf_writer=write_pdf)
    assert out.read_bytes().startswith(b"%PDF")


def test_definitions_are_printed_in_khmer(published: PublishedFigures) -> None:
    from fieldapp import vocabulary
    from fieldapp.reports.definitions import DEFINITIONS

    text = report_document(published, "km").toPlainText()
    for key, (_title, definition) in DEFINITIONS.items():
        khmer = vocabulary.khmer(definition)
        assert khmer and khmer in text, key
        assert definition[:40] not in text
    assert vocabulary.khmer("Definitions are given in English.") not in text
