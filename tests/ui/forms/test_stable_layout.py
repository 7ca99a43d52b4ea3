"""Messages appearing never move a widget under the mouse: their line is reserved."""

from __future__ import annotations

from typing import Any

import pytest
from formhelpers import fill, open_dialog
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from fieldapp.services.workspace import Workspace
from fieldapp.ui import i18n
from fieldapp.ui.tasks import TaskRunner


def _where(w: QWidget, top: QWidget) -> QRect:
    return QRect(w.mapTo(top, QPoint(0, 0)), w.size())


def _settled(qtbot: Any, widgets: list[QWidget], top: QWidget) -> list[QRect]:
    """Where the widgets are once the layout has stopped moving (a loaded machine is slow)."""
    last: list[QRect] = []
    for _ in range(50):
        qtbot.wait(60)
        now = [_where(w, top) for w in widgets]
        if now == last:
            return now
        last = now
    return last


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


@pytest.mark.parametrize("lang", ["en", "km"])
def test_every_message_of_a_form_at_once_moves_nothing(qtbot: Any, ws: Workspace, runner: TaskRunner,
                                                       lang: str) -> None:
    """Save pressed on an empty victim form: every required answer shows its message, in the
    label's line; no editor, label or button moves, in English or Khmer (taller lines)."""
    i18n.set_language(lang)
    d = open_dialog(qtbot, ws, runner, "victim")
    c = d.controller
    assert c is not None
    qtbot.waitUntil(lambda: d.content.height() > 300)
    watched = [w for row in c.rows.values() if row.isVisibleTo(d)
               for w in (row.label, row.editor) if w is not None]
    before = _settled(qtbot, watched, d.content)
    assert c.check() > 3
    shown = [row for row in c.rows.values() if row.error.isVisibleTo(d)]
    assert len(shown) > 3
    assert _settled(qtbot, watched, d.content) == before
    for row in shown:
        label, error = _where(row.label, row), _where(row.error, row)
        assert error.top() < label.bottom(), "the message is on the label's line"
        assert error.left() >= label.right(), "beside the label, never over it"
        # Wrapped, never cut: the whole message fits in its room (Khmer's taller lines too).
        need = row.error.heightForWidth(row.error.width())
        assert need <= row.error.height() + 1 and row.error_space.height() >= need


def test_no_line_is_reserved_under_a_question(qtbot: Any, ws: Workspace, runner: TaskRunner) -> None:
    """A question is its label line, its editor and its margins (no empty message line)."""
    d = open_dialog(qtbot, ws, runner, "rescue")
    c = d.controller
    assert c is not None
    qtbot.waitUntil(lambda: c.rows[("place", ())].height() > 20)
    row = c.rows[("unit", ())]
    assert row.hint.isVisible()
    qtbot.wait(50)
    row = c.rows[("province_code", ())]  # no hint
    assert row.editor is not None
    assert row.height() <= row.label.height() + row.editor.height() + 2 * 2 + 2 + 2
