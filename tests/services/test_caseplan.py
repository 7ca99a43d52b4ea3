"""Case plan: follow-ups due on dates, overdue alerts per role; case closure keeps its reason."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, PermissionDenied
from fieldapp.services import auth, caseplan, casework, consent, intake, referrals
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Rescue
from tests.conftest import PASSPHRASE, add_user

TODAY = dt.date(2026, 6, 1)


def _person(ws: Workspace, rescue: Rescue, name: str) -> str:
    v = intake.add_victim(ws, rescue.id, name_latin=name, sex="female", estimated_age=15,
                          nationality="KHM", languages=["khm"])
    consent.record_consents(ws, v.id, {"recording": "given", "share_government": "given",
                                       "child_assent": "given", "guardian_authorisation": "given"})
    return v.id


def test_an_overdue_follow_up_is_listed_until_done(ws: Workspace, rescue: Rescue,
                                                  store_dir) -> None:  # type: ignore[no-untyped-def]
    a = _person(ws, rescue, "A")
    b = _person(ws, rescue, "B")
    late = caseplan.plan_follow_up(ws, a, action="home_visit", due_on="2026-05-20",
                                   assigned_to="Chan Dara")
    caseplan.plan_follow_up(ws, a, action="school_check", due_on="2026-07-01")  # not yet due
    caseplan.plan_follow_up(ws, b, action="phone_call", due_on="2026-05-31")
    listed = caseplan.overdue(ws, TODAY)
    assert [(s.person, s.action, s.overdue_on(TODAY)) for s in listed] == [
        ("A", "home_visit", 12), ("B", "phone_call", 1)]
    assert listed[0].case_number == rescue.case_number
    caseplan.complete_follow_up(ws, late.id, done_on="2026-06-01", outcome="Family well")
    assert [s.person for s in caseplan.overdue(ws, TODAY)] == ["B"]
    with pytest.raises(InvalidInput, match="already done"):
        caseplan.complete_follow_up(ws, late.id)
    plan = caseplan.case_plan(ws, a)
    assert [(s.action, s.done_on) for s in plan] == [("home_visit", dt.date(2026, 6, 1)),
                                                    ("school_check", None)]
    with pytest.raises(InvalidInput, match="follow-up"):
        caseplan.plan_follow_up(ws, a, action="home_visit", due_on="")

    # Another post's officer sees none of it; a centre only its referred people's steps.
    other = intake.create_rescue(ws, operation_date=dt.date(2026, 5, 1), province_code="KH-24",
                                 post_code="PAILIN", exploitation_type="labour")
    c = _person(ws, other, "C")
    ref = referrals.create_referral(ws, c, service="psychosocial", provider_code="PTC").id
    add_user(ws, "vichet", Role.OFFICER)
    add_user(ws, "dara", Role.CENTRE_STAFF, centre="PTC")
    ws.close()
    with auth.unlock(store_dir, "dara", PASSPHRASE) as centre:
        with pytest.raises(PermissionDenied, match="referred"):
            caseplan.plan_follow_up(centre, c, action="phone_call", due_on="2026-05-25")
        step = caseplan.plan_follow_up(centre, c, action="phone_call", due_on="2026-05-25",
                                       referral_id=ref)
        assert [s.id for s in caseplan.overdue(centre, TODAY)] == [step.id]
        assert [s.id for s in caseplan.case_plan(centre, c)] == [step.id]
        assert caseplan.case_plan(centre, a) == []  # planned by the post, not for the centre
        with pytest.raises(InvalidInput, match="another person"):
            caseplan.plan_follow_up(centre, a, action="phone_call", due_on="2026-05-25",
                                    referral_id=ref)
    with auth.unlock(store_dir, "vichet", PASSPHRASE) as officer:
        assert [s.person for s in caseplan.overdue(officer, TODAY)] == ["B"]  # POIPET only
        with pytest.raises(PermissionDenied):
            caseplan.case_plan(officer, c)
    with auth.unlock(store_dir, "sup", PASSPHRASE) as sup:
        assert [s.person for s in caseplan.overdue(sup, TODAY)] == ["C", "B"]


def test_closing_a_case_keeps_its_reason(ws: Workspace, rescue: Rescue) -> None:
    closed = casework.close_case(ws, rescue.id, "returned_and_followed_up", on="2026-06-01")
    assert closed.closure_reason == "returned_and_followed_up"
    with pytest.raises(InvalidInput, match="already closed"):
        casework.close_case(ws, rescue.id, "other")
