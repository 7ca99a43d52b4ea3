"""Tests for fieldapp/formkit/engine.py: relevance, calculations, checks, repeats, drafts."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from fieldapp.domain.errors import InvalidInput
from fieldapp.formkit.engine import FormState, choose_form
from fieldapp.formkit.errors import FormIncomplete
from fieldapp.formkit.loader import load_all, load_form_text
from fieldapp.formkit.model import ChoiceSource

FORMS = Path(__file__).resolve().parents[2] / "forms"
NOW = dt.datetime(2025, 3, 1, 10, 0)


def clock() -> dt.datetime:
    return NOW


@pytest.fixture(scope="module")
def forms() -> dict:
    return load_all(FORMS)


def fill_victim(s: FormState) -> None:
    s.set("name_km", "សុខ ស្រីពៅ")
    s.set("sex", "female")
    s.set("nationality", "KHM")
    s.set("languages", ["khm", "tha"])
    s.set("documents", "none")
    s.set("consent_given", "given")


def test_relevance_and_calculate_follow_date_of_birth(forms: dict) -> None:
    s = FormState(forms["victim"], clock=clock)
    assert s.is_relevant("estimated_age")
    changed = s.set("date_of_birth", "2012-05-01")
    assert {"is_minor", "estimated_age", "minor_note"} <= changed
    assert s.get("is_minor") is True
    assert not s.is_relevant("estimated_age")
    assert s.is_relevant("minor_note")
    s.set("date_of_birth", "")
    s.set("estimated_age", "30")
    assert s.get("is_minor") is False
    assert not s.is_relevant("minor_note")


def test_required_constraint_and_messages_in_both_languages(forms: dict) -> None:
    s = FormState(forms["victim"], clock=clock)
    names = {p.name for p in s.validate()}
    assert {"name_km", "sex", "estimated_age", "consent_given"} <= names
    assert s.errors("sex", lang="km") == ["ត្រូវតែបំពេញចំណុចនេះ។"]
    assert s.errors("sex") == ["This field is required."]
    # name_km is only required while there is no Latin name, with the form's own message.
    assert s.errors("name_km") == ["Give the name in Khmer or Latin script."]
    s.set("name_latin", "Sok Sreypov")
    assert s.errors("name_km") == []
    s.set("estimated_age", 130)
    assert s.errors("estimated_age", lang="km") == ["អាយុត្រូវនៅចន្លោះ ០ ដល់ ១០០ ឆ្នាំ។"]
    s.set("documents", ["none", "passport"])
    assert s.errors("documents") == ['"No documents" cannot be combined with a document.']
    s.set("contact_phone", "call me")
    assert s.errors("contact_phone")
    s.set("contact_phone", "+855 12 345 678")
    assert s.errors("contact_phone") == []
    s.set("sex", "robot")
    assert s.errors("sex") == ["This is not one of the choices."]


def test_unreadable_input_is_kept_and_reported(forms: dict) -> None:
    s = FormState(forms["victim"], clock=clock)
    s.set("estimated_age", "12x")
    assert s.get("estimated_age") is None
    assert s.raw_text("estimated_age") == "12x"
    assert s.errors("estimated_age", lang="km") == ["សូមបញ្ចូលចំនួនគត់។"]
    # Khmer numerals are numbers.
    s.set("estimated_age", "១៥")
    assert s.get("estimated_age") == 15 and s.raw_text("estimated_age") is None


def test_record_values_and_khmer_round_trip(forms: dict) -> None:
    s = FormState(forms["victim"], clock=clock)
    fill_victim(s)
    with pytest.raises(FormIncomplete, match="estimated_age"):
        s.to_record_values()
    s.set("estimated_age", 15)
    values = s.to_record_values()
    assert values["name_km"] == "សុខ ស្រីពៅ"
    assert values["languages"] == ["khm", "tha"]
    assert values["is_minor"] is True
    assert values["date_of_birth"] is None
    assert "minor_note" not in values and "consent_explained" not in values


def test_computed_fields_cannot_be_set(forms: dict) -> None:
    s = FormState(forms["victim"], clock=clock)
    with pytest.raises(InvalidInput):
        s.set("is_minor", True)
    with pytest.raises(InvalidInput):
        s.set("minor_note", "x")


def test_draft_round_trip_through_json(forms: dict) -> None:
    s = FormState(forms["victim"], clock=clock)
    fill_victim(s)
    s.set("date_of_birth", dt.date(2010, 1, 31))
    s.set("contact_phone", "០១២ abc")  # invalid, must survive the draft as typed
    s.set("estimated_age", "oops")  # not relevant now, still kept
    draft = json.loads(json.dumps(s.to_draft(), ensure_ascii=False))
    t = FormState.from_draft(forms["victim"], draft, clock=clock)
    assert t.get("name_km") == "សុខ ស្រីពៅ"
    assert t.get("date_of_birth") == dt.date(2010, 1, 31)
    assert t.get("languages") == ("khm", "tha")
    assert t.get("is_minor") is True
    assert t.raw_text("estimated_age") == "oops"
    assert t.to_draft() == s.to_draft()


def test_draft_from_older_version_keeps_unknown_answers(forms: dict) -> None:
    draft = {"form_id": "victim", "version": "2024.9", "answers": {"old_field": "x", "sex": "male"}}
    s = FormState.from_draft(forms["victim"], draft, clock=clock)
    assert s.get("sex") == "male"
    assert s.dropped == {"old_field": "x"}
    assert s.to_draft()["dropped"] == {"old_field": "x"}
    with pytest.raises(InvalidInput):
        FormState.from_draft(forms["suspect"], draft)


def test_repeats_relevance_per_instance_and_output(forms: dict) -> None:
    posts = ChoiceSource().with_list("posts", [("PPT", "Poipet", "ប៉ោយប៉ែត", {"province": "22"})])
    s = FormState(forms["rescue"], clock=clock, choices=posts)
    a = s.add_repeat("people_found")
    b = s.add_repeat("people_found")
    s.set("approx_age", "12", (a,))
    s.set("approx_age", "25", (b,))
    s.set("sex", "female", (a,))
    s.set("name", "ស្រីនាង", (a,))
    assert s.is_relevant("child_found_note", (a,))
    assert not s.is_relevant("child_found_note", (b,))
    assert [p.name for p in s.validate() if p.index == (b,)] == ["sex"]
    s.remove_repeat("people_found", a)
    assert s.repeat_count("people_found") == 1
    assert s.get("approx_age", (0,)) == 25
    assert not s.is_relevant("child_found_note", (0,))
    for name, value in [
        ("operation_date", "2025-02-28"), ("place", "Casino, O'Smach"), ("province_code", "22"),
        ("post_code", "PPT"), ("unit", "Provincial AHTJP office"),
        ("exploitation_type", "online_scam"),
    ]:  # fmt: skip
        s.set(name, value)
    s.set("sex", "male", (0,))
    values = s.to_record_values()
    assert values["operation_date"] == dt.date(2025, 2, 28)
    quick = {"age_disputed", "nationality", "languages", "interpreter_needed", "consent",
             "embassy_contact"}  # the quick list's other columns, unanswered here
    assert values["people_found"] == [{"name": None, "sex": "male", "approx_age": 25,
                                       **dict.fromkeys(quick)}]
    with pytest.raises(IndexError):
        s.set("approx_age", "3")  # inside a repeat, an instance number is needed


def test_future_date_is_refused(forms: dict) -> None:
    s = FormState(forms["rescue"], clock=clock)
    s.set("operation_date", "2025-03-02")
    assert s.errors("operation_date") == ["The date cannot be in the future."]


def test_reference_lists_and_choice_filter(forms: dict) -> None:
    providers = ChoiceSource().with_list(
        "providers",
        [
            (
                "PTC",
                "Poipet Transit Centre",
                "មជ្ឈមណ្ឌលបណ្តោះអាសន្នប៉ោយប៉ែត",
                {"services": "shelter medical"},
            ),
            ("LAC", "Legal Aid of Cambodia", "ជំនួយច្បាប់កម្ពុជា", {"services": "legal_aid"}),
        ],
    )
    s = FormState(forms["referral"], clock=clock, choices=providers)
    assert [c.value for c in s.options("provider_code")] == []
    s.set("service", "medical")
    assert [c.value for c in s.options("provider_code")] == ["PTC"]
    s.set("provider_code", "PTC")
    assert s.errors("provider_code") == []
    s.set("service", "legal_aid")  # the chosen provider no longer offers the service
    assert s.errors("provider_code") == ["This is not one of the choices."]
    assert s.label_of("provider_code", "LAC", "km") == "ជំនួយច្បាប់កម្ពុជា"
    # Without runtime data, a reference list falls back to the shipped list.
    assert len(FormState(forms["return_reintegration"]).options("destination_province")) == 25


def test_referral_update_decline_needs_reason(forms: dict) -> None:
    s = FormState(forms["referral_update"], context={"referral_status": "sent"})
    assert [c.value for c in s.options("action")] == ["accept", "decline"]
    s.set("action", "decline")
    assert s.errors("reason") == ["This field is required."]
    s.set("reason", "គ្មានកន្លែងស្នាក់នៅ")
    assert s.to_record_values()["reason"] == "គ្មានកន្លែងស្នាក់នៅ"
    s.set("action", "accept")
    assert not s.is_relevant("reason")
    assert s.to_record_values()["reason"] is None  # no longer applies: cleared in the record


def test_child_statement_is_chosen_for_minors_and_binds_protocol(forms: dict) -> None:
    form = choose_form(forms.values(), "statement", {"victim_is_minor": True, "victim_age": 9})
    assert form.form_id == "statement_child"
    adult = choose_form(forms.values(), "statement", {"victim_is_minor": False})
    assert adult.form_id == "statement"
    s = FormState(form, context={"victim_is_minor": True, "victim_age": 9}, clock=clock)
    assert "breaks_taken" in {p.name for p in s.validate()}  # required under 12
    for name, value in [
        ("interview_date", "2025-03-01T09:00"), ("interviewer", "Officer Dara"),
        ("language", "vie"), ("interpreter", "Nguyen Thi Lan"), ("place", "Poipet Transit Centre"),
        ("guardian_present", "no"), ("social_worker_present", "no"),
        ("child_friendly_room", "yes"), ("trained_interviewer", "yes"), ("breaks_taken", "2"),
        ("interpreter_present", "yes"), ("narrative", "ខ្ញុំត្រូវបានគេនាំទៅ..."),
    ]:  # fmt: skip
        s.set(name, value)
    assert s.errors("social_worker_present") == [
        "A social worker must be present for a child's statement; if none could be, say why "
        "(a supervisor approves it)."
    ]
    s.set("social_worker_present", "yes")
    values = s.to_record_values()
    assert values["child_protocol"] == {
        "guardian_present": "no",
        "guardian_consent": None,
        "social_worker_present": "yes",
        "no_social_worker_reason": None,
        "child_friendly_room": "yes",
        "trained_interviewer": "yes",
        "breaks_taken": 2,
        "interpreter_present": "yes",
    }
    assert values["interview_date"] == dt.datetime(2025, 3, 1, 9, 0)


SMALL = """\
form_id: small
version: "1"
record: rescue
fields:
  - {type: integer, name: a, label: A}
  - {type: calculate, name: b, calculate: "${a} * 2"}
  - {type: calculate, name: c, calculate: "${b} + 1"}
  - {type: text, name: d, label: D, relevant: "${c} > 10"}
  - {type: text, name: e, label: E}
  - type: repeat
    name: r
    label: R
    fields:
      - {type: integer, name: x, label: X}
      - {type: calculate, name: share, calculate: "${x} div ${total}"}
  - {type: calculate, name: total, calculate: "sum(${x})"}
  - {type: calculate, name: n, calculate: "count(${r})"}
