"""Messages appearing never move a widget under the mouse: their line is reserved."""

from __future__ import annotations

from typing import Any

from formhelpers import fill, open_dialog
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from fieldapp.services.workspace import Workspace
from fieldapp.ui.tasks import TaskRunner


def _where(w: QWidget, top: QWidget) -> QRect:
    return QRect(w.mapTo(top, QPoint(0, 0)), w.size())


def test_a_field_message_moves_no_question_below(qtbot: Any, ws: Workspace, runner: TaskRunner) -> None:
    d = open_dialog(qtbot, ws, runner, "rescue")
    c = d.controller
    assert c is not None
    below = [c.rows[(n, ())].editor for n in ("place", "province_code", "unit", "exploitation_type")]
    qtbot.waitUntil(lambda: below[0].height() > 20)  # laid out (and the scroll bar shown)
    qtbot.wait(100)
    before = [_where(w, d) for w in below]
    fill(d, "operation_date", "2999-01-01")  # in the future: a one-line message appears
    qtbot.waitUntil(lambda: c.rows[("operation_date", ())].error.isVisibleTo(d))
    qtbot.wait(50)
    assert [_where(w, d) for w in below] == before


def test_add_user_message_moves_no_button(qtbot: Any) -> None:
    from fieldapp.ui.admin import UserDialog

    dialog = UserDialog(None, [("PTC", "Poipet Transit Centre")], "POIPET")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    before = [_where(w, dialog) for w in (dialog.ok, dialog.cancel, dialog.repeat)]
    dialog.username.setText("dara")
    dialog.passphrase.setText("one two three four")
    dialog.repeat.setText("something else")
    dialog.ok.click()
    qtbot.waitUntil(lambda: bool(dialog.error.text()))
    qtbot.wait(50)
    assert [_where(w, dialog) for w in (dialog.ok, dialog.cancel, dialog.repeat)] == before
