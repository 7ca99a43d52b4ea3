"""Which imported question fills which record column: by HTCDS name, then a small alias table.

The XLSForm importer binds a question to a record column when its name (or the HTCDS 2.0
field its name spells, e.g. ``prs_Gender`` or ``prs_First_Name``) appears below; every
other answer is kept as an extra answer with the record, so nothing is lost either way.
A few columns take a closed set of values: ``VALUES`` turns the standard's (or common)
spellings into ours when the answer is saved; the original answer is kept too where the
translation loses detail (``TransgenderFeminine`` → ``other``).

The table, for the docs:

=========  ==================  ===============================================  =========
record     column              question names (any case, ``_`` ignored)         HTCDS
=========  ==================  ===============================================  =========
victim     name_latin          first_name, full_name, name, victim_name         prs_FirstName
victim     name_km             name_km, name_khmer, khmer_name
victim     sex                 sex, gender                                      prs_Gender
victim     date_of_birth       dob, date_of_birth, birth_date, birthdate        prs_Birthdate
victim     estimated_age       age, estimated_age, approx_age
victim     contact_phone       phone, phone_number, mobile_phone, contact_phone prs_MobilePhone
victim     consent_given       consent, consent_given                           con_Consent
rescue     operation_date      operation_date, rescue_date
rescue     place / unit / notes  the same words
suspect    name / alias / description  suspect_name, alias, description
statement  narrative / interviewer / interpreter  the same words
=========  ==================  ===============================================  =========
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass, replace
from typing import Any

from fieldapp.resources import resource_path


@dataclass(frozen=True)
class Target:
    column: str
    kind: str  # text | date | select | multi | integer: the question types that fit
    note: str = ""
    #: The record cannot be saved without it: the bound question becomes required.
    required: bool = False
    #: The HTCDS field the column stands for, if any (set from the table below).
    htcds: str = ""


def _key(name: str) -> str:
    return name.replace("_", "").replace("-", "").lower()


_TABLE: dict[str, tuple[tuple[str, Target, tuple[str, ...]], ...]] = {
    "victim": (
        ("prs_FirstName", Target("name_latin", "text"),
         ("first_name", "full_name", "name", "victim_name", "name_latin")),
        ("", Target("name_km", "text"), ("name_km", "name_khmer", "khmer_name")),
        ("prs_Gender", Target("sex", "select", "values translated; the answer is also kept",
                                  required=True),
         ("sex", "gender")),
        ("prs_Birthdate", Target("date_of_birth", "date"),
         ("dob", "date_of_birth", "birth_date", "birthdate")),
        ("", Target("estimated_age", "integer"), ("age", "estimated_age", "approx_age")),
        ("prs_MobilePhone", Target("contact_phone", "text"),
         ("phone", "phone_number", "mobile_phone", "contact_phone")),
        ("con_Consent", Target("consent_given", "select", "TRUE/yes → consent given"),
         ("consent", "consent_given")),
    ),
    "rescue": (
        ("", Target("operation_date", "date"), ("operation_date", "rescue_date")),
        ("", Target("place", "text"), ("place",)),
        ("", Target("unit", "text"), ("unit",)),
        ("", Target("notes", "text"), ("notes",)),
    ),
    "suspect": (
        ("", Target("name", "text"), ("suspect_name",)),
        ("", Target("alias", "text"), ("alias",)),
        ("", Target("description", "text"), ("description",)),
    ),
    "statement": (
        ("", Target("narrative", "text"), ("narrative",)),
        ("", Target("interviewer", "text"), ("interviewer",)),
        ("", Target("interpreter", "text"), ("interpreter",)),
    ),
}

#: What each record's service takes from a form's answers (the rest are extra answers);
#: tests/formkit/test_imported_forms.py checks this against the services.
COLUMNS: dict[str, frozenset[str]] = {
    "rescue": frozenset({"countries_exploitation", "countries_recruitment", "countries_transit",
                         "crossing_point", "documents_received", "exploitation_type",
                         "foreign_case_number", "handover_date", "intake_kind", "notes",
                         "operation_date", "people_found", "place", "post_code", "province_code",
                         "referring_agency", "referring_country", "unit"}),
    "victim": frozenset({"age_disputed", "consent_given", "consent_status", "consents",
                         "contact_phone", "date_of_birth", "documents", "estimated_age",
                         "interpreter_needed", "languages", "name_km", "name_latin",
                         "nationality", "sex", "vulnerabilities",
                         # h13: home address (gazetteer codes), social worker, guardian
                         "home_province", "home_district", "home_commune", "home_village",
                         "home_address_detail", "social_worker", "guardian"}),
    "statement": frozenset({"child_protocol", "interpreter", "interview_date", "interviewer",
                            "language", "narrative", "place"}),
    "suspect": frozenset({"alias", "description", "identified_by", "name", "nationality", "role",
                          "status"}),
    "referral": frozenset({"due_date", "notes", "provider_code", "service", "urgency",
                           "victim_id"}),
    "referral_event": frozenset({"action", "notes", "reason", "services_given"}),
    "return_reintegration": frozenset({"alternative_care_plan", "destination_province",
                                       "family_safety", "follow_up_plan", "return_date",
                                       "services_given", "victim_id"}),
    "family_member": frozenset({"victim_id", "name", "relationship", "is_guardian", "phone",
                                "home_province", "home_district", "home_commune",
                                "home_village", "home_address_detail"}),
    "follow_up": frozenset({"victim_id", "action", "due_on", "assigned_to", "note"}),
    "tracing": frozenset({"outcome", "traced_on", "traced_by", "note"}),
}

#: Answer spellings → our values, per (record, column). Keys compared without case.
VALUES: dict[tuple[str, str], dict[str, Any]] = {
    ("victim", "sex"): {
        "feminine": "female", "masculine": "male", "transgenderfeminine": "other",
        "transgendermasculine": "other", "nonconforming": "other",
        "nonspecifiedunknown": "unknown", "female": "female", "male": "male", "f": "female",
        "m": "male", "other": "other", "unknown": "unknown",
    },
    ("victim", "consent_given"): {
        "true": True, "yes": True, "1": True, "false": False, "no": False, "0": False,
    },
}  # fmt: skip


@functools.cache
def _standard() -> dict[str, str]:
    """HTCDS field names by their spelling-insensitive key (``prsfirstname`` → prs_FirstName)."""
    # The field list shipped in resources/htcds (the same file reports/htcds.py reads);
    # read here so formkit does not import the reports package above it.
    out: dict[str, str] = {}
    with resource_path("htcds", "htcds_fields.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            name = row[6].strip() if len(row) > 6 else ""
            if name and name != "N/A" and "_" in name and " " not in name:
                out.setdefault(_key(name), name)
    return out


def htcds_name(question: str) -> str:
    """The HTCDS 2.0 field a question's name spells (``vic_Methods_of_Control``), or ``""``."""
    if "_" not in question:
        return ""
    return _standard().get(_key(question), "")


def column_for(record: str, question: str, htcds: str = "") -> Target | None:
    """The record column a question fills, by HTCDS name first, then by its own name."""
    key = _key(question)
    for standard, target, names in _TABLE.get(record, ()):
        if (htcds and standard == htcds) or key in {_key(n) for n in names}:
            return replace(target, htcds=standard)
    return None


def to_column(record: str, column: str, value: Any) -> tuple[Any, bool]:
    """(our value, whether the original says more) for an answer bound to ``column``."""
    table = VALUES.get((record, column))
    if table is None or not isinstance(value, str):
        return value, False
    ours = table.get(value.strip().lower(), value)
    lossy = isinstance(ours, str) and ours != value and ours in ("other", "unknown")
    return ours, lossy
