"""HTCDS 2.0: the standard's fields (shipped in resources/htcds/) and how our records map to them."""

from __future__ import annotations

import csv
import datetime as dt
import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from fieldapp.domain.enums import ReferralStatus
from fieldapp.domain.referrals import TERMINAL
from fieldapp.resources import resource_path

#: Multi-value separator inside one cell (Salesforce's, which HTCDS is modelled on).
MULTI = ";"


@dataclass(frozen=True)
class HtcdsField:
    name: str  # with prefix, e.g. prs_Gender
    label: str
    type: str
    status: str
    values: tuple[str, ...]  # picklist value names; empty if not a closed picklist

    @property
    def is_picklist(self) -> bool:
        return "Picklist" in self.type and bool(self.values)


@functools.cache
def standard_fields() -> dict[str, HtcdsField]:
    """Every field of the standard, in the field list's order."""
    out: dict[str, HtcdsField] = {}
    with resource_path("htcds", "htcds_fields.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            row += [""] * (13 - len(row))
            name = row[6].strip()
            if not name or name == "N/A" or name == "Field Name including Prefix":
                continue
            raw = [v.strip() for v in row[9].splitlines() if v.strip()]
            # "Use ISO 3166 ..." describes a code list rather than naming values.
            values = () if any(v.startswith("Use ISO") for v in raw) else tuple(raw)
            out[name] = HtcdsField(name, row[5].strip(), row[7].strip(), row[1].strip(), values)
    return out


@functools.cache
def sheet_columns() -> tuple[str, ...]:
    """The flat sheet's columns in order (field names as the field list spells them)."""
    with resource_path("htcds", "htcds_sheet_columns.csv").open(encoding="utf-8", newline="") as f:
        return tuple(row["field_name"] for row in csv.DictReader(f))


# -- the mapping -------------------------------------------------------------------------
GENDER = {"female": "Feminine", "male": "Masculine", "other": "NonConforming",
          "unknown": "NonSpecifiedUnknown"}
EXPLOITATION = {
    "labour": "ForcedLabour",
    "sexual_exploitation": "SexualExploitation",
    "forced_marriage": "ForcedMarriage",
    # Scam compounds hold people to work at fraud: the standard has no forced-criminality
    # value, and regional reporting counts these cases as forced labour.
    "online_scam": "ForcedLabour",
    "begging": "ForcedBegging",
    "other": "Other",
}
#: The screening outcome (fieldapp.services.screening) as the standard's status; pending
#: people and witnesses have none.
TRAFFICKING_STATUS = {"presumed_victim": "PossibleVictimOfTrafficking",
                      "identified_victim": "ActualVictimOfTrafficking",
                      "not_a_victim": "NotAVictimOfTrafficking"}
STATUS_DECIDED_BY = {"police": "Police", "ngo": "NGO", "court": "CourtOrProsecution",
                     "prosecutor": "CourtOrProsecution",
                     "social_affairs": "NonPoliceGovernmentalOrganization",
                     "foreign_authority": "Other", "other": "Other"}
REFERRAL_REASON = "AdditionalServicesRequired"
#: A cross-border handover comes to us because the person moved: the standard's reason.
INCOMING_REASON = "MigrationOrChangeOfLocation"
#: Nationalities whose names are written family name first (Khmer, Vietnamese, Chinese,
#: Korean): the first word is the family name (prs_SecondName), the rest the given name.
FAMILY_NAME_FIRST = frozenset({"KHM", "VNM", "CHN", "TWN", "HKG", "MAC", "KOR", "PRK"})

#: (HTCDS field, our source, note): printed in docs/REPORTS.md; the export fills these.
MAPPING: tuple[tuple[str, str, str], ...] = (
    ("cas_CaseOwner", "rescue.created_by", "user name of the officer who recorded the case"),
    ("prs_FirstName", "victim.name_latin (else name_km), given name",
     ("the given name: for Khmer, Vietnamese, Chinese and Korean nationals (and names in "
      "Khmer script) every word after the first; otherwise every word but the last")),
    ("prs_SecondName", "victim.name_latin (else name_km), family name",
     "the family name: the first word (family-name-first nationalities) or the last word"),
    ("con_Consent", "victim.consents.recording (else consent_given)", "true / false"),
    ("prs_Birthdate", "victim.date_of_birth", "ISO 8601 date; blank when only an age is known"),
    ("prs_Gender", "victim.sex", ("female→Feminine, male→Masculine, other→NonConforming, "
                                  "unknown→NonSpecifiedUnknown")),
    ("prs_Citizenship", "victim.nationality", "ISO 3166-1 alpha-3, as the standard allows"),
    ("prs_MobilePhone", "victim.contact_phone", ""),
    ("vic_TraffickingStatus", "victim.screening",
     ("presumed_victim→PossibleVictimOfTrafficking, identified_victim→"
      "ActualVictimOfTrafficking, not_a_victim→NotAVictimOfTrafficking; blank while pending "
      "and for witnesses")),
    ("vic_TraffickingStatusDecisionMakingOrg", "victim.screened_by",
     ("police→Police, ngo→NGO, court and prosecutor→CourtOrProsecution, social_affairs→"
      "NonPoliceGovernmentalOrganization, foreign_authority and other→Other")),
    ("vic_LocationOfRecruitment", "rescue.countries_recruitment",
     "ISO 3166-1 alpha-3 countries joined with ';' (the standard's location records are not kept)"),
    ("vic_LocationOfExploitation", "rescue.countries_exploitation",
     "ISO 3166-1 alpha-3 countries joined with ';'"),
    ("cas_ReferringOrganisation", "rescue.referring_agency", "the agency that handed the people over"),
    ("cas_IncomingReferralDate", "rescue.handover_date", "ISO 8601 date"),
    ("cas_ReasonForIncomingReferral", "(constant for a handover)", "MigrationOrChangeOfLocation"),
    ("cas_IncomingReferralDetails", "rescue.referring_country, foreign_case_number, crossing_point, documents_received",
     "e.g. 'THA; case AT-2026/118; crossing POIPET; documents referral_letter, interview_record'"),
    ("vic_TypeOfExploitation", "rescue.exploitation_type",
     ("labour→ForcedLabour, sexual_exploitation→SexualExploitation, forced_marriage→"
      "ForcedMarriage, online_scam→ForcedLabour, begging→ForcedBegging, other→Other")),
    ("cas_Status", "referrals' derived status",
     ("Active while any referral is open or none exists; ClosedReferred when every referral "
      "is closed and at least one completed; Closed when every referral was declined or "
      "cancelled")),
    ("cas_ReasonForCaseClosure", "rescue.closure_reason",
     "the closure reason's code (e.g. returned_and_followed_up); blank while the case is open"),
    ("cas_ReferredOrganisation", "referral.provider_code",
     "English provider names, in referral order, joined with ';'"),
    ("cas_ReasonForOutgoingReferral", "(constant when referred)", "AdditionalServicesRequired"),
    ("cas_OutgoingReferralDate", "referral.created_at", "date of the first referral"),
    ("cas_OutgoingReferralDetails", "referral.service, status",
     "e.g. 'shelter (PTC): completed; medical (HOSP-BMC): in_service'"),
    # h13: home address (Cambodia's gazetteer), languages, case plan, family tracing
    ("prs_MailingCountry", "victim.home_province (any level given)",
     "KH (ISO 3166-1 alpha-2) when a home address in Cambodia is recorded"),
    ("prs_MailingState", "victim.home_province", "the province's English name (gazetteer)"),
    ("prs_MailingCity", "victim.home_village, home_commune, home_district",
     "English names, smallest first, e.g. 'Ou Thum, Banteay Neang, Mangkul Bourei'"),
    ("prs_MailingStreet", "victim.home_address_detail", "house and street, as written"),
    ("prs_PrimaryLanguage", "victim.languages (first)",
     "ISO 639-3 code (the same as ISO 639-2/T for the languages met, e.g. khm, tha, vie)"),
    ("prs_SecondaryLanguage", "victim.languages (second)", "ISO 639-3 code"),
    ("spl_ActionPlan", "follow_up.action, due_on, assigned_to",
     "the case plan's steps, e.g. 'home_visit by 2026-06-15 (Chan Dara); school_check by ...'"),
    ("spl_PlannedEndDate", "follow_up.due_on", "the last step's due date (ISO 8601)"),
    ("spl_ActualEndDate", "follow_up.done_on",
     "when every step is done, the last one's date (ISO 8601); blank while any is open"),
    ("cco_CaseComment", "referral_event.extra.tracing (family tracing)",
     "the latest tracing outcome, e.g. 'family tracing: traced_safe on 2026-05-09'"),
)
#: Recorded through the victim form as answers carrying the standard's name and values
#: (forms/victim.yaml; kept in ``extra`` and placed by `with_answers`): listed for the docs.
FORM_ANSWERS: tuple[tuple[str, str, str], ...] = (
    ("vic_MethodOfRecruitment", "victim form: recruitment_methods", "the standard's values"),
    ("vic_RecruitmentWebsitesAndApps", "victim form: recruitment_apps", "the standard's values"),
    ("vic_MethodsOfControl", "victim form: methods_of_control", "the standard's values"),
    ("vic_ForcedLabourIndustry", "victim form: labour_industry", "the standard's values (ISIC)"),
    ("vic_TypeOfSexExploitation", "victim form: sex_exploitation", "the standard's values"),
)

_MAPPED = [m[0] for m in MAPPING]
#: The sheet's columns we fill, in its order, then those the sheet has no column for.
EXPORT_COLUMNS: tuple[str, ...] = (tuple(c for c in sheet_columns() if c in _MAPPED)
                                   + tuple(c for c in _MAPPED if c not in sheet_columns()))
PERSONAL = frozenset({"prs_FirstName", "prs_SecondName", "prs_Birthdate", "prs_MobilePhone",
                      "prs_MailingStreet"})


def split_name(victim: Mapping[str, Any]) -> tuple[str, str]:
    """(given name, family name) from the name as written; one word is a given name."""
    latin = str(victim.get("name_latin") or "").strip()
    name = latin or str(victim.get("name_km") or "").strip()
    words = name.split()
    if len(words) < 2:
        return name, ""
    family_first = (not latin) or victim.get("nationality") in FAMILY_NAME_FIRST
    if family_first:
        return " ".join(words[1:]), words[0]
    return " ".join(words[:-1]), words[-1]


def not_collected() -> list[HtcdsField]:
    """Standard fields (active, not example questions) the app does not record."""
    mapped = {m[0] for m in (*MAPPING, *FORM_ANSWERS)}
    return [f for f in standard_fields().values()
            if f.name not in mapped and f.status.upper() != "DEPRECATED"]


@dataclass(frozen=True)
class ReferralInfo:
    service: str
    provider: str
    provider_name: str
    status: str
    created: dt.datetime | None


def case_status(refs: Sequence[ReferralInfo]) -> str:
    if not refs or any(ReferralStatus(r.status) not in TERMINAL for r in refs):
        return "Active"
    if any(r.status == ReferralStatus.COMPLETED.value for r in refs):
        return "ClosedReferred"
    return "Closed"


def victim_row(rescue: Mapping[str, Any], victim: Mapping[str, Any],
               refs: Sequence[ReferralInfo], *, redact: bool = False) -> dict[str, str]:
    """One flat HTCDS row for one victim (the sheet is one row per person and case)."""
    born = victim.get("date_of_birth")
    refs = sorted(refs, key=lambda r: (r.created or dt.datetime.max, r.service))
    providers = list(dict.fromkeys(r.provider_name for r in refs))
    first = refs[0].created.date() if refs and refs[0].created else None
    first_name, second_name = split_name(victim)
    consents = victim.get("consents") or {}
    consented = (consents.get("recording") == "given" if "recording" in consents
                 else bool(victim.get("consent_given")))
    handover = rescue.get("intake_kind") == "handover"
    received = rescue.get("handover_date")
    row = {
        "cas_CaseOwner": str(rescue.get("created_by") or ""),
        "prs_FirstName": first_name,
        "prs_SecondName": second_name,
        "con_Consent": "true" if consented else "false",
        "prs_Birthdate": born.isoformat() if isinstance(born, dt.date) else "",
        "prs_Gender": GENDER.get(str(victim.get("sex")), "NonSpecifiedUnknown"),
        "prs_Citizenship": str(victim.get("nationality") or ""),
        "prs_MobilePhone": str(victim.get("contact_phone") or ""),
        "vic_TraffickingStatus": TRAFFICKING_STATUS.get(
            str(victim.get("screening") or "presumed_victim"), ""),
        "vic_TraffickingStatusDecisionMakingOrg": STATUS_DECIDED_BY.get(
            str(victim.get("screened_by") or ""), ""),
        "vic_LocationOfRecruitment": MULTI.join(rescue.get("countries_recruitment") or []),
        "vic_LocationOfExploitation": MULTI.join(rescue.get("countries_exploitation") or []),
        "vic_TypeOfExploitation": EXPLOITATION.get(str(rescue.get("exploitation_type")), "Other"),
        "cas_Status": case_status(refs),
        "cas_ReferringOrganisation": str(rescue.get("referring_agency") or ""),
        "cas_IncomingReferralDate": received.isoformat() if isinstance(received, dt.date) else "",
        "cas_ReasonForIncomingReferral": INCOMING_REASON if handover else "",
        "cas_IncomingReferralDetails": "; ".join(p for p in (
            str(rescue.get("referring_country") or ""),
            f"case {rescue['foreign_case_number']}" if rescue.get("foreign_case_number") else "",
            f"crossing {rescue['crossing_point']}" if rescue.get("crossing_point") else "",
            ("documents " + ", ".join(rescue["documents_received"]))
            if rescue.get("documents_received") else "") if p),
        "cas_ReasonForCaseClosure": str(rescue.get("closure_reason") or ""),
        "cas_ReferredOrganisation": MULTI.join(providers),
        "cas_ReasonForOutgoingReferral": REFERRAL_REASON if refs else "",
        "cas_OutgoingReferralDate": first.isoformat() if first else "",
        "cas_OutgoingReferralDetails": "; ".join(
            f"{r.service} ({r.provider}): {r.status}" for r in refs),
        **_home_and_plan(victim),
    }
    if redact:
        row.update({k: "" for k in PERSONAL})
    return {c: row[c] for c in EXPORT_COLUMNS}


def _home_and_plan(victim: Mapping[str, Any]) -> dict[str, str]:
    """Home address, languages, case plan and tracing columns (h13). ``victim`` may carry
    ``home_names`` ({level: English name}), ``follow_ups`` [(action, due, who, done)] and
    ``tracing`` ({outcome, on, by})."""
    names = victim.get("home_names") or {}
    langs = list(victim.get("languages") or [])
    steps = sorted(victim.get("follow_ups") or [], key=lambda f: f[1])
    tracing = victim.get("tracing") or {}
    done = [f[3] for f in steps if f[3] is not None]
    return {
        "prs_MailingCountry": "KH" if names else "",
        "prs_MailingState": str(names.get("province", "")),
        "prs_MailingCity": ", ".join(str(names[k]) for k in ("village", "commune", "district")
                                     if names.get(k)),
        "prs_MailingStreet": str(victim.get("home_address_detail") or ""),
        "prs_PrimaryLanguage": langs[0] if langs else "",
        "prs_SecondaryLanguage": langs[1] if len(langs) > 1 else "",
        "spl_ActionPlan": "; ".join(f"{a} by {d.isoformat()}" + (f" ({who})" if who else "")
                                    for a, d, who, _done in steps),
        "spl_PlannedEndDate": steps[-1][1].isoformat() if steps else "",
        "spl_ActualEndDate": max(done).isoformat() if steps and len(done) == len(steps) else "",
        "cco_CaseComment": (f"family tracing: {tracing['outcome']} on {tracing['on']}"
                            if tracing else ""),
    }


# -- extra answers (imported forms' questions that carry an HTCDS name) -------------------
def answer_cell(value: Any) -> str:
    """An extra answer as one sheet cell: several values joined with ';'."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return MULTI.join(answer_cell(v) for v in value)
    return str(value)


def columns_with(answer_fields: set[str]) -> tuple[str, ...]:
    """The export's columns plus the HTCDS fields extra answers fill, in the sheet's order."""
    order = {c: i for i, c in enumerate(sheet_columns())}
    added = sorted(answer_fields - set(EXPORT_COLUMNS),
                   key=lambda c: (order.get(c, len(order)), c))
    return EXPORT_COLUMNS + tuple(added)


def with_answers(row: dict[str, str], answers: Mapping[str, Any], *, redact: bool = False
                 ) -> dict[str, str]:  # fmt: skip
    """``row`` with the extra answers' HTCDS fields: what a person answered to a question
    carrying the standard's name is placed as answered (it wins over a derived value)."""
    out = dict(row)
    for name, value in answers.items():
        personal = name in PERSONAL or name.startswith("prs_")
        out[name] = "" if redact and personal else answer_cell(value)
    return out
