"""One editor widget per field type: each shows a value, reports edits and when it is left."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QStyle,
    QToolButton,
    QWidget,
)

from fieldapp.formkit.model import (
    AcknowledgeField,
    AttachmentField,
    AudioField,
    CalculateField,
    DateField,
    DateTimeField,
    DecimalField,
    Field,
    ImageField,
    IntegerField,
    NoteField,
    SelectMultipleField,
    SelectOneField,
    TextField,
)

#: A select with at most this many fixed choices shows radio buttons, not a drop-down.
RADIO_MAX = 5
ValueRole = Qt.ItemDataRole.UserRole


class Editor(QWidget):
    """Base: ``edited(raw)`` on every user change, ``left()`` when focus leaves the editor."""

    edited = Signal(object)
    left = Signal()

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.lang = "en"
        self._loading = False
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = layout

    # -- what the controller calls --------------------------------------------------
    def show_value(self, value: Any, typed: str | None = None) -> None:
        """Show a stored value (or the unreadable text as typed) without emitting ``edited``."""

    def set_choices(self, choices: Sequence[Any], lang: str) -> None:
        """Selects only: the options to offer, labelled in ``lang``."""

    def retranslate(self, lang: str) -> None:
        self.lang = lang

    def focus_widgets(self) -> list[QWidget]:
        """The widgets Tab stops on, in order."""
        return []

    def set_accessible_name(self, text: str) -> None:
        for w in self.focus_widgets():
            w.setAccessibleName(text)

    # -- helpers ----------------------------------------------------------------------
    def _watch_focus(self, *widgets: QWidget) -> None:
        for w in widgets:
            w.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and isinstance(event, QFocusEvent):
            if event.reason() != Qt.FocusReason.PopupFocusReason:
                self.left.emit()
        return super().eventFilter(watched, event)

    def _emit(self, raw: Any) -> None:
        if not self._loading:
            self.edited.emit(raw)


class TextEditor(Editor):
    """One line of text (names, places); Khmer and Latin alike."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.line = QLineEdit()
        limit = getattr(field, "max_length", 0)
        if limit and limit < 32767:
            self.line.setMaxLength(limit)
        self.box.addWidget(self.line)
        self.setFocusProxy(self.line)
        self.line.textEdited.connect(self._emit)
        self._watch_focus(self.line)

    def show_value(self, value: Any, typed: str | None = None) -> None:
        text = typed if typed is not None else self.format(value)
        if self.line.text() != text:
            self.line.setText(text)

    def format(self, value: Any) -> str:
        return "" if value is None else str(value)

    def focus_widgets(self) -> list[QWidget]:
        return [self.line]


class LongTextEditor(Editor):
    """Statements and notes: several lines; Tab leaves it, Enter starts a new line."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(110)
        self.box.addWidget(self.text)
        self.setFocusProxy(self.text)
        self.text.textChanged.connect(lambda: self._emit(self.text.toPlainText()))
        self._watch_focus(self.text)

    def show_value(self, value: Any, typed: str | None = None) -> None:
        text = typed if typed is not None else ("" if value is None else str(value))
        if self.text.toPlainText() != text:
            self._loading = True
            self.text.setPlainText(text)
            self._loading = False

    def focus_widgets(self) -> list[QWidget]:
        return [self.text]


class NumberEditor(TextEditor):
    """Whole numbers and decimals, typed as text so Khmer digits (០-៩) are accepted."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.line.setMaximumWidth(160)
        self.box.addStretch(1)
        self.line.setInputMethodHints(Qt.InputMethodHint.ImhFormattedNumbersOnly)

    def format(self, value: Any) -> str:
        if isinstance(value, float):
            return format(value, "g")
        return super().format(value)


