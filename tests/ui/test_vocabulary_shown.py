"""One word per code on every screen: the case list, the case view, the reports screen and the
PDF show the same Khmer for the same code (the vocabulary's, from the one .ts)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from uihelpers import unlock_as, wait_idle

from fieldapp import vocabulary
from fieldapp.domain.enums import ExploitationType, Sex
from fieldapp.reports import ReportFilter, publish
from fieldapp.services.figures import figures_for
from fieldapp.ui import i18n
from fieldapp.ui.case_list import COLUMNS
from fieldapp.ui.reports.pdf import report_document, write_pdf

#: Translations these labels had in one screen or another before there was one vocabulary.
RETIRED = ["ទីតាំងបោកប្រាស់តាមអនឡាញ", "មិនស្គាល់", "ការបញ្ជូនត្រឡប់មកស្រុកកំណើតវិញ",
           "វគ្គបណ្ដុះបណ្ដាលវិជ្ជាជីវៈ", "កំពុងផ្ដល់សេវា", "ការស្វែងរកគ្រួសារ"]


def _table(view: Any) -> list[list[str]]:
    return [[view.item(r, c).text() if view.item(r, c) else "" for c in range(view.columnCount())]
            for r in range(view.rowCount())]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils missing")
def test_a_code_has_the_same_khmer_in_case_list_case_view_reports_and_pdf(
        qtbot: Any, store: Any, make_controller: Any, tmp_path: Path) -> None:
    root, ids = store
    scam = vocabulary.label(ExploitationType.ONLINE_SCAM, "km")
    labour = vocabulary.label(ExploitationType.LABOUR, "km")
    female = vocabulary.label(Sex.FEMALE, "km")
    cambodia = vocabulary.reference_label("nationalities", "KHM", "km")
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    i18n.set_language("km")
    main = c.shell.main

    # urgency: the board's word is the referral form's word
    from fieldapp.services.submit import shipped_forms

    form_urgent = next(c.label.km for f in shipped_forms().values() if "urgencies" in f.choices
                       for c in f.choices["urgencies"].choices if c.value == "high")
    assert i18n.urgency_label("high") == form_urgent == "បន្ទាន់"

    # the case list
    main.go("cases")
    wait_idle(qtbot, c)
    model = main.case_list.model
    column = [name for name, _ in COLUMNS].index("exploitation_type")
    qtbot.waitUntil(lambda: model.rowCount() == 12)
    listed = {model.data(model.index(r, column), Qt.ItemDataRole.DisplayRole) for r in range(12)}
    assert listed == {scam, labour}

    # the case view: the victim's sex and nationality
    main.open_case(ids["rescue"])
    wait_idle(qtbot, c)
    victims = _table(main.case_view.victims)
    assert any(female in row and cambodia in row for row in victims), victims

    # the reports screen
    reports = main.reports
    main.go("reports")
    wait_idle(qtbot, c)
    reports.start.setDate(QDate(2025, 1, 1))
    reports.end.setDate(QDate(2025, 12, 31))
    with qtbot.waitSignal(reports.figures_ready, timeout=10000):
        reports.refresh()
    by_type = {row[0] for row in _table(reports.sections["cases_by_type"].table)}
    assert {scam, labour} <= by_type
    assert cambodia in {row[0] for row in _table(reports.sections["victims_by_nationality"].table)}
    pyramid = reports.sections["victims_by_sex_age"].table
    assert female in {pyramid.horizontalHeaderItem(c).text() for c in range(pyramid.columnCount())}

    # the PDF: its document holds the same words; pdftotext shows it was written in Khmer.
    # (Shaped Khmer does not extract from a PDF letter for letter: subscripts and pre-base
    # vowels are lost, so the words are compared in the document the PDF is drawn from.)
    ws = c.ws
    pub = publish(figures_for(ws, ReportFilter.year(2025), dt.date(2025, 12, 31)))
    text = report_document(pub, "km").toPlainText()
    for word in (scam, labour, female, cambodia):
        assert word in text
    for old in RETIRED:
        assert old not in text
    out = write_pdf(pub, tmp_path / "report-km.pdf", lang="km")
    pdf = subprocess.run(["pdftotext", "-layout", str(out), "-"], check=True,
                         capture_output=True, text=True).stdout
    assert "២០២៥" in pdf and "KHM" not in pdf and "online_scam" not in pdf
