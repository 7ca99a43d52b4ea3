"""Mass intake: the quick list, completing people (never duplicating), bulk referral, consent."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from sqlalchemy import func, select

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, PermissionDenied
from fieldapp.services import auth, consent, intake, mass_intake, referrals, screening, submit
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import AuditEvent, Referral, Rescue, Victim
from tests.conftest import PASSPHRASE, add_user

#: A scam-compound raid: 12 nationalities, with the language each is interviewed in.
RAID = [("CHN", "zho"), ("VNM", "vie"), ("IDN", "ind"), ("PHL", "tgl"), ("IND", "hin"),
        ("THA", "tha"), ("MMR", "mya"), ("LAO", "lao"), ("KEN", "swa"), ("TWN", "zho"),
        ("MYS", "msa"), ("KHM", "khm")]


def _count(ws: Workspace, model: type, *where: object) -> int:
    with ws.tx() as s:
        return int(s.scalar(select(func.count()).select_from(model).where(*where)) or 0)


def test_three_quick_listed_people_completed_are_three_victims(ws: Workspace) -> None:
    values = {"operation_date": dt.date(2026, 3, 14), "province_code": "KH-1",
              "exploitation_type": "online_scam",
              "people_found": [{"name": "Sok Dara", "sex": "male", "approx_age": 30},
                               {"name": "", "sex": "female", "approx_age": 16},
                               {"name": "Nguyen Thi Lan", "sex": "female", "approx_age": 22,
                                "nationality": "VNM", "languages": ["vie"], "consent": "given"}]}
    done = submit.submit(ws, "rescue", {}, values)
    assert len(done.victims) == 3
    people = mass_intake.people_of_rescue(ws, done.rescue_id or "")
    assert [p.stage for p in people] == ["quick"] * 3
    assert [p.screening for p in people] == ["pending"] * 3
    for person, nat in zip(people, ("KHM", "KHM", "VNM"), strict=True):
        # The full victim form, opened on the quick-listed person (edit mode), completes it.
        prepared = submit.prepare(ws, "victim", {"victim_id": person.id})
        assert prepared.initial["sex"] == person.sex
        submit.submit(ws, "victim", {"victim_id": person.id, "rescue_id": done.rescue_id},
                      {"nationality": nat, "languages": ["khm"], "documents": ["none"]})
    assert _count(ws, Victim, Victim.rescue_id == done.rescue_id) == 3
    after = mass_intake.people_of_rescue(ws, done.rescue_id or "")
    assert [p.stage for p in after] == ["complete"] * 3
    assert [p.nationality for p in after] == ["KHM", "KHM", "VNM"]
    assert sum(p.is_minor for p in after) == 1


def test_a_raid_of_220_people_of_12_nationalities_is_listed_and_referred_in_bulk(
        ws: Workspace) -> None:
    rescue = intake.create_rescue(ws, operation_date=dt.date(2026, 5, 2), province_code="KH-18",
                                  exploitation_type="online_scam", place="compound")
    rows = []
    for i in range(220):
        nat, lang = RAID[i % len(RAID)]
        rows.append({"name": f"Person {i}", "sex": "male" if i % 3 else "female",
                     "approx_age": 17 + i % 20, "nationality": nat,
                     "languages": [lang, "eng"] if i % 2 else [lang],
                     "interpreter_needed": nat != "KHM",
                     "consent": "refused" if i % 22 == 0 else "given",
                     "embassy_contact": "given" if i % 5 else "refused"})
    started = time.perf_counter()
    ids = mass_intake.quick_list(ws, rescue.id, rows)
    listed = time.perf_counter() - started
    assert len(ids) == 220 and listed < 30
    people = mass_intake.people_of_rescue(ws, rescue.id)
    assert len({p.nationality for p in people}) == 12
    # Everyone is screened in one action, then referred to IOM in one action.
    screening.screen_many(ws, ids, "presumed_victim", "police", dt.date(2026, 5, 2))
    started = time.perf_counter()
    iom = referrals.refer_many(ws, ids, service="repatriation", provider_code="IOM-KH")
    referred = time.perf_counter() - started
    # Left out: the 10 who refused, and the 11 children (17) whose assent and guardian's or
    # social worker's authorisation are not recorded yet.
    left_out = {ids[i] for i in range(220) if i % 22 == 0 or i % 20 == 0}
    assert set(iom.refused) == left_out and len(iom.created) == 220 - len(left_out) == 200
    # Filipinos to their embassy: only those who agreed to the embassy being contacted.
    filipinos = [p.id for p in people if p.nationality == "PHL"]
    emb = referrals.refer_many(ws, filipinos, service="repatriation", provider_code="EMB-PHL")
    assert len(emb.created) + len(emb.refused) == len(filipinos) and emb.refused
    assert _count(ws, Referral) == 200 + len(emb.created)
    again = referrals.refer_many(ws, ids, service="repatriation", provider_code="IOM-KH")
    assert again.created == [] and len(again.already) == 200  # never referred twice
    print(f"\nquick list of 220: {listed:.2f} s; bulk referral of 220: {referred:.2f} s")


def test_a_bad_row_refuses_the_whole_list_and_names_the_row(ws: Workspace, rescue: Rescue) -> None:
    rows = [{"name": "A", "sex": "male"}, {"name": "B", "sex": "female", "nationality": "XYZ"}]
    with pytest.raises(InvalidInput, match="row 2: nationality"):
        mass_intake.quick_list(ws, rescue.id, rows)
    with pytest.raises(InvalidInput, match="row 1: name"):
        mass_intake.quick_list(ws, rescue.id, [{"name": " ", "sex": "male"}])
    assert _count(ws, Victim) == 0


def test_referral_without_consent_is_refused_then_overridden_by_a_supervisor(
        ws: Workspace, rescue: Rescue, store_dir) -> None:  # type: ignore[no-untyped-def]
    [vid] = mass_intake.quick_list(ws, rescue.id, [{"name": "A", "sex": "female",
                                                   "approx_age": 25, "consent": "refused"}])
    with pytest.raises(referrals.ConsentMissing, match="share_ngo"):
        referrals.create_referral(ws, vid, service="shelter", provider_code="CWCC")
    add_user(ws, "vichet", Role.OFFICER)
    ws.close()
    with auth.unlock(store_dir, "vichet", PASSPHRASE) as officer:
        with pytest.raises(PermissionDenied, match="supervisor"):
            referrals.create_referral(officer, vid, service="shelter", provider_code="CWCC",
                                      override_reason="she is in danger tonight")
    with auth.unlock(store_dir, "sup", PASSPHRASE) as sup:
        ref = referrals.create_referral(sup, vid, service="shelter", provider_code="CWCC",
                                        override_reason="Imminent danger; shelter is the only safe place")
        assert ref.consent_override_by == "sup" and ref.status == "sent"
        with sup.tx() as s:
            events = list(s.scalars(select(AuditEvent).where(AuditEvent.entity_id == ref.id)))
        override = [e for e in events if e.action == "consent_override"]
        assert override and override[0].username == "sup"
        assert override[0].detail == {"victim": vid, "provider_kind": "ngo"}


def test_consents_are_separate_and_a_child_needs_assent_and_authorisation(
        ws: Workspace, rescue: Rescue) -> None:
    child = intake.add_victim(ws, rescue.id, name_latin="C", sex="female", estimated_age=15)
    consent.record_consents(ws, child.id, {"recording": "given", "share_government": "given",
                                           "audio": "refused"})
    with pytest.raises(referrals.ConsentMissing, match="assent"):
        referrals.create_referral(ws, child.id, service="shelter", provider_code="PTC")
    consent.record_consents(ws, child.id, {"child_assent": "given"})
    with pytest.raises(referrals.ConsentMissing, match="guardian"):
        referrals.create_referral(ws, child.id, service="shelter", provider_code="PTC")
    v = consent.record_consents(ws, child.id, {"social_worker_authorisation": "given"})
    assert v.consent_status == "partial" and v.consents["audio"] == "refused"
    assert referrals.create_referral(ws, child.id, service="shelter", provider_code="PTC")
    with pytest.raises(InvalidInput, match="given or refused"):
        consent.record_consents(ws, child.id, {"audio": "maybe"})


def test_a_child_with_a_disputed_age_gets_the_child_form(ws: Workspace, rescue: Rescue) -> None:
    [vid] = mass_intake.quick_list(ws, rescue.id, [{"name": "Says she is 18", "sex": "female",
                                                   "approx_age": 18, "age_disputed": True}])
    prepared = submit.prepare(ws, "statement", {"victim_id": vid})
    assert prepared.form.form_id == "statement_child"
    adult = intake.add_victim(ws, rescue.id, name_latin="Adult", sex="female", estimated_age=18)
    assert submit.prepare(ws, "statement", {"victim_id": adult.id}).form.form_id == "statement"
    intake.update_victim(ws, adult.id, age_disputed="yes")
    assert submit.prepare(ws, "statement", {"victim_id": adult.id}).form.form_id == "statement_child"


def test_screening_needs_who_decided_and_when(ws: Workspace, rescue: Rescue) -> None:
    v = intake.add_victim(ws, rescue.id, name_latin="W", sex="male", estimated_age=40)
    with pytest.raises(InvalidInput, match="who decided"):
        screening.screen(ws, v.id, "witness", "", "")
    with pytest.raises(InvalidInput, match="outcome"):
        screening.screen(ws, v.id, "guilty", "police", dt.date(2026, 3, 14))
    done = screening.screen(ws, v.id, "witness", "police", dt.date(2026, 3, 14))
    assert (done.screening, done.screened_by) == ("witness", "police")


def test_the_victim_form_records_each_consent_and_a_refusal(ws: Workspace, rescue: Rescue) -> None:
    done = submit.submit(ws, "victim", {"rescue_id": rescue.id}, {
        "name_latin": "Maria Santos", "sex": "female", "estimated_age": 24, "nationality": "PHL",
        "languages": ["tgl"], "documents": ["none"], "interpreter_needed": "yes",
        "consents": {"recording": "given", "share_government": "given", "share_ngo": "refused",
                     "embassy_contact": "refused", "audio": None}})
    with ws.tx() as s:
        v = s.get(Victim, done.entity_id)
        assert v is not None and v.consent_given and v.interpreter_needed
        assert v.consents == {"recording": "given", "share_government": "given",
                              "share_ngo": "refused", "embassy_contact": "refused"}
        assert v.consent_status == "partial"
    assert referrals.create_referral(ws, done.entity_id, service="shelter", provider_code="PTC")
    with pytest.raises(referrals.ConsentMissing, match="refused"):
        referrals.create_referral(ws, done.entity_id, service="repatriation", provider_code="EMB-PHL")
