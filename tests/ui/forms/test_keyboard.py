"""Keyboard-safe forms: arrows choose radio options, a removed entry can be put back,
Enter is the action (never Cancel, never Discard)."""

from __future__ import annotations

from typing import Any

from formhelpers import editor, fill, open_dialog
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from fieldapp.services.workspace import Workspace
from fieldapp.ui.admin import UserDialog
from fieldapp.ui.tasks import TaskRunner


def test_arrow_keys_choose_a_radio_option(qtbot: Any, ws: Workspace, runner: TaskRunner,
                                          rescue: Any) -> None:
    d = open_dialog(qtbot, ws, runner, "victim", {"rescue_id": rescue.id})
    c = d.controller
    assert c is not None
    sex = editor(d, "sex")
    first = sex.focus_widgets()[0]
    first.setFocus()
    QTest.keyClick(first, Qt.Key.Key_Right)  # nothing chosen yet: the focused option
    assert c.state.get("sex") == sex.buttons[0].property("value")
    QTest.keyClick(d.focusWidget(), Qt.Key.Key_Right)
    assert c.state.get("sex") == sex.buttons[1].property("value")
    assert d.focusWidget() is sex.buttons[1]
    QTest.keyClick(d.focusWidget(), Qt.Key.Key_Left)
    assert c.state.get("sex") == sex.buttons[0].property("value")


def test_space_on_remove_can_be_undone(qtbot: Any, ws: Workspace, runner: TaskRunner) -> None:
    d = open_dialog(qtbot, ws, runner, "rescue")
    c = d.controller
    assert c is not None
    for i, name in enumerate(("Srey", "Dara", "Mony")):
        c.add_instance("people_found")
        fill(d, "name", name, (i,))
    button = c.frames[("people_found", ())][1].remove_button
    button.setFocus()
    QTest.keyClick(button, Qt.Key.Key_Space)  # Tab landed here and Space was pressed
    assert c.state.repeat_count("people_found") == 2
    assert d.undo_button.isVisibleTo(d) and "2" in d.undo_button.text()
    d.undo_button.click()
    assert c.state.repeat_count("people_found") == 3
    assert [editor(d, "name", (i,)).line.text() for i in range(3)] == ["Srey", "Dara", "Mony"]
    assert not d.undo_button.isVisibleTo(d)


def test_enter_in_a_form_neither_closes_nor_discards(qtbot: Any, ws: Workspace,
                                                     runner: TaskRunner) -> None:
    d = open_dialog(qtbot, ws, runner, "rescue")
    fill(d, "place", "Poipet market")
    line = editor(d, "place").line
    QTest.keyClick(line, Qt.Key.Key_Return)
    QTest.keyClick(line, Qt.Key.Key_Enter)
    assert d.isVisible() and d.result() == 0
    assert d.controller is not None and d.controller.state.get("place") == "Poipet market"


def test_enter_in_the_add_user_dialog_adds_never_cancels(qtbot: Any) -> None:
    dialog = UserDialog(None, [("PTC", "Poipet Transit Centre")])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username.setText("vichet")
    dialog.passphrase.setText("three long words")
    dialog.repeat.setText("three long words")
    QTest.keyClick(dialog.repeat, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.value().username == "vichet"
