"""Helpers for the form tests: open a form, type like an officer (Khmer per character), submit."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from fieldapp.services.workspace import Workspace
from fieldapp.ui.forms.dialog import FormDialog
from fieldapp.ui.forms.editors import (
    AcknowledgeEditor,
    ComboEditor,
    LongTextEditor,
    MultiEditor,
    RadioEditor,
    TextEditor,
)
from fieldapp.ui.tasks import TaskRunner


def type_text(widget: QWidget, text: str) -> None:
    """Type per character (qtbot.keyClicks aborts on any non-ASCII character)."""
    widget.setFocus()
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
            continue
        QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)


def open_dialog(qtbot: Any, ws: Workspace, runner: TaskRunner, form_id: str,
                context: dict[str, Any] | None = None, **kw: Any) -> FormDialog:
    dialog = FormDialog(None, ws, runner, form_id, context or {}, **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    return dialog


def editor(dialog: FormDialog, name: str, index: tuple[int, ...] = ()) -> Any:
    assert dialog.controller is not None
    row = dialog.controller.rows[(name, index)]
    assert row.isVisibleTo(dialog), f"{name}{index} is hidden"
    return row.editor


def fill(dialog: FormDialog, name: str, value: Any, index: tuple[int, ...] = ()) -> None:
    """Answer one question through its widget, then leave it (as Tab would)."""
    ed = editor(dialog, name, index)
    if isinstance(ed, TextEditor):
        ed.line.selectAll()
        ed.line.del_()
        type_text(ed.line, str(value))
    elif isinstance(ed, LongTextEditor):
        ed.text.clear()
        type_text(ed.text, str(value))
    elif isinstance(ed, ComboEditor | RadioEditor):
        ed.choose(value)
    elif isinstance(ed, MultiEditor):
        ed.choose(*value)
    elif isinstance(ed, AcknowledgeEditor):
        if ed.check.isChecked() != bool(value):
            ed.check.click()
    else:
        raise AssertionError(f"no way to fill {type(ed).__name__}")
    ed.left.emit()


def wait_idle(qtbot: Any, runner: TaskRunner) -> None:
    qtbot.waitUntil(lambda: not runner.busy, timeout=10_000)


def submit(qtbot: Any, dialog: FormDialog, runner: TaskRunner) -> Any:
    results: list[Any] = []
    dialog.submitted.connect(results.append)
    dialog.submit_button.click()
    qtbot.waitUntil(lambda: bool(results) or (dialog.banner.isVisible()
                                              and not runner.busy
                                              and not dialog.controller.submitting),
                    timeout=10_000)
    assert results, f"not submitted: {dialog.banner.text()!r}"
    return results[0]
