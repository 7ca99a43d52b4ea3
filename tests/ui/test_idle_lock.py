"""Idle lock: views cleared, engine disposed, key dropped; unlocking returns to the same place."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from uihelpers import unlock_as, wait_idle


def test_idle_lock_clears_everything_and_returns_to_the_case(qtbot: Any, store: Any,
                                                             make_controller: Any) -> None:
    root, ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = c.shell.main
    main.go("cases")
    qtbot.waitUntil(lambda: len(main.case_list.model.rows) > 0)
    main.open_case(ids["rescue"])
    qtbot.waitUntil(lambda: main.case_view.loaded is not None)
    assert main.case_view.victims.rowCount() == 1
    ws = c.ws
    store_obj = ws.store
    c.idle.set_minutes(0.3 / 60)  # 300 ms
    qtbot.waitUntil(lambda: c.ws is None, timeout=5000)
    wait_idle(qtbot, c)

    assert c.shell.stack.currentWidget() is c.shell.unlock
    assert not ws.is_open and store_obj.key == b""
    assert main.case_list.model.rowCount() == 0
    assert main.case_view.loaded is None and main.case_view.victims.rowCount() == 0
    assert main.case_view.title.text() == ""
    assert main.pending_label.text() == "" and main.user_label.text() == ""
    assert c.shell.unlock.user.currentText() == "sup"

    unlock_as(qtbot, c, "sup")
    assert main.cases.currentWidget() is main.case_view
    qtbot.waitUntil(lambda: main.case_view.loaded is not None)
    assert main.case_view.title.text().endswith(ids["case_number"])


def test_activity_postpones_the_idle_lock(qtbot: Any, store: Any, make_controller: Any) -> None:
    root, _ = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    c.idle.set_minutes(0.4 / 60)
    for _ in range(4):
        qtbot.wait(200)
        QTest.mouseMove(c.shell.main.nav)
        QTest.keyClick(c.shell.main.nav, Qt.Key.Key_Down)
    assert c.ws is not None
    qtbot.waitUntil(lambda: c.ws is None, timeout=3000)


def test_lock_button_and_shortcut(qtbot: Any, store: Any, make_controller: Any) -> None:
    root, _ = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    c.shell.main.lock_button.click()
    assert c.ws is None and c.shell.stack.currentWidget() is c.shell.unlock
    unlock_as(qtbot, c, "off")
    assert c.ws.actor.username == "off"
    assert c.shell.main.screen == "home"  # another user starts at the beginning
    c.shell.activateWindow()
    QTest.keyClick(c.shell.main.nav, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: c.ws is None, timeout=2000)


def test_results_arriving_after_the_lock_are_dropped(qtbot: Any, store: Any, make_controller: Any) -> None:
    root, _ = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = c.shell.main
    main.go("cases")  # queues the first page
    c.lock()  # before the page arrives
    wait_idle(qtbot, c)
    qtbot.wait(100)
    assert main.case_list.model.rowCount() == 0


def test_lock_closes_every_open_dialog(qtbot: Any, store: Any, make_controller: Any) -> None:
    root, ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = c.shell.main
    main.go("cases")
    wait_idle(qtbot, c)
    main.case_list.new_button.click()  # a form parented to the list, not tracked by any view
    main.open_case(ids["rescue"])
    qtbot.waitUntil(lambda: main.case_view.loaded is not None)
    main.case_view.statements.selectRow(0)
    main.case_view.read_statement()
    wait_idle(qtbot, c)
    from PySide6.QtWidgets import QDialog

    assert sum(d.isVisible() for d in c.shell.findChildren(QDialog)) >= 2
    c.lock()
    wait_idle(qtbot, c)
    assert not any(d.isVisible() for d in c.shell.findChildren(QDialog))
