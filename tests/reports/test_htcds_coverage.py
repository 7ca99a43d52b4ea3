"""HTCDS 2.0 coverage: how many of the standard's fields carry data the app records.

Measured on an export of records made through the services (a handover with quick-listed,
screened, consented, referred people) against the standard's field list.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from fieldapp.reports import htcds
from fieldapp.services import (
    caseplan,
    casework,
    consent,
    exports,
    intake,
    mass_intake,
    referrals,
    screening,
    submit,
)
from fieldapp.services.workspace import Workspace

FIELD_LIST = Path(__file__).resolve().parents[3] / "shared/reference/htcds/htcds_fields.csv"
#: Measured before this work (issue 13): 12 fields carried recorded data.
BEFORE = 12


def _standard_names() -> set[str]:
    path = FIELD_LIST if FIELD_LIST.exists() else None
    if path is None:
        return set(htcds.standard_fields())
    names = set()
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            if len(row) > 6 and row[6].strip() and row[6].strip() not in ("N/A", "Field Name including Prefix"):
                names.add(row[6].strip())
    return names


def test_htcds_coverage(ws: Workspace, tmp_path: Path) -> None:
    done = submit.submit(ws, "handover", {}, {
        "intake_kind": "handover", "referring_agency": "Royal Thai Police", "referring_country": "THA",
        "foreign_case_number": "AT-2026/118", "handover_date": dt.date(2026, 4, 2),
        "crossing_point": "POIPET", "documents_received": ["referral_letter"],
        "operation_date": dt.date(2026, 4, 2), "province_code": "KH-1", "post_code": "POIPET",
        "exploitation_type": "labour", "countries_recruitment": ["KHM"],
        "countries_exploitation": ["THA"]})
    ids = mass_intake.quick_list(ws, done.entity_id, [
        {"name": "Sok Dara", "sex": "male", "approx_age": 30, "nationality": "KHM",
         "languages": ["khm"], "consent": "given"},
        {"name": "Chan Srey", "sex": "female", "approx_age": 24, "nationality": "KHM",
         "languages": ["khm"], "consent": "given"}])
    intake.update_victim(ws, ids[0], date_of_birth=dt.date(1996, 1, 5), contact_phone="012 345 678",
                         documents=["id_card"])
    # h13: the victim form's home address, languages, recruitment and control questions.
    submit.submit(ws, "victim", {"victim_id": ids[1]}, {
        "name_latin": "Chan Srey", "sex": "female", "estimated_age": 24, "nationality": "KHM",
        "languages": ["khm", "tha"], "documents": ["none"], "consents": {"recording": "given"},
        "home_province": "01", "home_district": "0102", "home_commune": "010201",
        "home_village": "01020101", "home_address_detail": "House 12",
        "recruitment_methods": ["ThroughOnlineSocialNetworks", "ThroughFriendsOrSocialEvents"],
        "recruitment_apps": ["Telegram"], "methods_of_control": ["WithholdsDocuments",
                                                                 "DebtBondage"],
        "labour_industry": "J_InformationAndCommunication",
        "sex_exploitation": ["RemoteInteractiveServices"]})
    screening.screen_many(ws, ids, "identified_victim", "social_affairs", dt.date(2026, 4, 3))
    consent.record_consents(ws, ids[0], {"share_government": "given"})
    referrals.create_referral(ws, ids[0], service="shelter", provider_code="PTC")
    consent.record_consents(ws, ids[1], {"share_government": "given"})
    tracing = referrals.create_referral(ws, ids[1], service="family_tracing", provider_code="PTC")
    casework.record_tracing(ws, tracing.id, "traced_safe", on="2026-05-09")
    step = caseplan.plan_follow_up(ws, ids[1], action="home_visit", due_on="2026-05-20",
                                   assigned_to="Chan Dara")
    caseplan.complete_follow_up(ws, step.id, done_on="2026-05-21")
    casework.close_case(ws, done.entity_id, "returned_and_followed_up", dt.date(2026, 6, 1))
    out = exports.export(ws, "htcds", tmp_path / "htcds.csv")
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    constants = {name for name, source, _ in htcds.MAPPING if source.startswith("(constant")}
    carrying = sorted(name for name in rows[0]
                      if name not in constants and any(r[name] for r in rows))
    standard = _standard_names()
    assert set(carrying) <= standard
    print(f"\nHTCDS coverage: {len(carrying)} of {len(standard)} standard fields carry recorded "
          f"data (before: {BEFORE}); constants: {len(constants)}")
    assert len(carrying) >= 36 > BEFORE  # 21 before the family and case-plan work (h13)
    chan = {r["prs_SecondName"]: r for r in rows}["Chan"]
    assert (chan["prs_MailingCountry"], chan["prs_MailingState"]) == ("KH", "Banteay Meanchey")
    assert chan["prs_MailingCity"] == "Ou Thum, Banteay Neang, Mangkul Bourei"
    assert (chan["prs_PrimaryLanguage"], chan["prs_SecondaryLanguage"]) == ("khm", "tha")
    assert chan["vic_MethodsOfControl"] == "WithholdsDocuments;DebtBondage"
    assert chan["vic_ForcedLabourIndustry"] == "J_InformationAndCommunication"
    assert chan["spl_ActionPlan"] == "home_visit by 2026-05-20 (Chan Dara)"
    assert chan["spl_ActualEndDate"] == "2026-05-21"
    assert chan["cco_CaseComment"] == "family tracing: traced_safe on 2026-05-09"
    by_second = {r["prs_SecondName"]: r for r in rows}
    assert by_second["Sok"]["prs_FirstName"] == "Dara"
    assert by_second["Sok"]["vic_TraffickingStatus"] == "ActualVictimOfTrafficking"
    assert by_second["Sok"]["vic_TraffickingStatusDecisionMakingOrg"] == "NonPoliceGovernmentalOrganization"
    assert by_second["Sok"]["cas_ReasonForIncomingReferral"] == "MigrationOrChangeOfLocation"
