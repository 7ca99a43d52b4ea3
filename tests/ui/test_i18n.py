"""Languages: switching relabels the open window; every message has Khmer; Khmer glyphs render."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication
from uihelpers import unlock_as, wait_idle

from fieldapp.resources import resource_path
from fieldapp.ui import i18n

TS = resource_path("i18n", "fieldapp_km.ts")


def test_language_switch_relabels_the_open_window(qtbot: Any, store: Any, make_controller: Any) -> None:
    root, _ = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = c.shell.main
    main.go("cases")
    wait_idle(qtbot, c)
    assert main.nav.item(1).text() == "Cases"
    assert main.lock_button.text() == "Lock (Ctrl+L)"
    main.language.setCurrentIndex(main.language.findData("km"))
    assert main.nav.item(1).text() == "សំណុំរឿង"
    assert main.lock_button.text() == "ចាក់សោ (Ctrl+L)"
    assert main.case_list.model.headerData(0, Qt.Orientation.Horizontal) == "លេខសំណុំរឿង"
    assert main.case_list.kind.itemText(0) == "គ្រប់ប្រភេទ"
    assert "ការផ្លាស់ប្ដូរ" in main.pending_label.text()
    assert any("០" <= ch <= "៩" for ch in main.case_list.count_label.text())
    assert c.shell.unlock.button.text() == "ដោះសោ"  # the hidden screens too
    c.lock()
    unlock_as(qtbot, c, "sup")
    assert main.nav.item(1).text() == "សំណុំរឿង"  # the choice is remembered
    main.language.setCurrentIndex(main.language.findData("en"))
    assert main.nav.item(1).text() == "Cases"
    from fieldapp.ui import settings

    wait_idle(qtbot, c)
    assert settings.load(root).language == "en"


def test_every_message_has_a_khmer_translation() -> None:
    tree = ET.parse(TS)
    messages = list(tree.iter("message"))
    assert len(messages) > 250
    placeholder = re.compile(r"\{[a-z_]+\}")
    for m in messages:
        t = m.find("translation")
        source = m.findtext("source") or ""
        assert t is not None and t.get("type") is None, f"unfinished: {source!r}"
        text = t.text or ""
        assert text.strip(), f"empty: {source!r}"
        assert sorted(placeholder.findall(text)) == sorted(placeholder.findall(source)), source
        if re.search("[A-Za-z]{4,}", source) and not source.startswith(("Caps", "OK")):
            assert re.search("[\u1780-\u17ff]", text), f"not Khmer: {source!r}"


def test_compiled_translation_is_current() -> None:
    qm = resource_path("i18n", "fieldapp_km.qm")
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime - 5


def test_khmer_glyphs_come_from_the_shipped_font(qapp: QApplication) -> None:
    assert "Noto Sans Khmer" in i18n.load_fonts()
    metrics = QFontMetrics(qapp.font())
    for ch in "សំណុំរឿងក្ស្រី":
        assert metrics.inFontUcs4(ord(ch)) or "Noto Sans Khmer" in qapp.font().families()


def test_opening_a_form_in_khmer_keeps_the_window_labelled(qtbot: Any, store: Any,
                                                           make_controller: Any) -> None:
    root, ids = store
    c = make_controller(root)
    c.set_language("km")
    unlock_as(qtbot, c, "sup")
    main = c.shell.main
    main.open_case(ids["rescue"])
    qtbot.waitUntil(lambda: main.case_view.loaded is not None)
    main.case_view.add_suspect()
    wait_idle(qtbot, c)
    qtbot.wait(100)
    from fieldapp.ui import forms

    forms.last_opened.close()
    c.set_language("en")
    c.set_language("km")
    assert main.nav.item(1).text() == "សំណុំរឿង"
    assert main.lock_button.text() == "ចាក់សោ (Ctrl+L)"
    assert main.case_view.add_victim_button.text() == "បន្ថែមជនរងគ្រោះ…"
