"""Structured return (an unsafe family is not "returned home") and the cross-border handover."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, PermissionDenied
from fieldapp.reports.definitions import ReportFilter
from fieldapp.services import auth, casework, consent, intake, referrals, submit
from fieldapp.services.figures import figures_for
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Rescue
from tests.conftest import PASSPHRASE, add_user

YEAR = ReportFilter.year(2026)


def _returnee(ws: Workspace, rescue: Rescue, name: str) -> str:
    v = intake.add_victim(ws, rescue.id, name_latin=name, sex="female", estimated_age=15,
                          nationality="KHM", languages=["khm"])
    consent.record_consents(ws, v.id, {"recording": "given", "share_government": "given",
                                       "child_assent": "given", "guardian_authorisation": "given"})
    return referrals.create_referral(ws, v.id, service="reintegration", provider_code="PTC").id


def test_an_unsafe_return_is_not_counted_as_returned_home(ws: Workspace, rescue: Rescue,
                                                          store_dir) -> None:  # type: ignore[no-untyped-def]
    safe = _returnee(ws, rescue, "A")
    unsafe = _returnee(ws, rescue, "B")
    casework.record_return(ws, safe, return_date="2026-03-20", province_code="KH-2",
                           family_safety="safe", follow_up_plan="monthly visits")
    with pytest.raises(InvalidInput, match="alternative_care_plan"):
        casework.record_return(ws, unsafe, return_date="2026-03-20", province_code="KH-2",
                               family_safety="unsafe")
    add_user(ws, "vichet", Role.OFFICER)
    ws.close()
    with auth.unlock(store_dir, "vichet", PASSPHRASE) as officer:
        with pytest.raises(PermissionDenied, match="supervisor"):
            casework.record_return(officer, unsafe, return_date="2026-03-20", province_code="KH-2",
                                   family_safety="unsafe", alternative_care_plan="CWCC shelter")
    with auth.unlock(store_dir, "sup", PASSPHRASE) as sup:
        done = casework.record_return(sup, unsafe, return_date="2026-03-20", province_code="KH-2",
                                      family_safety="unsafe",
                                      alternative_care_plan="Kinship care with an aunt in Battambang")
        assert done.outcome == "alternative_care" and done.return_details["approved_by"] == "sup"
        assert done.status == "completed"
        figs = figures_for(sup, YEAR)
        assert figs.yoy["victims_returned_home"].current == 1


def test_the_return_form_records_the_safety_assessment(ws: Workspace, rescue: Rescue) -> None:
    ref = _returnee(ws, rescue, "C")
    v = referrals.referral_queue(ws)[0].victim.id
    submit.submit(ws, "return_reintegration", {"victim_id": v},
                  {"victim_id": v, "return_date": dt.date(2026, 3, 20),
                   "destination_province": "KH-2", "family_safety": "safe",
                   "follow_up_plan": "visits", "services_given": ["reintegration"]})
    [card] = [c for c in referrals.referral_queue(ws) if c.referral.id == ref]
    assert card.referral.outcome == "returned_home"
    assert card.referral.return_details["family_safety"] == "safe"


def test_a_thai_handover_is_counted_as_cross_border(ws: Workspace) -> None:
    values = {"intake_kind": "handover", "referring_agency": "Royal Thai Police, Aranyaprathet",
              "referring_country": "THA", "foreign_case_number": "AT-2026/118",
              "handover_date": dt.date(2026, 4, 2), "crossing_point": "POIPET",
              "documents_received": ["referral_letter", "interview_record"],
              "operation_date": dt.date(2026, 4, 2), "province_code": "KH-1", "post_code": "POIPET",
              "exploitation_type": "labour", "countries_recruitment": ["KHM"],
              "countries_exploitation": ["THA"]}
    done = submit.submit(ws, "handover", {}, values)
    handover = intake.get_case(ws, done.entity_id).rescue
    assert handover.intake_kind == "handover" and handover.foreign_case_number == "AT-2026/118"
    intake.create_rescue(ws, operation_date=dt.date(2026, 4, 3), province_code="KH-1",
                         exploitation_type="begging")  # domestic
    figs = figures_for(ws, YEAR)
    assert figs.yoy["cases"].current == 2 and figs.yoy["cross_border_cases"].current == 1
    with pytest.raises(InvalidInput, match="handover needs"):
        intake.create_rescue(ws, operation_date=dt.date(2026, 4, 3), province_code="KH-1",
                             exploitation_type="labour", intake_kind="handover")
    with pytest.raises(InvalidInput, match="countries_transit"):
        intake.create_rescue(ws, operation_date=dt.date(2026, 4, 3), province_code="KH-1",
                             exploitation_type="labour", countries_transit=["XX"])


def test_sent_to_court_counts_by_the_day_the_status_was_set(ws: Workspace) -> None:
    old = intake.create_rescue(ws, operation_date=dt.date(2025, 11, 2), province_code="KH-1",
                               exploitation_type="labour")
    s = intake.add_suspect(ws, old.id, name="Broker", role="broker")
    intake.update_suspect(ws, s.id, status="sent_to_court")  # today: counts this year
    today = dt.date.today()
    figs = figures_for(ws, ReportFilter.year(today.year))
    assert figs.yoy["suspects_sent_to_court"].current == 1
    assert figs.yoy["cases"].current == 0  # the case itself is from an earlier year


def test_pending_people_are_left_out_of_the_figures_until_screened(ws: Workspace) -> None:
    from fieldapp.services import mass_intake, screening

    r = intake.create_rescue(ws, operation_date=dt.date(2026, 5, 1), province_code="KH-1",
                             exploitation_type="online_scam")
    ids = mass_intake.quick_list(ws, r.id, [{"name": f"P{i}", "sex": "male"} for i in range(5)])
    assert figures_for(ws, YEAR).yoy["victims"].current == 0
    screening.screen_many(ws, ids[:3], "identified_victim", "social_affairs", dt.date(2026, 5, 2))
    screening.screen(ws, ids[3], "not_a_victim", "police", dt.date(2026, 5, 2))
    assert figures_for(ws, YEAR).yoy["victims"].current == 3


def test_centre_staff_refer_onward_within_the_persons_consent(ws: Workspace, rescue: Rescue,
                                                              store_dir) -> None:  # type: ignore[no-untyped-def]
    v = intake.add_victim(ws, rescue.id, name_latin="D", sex="female", estimated_age=30,
                          nationality="KHM")
    consent.record_consents(ws, v.id, {"recording": "given", "share_government": "given",
                                       "share_ngo": "refused"})
    held = referrals.create_referral(ws, v.id, service="shelter", provider_code="PTC")
    add_user(ws, "dara", Role.CENTRE_STAFF, centre="PTC")
    ws.close()
    with auth.unlock(store_dir, "dara", PASSPHRASE) as centre:
        with pytest.raises(InvalidInput, match="accept"):
            casework.refer_onward(centre, held.id, service="medical", provider_code="HOSP-BMC")
        referrals.accept_referral(centre, held.id)
        onward = casework.refer_onward(centre, held.id, service="medical", provider_code="HOSP-BMC")
        assert onward.victim_id == v.id and onward.status == "sent"
        with pytest.raises(referrals.ConsentMissing):
            casework.refer_onward(centre, held.id, service="legal_aid", provider_code="LSCW")
        with pytest.raises(PermissionDenied):
            casework.refer_onward(centre, held.id, service="legal_aid", provider_code="LSCW",
                                  override_reason="court date tomorrow")


def test_a_case_is_closed_with_a_reason(ws: Workspace, rescue: Rescue) -> None:
    with pytest.raises(InvalidInput, match="closure_reason"):
        casework.close_case(ws, rescue.id, "")
    with pytest.raises(InvalidInput, match="closure_reason"):
        casework.close_case(ws, rescue.id, "bored")
    closed = casework.close_case(ws, rescue.id, "lost_contact", dt.date(2026, 6, 1))
    assert (closed.closed_on, closed.closure_reason) == (dt.date(2026, 6, 1), "lost_contact")
    with pytest.raises(InvalidInput, match="already closed"):
        casework.close_case(ws, rescue.id, "other")