"""


def test_only_dependants_are_recomputed_and_chains_work() -> None:
    form = load_form_text(SMALL, "small.yaml")
    assert form.deps.affected["a"] == ("b", "c", "d")
    assert form.deps.affected["e"] == ()
    s = FormState(form)
    s.set("a", 5)
    assert (s.get("b"), s.get("c"), s.is_relevant("d")) == (10, 11, True)
    i = s.add_repeat("r")
    j = s.add_repeat("r")
    s.set("x", 3, (i,))
    s.set("x", 1, (j,))
    assert s.get("total") == 4 and s.get("n") == 2
    # total changed, so every instance's share was recomputed, not only the edited one.
    assert s.get("share", (i,)) == 0.75 and s.get("share", (j,)) == 0.25
    s.remove_repeat("r", 0)
    assert s.get("total") == 1 and s.get("n") == 1 and s.get("share", (0,)) == 1


def test_posts_follow_the_province_and_all_show_before_one_is_chosen(forms: dict) -> None:
    # Issue 12: rescue and handover ask for the province, then offer only its posts.
    posts = ChoiceSource().with_list("posts", [
        ("POIPET", "Poipet", "ប៉ោយប៉ែត", {"province": "KH-1"}),
        ("PTC", "Poipet centre", "មជ្ឈមណ្ឌលប៉ោយប៉ែត", {"province": "KH-1"}),
        ("PAILIN", "Pailin", "ប៉ៃលិន", {"province": "KH-24"})])
    for form_id in ("rescue", "handover"):
        s = FormState(forms[form_id], clock=clock, choices=posts)
        assert {c.value for c in s.options("post_code")} == {"POIPET", "PTC", "PAILIN"}
        s.set("province_code", "KH-24")
        assert [c.value for c in s.options("post_code")] == ["PAILIN"]
        s.set("post_code", "POIPET")  # another province's post is not a choice here
        assert s.errors("post_code") != []
