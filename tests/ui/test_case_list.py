"""Case list: paging through the model, search as you type (Khmer and Latin), filters, sorting, open."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from uihelpers import unlock_as, wait_idle

from fieldapp.services.caselist import CaseFilter
from fieldapp.ui.case_list import CaseTableModel


def _cases(qtbot: Any, store: Any, make_controller: Any, user: str = "sup") -> Any:
    root, ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, user)
    main = c.shell.main
    main.go("cases")
    wait_idle(qtbot, c)
    return c, main.case_list, ids


def test_list_opens_with_rows_and_count(qtbot: Any, store: Any, make_controller: Any) -> None:
    _c, view, _ = _cases(qtbot, store, make_controller)
    assert view.model.rowCount() == 12
    qtbot.waitUntil(lambda: "12 of 12" in view.count_label.text(), timeout=3000)
    first = [view.model.data(view.model.index(r, 1)) for r in range(12)]
    assert first == sorted(first, reverse=True)  # newest first
    assert view.model.headerData(0, Qt.Orientation.Horizontal) == "Case number"


def test_model_pages_with_fetch_more(qtbot: Any, store: Any, make_controller: Any) -> None:
    c, _view, _ = _cases(qtbot, store, make_controller)
    model = CaseTableModel(c.shell.main.ctx, page_size=5)
    model.reload(CaseFilter())
    wait_idle(qtbot, c)
    assert model.rowCount() == 5 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert not model.canFetchMore(QModelIndex())  # one request at a time
    wait_idle(qtbot, c)
    model.fetchMore(QModelIndex())
    wait_idle(qtbot, c)
    assert model.rowCount() == 12 and not model.canFetchMore(QModelIndex())
    assert len({model.data(model.index(r, 0), Qt.ItemDataRole.UserRole) for r in range(12)}) == 12


def test_search_as_you_type_khmer_and_latin(qtbot: Any, store: Any, make_controller: Any) -> None:
    c, view, ids = _cases(qtbot, store, make_controller)
    for ch in "ស្រីពៅ":  # keyClicks cannot type Khmer: one key event per character
        QTest.sendKeyEvent(QTest.KeyAction.Click, view.search, Qt.Key.Key_unknown, ch,
                           Qt.KeyboardModifier.NoModifier)
    assert view.model.rowCount() == 12  # debounced: nothing asked yet
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    assert view.model.rows[0].id == ids["rescue"]
    view.search.clear()
    QTest.keyClicks(view.search, "sreyp")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    view.search.setText("Vannak")  # a suspect's name
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    view.search.setText(ids["case_number"])
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=3000)
    view.search.setText("nobody at all")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0 and view.model.total == 0, timeout=3000)
    view.clear_filters()
    wait_idle(qtbot, c)
    assert view.model.rowCount() == 12


def test_filters(qtbot: Any, store: Any, make_controller: Any) -> None:
    c, view, _ = _cases(qtbot, store, make_controller)
    view.post.setCurrentIndex(view.post.findData("BAVET"))
    wait_idle(qtbot, c)
    assert view.model.rowCount() == 3
    assert {r.post_code for r in view.model.rows} == {"BAVET"}
    view.clear_filters()
    view.minors.setChecked(True)
    wait_idle(qtbot, c)
    assert view.model.rowCount() == 2
    view.kind.setCurrentIndex(view.kind.findData("labour"))
    wait_idle(qtbot, c)
    assert view.model.rowCount() == 1
    view.clear_filters()
    view.referral.setCurrentIndex(view.referral.findData("sent"))
    wait_idle(qtbot, c)
    assert view.model.rowCount() == 4
    view.clear_filters()
    view.use_dates.setChecked(True)
    view.date_from.setDate(dt.date(2025, 3, 2))
    view.date_to.setDate(dt.date(2025, 3, 4))
    wait_idle(qtbot, c)
    assert view.model.rowCount() == 3
    view.province.setCurrentIndex(view.province.findData("KH-20"))
    wait_idle(qtbot, c)
    assert view.model.rowCount() == 1


def test_sorting_by_header(qtbot: Any, store: Any, make_controller: Any) -> None:
    c, view, _ = _cases(qtbot, store, make_controller)
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    wait_idle(qtbot, c)
    numbers = [r.case_number for r in view.model.rows]
    assert numbers == sorted(numbers) and len(numbers) == 12
    view.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # victims: not sortable at 100k
    wait_idle(qtbot, c)
    assert [r.case_number for r in view.model.rows] == numbers


def test_open_case_from_the_list(qtbot: Any, store: Any, make_controller: Any) -> None:
    c, view, ids = _cases(qtbot, store, make_controller)
    main = c.shell.main
    row = next(i for i, r in enumerate(view.model.rows) if r.id == ids["rescue"])
    view.table.activated.emit(view.model.index(row, 0))
    assert main.cases.currentWidget() is main.case_view
    qtbot.waitUntil(lambda: main.case_view.loaded is not None)
    assert ids["case_number"] in main.case_view.title.text()
    main.case_view.back_button.click()
    assert main.cases.currentWidget() is view


def test_search_lists_newest_recorded_first_until_a_header_is_clicked(
        qtbot: Any, store: Any, make_controller: Any) -> None:
    c, view, _ = _cases(qtbot, store, make_controller)
    view.search.setText("Chan")
    qtbot.waitUntil(lambda: view.model.rowCount() == 11, timeout=3000)
    wait_idle(qtbot, c)
    assert view.model.effective_sort().column == "recorded"
    assert not view.table.horizontalHeader().isSortIndicatorShown()
    recorded = [r.case_number for r in view.model.rows]
    view.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    wait_idle(qtbot, c)
    assert [r.case_number for r in view.model.rows] == sorted(recorded)
    view.search.setText("Chan D")
    qtbot.wait(400)
    wait_idle(qtbot, c)
    assert view.model.effective_sort().column == "case_number"
    assert view.table.horizontalHeader().isSortIndicatorShown()


def test_post_filter_follows_the_province(qtbot: Any, store: Any, make_controller: Any) -> None:
    c, view, _ = _cases(qtbot, store, make_controller)
    every = {view.post.itemData(i) for i in range(1, view.post.count())}
    assert {"POIPET", "BAVET"} <= every
    view.province.setCurrentIndex(view.province.findData("KH-20"))
    wait_idle(qtbot, c)
    shown = {view.post.itemData(i) for i in range(1, view.post.count())}
    assert "BAVET" in shown and "POIPET" not in shown
    view.clear_filters()
    wait_idle(qtbot, c)
    assert {view.post.itemData(i) for i in range(1, view.post.count())} == every
