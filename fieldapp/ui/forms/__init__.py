"""The single entry point for opening a form: a placeholder preview until the renderer lands."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.resources import forms_dir

log = logging.getLogger("fieldapp.ui.forms")


def _form_outline(form_id: str, language: str) -> tuple[str, list[str]]:
    """The form's title and its field labels, read from forms/<id>.yaml (empty if unreadable)."""
    try:
        from fieldapp.formkit.loader import load_form, load_shared_choices
        from fieldapp.formkit.model import Group

        shared = load_shared_choices(forms_dir() / "choices")
        form = load_form(forms_dir() / f"{form_id}.yaml", shared)
    except Exception as exc:  # noqa: BLE001 - a preview must never take the window down
        log.info("form %s preview unavailable: %s", form_id, type(exc).__name__)
        return form_id, []

    def text(t: Any) -> str:
        return (getattr(t, language, "") or getattr(t, "en", "")) if t is not None else ""

    labels: list[str] = []

    def walk(items: Any, depth: int) -> None:
        for item in items:
            label = text(item.label) or item.name
            if item.type_name in ("calculate",):
                continue
            labels.append("    " * depth + label)
            if isinstance(item, Group):
                walk(item.children, depth + 1)

    walk(form.fields, 0)
    return text(form.title) or form_id, labels


class FormDialog(QDialog):
    """Placeholder: shows which form would open and its fields; the real renderer replaces it."""

    def __init__(self, parent: QWidget | None, form_id: str, context: Mapping[str, Any]) -> None:
        super().__init__(parent)
        from fieldapp.ui.i18n import current_language

        self.form_id = form_id
        self.context = dict(context)
        self.setObjectName(f"form_{form_id}")
        title, fields = _form_outline(form_id, current_language())
        self.heading = QLabel(title)
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.heading.setFont(font)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.fields = QListWidget()
        self.fields.addItems(fields)
        self.fields.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.fields, 1)
        layout.addLayout(buttons)
        self.resize(560, 520)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Form"))
        self.note.setText(self.tr("This form will be filled in here. Its fields are listed "
                                  "below; drafts are saved as you type."))
        self.close_button.setText(self.tr("Close"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


#: The last dialog opened (tests and screenshots look at it; it deletes itself when closed).
last_opened: FormDialog | None = None


def open_form(parent: QWidget | None, form_id: str, context: Mapping[str, Any]) -> QDialog:
    """Open form `form_id` (forms/<form_id>.yaml) for `context` (e.g. rescue_id, victim_id)."""
    global last_opened
    dialog = FormDialog(parent, form_id, context)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    last_opened = dialog
    return dialog
