"""Finishing every task from the case view: complete a quick-listed person (the SAME record),
edit a suspect, finalise a statement (its seal in words), amend a final one, cancel a
referral, record a return. Each write confirms itself and the open case updates."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox
from shiboken6 import isValid
from uihelpers import PASSPHRASES, unlock_as, wait_idle

from fieldapp.services import auth, intake, referrals, statements, submit
from fieldapp.ui import forms
from fieldapp.ui.forms.dialog import FormDialog
from tests.ui.forms.formhelpers import fill


def opened_form(qtbot: Any, opener: Any) -> FormDialog:
    opener()
    dialog = forms.last_opened
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    return dialog


def column(table: Any, col: int) -> list[str]:
    return [table.item(r, col).text() for r in range(table.rowCount())]


def open_case(qtbot: Any, c: Any, rescue_id: str) -> Any:
    unlock_as(qtbot, c, "sup")
    c.shell.main.go("cases")
    wait_idle(qtbot, c)
    c.shell.main.open_case(rescue_id)
    wait_idle(qtbot, c)
    return c.shell.main.case_view


def quick_listed_rescue(root: Path) -> str:
    """A rescue saved with three people on its quick list (names and sexes only)."""
    ws = auth.unlock(root, "sup", PASSPHRASES["sup"])
    try:
        done = submit.submit(ws, "rescue", {}, {
            "operation_date": dt.date(2026, 5, 2), "province_code": "KH-1", "post_code": "POIPET",
            "exploitation_type": "labour", "place": "Poipet",
            "people_found": [{"name": "ស្រី មុំ", "sex": "female", "approx_age": 16},
                             {"name": "Dara", "sex": "male", "approx_age": 30},
                             {"name": "", "sex": "female", "approx_age": 25}]})
        return done.entity_id
    finally:
        ws.close()


def test_completing_a_quick_listed_person_edits_that_person_never_a_new_one(
        qtbot: Any, store: tuple[Path, dict[str, str]], make_controller: Any) -> None:
    root, _ids = store
    rescue_id = quick_listed_rescue(root)
    c = make_controller(root)
    view = open_case(qtbot, c, rescue_id)
    assert view.victims.rowCount() == 3
    assert column(view.victims, 7) == ["to complete"] * 3
    assert column(view.victims, 5) == ["-"] * 3
    view.victims.selectRow(1)
    dialog = opened_form(qtbot, view.edit_victim)
    assert dialog.controller is not None
    assert dialog.controller.state.get("name_latin") == "Dara"  # the quick-list answers are there
    fill(dialog, "nationality", "THA")
    fill(dialog, "languages", ["tha", "khm"])
    fill(dialog, "documents", ["none"])
    fill(dialog, "consent_given", "given")
    dialog.submit()
    wait_idle(qtbot, c)

    qtbot.waitUntil(lambda: column(view.victims, 5).count("Thailand") == 1, timeout=5000)
    assert view.victims.rowCount() == 3  # the same person, completed: no eighth victim
    row = column(view.victims, 1).index("Dara")
    assert view.victims.item(row, 7).text() == "complete"
    assert view.victims.item(row, 6).text() == "Khmer, Thai"
    assert c.shell.main.saved_label.text() == "✔ Saved: Victim"


def test_a_suspect_is_edited_in_place(qtbot: Any, store: tuple[Path, dict[str, str]],
                                      make_controller: Any) -> None:
    root, ids = store
    c = make_controller(root)
    view = open_case(qtbot, c, ids["rescue"])
    view.tabs.setCurrentIndex(2)
    view.suspects.selectRow(0)
    dialog = opened_form(qtbot, view.edit_suspect)
    fill(dialog, "status", "arrested")
    dialog.submit()
    wait_idle(qtbot, c)
    qtbot.waitUntil(lambda: column(view.suspects, 4) == ["Arrested"], timeout=5000)
    assert view.suspects.rowCount() == 1


def test_finalise_then_amend_a_statement(qtbot: Any, store: tuple[Path, dict[str, str]],
                                         make_controller: Any, monkeypatch: Any) -> None:
    root, ids = store
    ws = auth.unlock(root, "sup", PASSPHRASES["sup"])
    draft = statements.record_statement(
        ws, ids["victim"], interviewer="Officer Vichet", language="tha", narrative="what she said",
        interpreter="Ms Nok", place="Poipet police post",
        child_protocol={k: (2 if k == "breaks_taken" else True) for k in statements.CHILD_PROTOCOL})
    ws.close()
    c = make_controller(root)
    view = open_case(qtbot, c, ids["rescue"])
    view.tabs.setCurrentIndex(1)
    row = next(r for r in range(view.statements.rowCount())
               if view.statements.item(r, 0).data(256) == draft.id)
    view.statements.selectRow(row)
    assert view.finalise_button.isEnabled() and not view.amend_button.isEnabled()
    assert view.statements.item(row, 5).text() == "not sealed (draft)"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    view.finalise_button.click()
    wait_idle(qtbot, c)
    assert view.banner.text() == "The statement is final and sealed."
    cell = view.statements.item(row, 5).text()
    assert cell.startswith("sealed, cannot change (") and len(cell) > 30
    assert view.amend_button.isEnabled() and not view.finalise_button.isEnabled()

    count = view.statements.rowCount()
    dialog = opened_form(qtbot, view.amend_statement)
    assert dialog.controller is not None
    assert dialog.controller.state.get("narrative") == "what she said"
    fill(dialog, "narrative", "what she said, corrected")
    dialog.submit()
    wait_idle(qtbot, c)
    assert not isValid(dialog) or not dialog.isVisible(), dialog.banner.text()  # saved and closed
    qtbot.waitUntil(lambda: view.statements.rowCount() == count + 1, timeout=5000)
    assert any("(amendment)" in s for s in column(view.statements, 2))
    all_st = statements.statements_of(c.ws, ids["victim"])  # the window's own workspace
    original = statements.view_statement(c.ws, draft.id)
    amendment = statements.view_statement(c.ws, next(s.id for s in all_st if s.amends_id == draft.id))
    assert original.narrative == "what she said"  # the final one never changed
    assert amendment.narrative == "what she said, corrected"


def test_cancel_a_referral_and_record_a_return(qtbot: Any, store: tuple[Path, dict[str, str]],
                                               make_controller: Any) -> None:
    root, ids = store
    ws = auth.unlock(root, "sup", PASSPHRASES["sup"])
    ret = referrals.create_referral(ws, ids["victim"], service="reintegration", provider_code="PTC",
                                    due_date=dt.date(2030, 1, 1))
    ws.close()
    c = make_controller(root)
    view = open_case(qtbot, c, ids["rescue"])
    view.tabs.setCurrentIndex(3)
    shelter = next(r for r in range(view.referrals.rowCount())
                   if view.referrals.item(r, 0).data(256) == ids["referral5"])
    view.referrals.selectRow(shelter)
    assert view.cancel_referral_button.isEnabled()
    view.cancel_referral(ids["referral5"], "family found her first")
    wait_idle(qtbot, c)
    assert view.banner.text() == "The referral was cancelled."
    assert view.referrals.item(shelter, 4).text() == "Cancelled"

    view.tabs.setCurrentIndex(0)
    view.victims.selectRow(0)
    dialog = opened_form(qtbot, view.record_return)
    fill(dialog, "return_date", dt.date(2026, 6, 1))
    fill(dialog, "destination_province", "KH-1")
    fill(dialog, "family_safety", "safe")
    fill(dialog, "follow_up_plan", "visit in a month")
    dialog.submit()
    wait_idle(qtbot, c)
    qtbot.waitUntil(lambda: "Completed" in column(view.referrals, 4), timeout=5000)
    done = [r for r in intake.get_case(c.ws, ids["rescue"]).referrals if r.id == ret.id]
    assert done[0].status == "completed"
