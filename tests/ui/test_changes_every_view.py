"""Every open view follows the one "what changed" broadcast, whatever path wrote the record.

tests/ui/test_changes.py covers a suspect and a referral by form, a board acceptance and a
sync pull into the list and the Suspects tab. This file covers the rest of the issue's
table: a rescue by form in the case list; a victim and a statement by form in their tabs;
the quick list (mass intake) in the case, the list, the board and the status bar while the
quick list is still open; a sync pull from a real HQ into the Victims, Statements and
Referrals tabs, the board, the home screen and the match queue; and one "pending" number
in the status bar, the Sync panel, the home screen and the services. No view is reopened.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QTableWidgetSelectionRange
from uihelpers import unlock_as, wait_idle

from fieldapp.services import caselist, intake, matching, referrals, statements, stats, sync
from fieldapp.ui import forms
from fieldapp.ui.mass_intake import COLUMNS, MassIntakeDialog, ReferDialog
from fieldapp.ui.sync_status import HqSync
from tests.conftest import PASSPHRASE
from tests.support.syncenv import fast_options, hq_running, minor_case, new_device


def open_views(qtbot: Any, c: Any, rescue_id: str) -> Any:
    main = c.shell.main
    for page in ("home", "referrals", "matches", "sync", "cases"):
        main.go(page)
        wait_idle(qtbot, c)
    main.open_case(rescue_id)
    wait_idle(qtbot, c)
    return main


def submit_form(qtbot: Any, c: Any, opener: Any, answers: dict[str, Any]) -> Any:
    """Open a form the way its button does, answer it, save it; the `Submitted` result."""
    opener()
    dialog = forms.last_opened
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    assert dialog.controller is not None
    results: list[Any] = []
    dialog.submitted.connect(results.append)
    for name, value in answers.items():
        dialog.controller.state.set(name, value)
    dialog.submit()
    wait_idle(qtbot, c)
    assert results, f"not saved: {dialog.form_id} {dialog.context} {dialog.banner.text()!r}"
    return results[0]


def column(table: Any, col: int = 0) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount()) if table.item(r, col)]


def tab(main: Any, i: int) -> str:
    return str(main.case_view.tabs.tabText(i))


def pending_everywhere(qtbot: Any, c: Any) -> set[int]:
    """The "changes not yet sent" number as the status bar, Sync panel, home screen, the
    services and `fieldapp stats` give it (the home screen is looked at to be read)."""
    main = c.shell.main
    main.go("home")
    wait_idle(qtbot, c)
    home = main.home.loaded.sync.pending
    main.go("cases")
    wait_idle(qtbot, c)
    seen = {"status bar": main.pending, "sync panel": main.sync.status.pending, "home": home,
            "services": caselist.pending_changes(c.ws),
            "fieldapp stats": stats.counts(c.ws)["unsent_changes"]}
    assert len(set(seen.values())) == 1, seen
    return set(seen.values())


def test_records_saved_by_forms_show_in_the_list_the_tabs_and_one_pending_count(
        qtbot: Any, store: tuple[Path, dict[str, str]], make_controller: Any) -> None:
    root, ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = open_views(qtbot, c, ids["rescue"])
    before = main.pending
    assert before is not None and before == main.sync.status.pending == caselist.pending_changes(c.ws)
    view = main.case_view
    victims_before, statements_before = view.victims.rowCount(), view.statements.rowCount()

    # A rescue saved from the case list's "New rescue…" appears in the list.
    rescue = submit_form(qtbot, c, main.case_list.new_rescue, {
        "operation_date": dt.date(2026, 3, 10), "place": "Border market",
        "province_code": "KH-1", "post_code": "POIPET", "unit": "Provincial AHT office",
        "exploitation_type": "labour"})
    qtbot.waitUntil(lambda: rescue.entity_id in [r.id for r in main.case_list.model.rows],
                    timeout=5000)

    # A victim saved from the open case appears in its Victims tab, without reopening it.
    victim = submit_form(qtbot, c, view.add_victim, {
        "name_latin": "Keo Sophal", "sex": "male", "estimated_age": 30, "nationality": "KHM",
        "languages": ["khm"], "documents": ["none"], "consent_given": "given"})
    qtbot.waitUntil(lambda: view.victims.rowCount() == victims_before + 1, timeout=5000)
    assert "Keo Sophal" in column(view.victims, 1)  # the Latin name
    assert tab(main, 0) == f"Victims ({victims_before + 1})"

    # His statement, recorded from the Victims tab, appears in the Statements tab.
    row = next(r for r in range(view.victims.rowCount())
               if view.victims.item(r, 1).text() == "Keo Sophal")
    view.victims.selectRow(row)
    submit_form(qtbot, c, view.record_statement, {
        "interview_date": dt.datetime(2026, 3, 14, 10, 30), "interviewer": "Officer Vannak",
        "language": "khm", "place": "Poipet police station", "narrative": "what happened"})
    qtbot.waitUntil(lambda: view.statements.rowCount() == statements_before + 1, timeout=5000)
    assert tab(main, 1) == f"Statements ({statements_before + 1})"
    assert victim.entity_id

    # One definition of "pending": every place shows the same, larger number.
    (after,) = pending_everywhere(qtbot, c)
    assert after > before


def test_the_quick_list_shows_in_the_open_case_the_list_and_the_board_while_still_open(
        qtbot: Any, store: tuple[Path, dict[str, str]], make_controller: Any,
        monkeypatch: Any) -> None:
    root, ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = open_views(qtbot, c, ids["rescue"])
    view, board = main.case_view, main.referrals
    victims_before, referrals_before = view.victims.rowCount(), view.referrals.rowCount()
    cards_before = len(board.cards)
    listed_before = next(r.victims for r in main.case_list.model.rows if r.id == ids["rescue"])
    pending_before = main.pending

    view.quick_list_button.click()
    dialog = view.dialogs[-1]
    assert isinstance(dialog, MassIntakeDialog)
    wait_idle(qtbot, c)
    first = len(dialog.people)
    people = [("Maria Santos", "female", "24", "PHL", "tgl", "no", "given", "given", "no"),
              ("Raj Kumar", "male", "31", "IND", "hin", "yes", "given", "refused", "no")]
    for i, line in enumerate(people):
        for n, col in enumerate(COLUMNS[:-1]):
            dialog.set_cell(first + i, col, line[n].split() if col == "languages" else line[n])
        dialog._grow(dialog.table.item(first + i, 0))
    dialog.save()
    wait_idle(qtbot, c)
    qtbot.waitUntil(lambda: len(dialog.people) == first + 2, timeout=5000)
    assert dialog.isVisible()  # the quick list is still open

    qtbot.waitUntil(lambda: view.victims.rowCount() == victims_before + 2, timeout=5000)
    assert {"Maria Santos", "Raj Kumar"} <= set(column(view.victims, 1))
    qtbot.waitUntil(lambda: next(r.victims for r in main.case_list.model.rows
                                 if r.id == ids["rescue"]) == listed_before + 2, timeout=5000)
    qtbot.waitUntil(lambda: main.pending is not None and main.pending > pending_before,
                    timeout=5000)

    # Referred in bulk from the quick list: the board and the case's Referrals tab show them.
    dialog.table.clearSelection()
    dialog.table.setRangeSelected(
        QTableWidgetSelectionRange(first, 0, first + 1, len(COLUMNS) - 1), True)

    def fake_exec(self: ReferDialog) -> int:
        self.service.setCurrentIndex(self.service.findData("repatriation"))
        self.provider.setCurrentIndex(self.provider.findData("IOM-KH"))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ReferDialog, "exec", fake_exec)
    dialog.refer_selected()
    wait_idle(qtbot, c)
    assert "2 referred" in dialog.banner.text()
    qtbot.waitUntil(lambda: len(board.cards) == cards_before + 2, timeout=5000)
    qtbot.waitUntil(lambda: view.referrals.rowCount() == referrals_before + 2, timeout=5000)
    assert dialog.isVisible()


def test_a_sync_pull_shows_in_every_tab_the_board_the_home_screen_and_the_match_queue(
        qtbot: Any, tmp_path: Path, make_controller: Any) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        root = tmp_path / "poipet-a"
        ws = new_device(root, hq, "POIPET")
        ids = minor_case(ws)
        sync.sync_round(ws, options=fast_options())
        ws.close()

        c = make_controller(root, hooks={"sync": HqSync(options=fast_options()),
                                         "sync_first_delay": 3600.0})
        unlock_as(qtbot, c, "sup", PASSPHRASE)
        main = open_views(qtbot, c, ids["rescue"])
        board = main.referrals
        assert tab(main, 0) == "Victims (1)" and tab(main, 1) == "Statements (1)"
        assert tab(main, 3) == "Referrals (1)"
        cards_before = len(board.cards)
        main.go("home")
        wait_idle(qtbot, c)
        to_complete_before = main.home.loaded.today.to_complete

        # A second laptop of the post adds to the case: a victim (a possible match of the
        # first: same name), her statement and referral, and one more person from a quick
        # list.
        other = new_device(tmp_path / "poipet-b", hq, "POIPET")
        sync.sync_round(other, options=fast_options())
        twin = intake.add_victim(other, ids["rescue"], name_latin="Sok Dara", name_km="សុខ ដារា",
                                 sex="female", estimated_age=15, nationality="KHM")
        statements.record_statement(
            other, twin.id, interviewer="officer", language="km", narrative="again ...",
            child_protocol={k: True for k in statements.CHILD_PROTOCOL})
        referrals.create_referral(other, twin.id, service="medical", provider_code="PTC",
                                  due_date=dt.date(2030, 1, 1))
        from fieldapp.services import mass_intake

        mass_intake.quick_list(other, ids["rescue"], [{"name": "Chan Vuthy", "sex": "male",
                                                        "approx_age": 20}])
        assert matching.scan(other) >= 1
        sync.sync_round(other, options=fast_options())
        other.close()

        # Home and then the match queue are on screen while the window pulls it all.
        main.sync.run_round()
        qtbot.waitUntil(lambda: not main.sync.running, timeout=30_000)
        wait_idle(qtbot, c)
        # Both pulled people still lack languages: two more profiles to complete.
        qtbot.waitUntil(lambda: main.home.loaded.today.to_complete == to_complete_before + 2,
                        timeout=5000)
        assert main.home.loaded.sync.pending == main.pending == main.sync.status.pending

        qtbot.waitUntil(lambda: tab(main, 0) == "Victims (3)", timeout=5000)
        qtbot.waitUntil(lambda: tab(main, 1) == "Statements (2)", timeout=5000)
        qtbot.waitUntil(lambda: tab(main, 3) == "Referrals (2)", timeout=5000)
        qtbot.waitUntil(lambda: len(board.cards) == cards_before + 1, timeout=5000)
        assert any(card.referral.service == "medical" for card in board.cards)

        main.go("matches")
        wait_idle(qtbot, c)
        assert main.matches.items == [] or all(m.decision == "pending" for m in main.matches.items)
        shown = len(main.matches.items)
        # A second pull while the match queue is on screen: another device's scan result.
        other = new_device(tmp_path / "poipet-c", hq, "POIPET")
        sync.sync_round(other, options=fast_options())
        intake.add_victim(other, ids["rescue"], name_latin="Sok Dara", name_km="សុខ ដារា",
                          sex="female", estimated_age=15, nationality="KHM")
        assert matching.scan(other) >= 1
        sync.sync_round(other, options=fast_options())
        other.close()
        main.sync.run_round()
        qtbot.waitUntil(lambda: not main.sync.running, timeout=30_000)
        wait_idle(qtbot, c)
        qtbot.waitUntil(lambda: len(main.matches.items) > shown, timeout=5000)
        assert main.matches.table.rowCount() == len(main.matches.items)


def test_a_board_action_shows_in_the_open_case_the_status_bar_and_the_sync_panel(
        qtbot: Any, store: tuple[Path, dict[str, str]], make_controller: Any) -> None:
    root, ids = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = open_views(qtbot, c, ids["rescue"])
    new_before = main.home.loaded.today.new_referrals
    pending_before = main.pending
    view, board = main.case_view, main.referrals
    assert "Accepted" not in column(view.referrals, 4)

    board.accept(ids["referral5"])
    wait_idle(qtbot, c)

    qtbot.waitUntil(lambda: "Accepted" in column(view.referrals, 4), timeout=5000)
    qtbot.waitUntil(lambda: main.pending is not None and main.pending > pending_before,
                    timeout=5000)
    assert main.sync.status.pending == main.pending
    assert main.saved_label.text() == "✔ Saved: Referral"
    assert pending_everywhere(qtbot, c) == {main.pending}
    assert main.home.loaded.today.new_referrals == new_before - 1
