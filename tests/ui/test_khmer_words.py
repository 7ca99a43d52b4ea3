"""Issue 12: in the Khmer window no visible text is an untranslated English string or a raw
code (nationality, language, status, urgency, yes/no), and numbers use Khmer digits.

Every page and dialog is opened in Khmer over a seeded store; every visible widget is read
(labels, buttons, tabs, group titles, table cells and headers, combo items, list items,
placeholders, window titles, chart titles and axes, the status bar) and any Latin word
not on the allow-list fails the test.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QCategoryAxis, QChartView, QValueAxis
from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QTableView,
    QTabWidget,
    QWidget,
)
from uihelpers import PASSPHRASES, unlock_as, wait_idle

from fieldapp import vocabulary
from fieldapp.services import auth, mass_intake

#: Latin a Khmer user sees on purpose: acronyms with no Khmer word, the file types offered,
#: the units of a passphrase hint, the language switch's own name.
ALLOWED_WORDS = {"fieldapp", "HQ", "PDF", "CSV", "USB", "SHA", "KB", "English", "Ctrl", "Enter", "Tab",
                 "Khmer", "HTCDS", "QR", "ISO", "JSON", "IOM", "jpg", "jpeg", "png", "heic", "m4a", "mp3", "ogg",
                 "wav", "amr", "json", "csv", "pdf",
                 "TPO"}  # a provider's own name (resources/reference/reference.yaml)
#: Person and user names in Latin (the store's own data) and what the records hold as typed.
PEOPLE = [
    {"name": "Maria Santos", "sex": "female", "approx_age": 24, "nationality": "PHL",
     "languages": ["tgl", "eng"], "interpreter_needed": True, "consent": "given",
     "embassy_contact": "given", "age_disputed": False},
    {"name": "Nguyen Thi Lan", "sex": "female", "approx_age": 16, "nationality": "VNM",
     "languages": ["vie"], "interpreter_needed": True, "consent": "given",
     "embassy_contact": "not_asked", "age_disputed": True},
]
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z_'’-]*[A-Za-z]|[A-Za-z]")
LATIN_DIGIT = re.compile(r"[0-9]")
TAG = re.compile(r"<[^>]+>")


@pytest.fixture
def khmer_store(store: tuple[Path, dict[str, str]]) -> tuple[Path, dict[str, str]]:
    root, ids = store
    ws = auth.unlock(root, "sup", PASSPHRASES["sup"])
    try:
        mass_intake.quick_list(ws, ids["rescue"], PEOPLE)
    finally:
        ws.close()
    return root, ids


def _names() -> set[str]:
    words = {"sup", "off", "ptc", "Sok", "Sreypov", "Chan", "Dara", "Broker", "Vannak", "Unknown",
             "Officer", "Market"}
    for person in PEOPLE:
        words |= set(str(person["name"]).split())
    return words


def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model: QAbstractItemModel | None = view.model()
    if model is None:
        return
    root = QModelIndex()
    rows = min(model.rowCount(root), 60)
    cols = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    if isinstance(view, QTableView) and view.horizontalHeader().isVisibleTo(view):
        for c in range(cols):
            yield str(model.headerData(c, Qt.Orientation.Horizontal) or "")
    for r in range(rows):
        for c in range(cols):
            value = model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                yield value


def visible_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text a user can see in `top` and its visible children."""
    widgets = [top, *top.findChildren(QWidget)]
    for w in widgets:
        if not w.isVisibleTo(top) and w is not top:
            continue
        where = f"{type(w).__name__}:{w.objectName()}"
        if w.isWindow() and w.windowTitle():
            yield where, w.windowTitle()
        if isinstance(w, QLabel):
            yield where, html.unescape(TAG.sub(" ", w.text()))
        elif isinstance(w, QAbstractButton):
            yield where, w.text().replace("&", "")
        elif isinstance(w, QGroupBox):
            yield where, w.title()
        elif isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield where, w.tabText(i)
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield where, w.itemText(i)
        elif isinstance(w, QLineEdit):
            yield where, w.placeholderText()
        elif isinstance(w, QAbstractSpinBox):  # dates and numbers as shown
            yield where, w.text()
        elif isinstance(w, QAbstractItemView) and not isinstance(w, QHeaderView):
            for text in _model_texts(w):
                yield where, text
        elif isinstance(w, QChartView):
            chart = w.chart()
            yield where, chart.title()
            for axis in chart.axes():
                yield where, axis.titleText()
                if isinstance(axis, QBarCategoryAxis):
                    for category in axis.categories():
                        yield where, category
                elif isinstance(axis, QCategoryAxis):
                    for category in axis.categoriesLabels():
                        yield where, category
                elif isinstance(axis, QValueAxis):  # printf-formatted: Latin digits
                    yield where, axis.labelFormat().replace("%i", "1").replace("%d", "1")
            for series in chart.series():
                for barset in getattr(series, "barSets", lambda: [])():
                    yield where, barset.label()
        if isinstance(w, QMainWindow) and w.statusBar() is not None:
            yield where, w.statusBar().currentMessage()


