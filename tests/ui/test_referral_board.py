"""Referral board as transit-centre staff: queues, accept, decline with a reason, serve, complete."""

from __future__ import annotations

from typing import Any

import pytest
from uihelpers import unlock_as, wait_idle

from fieldapp.ui import forms, referral_board
from fieldapp.ui.referral_board import ReasonDialog, ServicesDialog
from tests.ui.forms.formhelpers import fill, submit


@pytest.fixture
def board(qtbot: Any, store: Any, make_controller: Any) -> Any:
    root, ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "ptc")
    assert c.shell.main.screen == "home"  # every role starts at its "Today" screen
    c.shell.main.go("referrals")
    b = c.shell.main.referrals
    wait_idle(qtbot, c)
    return c, b, ids


def test_queues_show_victim_essentials(board: Any) -> None:
    _c, b, _ids = board
    assert len(b.cards) == 4
    assert b.queue == "new" and b.table.rowCount() == 4
    assert b.tabs.tabText(0) == "New (4)"
    names = {b.table.item(r, 0).text() for r in range(4)}
    assert "សុខ ស្រីពៅ / Sok Sreypov" in names
    assert any("(minor)" in b.table.item(r, 2).text() for r in range(4))
    assert b.decline_button.isVisible() or b.decline_button.isVisibleTo(b)


def test_accept_record_services_complete(qtbot: Any, board: Any, monkeypatch: Any) -> None:
    c, b, ids = board
    rid = ids["referral5"]
    b.select(rid)
    assert b.accept_button.isEnabled() and not b.complete_button.isEnabled()
    b.accept_button.click()
    wait_idle(qtbot, c)
    assert b.banner.text() == "Referral accepted."
    b.select(rid)
    assert b.queue == "accepted" and b.current_card().referral.status == "accepted"
    # Record services opens the referral_update form for this referral.
    b.service_button.click()
    dialog = forms.last_opened
    assert dialog is not None and dialog.parent() is b
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    assert [o.value for o in dialog.controller.state.options("action")] == ["start_service", "complete"]
    fill(dialog, "action", "start_service")
    fill(dialog, "services_given", ["shelter", "medical"])
    submit(qtbot, dialog, c.runner)
    wait_idle(qtbot, c)
    assert b.banner.text() == "Referral updated."
    b.select(rid)
    assert b.queue == "in_service"
    assert "Medical care" in b.timeline.item(b.timeline.count() - 1).text()
    monkeypatch.setattr(referral_board, "ask_services", lambda *a: (["shelter"], "Returned home"))
    b.complete_button.click()
    wait_idle(qtbot, c)
    b.select(rid)
    assert b.queue == "closed" and b.current_card().referral.status == "completed"
    assert not b.accept_button.isEnabled() and not b.complete_button.isEnabled()
    assert c.shell.main.pending_label.text().endswith("changes not yet sent")


def test_decline_needs_a_reason(qtbot: Any, board: Any, monkeypatch: Any) -> None:
    c, b, ids = board
    rid = ids["referral6"]
    b.select(rid)
    monkeypatch.setattr(referral_board, "ask_reason", lambda parent: None)  # cancelled
    b.decline_button.click()
    assert not c.runner.busy
    monkeypatch.setattr(referral_board, "ask_reason", lambda parent: "No bed free tonight")
    b.decline_button.click()
    wait_idle(qtbot, c)
    b.select(rid)
    card = b.current_card()
    assert card.referral.status == "declined"
    assert "No bed free tonight" in b.timeline.item(b.timeline.count() - 1).text()
    b.decline("0000-none", "x")
    wait_idle(qtbot, c)
    assert b.banner.property("kind") == "error" and "no such referral" in b.banner.text()


def test_dialogs(qtbot: Any) -> None:
    reason = ReasonDialog()
    qtbot.addWidget(reason)
    assert not reason.ok.isEnabled()
    reason.reason.setText("   ")
    assert not reason.ok.isEnabled()
    reason.reason.setText("ពេញហើយ")
    assert reason.ok.isEnabled()
    services = ServicesDialog(None, "t", ["shelter", "medical"], True)
    qtbot.addWidget(services)
    services.checks["medical"].setChecked(True)
    assert services.chosen() == ["medical"]
