"""submit.prepare/submit: form choice by age, reference lists from the store, one transaction."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from fieldapp.domain.errors import InvalidInput
from fieldapp.formkit import FormState
from fieldapp.services import drafts, intake, submit
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Rescue, Victim


def test_prepare_chooses_the_child_form_and_store_lists(ws: Workspace, rescue: Any) -> None:
    child = intake.add_victim(ws, rescue.id, name_latin="C", sex="male", estimated_age=9)
    p = submit.prepare(ws, "statement", {"victim_id": child.id})
    assert p.form.form_id == "statement_child"
    assert p.context["victim_is_minor"] is True and p.context["victim_age"] == 9
    assert p.choices.get("victims") is not None
    assert p.choices.get("provinces").get("KH-1") is not None  # the store's codes


def test_rescue_submit_creates_people_found(ws: Workspace) -> None:
    p = submit.prepare(ws, "rescue", {})
    state = FormState(p.form, choices=p.choices, context=p.context)
    for name, value in {"operation_date": "2026-03-01", "place": "Poipet", "province_code": "KH-1",
                        "post_code": "POIPET", "unit": "AHT", "exploitation_type": "labour"}.items():
        state.set(name, value)
    state.add_repeat("people_found")
    state.set("sex", "female", (0,))
    state.set("approx_age", "12", (0,))
    result = submit.submit(ws, "rescue", {}, state.to_record_values())
    with ws.tx() as s:
        (v,) = s.scalars(select(Victim).where(Victim.rescue_id == result.entity_id))
        assert v.name_latin == "Unnamed person 1" and v.is_minor


def test_a_failed_submit_changes_nothing_and_keeps_the_draft(ws: Workspace, rescue: Any) -> None:
    draft_id = drafts.save_draft(ws, "rescue", {}, {"answers": {}})
    values = {"operation_date": "2026-03-01", "place": "X", "province_code": "KH-1",
              "post_code": "NOWHERE", "unit": "", "exploitation_type": "labour", "notes": None,
              "people_found": []}
    with pytest.raises(InvalidInput):
        submit.submit(ws, "rescue", {}, values, draft_id)
    with ws.tx() as s:
        assert len(s.scalars(select(Rescue)).all()) == 1  # only the fixture's
    assert [d.id for d in drafts.list_drafts(ws)] == [draft_id]


def test_return_needs_an_open_reintegration_referral(ws: Workspace, rescue: Any) -> None:
    v = intake.add_victim(ws, rescue.id, name_latin="A", sex="male", estimated_age=30)
    with pytest.raises(InvalidInput, match="reintegration"):
        submit.submit(ws, "return_reintegration", {"victim_id": v.id},
                      {"victim_id": v.id, "return_date": None})


def test_a_new_form_starts_from_what_the_device_knows(ws: Workspace, rescue: Any) -> None:
    from fieldapp.services import intake, submit

    new_rescue = submit.prepare(ws, "rescue", {})
    assert new_rescue.initial["post_code"] == "POIPET"
    assert new_rescue.initial["province_code"] == "KH-1"  # Poipet's province
    victim = intake.add_victim(ws, rescue.id, name_latin="Sok Dara", name_km="សុខ ដារា", sex="female",
                               estimated_age=30)
    statement = submit.prepare(ws, "statement", {"victim_id": victim.id})
    assert statement.initial["interviewer"] == "sup"
    assert statement.subject == "សុខ ដារា / Sok Dara"
    # Editing keeps the record's own answers: nothing is overwritten by the defaults.
    edit = submit.prepare(ws, "rescue", {"rescue_id": rescue.id})
    assert edit.initial["place"] == "Poipet market"