#: Case numbers (POIPET-2025-KS-0009, BAVET-2025-POIPET.KS-0001) and keyboard shortcuts
#: are written as the officer types them.
CASE_NUMBER = re.compile(r"\b[A-Z][A-Z.]*-\d{4}-[A-Z][A-Z.]*-\d+\b")
SHORTCUT = re.compile(r"\b(?:Ctrl|Alt|Shift)\+(?:[A-Z]|Enter|Tab)\b")
#: Identifiers shown as they are: a seal's fingerprint and hash, an HQ address, a standard's
#: name and version, the hash function named beside a seal.
IDENTIFIER = re.compile(r"\b[0-9A-F]{4}(?: [0-9A-F]{4}){3}\b|\b[0-9a-f]{64}\b|https?://\S+"
                        r"|HTCDS 2\.0|SHA-256")
#: The quick list's hint tells which codes to type in its languages column.
TYPED_CODES = re.compile(r"(?:\b[a-z]{3}\b ?){5}")


def offenders(top: QWidget, where: str, allowed: set[str]) -> list[str]:
    """One line per text showing an English word, a raw code or a Latin digit."""
    found = []
    for place, text in visible_texts(top):
        plain = TAG.sub("", text)
        for allowed_pattern in (CASE_NUMBER, SHORTCUT, IDENTIFIER, TYPED_CODES):
            plain = allowed_pattern.sub("", plain)
        words = [w for w in LATIN_WORD.findall(plain) if w not in allowed]
        digits = LATIN_DIGIT.findall(plain)
        if words or digits:
            found.append(f"{where} | {place} | {text!r}" + (" (Latin digits)" if digits else ""))
    return found


def _settle(qtbot: Any, c: Any) -> None:
    wait_idle(qtbot, c)
    qtbot.wait(50)


def _new_dialogs(before: set[int]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and id(w) not in before]


def test_no_english_or_raw_code_in_the_khmer_window(qtbot: Any, khmer_store: Any,
                                                     make_controller: Any) -> None:
    root, ids = khmer_store
    allowed = ALLOWED_WORDS | _names()
    found: list[str] = []
    c = make_controller(root)
    c.set_language("km")
    _settle(qtbot, c)
    found += offenders(c.shell, "unlock", allowed)
    unlock_as(qtbot, c, "sup")
    main = c.shell.main
    for screen in ("home", "cases", "referrals", "matches", "sync", "reports", "admin"):
        main.go(screen)
        _settle(qtbot, c)
        if screen == "reports":
            with qtbot.waitSignal(main.reports.figures_ready, timeout=10000):
                main.reports.refresh()
        found += offenders(c.shell, f"page {screen}", allowed)

    def dialog(where: str, opener: Callable[[], object]) -> None:
        before = {id(w) for w in QApplication.topLevelWidgets()}
        opener()
        _settle(qtbot, c)
        for d in _new_dialogs(before):
            found.extend(offenders(d, where, allowed))
            d.reject()
            _settle(qtbot, c)

    main.go("cases")
    main.open_case(ids["rescue"])
    qtbot.waitUntil(lambda: main.case_view.loaded is not None)
    _settle(qtbot, c)
    view = main.case_view
    for i in range(view.tabs.count()):
        view.tabs.setCurrentIndex(i)
        _settle(qtbot, c)
        found += offenders(c.shell, f"case view tab {i}", allowed)
    view.tabs.setCurrentIndex(0)
    view.victims.selectRow(0)
    for name, opener in (("form rescue", view.edit_rescue), ("form victim", view.add_victim),
                         ("form suspect", view.add_suspect),
                         ("form statement", view.record_statement),
                         ("form referral", view.refer_victim),
                         ("quick list", view.quick_list_button.click)):
        dialog(name, opener)
    from fieldapp.ui.mass_intake import ReferDialog, ScreenDialog

    dialog("screen people", lambda: ScreenDialog(main, 12).open())
    dialog("refer people", lambda: ReferDialog(main, main.ctx, 12).open())
    view.tabs.setCurrentIndex(1)
    view.statements.selectRow(0)
    dialog("statement", view.read_statement)
    from fieldapp.ui import admin as admin_mod

    centres = [("PTC", vocabulary.reference_label("providers", "PTC", "km"))]
    dialog("add user", lambda: admin_mod.UserDialog(main.admin, centres).open())
    dialog("reset", lambda: admin_mod.ResetDialog(main.admin, "off").open())
    assert found == [], "\n" + "\n".join(dict.fromkeys(found))


