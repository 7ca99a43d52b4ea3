"""Layout of a rendered form: a row per question, sections for groups, boxes for repeats."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp.ui.forms.editors import AcknowledgeEditor, Editor

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #555555;"
NOTE_STYLE = ("background: #fff8e1; border: 1px solid #e0c060; border-radius: 4px; "
              "padding: 6px;")


def _wrapping_label(style: str = "") -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    if style:
        label.setStyleSheet(style)
    return label


class FieldRow(QWidget):
    """A question: its label, the editor, the message when the answer needs attention, a hint."""

    def __init__(self, editor: Editor | None, note: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.label = _wrapping_label(NOTE_STYLE if note else "")
        self.error = _wrapping_label(ERROR_STYLE)
        self.error.setObjectName("error")
        self.error.hide()
        self.hint = _wrapping_label(HINT_STYLE)
        self.hint.setObjectName("hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(3)
        layout.addWidget(self.label)
        if editor is not None:
            layout.addWidget(editor)
            if isinstance(editor, AcknowledgeEditor):
                self.label.hide()  # the tick box carries the question
            elif editor.focus_widgets():
                self.label.setBuddy(editor.focus_widgets()[0])
        # The message's line is kept free while there is none: a message appearing (on
        # leaving a field) never moves the questions below it under the officer's mouse.
        self.error_space = QWidget()
        space = QVBoxLayout(self.error_space)
        space.setContentsMargins(0, 0, 0, 0)
        space.addWidget(self.error)
        if editor is not None:
            self.error_space.setMinimumHeight(self.error.fontMetrics().lineSpacing() + 2)
        layout.addWidget(self.error_space)
        layout.addWidget(self.hint)

    def set_texts(self, label: str, hint: str, required: bool) -> None:
        shown = f"{label} *" if required and label else label
        self.label.setText(shown)
        if isinstance(self.editor, AcknowledgeEditor):
            self.editor.set_label(shown)
        elif self.editor is not None:
            self.editor.set_accessible_name(label)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))

    def set_error(self, messages: list[str]) -> None:
        self.error.setText("\n".join(messages))
        self.error.setVisible(bool(messages))
        if self.editor is not None:
            self.editor.setProperty("invalid", bool(messages))


class SectionBox(QGroupBox):
    """A group of questions shown under one heading."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(10, 8, 10, 8)
        self.hint = _wrapping_label(HINT_STYLE)
        self.hint.hide()
        self.body.addWidget(self.hint)

    def set_texts(self, title: str, hint: str) -> None:
        self.setTitle(title)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))


class RepeatBox(SectionBox):
    """Questions asked once per entry (each person found), with Add and Remove."""

    add_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.instances = QVBoxLayout()
        self.instances.setSpacing(8)
        self.body.addLayout(self.instances)
        self.error = _wrapping_label(ERROR_STYLE)
        self.error.hide()
        self.body.addWidget(self.error)
        self.add_button = QPushButton()
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_requested)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        self.body.addLayout(row)

    def set_error(self, messages: list[str]) -> None:
        self.error.setText("\n".join(messages))
        self.error.setVisible(bool(messages))


class InstanceFrame(QFrame):
    """One entry of a repeat: a numbered heading, its questions, a Remove button."""

    remove_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.remove_button = QPushButton()
        self.remove_button.setAutoDefault(False)
        self.remove_button.clicked.connect(self.remove_requested)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.remove_button)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(8, 6, 8, 6)
        self.body.addLayout(top)
