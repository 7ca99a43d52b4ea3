"""Screenshots of the rescue and child statement forms in English and Khmer.

They go to a temp dir; `make screenshots` sets FIELDAPP_SHOTS_DIR=docs/screenshots to refresh
the committed ones (a test run never rewrites files in the source tree).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from formhelpers import fill, open_dialog
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from fieldapp.services import intake
from fieldapp.services.workspace import Workspace
from fieldapp.ui import i18n
from fieldapp.ui.tasks import TaskRunner


@pytest.fixture
def shots(tmp_path: Path) -> Path:
    folder = Path(os.environ.get("FIELDAPP_SHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _full_height(dialog: Any) -> None:
    """Tall enough that the whole form is in the picture (no scrolling)."""
    dialog.resize(820, 900)
    for _ in range(3):  # wrapped labels change height with width: settle
        QApplication.processEvents()
        extra = dialog.height() - dialog.scroll.viewport().height()
        need = dialog.content.heightForWidth(dialog.scroll.viewport().width())
        need = max(need, dialog.content.minimumSizeHint().height())
        dialog.resize(820, min(need + extra + 4, 3000))
    dialog.scroll.verticalScrollBar().setValue(0)


@pytest.mark.parametrize("lang", ["en", "km"])
def test_rescue_screenshot(qtbot: Any, ws: Workspace, runner: TaskRunner, lang: str,
                           shots: Path) -> None:
    assert any("Khmer" in f for f in QFontDatabase.families())
    i18n.set_language(lang)
    d = open_dialog(qtbot, ws, runner, "rescue")
    fill(d, "operation_date", "2026-03-10")
    fill(d, "place", "ផ្សារប៉ោយប៉ែត ភូមិកាំពឹស")
    fill(d, "province_code", "KH-1")
    fill(d, "post_code", "POIPET")
    fill(d, "exploitation_type", "online_scam")
    assert d.controller is not None
    d.controller.add_instance("people_found")
    fill(d, "name", "សុខ ស្រីពៅ", (0,))
    fill(d, "sex", "female", (0,))
    fill(d, "approx_age", "14", (0,))
    d.submit_button.click()  # shows the messages next to the unanswered questions
    _full_height(d)
    qtbot.wait(50)
    assert d.grab().save(str(shots / f"form-rescue-{lang}.png"))


@pytest.mark.parametrize("lang", ["en", "km"])
def test_child_statement_screenshot(qtbot: Any, ws: Workspace, runner: TaskRunner, rescue: Any,
                                    lang: str, shots: Path) -> None:
    victim = intake.add_victim(ws, rescue.id, name_km="សុខ ស្រីពៅ", sex="female",
                               estimated_age=11)
    i18n.set_language(lang)
    d = open_dialog(qtbot, ws, runner, "statement", {"victim_id": victim.id})
    assert d.form_id == "statement_child"
    fill(d, "interview_date", "2026-03-14 09:30")
    fill(d, "interviewer", "មន្ត្រី សុផា")
    fill(d, "language", "vie")
    fill(d, "interpreter", "Nguyen Thi Lan (IOM)")
    fill(d, "guardian_present", "no")
    fill(d, "social_worker_present", "no")
    fill(d, "narrative", "ខ្ញុំត្រូវបានគេនាំមកធ្វើការនៅទីនេះ។ ខ្ញុំខ្លាចណាស់។")
    _full_height(d)
    qtbot.wait(50)
    assert d.grab().save(str(shots / f"form-statement-child-{lang}.png"))