def test_no_english_on_any_first_run_page_in_khmer(qtbot: Any, make_controller: Any,
                                                    tmp_path: Path) -> None:
    c = make_controller(tmp_path / "fresh")
    c.set_language("km")
    _settle(qtbot, c)
    wizard = c.shell.wizard
    found: list[str] = []
    for n in range(4):
        found += offenders(c.shell, f"first run page {n + 1}", ALLOWED_WORDS)
        if n == 2:
            wizard.account_page.username.setText("sokha")
            wizard.account_page.passphrase.setText("ដំរី ហោះលើមេឃ ២០២៥ ក")
            wizard.account_page.repeat.setText("ដំរី ហោះលើមេឃ ២០២៥ ក")
            _settle(qtbot, c)
        wizard.next()
        _settle(qtbot, c)
    assert found == [], "\n" + "\n".join(dict.fromkeys(found))


def test_the_walk_catches_english_a_code_and_latin_digits(qtbot: Any) -> None:
    """The checker itself: what it must flag, and what it lets through."""
    from PySide6.QtWidgets import QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    for text in ("Save record", "VNM", "១២ of 12", "ករណី POIPET-2025-KS-0009 (Ctrl+L)",
                 "ស្នាមត្រា៖ 56A6 F83A BFF7 96FD", "Maria Santos"):
        layout.addWidget(QLabel(text))
    found = offenders(box, "probe", ALLOWED_WORDS | {"Maria", "Santos"})
    assert len(found) == 3
    assert "'Save record'" in found[0] and "'VNM'" in found[1] and "Latin digits" in found[2]


def test_a_sync_error_in_khmer_has_no_english_reason(qtbot: Any, store: Any,
                                                      make_controller: Any) -> None:
    from fieldapp.sync.client import HqRefused, HqUnreachable, NotEnrolled
    from fieldapp.ui.sync_status import SyncStatus

    root, _ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    c.set_language("km")
    panel = c.shell.main.sync
    for exc in (HqUnreachable("HQ did not answer after 2 attempts: connection refused"),
                HqRefused("device 01a2 is not entitled to post KS"), NotEnrolled(),
                ValueError("a bug")):
        text = panel.error_text(exc)
        assert LATIN_WORD.findall(text) == [] and not LATIN_DIGIT.search(text), text
    panel.show_status(SyncStatus(hq_url="", pending=3, last_error="HQ did not answer"))
    assert offenders(panel, "sync panel", ALLOWED_WORDS) == []
    # The reason the client gives is shown in Khmer words, the address as it is, once.
    address = "https://127.0.0.1:8443"
    for exc in (HqUnreachable("HQ could not be reached at ...", cause="refused", address=address),
                HqUnreachable("...", cause="no_answer", address=address),
                HqUnreachable("...", cause="no_connection", address=address),
                HqUnreachable("...", cause="attempts", attempts=4),
                HqUnreachable("...", cause="deadline")):
        text = panel.error_text(exc)
        plain = IDENTIFIER.sub("", text)
        assert LATIN_WORD.findall(plain) == [] and not LATIN_DIGIT.search(plain), text
        assert text.count(vocabulary.khmer("HQ could not be reached. Nothing is lost: the next "
                                           "sync continues.") or "?") == 1
        assert (address in text) == bool(exc.address)
    c.set_language("en")
    assert "2 attempts" in panel.error_text(HqUnreachable("HQ did not answer after 2 attempts"))
    assert panel.error_text(HqUnreachable("...", cause="attempts", attempts=3)) == (
        "HQ could not be reached. Nothing is lost: the next sync continues. "
        "No usable answer after 3 attempts.")
    assert panel.error_text(HqRefused("HQ refused: device 01a2 is not entitled")) == (
        "HQ refused the sync. (device 01a2 is not entitled)")
