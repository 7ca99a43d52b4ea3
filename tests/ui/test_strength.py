"""The passphrase meter uses the policy's estimate and explains it in English and Khmer."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from fieldapp.ui import i18n
from fieldapp.ui.strength import strength


@pytest.fixture
def khmer(qapp: QApplication) -> Any:
    i18n.set_language("km")
    yield
    i18n.set_language("en")


def test_the_meter_refuses_what_the_policy_refuses(qapp: QApplication) -> None:
    for weak in ("12345678", "aaaaaaaa", "password", "zxcvbnm,./", "ពាក្យសម្ងាត់"):
        assert not strength(weak).ok
    assert not strength("sokha2026!", username="sokha").ok
    assert strength("Too common, easily guessed") is not None
    assert strength("password").label.startswith("Too common")
    assert strength("ដំរីពណ៌ស្វាយដើរលើភ្នំ").ok and strength("ដំរីពណ៌ស្វាយដើរលើភ្នំ").label == "Strong"


def test_the_meter_speaks_khmer(khmer: Any) -> None:
    assert strength("password").label == "ប្រើញឹកញាប់ពេក ងាយទាយ៖ សូមប្រើពាក្យច្រើនដែលមិនទាក់ទងគ្នា"
    assert strength("aaaaaaaa").label.startswith("តួអក្សរដដែលៗ")
    assert strength("ដំរីពណ៌ស្វាយដើរលើភ្នំ").label == "រឹងមាំ"
