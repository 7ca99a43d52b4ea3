"""Drive a real Qt window with real X input events (xdotool), as a user at the laptop would.

The window runs in this process on the xcb platform; every click and key goes out through
the X server (`xdotool` in a child process) while Qt keeps processing events, so focus,
popups, default buttons and key handling behave as they do for a person. The driver only
*reads* widgets to find where to click and what the screen shows; it never sets a value.
It counts what a user would have done: clicks, keystrokes and wheel turns.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QTextEdit,
    QWidget,
)

#: Milliseconds between typed characters. Non-Latin text needs time: xdotool remaps a spare
#: keycode per character, and at 12 ms Qt read the new keymap late and dropped Khmer letters.
ASCII_DELAY_MS = 12
UNICODE_DELAY_MS = 40


class DriveError(AssertionError):
    """The window did not show what a user needs to go on (a widget missing, hidden, late)."""


@dataclass
class Counts:
    clicks: int = 0
    keys: int = 0
    wheel: int = 0
    #: Khmer texts that xdotool's typing garbled and were pasted instead.
    pasted: int = 0
    marks: dict[str, dict[str, float]] = field(default_factory=dict)

    def snapshot(self, started: float) -> dict[str, float]:
        return {"clicks": self.clicks, "keys": self.keys, "wheel": self.wheel, "pasted": self.pasted,
                "seconds": round(time.monotonic() - started, 1)}


class XDriver:
    def __init__(self, app: QApplication, busy: Callable[[], bool] = lambda: False) -> None:
        exe = shutil.which("xdotool")
        if exe is None:
            raise RuntimeError("xdotool is not installed (Debian/Ubuntu: apt install xdotool)")
        self.exe = exe
        self.app = app
        self.busy = busy
        self.counts = Counts()
        self.started = time.monotonic()

    # -- waiting ----------------------------------------------------------------------
    def pump(self, seconds: float = 0.05) -> None:
        end = time.monotonic() + seconds
        while True:
            self.app.processEvents()
            if time.monotonic() >= end:
                return
            time.sleep(0.005)

    def settle(self, seconds: float = 0.15, timeout: float = 30) -> None:
        """Let queued work finish (the database worker's jobs) and the window repaint."""
        deadline = time.monotonic() + timeout
        while self.busy() and time.monotonic() < deadline:
            self.pump(0.01)
        self.pump(seconds)

    def wait_for(self, what: str, predicate: Callable[[], object], timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline:
                raise DriveError(f"timed out waiting for {what}")
            self.pump(0.02)

    # -- raw input --------------------------------------------------------------------
    def _xdotool(self, *args: str) -> None:
        proc = subprocess.Popen([self.exe, *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        while proc.poll() is None:
            self.app.processEvents()
            time.sleep(0.003)
        if proc.returncode != 0:
            raise DriveError(f"xdotool {args[0]} failed: {proc.stderr.read().decode()[-300:] if proc.stderr else ''}")
        self.pump(0.03)

    def click_at(self, point: QPoint, button: int = 1) -> None:
        self._xdotool("mousemove", "--sync", str(point.x()), str(point.y()), "click", str(button))
        self.counts.clicks += 1
        self.settle()

    def key(self, *names: str) -> None:
        """Press keys by X name (Return, Tab, ctrl+a, space...); each counts once."""
        self._xdotool("key", "--delay", "30", *names)
        self.counts.keys += len(names)
        self.settle()

    def type(self, text: str) -> None:
        delay = ASCII_DELAY_MS if text.isascii() else UNICODE_DELAY_MS
        self._xdotool("type", "--delay", str(delay), "--", text)
        self.counts.keys += len(text)
        self.settle(0.05)

    # -- widgets ----------------------------------------------------------------------
    def _scroll_into_view(self, w: QWidget) -> None:
        """Turn the mouse wheel over the enclosing scroll area until `w` is inside its viewport."""
        area = _scroll_area_of(w)
        if area is None:
            return
        viewport = area.viewport()
        for _turn in range(200):
            top = w.mapTo(viewport, QPoint(0, 0)).y()
            bottom = top + w.height()
            if top >= 0 and bottom <= viewport.height():
                return
            centre = viewport.mapToGlobal(viewport.rect().center())
            self._xdotool("mousemove", "--sync", str(centre.x()), str(centre.y()),
                          "click", "5" if bottom > viewport.height() else "4")
            self.counts.wheel += 1
            self.pump(0.02)
        raise DriveError(f"could not scroll {type(w).__name__} into view")

    def visible(self, w: QWidget, what: str) -> None:
        self.wait_for(f"{what} to be shown", lambda: w.isVisible() and w.isEnabled())

    def click(self, w: QWidget, what: str = "", at: QPoint | None = None) -> None:
        """Click `w` in its middle (or at `at`, in its own coordinates)."""
        self.visible(w, what or type(w).__name__)
        self._scroll_into_view(w)
        if at is None and isinstance(w, (QCheckBox, QRadioButton)):
            at = QPoint(8, w.height() // 2)  # the box itself: a check box's empty right part is not it
        self.click_at(w.mapToGlobal(at if at is not None else w.rect().center()))

    def fill(self, w: QLineEdit | QPlainTextEdit | QTextEdit, text: str, what: str = "") -> None:
        """Click into a text field, select what is there, type `text`; check it arrived whole."""
        self.click(w, what)
        self.key("ctrl+a")

        def shown() -> str:
            return w.text() if isinstance(w, QLineEdit) else w.toPlainText()

        self.type(text)
        if shown() != text and not text.isascii():
            # xdotool remaps a spare keycode per Khmer character; a busy window (the
            # passphrase meter) may read a keycode after it was remapped to the next letter.
            # Then do what the brief allows: the text on the clipboard, pasted with Ctrl+V.
            self.key("ctrl+a")
            QApplication.clipboard().setText(text)
            self._xdotool("key", "ctrl+v")
            self.settle(0.05)
            self.counts.pasted += 1
        got = shown()
        if got != text:
            raise DriveError(f"typed {text!r} into {what or type(w).__name__} but it shows {got!r}")

    def pick(self, combo: QComboBox, data: object, what: str = "") -> None:
        """Open a drop-down with a click and click the entry whose value is `data`."""
        index = combo.findData(data)
        if index < 0:
            raise DriveError(f"{what or 'drop-down'} offers no {data!r}: "
                             f"{[combo.itemData(i) for i in range(combo.count())]}")
        if combo.currentIndex() == index:
            return
        self.click(combo, what)
        view = combo.view()
        self.wait_for("the drop-down list", lambda: view.isVisible())
        self.pump(0.15)  # the popup's opening animation
        model_index = view.model().index(index, combo.modelColumn(), combo.rootModelIndex())
        for _turn in range(300):
            rect = view.visualRect(model_index)
            if rect.isValid() and view.viewport().rect().contains(rect):
                break
            centre = view.viewport().mapToGlobal(view.viewport().rect().center())
            top = rect.top() if rect.isValid() else view.viewport().height() + 1
            self._xdotool("mousemove", "--sync", str(centre.x()), str(centre.y()),
                          "click", "5" if top > 0 else "4")
            self.counts.wheel += 1
        rect = view.visualRect(model_index)
        self.click_at(view.viewport().mapToGlobal(rect.center()))
        if combo.currentIndex() != index:
            raise DriveError(f"clicked {combo.itemText(index)!r} in {what or 'a drop-down'} but "
                             f"it shows {combo.currentText()!r}")

    def click_row(self, view: QAbstractItemView, row: int, column: int = 0, double: bool = False) -> None:
        model = view.model()
        index = model.index(row, column)

        rect = view.visualRect(index)
        if not rect.isValid() or not view.viewport().rect().intersects(rect):
            raise DriveError(f"row {row} is not on screen")
        point = view.viewport().mapToGlobal(rect.center())
        if double:
            self._xdotool("mousemove", "--sync", str(point.x()), str(point.y()),
                          "click", "--repeat", "2", "--delay", "80", "1")
            self.counts.clicks += 2
            self.settle()
        else:
            self.click_at(point)

    def shot(self, w: QWidget, path: str) -> None:
        w.grab().save(path)


def _scroll_area_of(w: QWidget) -> QAbstractScrollArea | None:
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QScrollArea):
            return p
        if isinstance(p, QAbstractScrollArea) and not isinstance(p, QAbstractItemView):
            return p
        p = p.parentWidget()
    return None


def top_dialogs() -> list[QWidget]:
    """Visible top-level windows other than the main window, newest last."""
    return [w for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.isWindow() and w.windowType() in (Qt.WindowType.Dialog,
                                                                     Qt.WindowType.Sheet)]
