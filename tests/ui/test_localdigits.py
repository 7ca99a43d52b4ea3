"""Date and number boxes in the user's digits: Khmer digits in Khmer, the value unchanged."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QValidator

from fieldapp.ui import i18n
from fieldapp.ui.localdigits import DateEdit, SpinBox


def test_a_date_box_shows_khmer_digits_and_follows_the_language(qtbot: Any) -> None:
    box = DateEdit(QDate(2025, 3, 1))
    qtbot.addWidget(box)
    box.setDisplayFormat("yyyy-MM-dd")
    assert box.text() == "2025-03-01"
    i18n.set_language("km")
    assert box.text() == "២០២៥-០៣-០១"
    box.setCurrentSection(DateEdit.Section.YearSection)
    box.stepBy(1)
    assert box.date() == QDate(2026, 3, 1) and box.text() == "២០២៦-០៣-០១"
    assert box.dateTimeFromText("២០២៤-០២-២៩").date() == QDate(2024, 2, 29)
    state, shown, _ = box.validate("2024-02-29", 0)
    assert state == QValidator.State.Acceptable and shown == "២០២៤-០២-២៩"
    i18n.set_language("en")
    assert box.text() == "2026-03-01"


def test_a_number_box_shows_khmer_digits(qtbot: Any) -> None:
    box = SpinBox()
    qtbot.addWidget(box)
    box.setRange(1, 60)
    box.setValue(10)
    i18n.set_language("km")
    assert box.text() == "១០"
    assert box.valueFromText("១៥") == 15
    assert box.validate("១៥", 0)[0] == QValidator.State.Acceptable
    box.stepBy(2)
    assert box.value() == 12 and box.text() == "១២"
