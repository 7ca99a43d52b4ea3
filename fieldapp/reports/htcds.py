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
#: A rescue records a presumed victim, identified by police; formal identification is
#: made later (social affairs, courts) and the app does not record it.
TRAFFICKING_STATUS = "PossibleVictimOfTrafficking"
STATUS_DECIDED_BY = "Police"
REFERRAL_REASON = "AdditionalServicesRequired"

#: (HTCDS field, our source, note): printed in docs/REPORTS.md; the export fills these.
MAPPING: tuple[tuple[str, str, str], ...] = (
    ("cas_CaseOwner", "rescue.created_by", "user name of the officer who recorded the case"),
    ("prs_FirstName", "victim.name_latin (else name_km)",
     "the full name as written; we do not guess where a family name ends"),
    ("con_Consent", "victim.consent_given", "true / false"),
    ("prs_Birthdate", "victim.date_of_birth", "ISO 8601 date; blank when only an age is known"),
    ("prs_Gender", "victim.sex", ("female→Feminine, male→Masculine, other→NonConforming, "
                                  "unknown→NonSpecifiedUnknown")),
    ("prs_Citizenship", "victim.nationality", "ISO 3166-1 alpha-3, as the standard allows"),
    ("prs_MobilePhone", "victim.contact_phone", ""),
    ("vic_TraffickingStatus", "(constant)",
     "PossibleVictimOfTrafficking: a rescue records a presumed victim"),
    ("vic_TraffickingStatusDecisionMakingOrg", "(constant)", "Police"),
    ("vic_TypeOfExploitation", "rescue.exploitation_type",
     ("labour→ForcedLabour, sexual_exploitation→SexualExploitation, forced_marriage→"
      "ForcedMarriage, online_scam→ForcedLabour, begging→ForcedBegging, other→Other")),
    ("cas_Status", "referrals' derived status",
     ("Active while any referral is open or none exists; ClosedReferred when every referral "
      "is closed and at least one completed; Closed when every referral was declined or "
      "cancelled")),
    ("cas_ReferredOrganisation", "referral.provider_code",
     "English provider names, in referral order, joined with ';'"),
    ("cas_ReasonForOutgoingReferral", "(constant when referred)", "AdditionalServicesRequired"),
    ("cas_OutgoingReferralDate", "referral.created_at", "date of the first referral"),
    ("cas_OutgoingReferralDetails", "referral.service, status",
     "e.g. 'shelter (PTC): completed; medical (HOSP-BMC): in_service'"),
)

EXPORT_COLUMNS: tuple[str, ...] = tuple(c for c in sheet_columns()
                                        if c in {m[0] for m in MAPPING})
PERSONAL = frozenset({"prs_FirstName", "prs_Birthdate", "prs_MobilePhone"})


def not_collected() -> list[HtcdsField]:
    """Standard fields (active, not example questions) the app does not record."""
    mapped = {m[0] for m in MAPPING}
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
    row = {
        "cas_CaseOwner": str(rescue.get("created_by") or ""),
        "prs_FirstName": str(victim.get("name_latin") or victim.get("name_km") or ""),
        "con_Consent": "true" if victim.get("consent_given") else "false",
        "prs_Birthdate": born.isoformat() if isinstance(born, dt.date) else "",
        "prs_Gender": GENDER.get(str(victim.get("sex")), "NonSpecifiedUnknown"),
        "prs_Citizenship": str(victim.get("nationality") or ""),
        "prs_MobilePhone": str(victim.get("contact_phone") or ""),
        "vic_TraffickingStatus": TRAFFICKING_STATUS,
        "vic_TraffickingStatusDecisionMakingOrg": STATUS_DECIDED_BY,
        "vic_TypeOfExploitation": EXPLOITATION.get(str(rescue.get("exploitation_type")), "Other"),
        "cas_Status": case_status(refs),
        "cas_ReferredOrganisation": MULTI.join(providers),
        "cas_ReasonForOutgoingReferral": REFERRAL_REASON if refs else "",
        "cas_OutgoingReferralDate": first.isoformat() if first else "",
        "cas_OutgoingReferralDetails": "; ".join(
            f"{r.service} ({r.provider}): {r.status}" for r in refs),
    }
    if redact:
        row.update({k: "" for k in PERSONAL})
    return {c: row[c] for c in EXPORT_COLUMNS}


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
