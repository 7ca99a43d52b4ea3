"""Small shared widgets: the message banner, the busy bar, read-only tables."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)


class Banner(QLabel):
    """A message line above a view: errors in red, confirmations in green; hidden when empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setObjectName("banner")
        self.hide()

    def error(self, text: str) -> None:
        self.setStyleSheet("QLabel { background: #fde2e1; color: #8a1c14; padding: 6px; "
                           "border: 1px solid #e6a19c; border-radius: 3px; }")
        self.setProperty("kind", "error")
        self.setText(text)
        self.show()

    def info(self, text: str) -> None:
        self.setStyleSheet("QLabel { background: #e3f4e4; color: #1d5a24; padding: 6px; "
                           "border: 1px solid #9fd1a4; border-radius: 3px; }")
        self.setProperty("kind", "info")
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.setText("")
        self.setProperty("kind", "")
        self.hide()


class BusyBar(QProgressBar):
    """An indeterminate progress bar shown while a job runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 0)
        self.setTextVisible(False)
        self.setMaximumHeight(6)
        self.hide()

    def set_busy(self, busy: bool) -> None:
        self.setVisible(busy)


def make_table(parent: QWidget | None = None) -> QTableWidget:
    table = QTableWidget(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def fill_table(table: QTableWidget, headers: Sequence[str], rows: Sequence[Sequence[str]],
               keys: Sequence[str] | None = None) -> None:
    """Replace a table's contents; `keys` are stored on column 0 (UserRole) for selection."""
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(list(headers))
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem(value)
            if c == 0 and keys is not None:
                item.setData(Qt.ItemDataRole.UserRole, keys[r])
            table.setItem(r, c, item)


def selected_key(table: QTableWidget) -> str | None:
    row = table.currentRow()
    if row < 0:
        return None
    item = table.item(row, 0)
    return None if item is None else item.data(Qt.ItemDataRole.UserRole)


_lock_icon: QIcon | None = None


def lock_icon() -> QIcon:
    """A padlock drawn here, so a sealed statement shows it whatever fonts the laptop has."""
    global _lock_icon
    if _lock_icon is None:
        pixmap = QPixmap(32, 32)
        pixmap.fill(Qt.GlobalColor.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor("#5a4a00")
        p.setPen(QPen(colour, 3.5))
        p.drawArc(QRectF(9, 3, 14, 16), 0, 180 * 16)
        p.drawLine(9, 11, 9, 15)
        p.drawLine(23, 11, 23, 15)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#c9a227"))
        p.drawRoundedRect(QRectF(5, 14, 22, 16), 3, 3)
        p.setBrush(colour)
        p.drawEllipse(QRectF(14, 19, 4, 4))
        p.end()
        _lock_icon = QIcon(pixmap)
    return _lock_icon


def ok_cancel(dialog: QDialog, ok_text: str, cancel_text: str,
              on_ok: Callable[[], object] | None = None) -> tuple[QHBoxLayout, QPushButton, QPushButton]:
    """The row a small dialog ends with: Cancel, then the action, both on the right."""
    ok = QPushButton(ok_text)
    cancel = QPushButton(cancel_text)
    # Enter is the action, never Cancel: what was typed must not be dropped by a keystroke.
    ok.setDefault(True)
    cancel.setAutoDefault(False)
    ok.clicked.connect(on_ok or dialog.accept)
    cancel.clicked.connect(dialog.reject)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(cancel)
    row.addWidget(ok)
    return row, ok, cancel


def fit_to_screen(widget: QWidget, width: int, height: int, margin: int = 24) -> None:
    """Resize `widget` to `width` x `height`, or smaller where the screen is smaller.

    A 1366x768 or 1280x720 laptop must show every window whole, action row included;
    the bodies scroll, so shrinking never hides a button.
    """
    from PySide6.QtGui import QGuiApplication

    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        widget.resize(width, height)
        return
    room = screen.availableGeometry()
    widget.resize(max(200, min(width, room.width() - margin)), max(200, min(height, room.height() - margin)))


def reselect(table: QTableWidget, key: str) -> bool:
    """Select the row whose first cell carries `key` (after the table was filled again)."""
    for r in range(table.rowCount()):
        item = table.item(r, 0)
        if item is not None and item.data(Qt.ItemDataRole.UserRole) == key:
            table.selectRow(r)
            return True
    return False
