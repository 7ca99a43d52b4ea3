"""Tests for the shipped forms/ folder: every form loads, is bilingual, and uses real HTCDS names."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from fieldapp.domain.enums import (
    ExploitationType,
    Service,
    Sex,
    SuspectRole,
    SuspectStatus,
    Urgency,
)
from fieldapp.formkit.engine import FormState
from fieldapp.formkit.expr import parse
from fieldapp.formkit.loader import load_all
from fieldapp.formkit.model import Field, FormDef, Group, SelectOneField

REPO = Path(__file__).resolve().parents[2]
FORMS = REPO / "forms"
HTCDS_CSV = Path(__file__).resolve().parents[3] / "shared/reference/htcds/htcds_fields.csv"
KHMER = range(0x1780, 0x1800)

EXPECTED = {
    "rescue": "rescue",
    "victim": "victim",
    "statement": "statement",
    "statement_child": "statement",
    "suspect": "suspect",
    "referral": "referral",
    "referral_update": "referral_event",
    "return_reintegration": "return_reintegration",
    "handover": "rescue",
    "family_member": "family_member",
    "follow_up": "follow_up",
    "tracing": "tracing",
}

BINDS = {
    "rescue": {"operation_date", "place", "province_code", "post_code", "unit",
               "exploitation_type", "notes", "people_found"},
    "victim": {"name_km", "name_latin", "sex", "date_of_birth", "estimated_age", "nationality",
               "languages", "documents", "contact_phone", "vulnerabilities", "consents",
               "is_minor", "attachments", "age_disputed", "interpreter_needed",
               # h13: home address, social worker, guardian; HTCDS recruitment and control
               "home_province", "home_district", "home_commune", "home_village",
               "home_address_detail", "social_worker", "guardian", "recruitment_methods",
               "recruitment_apps", "methods_of_control", "labour_industry",
               "sex_exploitation"},
    "statement": {"interview_date", "interviewer", "interpreter", "language", "place",
                  "narrative", "attachments"},
    "statement_child": {"interview_date", "interviewer", "interpreter", "language", "place",
                        "narrative", "child_protocol", "attachments"},
    "suspect": {"name", "alias", "role", "nationality", "description", "status", "identified_by"},
    "referral": {"victim_id", "service", "provider_code", "urgency", "due_date", "notes"},
    "referral_update": {"action", "reason", "services_given", "notes"},
    "handover": {"intake_kind", "referring_agency", "referring_country", "foreign_case_number",
                 "handover_date", "crossing_point", "documents_received", "operation_date",
                 "province_code", "post_code", "exploitation_type", "countries_recruitment",
                 "countries_transit", "countries_exploitation", "notes"},
    "return_reintegration": {"victim_id", "return_date", "destination_province",
                             "family_safety", "alternative_care_plan", "follow_up_plan",
                             "services_given"},
}  # fmt: skip


@pytest.fixture(scope="module")
def forms() -> dict[str, FormDef]:
    return load_all(FORMS)


def test_every_form_loads_with_its_record(forms: dict[str, FormDef]) -> None:
    assert {k: f.record for k, f in forms.items()} == EXPECTED
    assert len(list(FORMS.glob("*.yaml"))) == len(EXPECTED)


def test_every_expression_parses(forms: dict[str, FormDef]) -> None:
    count = 0
    for form in forms.values():
        for item in form.walk():
            for key in ("relevant", "calculate", "constraint", "required", "choice_filter"):
                e = getattr(item, key, None)
                if e is not None:
                    assert parse(e.source) == e
                    count += 1
    assert count > 30


@pytest.mark.parametrize("form_id", sorted(BINDS))
def test_forms_bind_to_the_record_fields(forms: dict[str, FormDef], form_id: str) -> None:
    record = FormState(forms[form_id]).to_record_values(check=False)
    assert set(record) == BINDS[form_id]


def has_khmer(text: str) -> bool:
    return any(ord(ch) in KHMER for ch in text)


def test_every_visible_text_is_in_english_and_khmer(forms: dict[str, FormDef]) -> None:
    missing = []
    for form in forms.values():
        assert form.title.en and has_khmer(form.title.km), form.form_id
        for item in form.walk():
            texts = [("label", item.label)] if (item.label.en or item.label.km) else []
            texts += [("hint", item.hint)] if item.hint.en else []
            if isinstance(item, Field):
                for key in ("constraint_message", "required_message"):
                    if getattr(item, key).en:
                        texts.append((key, getattr(item, key)))
            for key, text in texts:
                if not (text.en and has_khmer(text.km)):
                    missing.append(f"{form.form_id}.{item.name}.{key}")
            if (
                isinstance(item, Field)
                and item.type_name != "calculate"
                and not isinstance(item, Group)
            ):
                assert item.label.en, f"{form.form_id}.{item.name} has no label"
        for clist in form.choices.values():
            for c in clist.choices:
                if not (c.label.en and has_khmer(c.label.km)):
                    missing.append(f"list {clist.name}.{c.value}")
    assert missing == []


@pytest.mark.parametrize(
    ("list_name", "enum"),
    [
        ("sexes", Sex),
        ("exploitation_types", ExploitationType),
        ("suspect_roles", SuspectRole),
        ("suspect_statuses", SuspectStatus),
        ("services", Service),
        ("urgencies", Urgency),
    ],
)
def test_choice_values_match_domain_enums(forms: dict[str, FormDef], list_name: str, enum) -> None:
    values = [c.value for c in forms["victim"].choices[list_name].choices]
    assert values == [e.value for e in enum]


def test_nationalities_are_iso_alpha3(forms: dict[str, FormDef]) -> None:
    values = [c.value for c in forms["victim"].choices["nationalities"].choices]
    assert {"KHM", "THA", "VNM", "CHN", "LAO", "MMR", "IDN", "MYS", "XXA", "XXX"} <= set(values)
    assert all(len(v) == 3 and v.isupper() for v in values)


def test_htcds_names_exist_in_the_standard(forms: dict[str, FormDef]) -> None:
    if not HTCDS_CSV.exists():
        pytest.skip(f"HTCDS field list not found at {HTCDS_CSV}; cannot check htcds: names")
    with HTCDS_CSV.open(encoding="utf-8") as fh:
        known = {row["Field Name including Prefix"] for row in csv.DictReader(fh)}
    used = {
        (form.form_id, item.name, item.htcds)
        for form in forms.values()
        for item in form.walk()
        if isinstance(item, Field) and item.htcds
    }
    assert len(used) >= 10
    unknown = [u for u in used if u[2] not in known]
    assert unknown == []


def test_select_fields_all_have_lists(forms: dict[str, FormDef]) -> None:
    for form in forms.values():
        for item in form.walk():
            if isinstance(item, SelectOneField):
                assert item.list_name in form.choices
