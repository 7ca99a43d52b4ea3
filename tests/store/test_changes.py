from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from fieldapp.domain.errors import InvalidInput
from fieldapp.domain.hlc import Hlc
from fieldapp.services import intake
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Outbox, Rescue
from tests.support.cases import set_case_code


def outbox(ws: Workspace) -> list[Outbox]:
    with ws.tx() as s:
        return list(s.scalars(select(Outbox).order_by(Outbox.seq)))


def test_every_change_is_queued_in_the_same_transaction_with_dense_seqs(ws: Workspace, rescue: Rescue) -> None:
    victim = intake.add_victim(ws, rescue.id, name_latin="Sok Dara", sex="male", estimated_age=30)
    intake.update_victim(ws, victim.id, estimated_age=31)
    rows = outbox(ws)
    assert [r.seq for r in rows] == list(range(1, len(rows) + 1))
    assert [(r.entity, r.entity_id) for r in rows] == [
        ("rescue", rescue.id), ("victim", victim.id), ("victim", victim.id)]
    assert rows[-1].fields == {"estimated_age": 31}
    assert rows[0].fields["case_number"] == rescue.case_number
    assert Hlc.parse(rows[2].hlc) > Hlc.parse(rows[1].hlc)


def test_a_failed_change_leaves_no_outbox_row(ws: Workspace, rescue: Rescue) -> None:
    before = len(outbox(ws))
    with pytest.raises(InvalidInput):
        with ws.tx():
            intake.add_victim(ws, rescue.id, name_latin="Ly Sokha", sex="female")
            intake.add_victim(ws, rescue.id, name_latin="X", sex="not-a-sex")
    assert len(outbox(ws)) == before


def test_field_stamps_record_which_edit_is_newer(ws: Workspace, rescue: Rescue) -> None:
    intake.update_rescue(ws, rescue.id, place="Casino compound")
    with ws.tx() as s:
        r = s.get(Rescue, rescue.id)
        assert r is not None
        assert r.stamp_of("place") > r.stamp_of("unit") == r.hlc["*"]


def test_a_batch_flushes_once_and_stays_consistent(ws: Workspace) -> None:
    set_case_code(ws, "B")
    with ws.tx():
        for day in range(1, 30):
            r = intake.create_rescue(ws, operation_date=dt.date(2026, 1, day), province_code="KH-1",
                                     exploitation_type="begging")
            intake.add_victim(ws, r.id, name_km="ចាន់ ធីតា", sex="female", estimated_age=12)
    with ws.tx() as s:
        assert s.scalar(select(func.count()).select_from(Outbox)) == 58
        numbers = list(s.scalars(select(Rescue.case_number).order_by(Rescue.case_number)))
    assert numbers[0] == "POIPET-2026-B-0001" and numbers[-1] == "POIPET-2026-B-0029"


def test_a_cases_records_travel_with_its_post(ws: Workspace) -> None:
    """A supervisor entering a Bavet paper form: every record of it is routed to BAVET."""
    from fieldapp.services import referrals, statements

    with ws.tx():
        r = intake.create_rescue(ws, operation_date=dt.date(2026, 4, 1), province_code="KH-20",
                                 post_code="BAVET", exploitation_type="labour")
        v = intake.add_victim(ws, r.id, name_latin="Seng Thy", sex="male", estimated_age=22)
        statements.record_statement(ws, v.id, narrative="text")
    intake.add_suspect(ws, r.id, alias="Boss", role="broker")
    ref = referrals.create_referral(ws, v.id, service="shelter", provider_code="PTC")
    referrals.accept_referral(ws, ref.id)
    posts = {(row.entity, row.post_code) for row in outbox(ws)}
    assert {p for e, p in posts} == {"BAVET"}
    assert {e for e, p in posts} == {"rescue", "victim", "statement", "suspect", "referral",
                                      "referral_event"}


def test_a_whole_snapshot_keeps_one_stamp_for_every_field(ws: Workspace, rescue: Rescue) -> None:
    """Finalising sends every field under one new stamp; the record keeps just that stamp
    (not one copy per field), and every field still reads it."""
    from fieldapp.services import statements
    from fieldapp.store.models import Statement

    victim = intake.add_victim(ws, rescue.id, name_latin="Sok Dara", sex="female",
                               estimated_age=30)
    st = statements.record_statement(ws, victim.id, narrative="first", language="km")
    statements.update_statement(ws, st.id, narrative="second")
    with ws.tx() as s:
        edited = s.get(Statement, st.id)
        assert edited is not None and set(edited.hlc) == {"*", "narrative"}
    statements.finalise_statement(ws, st.id)
    last = outbox(ws)[-1]
    with ws.tx() as s:
        final = s.get(Statement, st.id)
        assert final is not None and final.hlc == {"*": last.hlc}
        assert {final.stamp_of(k) for k in last.fields} == {last.hlc}