class DateEditor(TextEditor):
    """A date typed as YYYY-MM-DD, with a button for today's date."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.line.setMaximumWidth(220)
        self.now_button = QToolButton()
        # Typing is the keyboard path; the button is a shortcut for the mouse.
        self.now_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.now_button.clicked.connect(self._now)
        self.box.addWidget(self.now_button)
        self.box.addStretch(1)
        self.retranslate("en")

    def format(self, value: Any) -> str:
        return "" if value is None else value.isoformat()

    def _stamp(self) -> str:
        return dt.date.today().isoformat()

    def _now(self) -> None:
        self.line.setText(self._stamp())
        self._emit(self.line.text())
        self.line.setFocus()

    def retranslate(self, lang: str) -> None:
        super().retranslate(lang)
        self.line.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.now_button.setText(self.tr("Today"))


class DateTimeEditor(DateEditor):
    def format(self, value: Any) -> str:
        return "" if value is None else value.strftime("%Y-%m-%d %H:%M")

    def _stamp(self) -> str:
        return dt.datetime.now().strftime("%Y-%m-%d %H:%M")

    def retranslate(self, lang: str) -> None:
        Editor.retranslate(self, lang)
        self.line.setPlaceholderText(self.tr("YYYY-MM-DD HH:MM"))
        self.now_button.setText(self.tr("Now"))


class ComboEditor(Editor):
    """select_one as a drop-down (long or reference lists). The first entry means 'no answer'."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.combo = QComboBox()
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumWidth(220)
        self.box.addWidget(self.combo)
        self.box.addStretch(1)
        self.setFocusProxy(self.combo)
        self._value: Any = None
        self.combo.currentIndexChanged.connect(self._changed)
        self._watch_focus(self.combo)

    def _changed(self, i: int) -> None:
        if self._loading:
            return
        self._value = self.combo.itemData(i) if i > 0 else None
        self._emit(self._value)

    def set_choices(self, choices: Sequence[Any], lang: str) -> None:
        self._loading = True
        self.combo.clear()
        self.combo.addItem(self.tr("— choose —"), None)
        for c in choices:
            self.combo.addItem(c.label.get(lang), c.value)
        self._loading = False
        self.show_value(self._value)

    def show_value(self, value: Any, typed: str | None = None) -> None:
        self._value = value
        i = self.combo.findData(value) if value is not None else 0
        self._loading = True
        self.combo.setCurrentIndex(max(i, 0))
        self._loading = False

    def choose(self, value: str) -> None:
        """Pick ``value`` as the user would."""
        self.combo.setCurrentIndex(self.combo.findData(value))

    def focus_widgets(self) -> list[QWidget]:
        return [self.combo]


class RadioEditor(Editor):
    """select_one with a few fixed choices: radio buttons, arrow keys move between them."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: list[QRadioButton] = []
        self.row = QHBoxLayout()
        self.row.setSpacing(18)
        self.box.addLayout(self.row)
        self.box.addStretch(1)  # the buttons sit together on the left
        self._value: Any = None
        self.group.buttonToggled.connect(self._toggled)

    def _toggled(self, button: QRadioButton, checked: bool) -> None:
        if checked and not self._loading:
            self._value = button.property("value")
            self._emit(self._value)

    def set_choices(self, choices: Sequence[Any], lang: str) -> None:
        values = [c.value for c in choices]
        if values == [b.property("value") for b in self.buttons]:
            for b, c in zip(self.buttons, choices, strict=True):
                b.setText(c.label.get(lang))
            return
        self._loading = True
        for b in self.buttons:
            self.group.removeButton(b)
            b.deleteLater()
        self.buttons = []
        for c in choices:
            b = QRadioButton(c.label.get(lang))
            b.setProperty("value", c.value)
            self.group.addButton(b)
            self.row.addWidget(b)
            self._watch_focus(b)
            self.buttons.append(b)
        self._loading = False
        self.show_value(self._value)

    def show_value(self, value: Any, typed: str | None = None) -> None:
        self._value = value
        self._loading = True
        self.group.setExclusive(False)
        for b in self.buttons:
            b.setChecked(b.property("value") == value)
        self.group.setExclusive(True)
        self._loading = False

    def choose(self, value: str) -> None:
        for b in self.buttons:
            if b.property("value") == value:
                b.click()

    #: Arrow keys and the step they take through the options (left-to-right, wrapping).
    ARROWS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1}

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys choose: from nothing chosen, the first press chooses the focused option;
        after that each press moves the choice (Qt alone only moved focus, choosing nothing)."""
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and watched in self.buttons and event.key() in self.ARROWS
                and event.modifiers() == Qt.KeyboardModifier.NoModifier):
            here = self.buttons.index(watched)  # type: ignore[arg-type]
            chosen = any(b.isChecked() for b in self.buttons)
            target = self.buttons[(here + self.ARROWS[Qt.Key(event.key())]) % len(self.buttons)
                                  if chosen else here]
            target.setFocus(Qt.FocusReason.TabFocusReason)
            target.click()
            return True
        return super().eventFilter(watched, event)

    def focus_widgets(self) -> list[QWidget]:
        # One Tab stop: the checked button (or the first); arrows move inside the group.
        checked: list[QWidget] = [b for b in self.buttons if b.isChecked()]
        return checked[:1] or list[QWidget](self.buttons[:1])

    def focusInEvent(self, event: QFocusEvent) -> None:
        targets = self.focus_widgets()
        if targets:
            targets[0].setFocus(event.reason())


