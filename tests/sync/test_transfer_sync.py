"""A case transferred between posts over a real HQ (SQLite and PostgreSQL): the receiving
post gets the whole case and works on it; the sending post keeps it as read-only history."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import CaseHandedOver, InvalidInput
from fieldapp.services import caseplan, casework, family, intake, statements, sync
from fieldapp.store.models import FollowUp, Rescue, Statement, Victim
from tests.conftest import add_user
from tests.support.syncenv import fast_options, hq_running, minor_case, new_device, unlock


@pytest.mark.parametrize("db_kind", ["sqlite", "postgresql"])
def test_a_case_transferred_from_poipet_to_bavet(db_kind: str, tmp_path: Path) -> None:
    opts = fast_options()
    with hq_running(db_kind, tmp_path) as hq:
        poipet_root, bavet_root = tmp_path / "poipet", tmp_path / "bavet"
        poipet = new_device(poipet_root, hq, "POIPET")
        ids = minor_case(poipet)
        family.save_member(poipet, ids["victim"], name="Sok Phalla", relationship="mother",
                           is_guardian=True)
        caseplan.plan_follow_up(poipet, ids["victim"], action="home_visit", due_on="2026-05-01")
        with pytest.raises(InvalidInput, match="reason"):
            casework.transfer_case(poipet, ids["rescue"], "BAVET", "")
        casework.transfer_case(poipet, ids["rescue"], "BAVET",
                               "the family lives in Svay Rieng", on="2026-04-20")
        sent = sync.sync_round(poipet, options=opts)
        assert sent.pending == 0 and sent.refused == 0
        # Read-only history here: still readable, every change refused.
        case = intake.get_case(poipet, ids["rescue"])
        assert case.rescue.post_code == "POIPET" and len(case.victims) == 1
        with pytest.raises(CaseHandedOver, match="BAVET"):
            intake.update_victim(poipet, ids["victim"], contact_phone="099 999 999")
        with pytest.raises(CaseHandedOver):
            caseplan.plan_follow_up(poipet, ids["victim"], action="phone_call",
                                    due_on="2026-05-02")
        with pytest.raises(InvalidInput, match="already transferred"):
            casework.transfer_case(poipet, ids["rescue"], "PAILIN", "again")
        poipet.close()

        bavet = new_device(bavet_root, hq, "BAVET")
        add_user(bavet, "keo", Role.OFFICER)
        bavet.close()
        officer = unlock(bavet_root, "keo")
        got = sync.sync_round(officer, options=opts)
        assert got.parked == 0 and got.set_aside == 0
        case = intake.get_case(officer, ids["rescue"])  # an officer of Bavet may open it now
        assert case.rescue.post_code == "BAVET" and [v.id for v in case.victims] == [ids["victim"]]
        with officer.tx() as s:
            assert int(s.scalar(select(func.count()).select_from(Statement)) or 0) == 1
            assert int(s.scalar(select(func.count()).select_from(FollowUp)) or 0) == 1
        [move] = casework.transfers_of(officer, ids["rescue"])
        assert (move.from_post, move.to_post, move.reason) == (
            "POIPET", "BAVET", "the family lives in Svay Rieng")
        assert [m.name for m in family.family_of(officer, ids["victim"])] == ["Sok Phalla"]
        assert statements.view_statement(officer, ids["statement"]).narrative == "what happened ..."
        intake.update_victim(officer, ids["victim"], contact_phone="097 111 222")
        caseplan.plan_follow_up(officer, ids["victim"], action="phone_call", due_on="2026-05-02")
        worked = sync.sync_round(officer, options=opts)
        assert worked.pending == 0 and worked.refused == 0
        officer.close()

        poipet = unlock(poipet_root)
        after = sync.sync_round(poipet, options=opts)
        assert after.refused == 0
        with poipet.tx() as s:  # Poipet no longer receives the case: its copy is as it left
            victim = s.get(Victim, ids["victim"])
            assert victim is not None and victim.contact_phone == "012 345 678"
            rescue = s.get(Rescue, ids["rescue"])
            assert rescue is not None and rescue.post_code == "POIPET"
        poipet.close()
