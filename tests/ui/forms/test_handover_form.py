"""The cross-border handover intake in the window: filled, submitted, counted; screenshots.

Screenshots go to a temp dir unless FIELDAPP_SHOTS_DIR is set (`make screenshots` sets it
to docs/screenshots), like the other form screenshots.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from formhelpers import fill, open_dialog
from PySide6.QtWidgets import QApplication

from fieldapp.reports.definitions import ReportFilter
from fieldapp.services.figures import figures_for
from fieldapp.services.workspace import Workspace
from fieldapp.ui import i18n
from fieldapp.ui.tasks import TaskRunner


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FIELDAPP_SHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _fill(d: Any) -> None:
    fill(d, "referring_agency", "Royal Thai Police, Aranyaprathet")
    fill(d, "referring_country", "THA")
    fill(d, "foreign_case_number", "AT-2026/118")
    fill(d, "handover_date", "2026-04-02")
    fill(d, "crossing_point", "POIPET")
    fill(d, "documents_received", ["referral_letter", "interview_record"])
    fill(d, "operation_date", "2026-04-02")
    fill(d, "province_code", "KH-1")
    fill(d, "post_code", "POIPET")
    fill(d, "exploitation_type", "labour")
    fill(d, "countries_recruitment", ["KHM"])
    fill(d, "countries_exploitation", ["THA"])


@pytest.mark.parametrize("lang", ["en", "km"])
def test_handover_form_screenshot_and_cross_border_count(qtbot: Any, ws: Workspace,
                                                          runner: TaskRunner, lang: str,
                                                          shots: Path) -> None:
    i18n.set_language(lang)
    d = open_dialog(qtbot, ws, runner, "handover")
    _fill(d)
    d.resize(820, 1250)
    QApplication.processEvents()
    qtbot.wait(50)
    assert d.grab().save(str(shots / f"form-handover-{lang}.png"))
    d.submit_button.click()
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)
    figs = figures_for(ws, ReportFilter.year(2026))
    assert figs.yoy["cross_border_cases"].current == 1
