"""Date and number boxes that show the user's digits (Khmer digits in Khmer) and accept both.

Qt's Khmer locale writes Latin digits, so these boxes convert what they show and read back
what is typed; the value inside is the same either way.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime, QEvent
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QDateEdit, QSpinBox

from fieldapp import vocabulary
from fieldapp.ui import i18n


class DateEdit(QDateEdit):
    """A QDateEdit shown in the window language's digits."""

    def textFromDateTime(self, value: QDateTime) -> str:
        return i18n.digits(super().textFromDateTime(value))

    def dateTimeFromText(self, text: str) -> QDateTime:
        return super().dateTimeFromText(vocabulary.latin_digits(text))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        state, fixed, pos = super().validate(vocabulary.latin_digits(text), pos)
        return state, i18n.digits(fixed), pos

    def fixup(self, text: str) -> str:
        return i18n.digits(super().fixup(vocabulary.latin_digits(text)))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.lineEdit().setText(self.textFromDateTime(self.dateTime()))
        super().changeEvent(event)


class SpinBox(QSpinBox):
    """A QSpinBox shown in the window language's digits."""

    def textFromValue(self, value: int) -> str:
        return i18n.digits(super().textFromValue(value))

    def valueFromText(self, text: str) -> int:
        return super().valueFromText(vocabulary.latin_digits(text))

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        state, fixed, pos = super().validate(vocabulary.latin_digits(text), pos)
        return state, i18n.digits(fixed), pos

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.lineEdit().setText(self.prefix() + self.textFromValue(self.value()) + self.suffix())
        super().changeEvent(event)
