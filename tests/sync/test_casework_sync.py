"""Family, tracing and the case plan over a real HQ (SQLite and PostgreSQL): the post records
the home village, guardian and a follow-up; the centre it refers to sees the family, records
the tracing outcome and its own follow-up; the post sees both. Nothing is parked."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.domain.enums import Role
from fieldapp.services import caseplan, casework, consent, family, intake, referrals, sync
from fieldapp.store.models import FamilyMember, Referral, Victim
from tests.conftest import add_user
from tests.support.syncenv import fast_options, hq_running, minor_case, new_device, unlock

HOME = {"home_province": "01", "home_district": "0102", "home_commune": "010201",
        "home_village": "01020101"}


@pytest.mark.parametrize("db_kind", ["sqlite", "postgresql"])
def test_family_tracing_and_follow_ups_sync_between_post_and_centre(db_kind: str,
                                                                   tmp_path: Path) -> None:
    opts = fast_options()
    with hq_running(db_kind, tmp_path) as hq:
        post_root, centre_root = tmp_path / "poipet", tmp_path / "ptc"
        post = new_device(post_root, hq, "POIPET")
        ids = minor_case(post)
        victim_id = ids["victim"]
        intake.update_victim(post, victim_id, **HOME, social_worker="Chan Dara",
                             guardian={"name": "Sok Phalla", "relationship": "mother",
                                       "same_address": "yes"})
        family.save_member(post, victim_id, name="Sok Vuthy", relationship="aunt_uncle")
        consent.record_consents(post, victim_id, {
            "recording": "given", "share_government": "given", "child_assent": "given",
            "guardian_authorisation": "given"})
        tracing = referrals.create_referral(post, victim_id, service="family_tracing",
                                            provider_code="PTC").id
        caseplan.plan_follow_up(post, victim_id, action="case_review", due_on="2026-04-01")
        going_home = referrals.create_referral(post, victim_id, service="reintegration",
                                               provider_code="PTC").id
        first = sync.sync_round(post, options=opts)
        assert first.pending == 0 and first.refused == 0
        post.close()

        centre = new_device(centre_root, hq, "PTC", role=Role.CENTRE_STAFF, centre="PTC")
        add_user(centre, "staff", Role.CENTRE_STAFF, centre="PTC")
        centre.close()
        staff = unlock(centre_root, "staff")
        got = sync.sync_round(staff, options=opts)
        assert got.parked == 0
        # What tracing needs: the home village and the family; still nothing of the case.
        with staff.tx() as s:
            victim = s.get(Victim, victim_id)
            assert victim is not None and victim.rescue_id is None
            assert (victim.home_village, victim.social_worker) == ("01020101", "Chan Dara")
            kin = sorted((m.relationship, m.is_guardian) for m in s.scalars(select(FamilyMember)))
            assert kin == [("aunt_uncle", False), ("mother", True)]
        assert caseplan.case_plan(staff, victim_id) == []  # the post's plan stays the post's
        casework.record_tracing(staff, tracing, "traced_safe", on="2026-04-03", by="Chan Dara")
        step = caseplan.plan_follow_up(staff, victim_id, action="home_visit",
                                       due_on="2026-04-20", referral_id=tracing)
        # The centre records the return itself (safe family): the post must count it.
        casework.record_return(staff, going_home, return_date="2026-04-10", province_code="KH-1",
                               family_safety="safe", follow_up_plan="monthly visits")
        done = sync.sync_round(staff, options=opts)
        assert done.pending == 0 and done.refused == 0
        staff.close()

        post = unlock(post_root)
        back = sync.sync_round(post, options=opts)
        assert back.pulled > 0 and back.parked == 0
        assert casework.tracing_of(post, victim_id) == {
            "outcome": "traced_safe", "on": "2026-04-03", "by": "Chan Dara"}
        steps = caseplan.case_plan(post, victim_id)
        assert sorted(s.action for s in steps) == ["case_review", "home_visit"]
        assert step.id in {s.id for s in steps}
        with post.tx() as s:
            back_home = s.get(Referral, going_home)
            assert back_home is not None and back_home.outcome == "returned_home"
            assert back_home.return_details["family_safety"] == "safe"
        members = family.family_of(post, victim_id)
        assert [(m.relationship, m.is_guardian) for m in members] == [("mother", True),
                                                                       ("aunt_uncle", False)]
        post.close()