class MultiEditor(Editor):
    """select_multiple: a list of tick boxes; Space ticks the current line."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.list = QListWidget()
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # The options flow in columns (as many as the width holds): a list of fifteen
        # takes five lines, not fifteen, so the form needs less scrolling.
        self.list.setFlow(QListView.Flow.LeftToRight)
        self.list.setWrapping(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.box.addWidget(self.list)
        self.setFocusProxy(self.list)
        self._value: tuple[str, ...] = ()
        self.list.itemChanged.connect(self._changed)
        self._watch_focus(self.list)

    def _changed(self, _item: QListWidgetItem) -> None:
        if self._loading:
            return
        self._value = tuple(
            self.list.item(i).data(ValueRole) for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked)
        self._emit(list(self._value))

    def set_choices(self, choices: Sequence[Any], lang: str) -> None:
        self._loading = True
        self.list.clear()
        for c in choices:
            item = QListWidgetItem(c.label.get(lang))
            item.setData(ValueRole, c.value)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                          | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self._loading = False
        self.show_value(self._value)
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Cells as wide as the longest option (never cut off), as many columns as fit, and
        the list exactly as tall as its lines (it never scrolls inside the form)."""
        items = [self.list.item(i) for i in range(self.list.count())]
        metrics = self.list.fontMetrics()
        tick = self.list.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 14
        widest = max([metrics.horizontalAdvance(item.text()) for item in items] + [40]) + tick + 12
        room = max(self.list.viewport().width(), self.width() - 2 * self.list.frameWidth(), 1)
        cell_h = max(self.list.sizeHintForRow(0), metrics.height() + 8, 24)
        width = min(widest, room)
        self.list.setGridSize(QSize(width, cell_h))
        columns = max(1, room // width)
        lines = max(1, -(-len(items) // columns))
        self.list.setFixedHeight(lines * cell_h + 2 * self.list.frameWidth() + 4)

    def show_value(self, value: Any, typed: str | None = None) -> None:
        self._value = tuple(value or ())
        self._loading = True
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(ValueRole) in self._value
                               else Qt.CheckState.Unchecked)
        self._loading = False

    def choose(self, *values: str) -> None:
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ValueRole) in values:
                item.setCheckState(Qt.CheckState.Checked)

    def focus_widgets(self) -> list[QWidget]:
        return [self.list]


class AcknowledgeEditor(Editor):
    """A tick box that confirms (consent); its label is the question itself."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.check = QCheckBox()
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setBuddy(self.check)
        self.box.addWidget(self.check, 0, Qt.AlignmentFlag.AlignTop)
        self.box.addWidget(self.text, 1)
        self.setFocusProxy(self.check)
        self.check.toggled.connect(lambda on: self._emit(True if on else None))
        self._watch_focus(self.check)

    def show_value(self, value: Any, typed: str | None = None) -> None:
        self._loading = True
        self.check.setChecked(value is True)
        self._loading = False

    def set_label(self, text: str) -> None:
        self.text.setText(text)
        self.check.setAccessibleName(text)

    def mousePressEvent(self, event: Any) -> None:
        self.check.toggle()

    def focus_widgets(self) -> list[QWidget]:
        return [self.check]


class AttachmentEditor(Editor):
    """Photo, recording or file: stored encrypted at once; the answer is the attachment id.

    ``file_chosen(path)`` asks the controller to store the file; it answers with
    ``attached(id, filename)`` or ``show_value(None)``.
    """

    file_chosen = Signal(object)

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.choose_button = QPushButton()
        self.choose_button.setAutoDefault(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.remove_button = QPushButton()
        self.remove_button.setAutoDefault(False)
        self.box.addWidget(self.choose_button)
        self.box.addWidget(self.status, 1)
        self.box.addWidget(self.remove_button)
        self.setFocusProxy(self.choose_button)
        self.choose_button.clicked.connect(self._pick)
        self.remove_button.clicked.connect(self._remove)
        self._watch_focus(self.choose_button, self.remove_button)
        self._value: Any = None
        self._filename = ""
        self._busy = False
        self.retranslate("en")

    def _pick(self) -> None:
        kinds = {ImageField: self.tr("Images (*.jpg *.jpeg *.png *.heic)"),
                 AudioField: self.tr("Recordings (*.m4a *.mp3 *.ogg *.wav *.amr)")}
        pattern = next((v for k, v in kinds.items() if isinstance(self.field, k)),
                       self.tr("All files (*)"))
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach a file"), "", pattern)
        if path:
            self.attach_path(Path(path))

    def attach_path(self, path: Path) -> None:
        """Store ``path`` (what the file dialog does; tests call it directly)."""
        self._busy = True
        self._filename = path.name
        self._render()
        self.file_chosen.emit(path)

    def attached(self, attachment_id: str | None, filename: str = "") -> None:
        self._busy = False
        self._filename = filename
        self.show_value(attachment_id)
        if attachment_id:
            self._emit(attachment_id)

    def show_value(self, value: Any, typed: str | None = None) -> None:
        self._value = value
        if value is None:
            self._filename = ""
        self._busy = False
        self._render()

    def _render(self) -> None:
        if self._busy:
            text = self.tr("Encrypting and storing {name}…").format(name=self._filename)
        elif self._value:
            text = (self.tr("Attached: {name} (stored encrypted)").format(name=self._filename)
                    if self._filename else self.tr("A file is attached (stored encrypted)."))
        else:
            text = self.tr("Nothing attached.")
        self.status.setText(text)
        self.remove_button.setVisible(bool(self._value))

    def retranslate(self, lang: str) -> None:
        super().retranslate(lang)
        self.choose_button.setText(self.tr("Choose file…"))
        self.remove_button.setText(self.tr("Remove"))
        self._render()

    def _remove(self) -> None:
        self.show_value(None)
        self._emit(None)

    def focus_widgets(self) -> list[QWidget]:
        widgets: list[QWidget] = [self.choose_button]
        return widgets + ([self.remove_button] if self._value else [])


class ValueView(Editor):
    """A calculated value shown read-only (hidden when the field has no label)."""

    def __init__(self, field: Field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.label = QLabel()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.box.addWidget(self.label, 1)

    def show_value(self, value: Any, typed: str | None = None) -> None:
        if isinstance(value, bool):
            text = self.tr("Yes") if value else self.tr("No")
        elif isinstance(value, dt.date):
            text = value.isoformat()
        else:
            text = "" if value is None else str(value)
        self.label.setText(text)


def editor_for(field: Field, option_count: int, reference: bool) -> Editor | None:
    """The editor class for a field (``None`` for notes, which have no editor)."""
    if isinstance(field, NoteField):
        return None
    if field.is_computed or isinstance(field, CalculateField):
        return ValueView(field)
    if isinstance(field, SelectMultipleField):
        return MultiEditor(field)
    if isinstance(field, SelectOneField):
        minimal = "minimal" in field.appearance
        if not minimal and not reference and option_count <= RADIO_MAX:
            return RadioEditor(field)
        return ComboEditor(field)
    if isinstance(field, AcknowledgeField):
        return AcknowledgeEditor(field)
    if isinstance(field, AttachmentField):
        return AttachmentEditor(field)
    if isinstance(field, DateTimeField):
        return DateTimeEditor(field)
    if isinstance(field, DateField):
        return DateEditor(field)
    if isinstance(field, IntegerField | DecimalField):
        return NumberEditor(field)
    if isinstance(field, TextField) and "multiline" in field.appearance:
        return LongTextEditor(field)
    if isinstance(field, TextField):
        return TextEditor(field)
    return TextEditor(field)


__all__ = [
    "AcknowledgeEditor", "AttachmentEditor", "ComboEditor", "DateEditor", "DateTimeEditor",
    "Editor", "ImageField", "LongTextEditor", "MultiEditor", "NumberEditor", "RadioEditor",
    "TextEditor", "ValueView", "editor_for",
]
