"""Child safeguards: a social worker present unless a supervisor says why not; repeat interviews warn."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, PermissionDenied
from fieldapp.formkit import FormState
from fieldapp.services import auth, intake, safeguards, statements, submit
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import AuditEvent, Rescue
from tests.conftest import PASSPHRASE, add_user

PROTOCOL = {k: True for k in statements.CHILD_PROTOCOL}


def test_a_child_statement_needs_a_social_worker_or_a_supervisors_reason(
        ws: Workspace, rescue: Rescue, store_dir) -> None:  # type: ignore[no-untyped-def]
    child = intake.add_victim(ws, rescue.id, name_latin="C", sex="female", estimated_age=13)
    st = statements.record_statement(ws, child.id, narrative="...",
                                     child_protocol={**PROTOCOL, "social_worker_present": False,
                                                     "no_social_worker_reason": "none on duty"})
    with pytest.raises(InvalidInput, match="social worker"):
        statements.finalise_statement(ws, st.id)
    add_user(ws, "vichet", Role.OFFICER)
    ws.close()
    with auth.unlock(store_dir, "vichet", PASSPHRASE) as officer:
        with pytest.raises(PermissionDenied):
            safeguards.waive_social_worker(officer, st.id, "none on duty")
    with auth.unlock(store_dir, "sup", PASSPHRASE) as sup:
        safeguards.waive_social_worker(sup, st.id, "Night handover; none on duty until 8:00")
        done = statements.finalise_statement(sup, st.id)
        assert done.child_protocol["social_worker_waived_by"] == "sup"


def test_a_second_final_statement_from_the_same_child_warns(ws: Workspace, rescue: Rescue) -> None:
    child = intake.add_victim(ws, rescue.id, name_latin="C", sex="male", estimated_age=12)
    assert safeguards.repeat_interview_warning(ws, child.id) is None
    first = statements.record_statement(ws, child.id, narrative="one", child_protocol=PROTOCOL)
    statements.finalise_statement(ws, first.id)
    assert "already given a final statement" in (safeguards.repeat_interview_warning(ws, child.id) or "")
    prepared = submit.prepare(ws, "statement", {"victim_id": child.id})
    assert prepared.form.form_id == "statement_child"
    state = FormState(prepared.form, choices=prepared.choices, context=prepared.context)
    assert state.is_relevant("repeat_interview_warning")
    second = statements.record_statement(ws, child.id, narrative="two", child_protocol=PROTOCOL)
    statements.finalise_statement(ws, second.id)
    with ws.tx() as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).where(AuditEvent.entity_id == second.id))]
    assert "repeat_child_statement" in actions
