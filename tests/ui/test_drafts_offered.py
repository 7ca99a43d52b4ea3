"""Unfinished forms are offered at unlock (after a crash, a power cut, or a lock mid-form)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from uihelpers import PASSPHRASES, unlock_as, wait_idle

from fieldapp.formkit import FormState
from fieldapp.services import auth, drafts, submit
from fieldapp.ui import forms


def test_a_draft_left_by_a_crash_is_offered_at_unlock_and_resumes(
        qtbot: Any, store: tuple[Path, dict[str, str]], make_controller: Any) -> None:
    root, ids = store
    # What a killed window leaves behind: the encrypted draft of a half-typed statement.
    ws = auth.unlock(root, "off", PASSPHRASES["off"])
    context = {"rescue_id": ids["rescue"], "victim_id": ids["victim"]}
    prepared = submit.prepare(ws, "statement", context)
    state = FormState(prepared.form, choices=prepared.choices, context=prepared.context)
    state.set("interviewer", "Officer Dara")
    state.set("place", "Poipet post")
    drafts.save_draft(ws, prepared.form.form_id, context, state.to_draft())
    ws.close()
    forms.last_offer = None
    c = make_controller(root)
    unlock_as(qtbot, c, "off")
    qtbot.waitUntil(lambda: forms.last_offer is not None and forms.last_offer.isVisible(),
                    timeout=5000)
    offer = forms.last_offer
    assert offer.list.count() == 1
    assert "Statement" in offer.list.item(0).text() or "statement" in offer.list.item(0).text()
    assert offer.resume_button.isDefault()  # Enter resumes: it never discards
    offer.resume_button.click()
    dialog = forms.last_opened
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.ready, timeout=10_000)
    assert dialog.controller is not None
    assert dialog.controller.state.get("interviewer") == "Officer Dara"
    wait_idle(qtbot, c)


def test_nothing_is_offered_to_a_user_without_drafts(
        qtbot: Any, store: tuple[Path, dict[str, str]], make_controller: Any) -> None:
    root, _ids = store
    forms.last_offer = None
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    wait_idle(qtbot, c)
    assert forms.last_offer is None
