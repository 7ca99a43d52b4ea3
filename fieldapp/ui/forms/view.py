"""Layout of a rendered form: a row per question, sections for groups, boxes for repeats."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
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
    """A question: its label with, on the same line at the right, the message when the answer
    needs attention; then the editor and a hint.

    A question that can ever show a message keeps the message's place reserved (a column
    beside the label, as tall as its longest possible message at the current width): a
    message appearing on leaving a field never moves a widget under the officer's mouse,
    and no empty line is spent under every question. Messages wrap, never elide.
    """

    #: Share of the row's width given to the message column (the label keeps the rest).
    MESSAGE_SHARE = 0.42
    MESSAGE_MIN_WIDTH = 150

    def __init__(self, editor: Editor | None, note: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.label = _wrapping_label(NOTE_STYLE if note else "")
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.error = _wrapping_label(ERROR_STYLE)
        self.error.setObjectName("error")
        self.error.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.error.hide()
        self.hint = _wrapping_label(HINT_STYLE)
        self.hint.setObjectName("hint")
        #: Every message this question can show (in the language shown); empty: none can.
        self.possible: tuple[str, ...] = ()
        self.error_space = QWidget()
        space = QVBoxLayout(self.error_space)
        space.setContentsMargins(0, 0, 0, 0)
        space.addWidget(self.error)
        space.addStretch(1)
        self.error_space.hide()
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.setSpacing(8)
        header.addWidget(self.label, 1)
        header.addWidget(self.error_space, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addLayout(header)
        if editor is not None:
            layout.addWidget(editor)
            if isinstance(editor, AcknowledgeEditor):
                self.label.hide()  # the tick box carries the question
            elif editor.focus_widgets():
                self.label.setBuddy(editor.focus_widgets()[0])
        layout.addWidget(self.hint)

    def set_texts(self, label: str, hint: str, required: bool,
                  possible: tuple[str, ...] = ()) -> None:
        shown = f"{label} *" if required and label else label
        if isinstance(self.editor, AcknowledgeEditor):
            self.editor.set_label(shown)
        else:
            self.label.setText(shown)
            if self.editor is not None:
                self.editor.set_accessible_name(label)
        self.hint.setText(hint)
        self.hint.setVisible(bool(hint))
        self.possible = possible
        self.error_space.setVisible(bool(possible) or bool(self.error.text()))
        self._reserve()

    def set_error(self, messages: list[str]) -> None:
        text = "\n".join(messages)
        self.error.setText(text)
        self.error.setVisible(bool(messages))
        if messages and self.error_space.isHidden():
            self.error_space.show()  # a message no definition foresaw: shown all the same
            self._reserve()
        if self.editor is not None:
            self.editor.setProperty("invalid", bool(messages))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._reserve()

    def _reserve(self) -> None:
        """Size the message column: a fixed share of the width, as tall as the tallest message
        it may show there (wrapped at that width), so showing one changes no size."""
        if self.error_space.isHidden():
            return
        width = max(self.MESSAGE_MIN_WIDTH, int(self.width() * self.MESSAGE_SHARE))
        metrics = self.error.fontMetrics()
        flags = int(Qt.AlignmentFlag.AlignRight) | int(Qt.TextFlag.TextWordWrap)
        tallest = max([metrics.boundingRect(0, 0, width, 10_000, flags, text).height()
                       for text in (*self.possible, self.error.text()) if text]
                      + [metrics.height()])
        self.error_space.setFixedWidth(width)
        self.error_space.setMinimumHeight(tallest + 2)


class SectionBox(QGroupBox):
    """A group of questions shown under one heading."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(8, 4, 8, 4)
        self.body.setSpacing(2)
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
        self.instances.setSpacing(6)
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
        self.body.setContentsMargins(8, 4, 8, 4)
        self.body.setSpacing(2)
        self.body.addLayout(top)
