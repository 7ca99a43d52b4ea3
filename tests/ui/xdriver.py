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
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
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


T = TypeVar("T")


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


class _Gui(QObject):
    """Runs callables on the window's thread (made there); queued, so nested loops serve it too."""

    call = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.call.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def _run(self, job: Callable[[], None]) -> None:
        job()


class XDriver:
    """Made on the window's thread; its methods are called from the journey's own thread.

    The journey runs beside the event loop (not inside it), so a dialog that opens with
    ``exec()`` does not stop it; every look at a widget goes through ``gui()``.
    """

    def __init__(self, app: QApplication, busy: Callable[[], bool] = lambda: False) -> None:
        exe = shutil.which("xdotool")
        if exe is None:
            raise RuntimeError("xdotool is not installed (Debian/Ubuntu: apt install xdotool)")
        self.exe = exe
        self.app = app
        self.busy = busy
        self.counts = Counts()
        self.started = time.monotonic()
        self._gui = _Gui()

    def gui(self, fn: Callable[[], T]) -> T:
        """`fn()` evaluated on the window's thread; its result or its exception."""
        if threading.current_thread() is threading.main_thread():
            return fn()
        box: dict[str, Any] = {}
        done = threading.Event()

        def job() -> None:
            try:
                box["value"] = fn()
            except BaseException as exc:  # noqa: BLE001 - handed back to the journey's thread
                box["error"] = exc
            done.set()

        self._gui.call.emit(job)
        if not done.wait(60):
            raise DriveError("the window did not answer for 60 s")
        if "error" in box:
            raise box["error"]
        return box["value"]  # type: ignore[no-any-return]

    # -- waiting ----------------------------------------------------------------------
    def pump(self, seconds: float = 0.05) -> None:
        time.sleep(seconds)

    def settle(self, seconds: float = 0.08, timeout: float = 30) -> None:
        """Let queued work finish (the database worker's jobs) and the window repaint."""
        deadline = time.monotonic() + timeout
        while self.gui(self.busy) and time.monotonic() < deadline:
            time.sleep(0.02)
        self.gui(lambda: None)  # everything queued before has been handled
        time.sleep(seconds)

    def wait_for(self, what: str, predicate: Callable[[], object], timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while not self.gui(predicate):
            if time.monotonic() > deadline:
                raise DriveError(f"timed out waiting for {what}")
            time.sleep(0.03)

    # -- raw input --------------------------------------------------------------------
    def _xdotool(self, *args: str) -> None:
        print(f"{time.monotonic() - self.started:7.1f} xdotool {' '.join(args)[:80]}", file=sys.stderr,
              flush=True)
        done = subprocess.run([self.exe, *args], capture_output=True, text=True, timeout=20)
        if done.returncode != 0:
            raise DriveError(f"xdotool {args[0]} failed: {done.stderr[-300:]}")
        time.sleep(0.03)

    def click_at(self, point: QPoint, button: int = 1) -> None:
        screen = self.gui(lambda: QApplication.primaryScreen().geometry())
        if not screen.contains(point):
            raise DriveError(f"the place to click ({point.x()},{point.y()}) is off the screen")
        self._xdotool("mousemove", str(point.x()), str(point.y()), "click", str(button))
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
    def _scroll_into_view(self, w: QWidget, at: QPoint | None = None) -> None:
        """Turn the mouse wheel over the enclosing scroll area until `w` (or the strip of it
        around `at`) is inside its viewport."""
        area = self.gui(lambda: _scroll_area_of(w))
        if area is None:
            return

        def where() -> tuple[int, int, int, QPoint]:
            viewport = area.viewport()
            if at is None:
                top, height = w.mapTo(viewport, QPoint(0, 0)).y(), w.height()
            else:
                top, height = w.mapTo(viewport, QPoint(0, at.y())).y() - 12, 24
            return top, top + height, viewport.height(), viewport.mapToGlobal(viewport.rect().center())

        for _turn in range(200):
            top, bottom, height, centre = self.gui(where)
            if top >= 0 and bottom <= height:
                return
            # A notch moves 3 lines of 20 px; turn as many as the distance needs at once.
            distance = bottom - height if bottom > height else -top
            notches = max(1, min(30, -(-distance // 60)))
            self._xdotool("mousemove", str(centre.x()), str(centre.y()), "click", "--repeat",
                          str(notches), "--delay", "8", "5" if bottom > height else "4")
            self.counts.wheel += notches
            time.sleep(0.03)
        raise DriveError(f"could not scroll {type(w).__name__} into view")

    def in_view(self, w: QWidget) -> bool:
        """True if `w` lies whole inside the visible part of its scroll area (or has none)."""

        def look() -> bool:
            area = _scroll_area_of(w)
            if area is None:
                return True
            viewport = area.viewport()
            top = w.mapTo(viewport, QPoint(0, 0)).y()
            return top >= 0 and top + w.height() <= viewport.height()

        return self.gui(look)

    def tab_to(self, w: QWidget, limit: int = 12) -> bool:
        """Move the keyboard focus to `w` with Tab, as an officer going down a form does (the
        form scrolls itself to the focused widget). False, with nothing pressed, when `w` is
        not ahead of the focus within `limit` Tab stops."""
        n = self.gui(lambda: _tabs_to(w, limit))
        if n is None:
            return False
        if n:
            self._xdotool("key", "--delay", "30", *(["Tab"] * n))
            self.counts.keys += n
            self.settle()
        for _extra in range(3):  # Qt skipped a stop we counted (or counted one we skipped)
            if self.gui(lambda: _has_focus(w)):
                return True
            if self.gui(lambda: _tabs_to(w, 3)) is None:
                return False
            self.key("Tab")
        return bool(self.gui(lambda: _has_focus(w)))

    def visible(self, w: QWidget, what: str) -> None:
        self.wait_for(f"{what} to be shown", lambda: w.isVisible() and w.isEnabled())

    def click(self, w: QWidget, what: str = "", at: QPoint | None = None) -> None:
        """Click `w` in its middle (or at `at`, in its own coordinates)."""
        self.visible(w, what or type(w).__name__)
        self._scroll_into_view(w, at)

        def point() -> QPoint:
            spot = at
            if spot is None and isinstance(w, (QCheckBox, QRadioButton)):
                spot = QPoint(8, w.height() // 2)  # the box itself, not the empty space after it
            return w.mapToGlobal(spot if spot is not None else w.rect().center())

        self.click_at(self.gui(point))

    def text_of(self, w: QWidget) -> str:
        return self.gui(lambda: w.text() if isinstance(w, QLineEdit) else w.toPlainText())  # type: ignore[attr-defined]

    def fill(self, w: QLineEdit | QPlainTextEdit | QTextEdit, text: str, what: str = "") -> None:
        """Click into a text field, select what is there, type `text`; check it arrived whole."""
        if not self.gui(w.hasFocus):  # reached with Tab: already there, text selected
            self.click(w, what)
        if self.text_of(w):
            self.key("ctrl+a")
        self.type(text)
        if self.text_of(w) != text and not text.isascii():
            # xdotool remaps a spare keycode per Khmer character; a busy window (the
            # passphrase meter) may read a keycode after it was remapped to the next letter.
            # Then do what the brief allows: the text on the clipboard, pasted with Ctrl+V.
            self.key("ctrl+a")
            self.gui(lambda: QApplication.clipboard().setText(text))
            self._xdotool("key", "ctrl+v")
            self.settle(0.05)
            self.counts.pasted += 1
        got = self.text_of(w)
        if got != text:
            raise DriveError(f"typed {text!r} into {what or type(w).__name__} but it shows {got!r}")

    def pick(self, combo: QComboBox, data: object, what: str = "") -> None:
        """Open a drop-down with a click and click the entry whose value is `data`."""
        index = self.gui(lambda: combo.findData(data))
        if index < 0:
            raise DriveError(f"{what or 'drop-down'} offers no {data!r}: "
                             f"{self.gui(lambda: [combo.itemData(i) for i in range(combo.count())])}")
        if self.gui(combo.currentIndex) == index:
            return
        self.click(combo, what)
        view = self.gui(combo.view)
        self.wait_for("the drop-down list", lambda: view.isVisible())
        time.sleep(0.2)  # the popup's opening animation

        def rect_of() -> tuple[bool, int, int, QPoint, QPoint]:
            mi = view.model().index(index, combo.modelColumn(), combo.rootModelIndex())
            rect = view.visualRect(mi)
            vp = view.viewport()
            # Vertically on show is enough (an entry may be wider than the list).
            inside = rect.isValid() and rect.top() >= 0 and rect.bottom() <= vp.height()
            return inside, rect.top(), vp.height(), vp.mapToGlobal(vp.rect().center()), vp.mapToGlobal(rect.center())

        for _turn in range(300):
            inside, top, _h, centre, _p = self.gui(rect_of)
            if inside:
                break
            self._xdotool("mousemove", str(centre.x()), str(centre.y()),
                          "click", "5" if top > 0 else "4")
            self.counts.wheel += 1
        self.click_at(self.gui(rect_of)[4])
        if self.gui(combo.currentIndex) != index:
            raise DriveError(f"clicked entry {index} in {what or 'a drop-down'} but it shows "
                             f"{self.gui(combo.currentText)!r}")

    def click_row(self, view: QAbstractItemView, row: int, column: int = 0, double: bool = False) -> None:
        def point() -> QPoint | None:
            rect = view.visualRect(view.model().index(row, column))
            if not rect.isValid() or not view.viewport().rect().intersects(rect):
                return None
            return view.viewport().mapToGlobal(rect.center())

        p = self.gui(point)
        if p is None:
            raise DriveError(f"row {row} is not on screen")
        if double:
            self._xdotool("mousemove", str(p.x()), str(p.y()),
                          "click", "--repeat", "2", "--delay", "80", "1")
            self.counts.clicks += 2
            self.settle()
        else:
            self.click_at(p)


def _scroll_area_of(w: QWidget) -> QAbstractScrollArea | None:
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QScrollArea):
            return p
        if isinstance(p, QAbstractScrollArea) and not isinstance(p, QAbstractItemView):
            return p
        p = p.parentWidget()
    return None


def _takes_tab(w: QWidget, top: QWidget) -> bool:
    """Would Tab stop on `w` (Qt's rule: tab focus, shown, enabled, same window, no proxy)?"""
    return (bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus) and w.focusProxy() is None
            and w.isVisibleTo(top) and w.isEnabled() and w.window() is top)


def _has_focus(w: QWidget) -> bool:
    f = QApplication.focusWidget()
    return f is not None and (f is w or w.isAncestorOf(f))


def _tabs_to(w: QWidget, limit: int) -> int | None:
    """How many Tab presses take the focus to `w` (0: it has it); None if not within `limit`."""
    f = QApplication.focusWidget()
    if f is None:
        return None
    if _has_focus(w):
        return 0
    top, x, steps = f.window(), f, 0
    groups: set[int] = set()  # Tab stops once in an exclusive group of radio buttons
    for _ in range(20_000):
        x = x.nextInFocusChain()
        if x is f:
            return None
        if _takes_tab(x, top):
            group = x.group() if isinstance(x, QAbstractButton) else None
            if group is not None and group.exclusive():
                if id(group) in groups:
                    continue
                groups.add(id(group))
            steps += 1
            if x is w or w.isAncestorOf(x):
                return steps
            if steps >= limit:
                return None
    return None
