"""The one "what changed" signal: a record written through any path shows in every open view.

Paths: a form (suspect, referral), the referral board (accept), a sync round that pulls
from a real HQ what another device of the post recorded. Views: the case list, the case
view's tabs, the referral board, the status bar and the sync panel. None is reopened.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from uihelpers import unlock_as, wait_idle

from fieldapp.services import intake, sync
from fieldapp.services.changes import Changes
from fieldapp.ui import forms
from fieldapp.ui.forms.dialog import FormDialog
from fieldapp.ui.sync_status import HqSync
from tests.conftest import PASSPHRASE
from tests.support.syncenv import fast_options, hq_running, minor_case, new_device


def open_views(qtbot: Any, c: Any, rescue_id: str) -> Any:
    """Load the board, the list and one case, as an officer's morning would."""
    main = c.shell.main
    main.go("referrals")
    wait_idle(qtbot, c)
    main.go("cases")
    wait_idle(qtbot, c)
    main.open_case(rescue_id)
    wait_idle(qtbot, c)
    return main


def submit_form(qtbot: Any, c: Any, opener: Any, answers: dict[str, Any]) -> FormDialog:
    opener()
    dialog = forms.last_opened
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    assert dialog.controller is not None
    for name, value in answers.items():
        dialog.controller.state.set(name, value)
    dialog.submit()
    wait_idle(qtbot, c)
    return dialog


def tab_text(main: Any, i: int) -> str:
    return str(main.case_view.tabs.tabText(i))


def list_row(main: Any, rescue_id: str) -> Any:
    return next(r for r in main.case_list.model.rows if r.id == rescue_id)


def test_a_suspect_saved_by_form_shows_in_the_open_case_status_bar_and_sync_panel(
        qtbot: Any, store: tuple[Path, dict[str, str]], make_controller: Any) -> None:
    root, ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = open_views(qtbot, c, ids["rescue"])
    main.sync.refresh()  # the Sync page has its status (as after a visit)
    wait_idle(qtbot, c)
    suspects_before = main.case_view.suspects.rowCount()
    pending_before = main.pending
    sync_pending_before = main.sync.status.pending
    main.case_view.tabs.setCurrentIndex(2)

    submit_form(qtbot, c, main.case_view.add_suspect,
                {"name": "Broker Chhay", "role": "broker", "status": "at_large"})

    view = main.case_view
    qtbot.waitUntil(lambda: view.suspects.rowCount() == suspects_before + 1, timeout=5000)
    assert tab_text(main, 2) == f"Suspects ({suspects_before + 1})"
    assert view.tabs.currentIndex() == 2  # the user stays where they were
    assert "Broker Chhay" in [view.suspects.item(r, 0).text() for r in range(view.suspects.rowCount())]
    qtbot.waitUntil(lambda: main.pending is not None and main.pending > pending_before, timeout=5000)
    assert main.sync.status.pending > sync_pending_before
    assert main.saved_label.text() == "✔ Saved: Suspect"


def test_a_referral_made_by_form_shows_on_the_board_and_its_acceptance_in_the_case(
        qtbot: Any, store: tuple[Path, dict[str, str]], make_controller: Any) -> None:
    root, ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = open_views(qtbot, c, ids["rescue"])
    board = main.referrals
    cards_before = len(board.cards)
    view = main.case_view
    view.victims.selectRow(0)

    submit_form(qtbot, c, view.refer_victim,
                {"service": "medical", "provider_code": "PTC", "urgency": "normal"})

    qtbot.waitUntil(lambda: len(board.cards) == cards_before + 1, timeout=5000)
    new = next(x for x in board.cards if x.referral.service == "medical")
    qtbot.waitUntil(lambda: view.referrals.rowCount() == 2, timeout=5000)
    assert tab_text(main, 3) == "Referrals (2)"

    # The board accepts it: the open case shows the new status without being reopened.
    board.accept(new.referral.id)
    wait_idle(qtbot, c)
    statuses = [view.referrals.item(r, 4).text() for r in range(view.referrals.rowCount())]
    assert "Accepted" in statuses
    assert board.banner.text() == "Referral accepted."


def test_a_sync_pull_shows_another_devices_records_in_the_list_and_the_open_case(
        qtbot: Any, tmp_path: Path, make_controller: Any) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        root = tmp_path / "poipet-a"
        ws = new_device(root, hq, "POIPET")
        ids = minor_case(ws)
        sync.sync_round(ws, options=fast_options())
        ws.close()
        # A second laptop of the same post pulls the case, adds a suspect and a new rescue.
        other = new_device(tmp_path / "poipet-b", hq, "POIPET")
        sync.sync_round(other, options=fast_options())
        intake.add_suspect(other, ids["rescue"], name="Driver Sokun", role="transporter")
        new_rescue = intake.create_rescue(other, operation_date=dt.date(2026, 3, 20),
                                          province_code="KH-1", exploitation_type="begging")
        sync.sync_round(other, options=fast_options())
        other.close()

        c = make_controller(root, hooks={"sync": HqSync(options=fast_options()),
                                         "sync_first_delay": 3600.0})
        unlock_as(qtbot, c, "sup", PASSPHRASE)
        main = open_views(qtbot, c, ids["rescue"])
        assert len(main.case_list.model.rows) == 1
        assert tab_text(main, 2) == "Suspects (1)"

        main.sync.run_round()
        qtbot.waitUntil(lambda: not main.sync.running, timeout=30_000)
        wait_idle(qtbot, c)

        qtbot.waitUntil(lambda: len(main.case_list.model.rows) == 2, timeout=5000)
        assert new_rescue.id in [r.id for r in main.case_list.model.rows]
        qtbot.waitUntil(lambda: tab_text(main, 2) == "Suspects (2)", timeout=5000)
        assert main.sync.status.last_success is not None


def test_changes_say_which_cases_they_touch() -> None:
    ch = Changes.of(["suspect"], ["r1"], ["s1"])
    assert ch.touches_case("r1") and not ch.touches_case("r2")
    assert Changes.of(["referral"]).touches_case("r2")  # case unknown: maybe
    assert not Changes.of(["user"]).touches_cases()
    assert Changes.all().touches_case("anything")
    assert (ch | Changes.of(["victim"], ["r2"])).touches_case("r2")
