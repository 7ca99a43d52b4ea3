"""The unlock screen: pick or type the user, passphrase, back-off countdown, Caps Lock hint."""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.errors import FieldAppError
from fieldapp.ui import i18n
from fieldapp.ui.widgets import Banner, BusyBar


class UnlockFailed(FieldAppError):
    """A failed unlock, with how long the user must now wait (0: may retry at once)."""

    def __init__(self, reason: FieldAppError, wait_seconds: float) -> None:
        super().__init__("could not unlock: {reason}", reason=reason)
        self.wait_seconds = wait_seconds


def caps_lock_from_key(event: QKeyEvent) -> bool | None:
    """Infer Caps Lock from a typed letter: upper case without Shift (or lower with it)."""
    text = event.text()
    if len(text) != 1 or not text.isalpha() or text.lower() == text.upper():
        return None  # digits, symbols, Khmer: no case, no information
    shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
    return text.isupper() != shift


class UnlockView(QWidget):
    """Layout only; the shell's controller runs the unlock job and calls back."""

    unlock_requested = Signal(str, str)
    user_changed = Signal(str)
    language_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caps_on = False
        self._wait_left = 0
        self._countdown = QTimer(self)
        self._countdown.setInterval(1000)
        # A coarse timer may fire 5 % early: the keystore would still refuse.
        self._countdown.setTimerType(Qt.TimerType.PreciseTimer)
        self._countdown.timeout.connect(self._tick)

        self.title = QLabel()
        font = self.title.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.user = QComboBox()
        self.user.setEditable(True)
        self.user.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.user.currentTextChanged.connect(self.user_changed.emit)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.installEventFilter(self)
        self.passphrase.returnPressed.connect(self.submit)
        self.caps_hint = QLabel()
        self.caps_hint.setStyleSheet("color: #9a5b00")
        self.caps_hint.hide()
        self.button = QPushButton()
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        self.wait_label = QLabel()
        self.wait_label.hide()
        self.banner = Banner()
        self.busy = BusyBar()
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("ខ្មែរ", "km")
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_requested.emit(self.language.currentData()))

        self.user_label = QLabel()
        self.pass_label = QLabel()
        form = QFormLayout()
        form.addRow(self.user_label, self.user)
        form.addRow(self.pass_label, self.passphrase)
        form.addRow("", self.caps_hint)
        box = QFrame()
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setMaximumWidth(560)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addSpacing(12)
        inner.addLayout(form)
        inner.addWidget(self.banner)
        inner.addWidget(self.wait_label)
        inner.addWidget(self.button)
        inner.addWidget(self.busy)
        lang_row = QHBoxLayout()
        lang_row.addStretch(1)
        self.language_label = QLabel()
        lang_row.addWidget(self.language_label)
        lang_row.addWidget(self.language)
        centre = QHBoxLayout()
        centre.addStretch(1)
        centre.addWidget(box, 3)
        centre.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(lang_row)
        layout.addStretch(1)
        layout.addLayout(centre)
        layout.addStretch(2)
        self.retranslate()

    # -- called by the controller -----------------------------------------------------
    def set_users(self, names: list[str], current: str | None = None) -> None:
        self.user.blockSignals(True)
        self.user.clear()
        self.user.addItems(names)
        if current:
            self.user.setCurrentText(current)
        self.user.blockSignals(False)
        self.user_changed.emit(self.user.currentText())

    def set_language(self, code: str) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(code)))
        self.language.blockSignals(False)

    def set_busy(self, busy: bool) -> None:
        self.busy.set_busy(busy)
        self.button.setEnabled(not busy and self._wait_left <= 0)
        self.passphrase.setEnabled(not busy)
        self.user.setEnabled(not busy)

    def show_error(self, message: str) -> None:
        self.banner.error(message)

    def start_backoff(self, seconds: float) -> None:
        """Disable Unlock for `seconds`, with a countdown."""
        self._wait_left = math.ceil(seconds + 0.05) if seconds > 0 else 0
        if self._wait_left <= 0:
            self._stop_backoff()
            return
        self.button.setEnabled(False)
        self.wait_label.show()
        self._show_wait()
        self._countdown.start()

    def _stop_backoff(self) -> None:
        self._wait_left = 0
        self._countdown.stop()
        self.wait_label.hide()
        self.button.setEnabled(not self.busy.isVisible())

    def _tick(self) -> None:
        self._wait_left -= 1
        if self._wait_left <= 0:
            self._stop_backoff()
        else:
            self._show_wait()

    def _show_wait(self) -> None:
        self.wait_label.setText(self.tr("Too many wrong passphrases: wait {s} s before trying again.")
                                .format(s=i18n.digits(self._wait_left)))

    @property
    def waiting(self) -> bool:
        return self._wait_left > 0

    def clear(self) -> None:
        self.passphrase.clear()
        self.banner.clear_message()
        self.caps_hint.hide()

    # -- user actions -----------------------------------------------------------------
    def submit(self) -> None:
        if self.waiting or self.busy.isVisible():
            return
        user = self.user.currentText().strip()
        if not user:
            self.banner.error(self.tr("Choose or type your user name."))
            return
        if not self.passphrase.text():
            self.banner.error(self.tr("Type your passphrase."))
            return
        self.banner.clear_message()
        self.unlock_requested.emit(user, self.passphrase.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.passphrase and event.type() == QEvent.Type.KeyPress:
            caps = caps_lock_from_key(event)  # type: ignore[arg-type]
            if caps is not None:
                self.caps_on = caps
                self.caps_hint.setVisible(caps)
        return super().eventFilter(watched, event)

    # -- text -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(self.tr("Unlock fieldapp"))
        self.subtitle.setText(self.tr("The case data on this laptop is encrypted. Enter your "
                                      "passphrase to open it."))
        self.user_label.setText(self.tr("User"))
        self.pass_label.setText(self.tr("Passphrase"))
        self.caps_hint.setText(self.tr("Caps Lock is on"))
        self.button.setText(self.tr("Unlock"))
        self.language_label.setText(self.tr("Language"))
        if self.waiting:
            self._show_wait()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
