"""Family, guardian and home address (Cambodia's gazetteer); family tracing by centre staff."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, PermissionDenied
from fieldapp.reports.definitions import ReportFilter
from fieldapp.services import (
    auth,
    caseplan,
    casework,
    consent,
    family,
    intake,
    referrals,
    submit,
)
from fieldapp.services.figures import figures_for
from fieldapp.services.workspace import Workspace
from fieldapp.store import gazetteer
from fieldapp.store.models import FamilyMember, Rescue
from tests.conftest import PASSPHRASE, add_user

#: Banteay Meanchey > Mongkol Borei > Banteay Neang > Ou Thum (codes from the 2025 list).
HOME = {"home_province": "01", "home_district": "0102", "home_commune": "010201",
        "home_village": "01020101"}


def test_the_gazetteer_is_complete_and_consistent() -> None:
    units = gazetteer.units()
    by_level = {lv: sum(1 for c in units if len(c) == n) for lv, n in gazetteer.LEVELS}
    assert by_level == {"province": 25, "district": 210, "commune": 1661, "village": 14488}
    assert all(c[:-2] in units for c in units if len(c) > 2)  # every unit inside its parent
    assert all(en and km for en, km in units.values())
    assert gazetteer.name("24", "km") == "ប៉ៃលិន" and gazetteer.name("24") == "Pailin"
    assert gazetteer.describe({"province": "01", "district": "0102", "commune": "010201",
                               "village": "01020101"}) == ("Ou Thum, Banteay Neang, "
                                                           "Mangkul Bourei, Banteay Meanchey")


def test_a_fifteen_year_old_returned_through_poipet(ws: Workspace, store_dir) -> None:  # type: ignore[no-untyped-def]
    """Handed over at Poipet: guardian, home village, social worker, tracing by the centre,
    a safe return and a follow-up on the case plan."""
    handover = submit.submit(ws, "handover", {}, {
        "intake_kind": "handover", "referring_agency": "Royal Thai Police, Aranyaprathet",
        "referring_country": "THA", "foreign_case_number": "AT-2026/201",
        "handover_date": dt.date(2026, 5, 4), "crossing_point": "POIPET",
        "documents_received": ["referral_letter"], "operation_date": dt.date(2026, 5, 4),
        "province_code": "KH-1", "post_code": "POIPET", "exploitation_type": "labour",
        "countries_recruitment": ["KHM"], "countries_exploitation": ["THA"]})
    rescue_id = handover.entity_id
    done = submit.submit(ws, "victim", {"rescue_id": rescue_id}, {
        "name_km": "សុខ ស្រីនាង", "name_latin": "Sok Sreyneang", "sex": "female",
        "estimated_age": 15, "nationality": "KHM", "languages": ["khm"], "documents": ["none"],
        "consents": {"recording": "given", "share_government": "given", "child_assent": "given",
                     "guardian_authorisation": "given"},
        **HOME, "home_address_detail": "House 12", "social_worker": "Chan Dara (DoSVY)",
        "guardian": {"name": "Sok Phalla", "relationship": "mother", "phone": "012 345 678",
                     "same_address": "yes"}})
    victim_id = done.entity_id
    [guardian] = family.family_of(ws, victim_id)
    assert guardian.is_guardian and guardian.relationship == "mother"
    assert guardian.address_km.startswith("អូរធំ")  # the village, in Khmer
    # The form opens again with the guardian's answers and the coded address.
    prepared = submit.prepare(ws, "victim", {"victim_id": victim_id})
    assert prepared.initial["guardian_name"] == "Sok Phalla"
    assert prepared.initial["home_village"] == "01020101"
    assert prepared.initial["social_worker"] == "Chan Dara (DoSVY)"
    # An uncle added on the case view; the guardian edited through the form stays one record.
    family.save_member(ws, victim_id, name="Sok Vuthy", relationship="aunt_uncle",
                       home_province="24")
    submit.submit(ws, "victim", {"victim_id": victim_id},
                  {"guardian": {"name": "Sok Phalla", "relationship": "mother",
                                "phone": "097 111 222", "same_address": "yes"}})
    members = family.family_of(ws, victim_id)
    assert [(m.relationship, m.is_guardian) for m in members] == [("mother", True),
                                                                   ("aunt_uncle", False)]
    assert members[0].phone == "097 111 222"

    tracing = referrals.create_referral(ws, victim_id, service="family_tracing",
                                        provider_code="PTC").id
    going_home = referrals.create_referral(ws, victim_id, service="reintegration",
                                           provider_code="PTC").id
    add_user(ws, "dara", Role.CENTRE_STAFF, centre="PTC")
    ws.close()
    with auth.unlock(store_dir, "dara", PASSPHRASE) as centre:
        casework.record_tracing(centre, tracing, "in_progress", on="2026-05-06")
        ref = casework.record_tracing(centre, tracing, "traced_safe", on="2026-05-09",
                                      by="Chan Dara", note="Mother found at home, Ou Thum")
        assert ref.status == "completed"
        with pytest.raises(InvalidInput, match="no longer open"):
            casework.record_tracing(centre, tracing, "not_found")
        assert casework.tracing_of(centre, victim_id) == {
            "outcome": "traced_safe", "on": "2026-05-09", "by": "Chan Dara"}
        with pytest.raises(PermissionDenied):  # a centre does not edit the family
            family.save_member(centre, victim_id, name="X", relationship="father")
        # The family is safe: the centre returns her home and plans the first visit.
        back = casework.record_return(centre, going_home, return_date="2026-05-12",
                                      province_code="KH-1", family_safety="safe",
                                      follow_up_plan="monthly visits by the social worker")
        assert back.outcome == "returned_home"
        caseplan.plan_follow_up(centre, victim_id, action="home_visit", due_on="2026-06-12",
                                assigned_to="Chan Dara", referral_id=going_home)
    with auth.unlock(store_dir, "sup", PASSPHRASE) as sup:
        assert casework.tracing_of(sup, victim_id)["outcome"] == "traced_safe"  # type: ignore[index]
        [visit] = caseplan.case_plan(sup, victim_id)
        assert (visit.action, visit.case_number) == ("home_visit", intake.get_case(
            sup, rescue_id).rescue.case_number)
        figs = figures_for(sup, ReportFilter.year(2026))
        assert figs.yoy["victims_returned_home"].current == 1
        assert figs.yoy["cross_border_cases"].current == 1


def test_addresses_outside_the_gazetteer_are_refused(ws: Workspace, rescue: Rescue) -> None:
    base = {"name_latin": "A", "sex": "male", "estimated_age": 30, "nationality": "KHM",
            "languages": ["khm"]}
    with pytest.raises(InvalidInput, match="home_district: not inside the province"):
        intake.add_victim(ws, rescue.id, **base, home_province="02", home_district="0102")
    with pytest.raises(InvalidInput, match="home_village: not a village code"):
        intake.add_victim(ws, rescue.id, **base, home_province="01", home_district="0102",
                          home_commune="010201", home_village="01020199")
    with pytest.raises(InvalidInput, match="give the district first"):
        intake.add_victim(ws, rescue.id, **base, home_province="01", home_commune="010201")
    v = intake.add_victim(ws, rescue.id, **base, home_province="24")  # the province only
    with pytest.raises(InvalidInput, match="home_commune"):
        family.save_member(ws, v.id, name="B", relationship="father", home_province="24",
                           home_district="2401", home_commune="010201")
    with pytest.raises(InvalidInput, match="relationship"):
        family.save_member(ws, v.id, name="B", relationship="cousin-ish")


def test_family_records_sync_like_every_record(ws: Workspace, rescue: Rescue) -> None:
    v = intake.add_victim(ws, rescue.id, name_latin="C", sex="female", estimated_age=12,
                          nationality="KHM", languages=["khm"],
                          guardian={"name": "D", "relationship": "grandparent"})
    consent.record_consents(ws, v.id, {"recording": "given"})
    with ws.tx() as s:
        from sqlalchemy import select

        from fieldapp.store.models import Outbox
        member = s.scalars(select(FamilyMember)).one()
        rows = s.scalars(select(Outbox).where(Outbox.entity == "family_member")).all()
        assert [r.entity_id for r in rows] == [member.id]
        assert member.relationship == "grandparent" and member.is_guardian
