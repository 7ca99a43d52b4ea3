"""Tests for fieldapp/formkit/xlsform.py: XLSForm workbooks built here with openpyxl."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from fieldapp.formkit.engine import FormState
from fieldapp.formkit.errors import DefinitionError
from fieldapp.formkit.loader import load_form, load_form_text
from fieldapp.formkit.model import Group, Repeat, SelectOneField
from fieldapp.formkit.xlsform import convert

SURVEY_HEADER = [
    "type", "name", "label::English (en)", "label::Khmer (km)", "label::French (fr)",
    "hint::English (en)", "required", "relevant", "constraint",
    "constraint_message::English (en)", "constraint_message::Khmer (km)", "calculation",
    "choice_filter", "appearance", "media::image",
]  # fmt: skip

# Each row: dict of column -> value. Sheet row numbers start at 2 (row 1 is the header).
SURVEY = [
    {"type": "text", "name": "name_km", "label::English (en)": "Name", "label::Khmer (km)": "ឈ្មោះ",
     "label::French (fr)": "Nom", "required": "yes"},  # row 2
    {"type": "integer", "name": "age", "label::English (en)": "Age", "label::Khmer (km)": "អាយុ",
     "constraint": ". >= 0 and . <= 120", "constraint_message::English (en)": "0 to 120",
     "constraint_message::Khmer (km)": "០ ដល់ ១២០"},  # row 3
    {"type": "begin group", "name": "details", "label::English (en)": "Details",
     "appearance": "field-list"},  # row 4
    {"type": "select_one sex", "name": "sex", "label::English (en)": "Sex",
     "label::Khmer (km)": "ភេទ", "required": "true"},  # row 5
    {"type": "geopoint", "name": "location", "label::English (en)": "Where"},  # row 6
    {"type": "end group"},  # row 7
    {"type": "begin repeat", "name": "people", "label::English (en)": "People"},  # row 8
    {"type": "text", "name": "person_name", "label::English (en)": "Person",
     "relevant": "${age} > 0"},  # row 9
    {"type": "end repeat"},  # row 10
    {"type": "select_one provinces", "name": "province", "label::English (en)": "Province"},  # 11
    {"type": "select_one districts", "name": "district", "label::English (en)": "District",
     "choice_filter": "province=${province}"},  # row 12
    {"type": "select_one yes_no or_other", "name": "likes", "label::English (en)": "Likes?"},  # 13
    {"type": "calculate", "name": "is_minor", "calculation": "${age} < 18"},  # row 14
    {"type": "start", "name": "started"},  # row 15
    {"type": "text", "name": "fancy", "label::English (en)": "Fancy",
     "relevant": "jr:choice-name(${sex}, '${sex}') = 'x'"},  # row 16
    {"type": "calculate", "name": "where_text", "calculation": "concat(${location}, '')"},  # 17
    {"type": "image", "name": "photo", "label::English (en)": "Photo",
     "media::image": "logo.png"},  # row 18
    {"type": "text", "name": "age", "label::English (en)": "Again"},  # row 19: duplicate
]  # fmt: skip

CHOICES_HEADER = ["list_name", "name", "label::English (en)", "label::Khmer (km)", "province"]
CHOICES = [
    ("sex", "female", "Female", "ស្រី", None),
    ("sex", "male", "Male", "ប្រុស", None),
    ("provinces", "bmc", "Banteay Meanchey", "បន្ទាយមានជ័យ", None),
    ("provinces", "btb", "Battambang", "បាត់ដំបង", None),
    ("districts", "poipet", "Poipet", "ប៉ោយប៉ែត", "bmc"),
    ("districts", "kamrieng", "Kamrieng", "កំរៀង", "btb"),
    ("yes_no", "yes", "Yes", "បាទ/ចាស", None),
    ("yes_no", "no", "No", "ទេ", None),
]


def build(path: Path, survey: list[dict], settings: dict | None = None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "survey"
    ws.append(SURVEY_HEADER)
    for row in survey:
        ws.append([row.get(col) for col in SURVEY_HEADER])
    cs = wb.create_sheet("choices")
    cs.append(CHOICES_HEADER)
    for row in CHOICES:
        cs.append(list(row))
    st = wb.create_sheet("settings")
    settings = settings or {
        "form_title::English (en)": "Intake",
        "form_title::Khmer (km)": "ការទទួល",
        "form_id": "intake",
        "version": "2025010101",
        "default_language": "English (en)",
        "record": "victim",
    }
    st.append(list(settings))
    st.append(list(settings.values()))
    wb.create_sheet("notes").append(["anything"])
    wb.save(path)
    return path


@pytest.fixture
def converted(tmp_path: Path):
    return convert(build(tmp_path / "intake.xlsx", SURVEY))


def test_converted_yaml_loads_with_structure(converted, tmp_path: Path) -> None:
    path = tmp_path / "intake.yaml"
    path.write_text(converted.yaml_text, encoding="utf-8")
    form = load_form(path)
    assert form.form_id == "intake" and form.version == "2025010101" and form.record == "victim"
    assert form.title.km == "ការទទួល"
    assert form.field("name_km").label.km == "ឈ្មោះ"
    assert form.field("name_km").required is not None
    assert form.field("age").constraint_message.km == "០ ដល់ ១២០"
    assert (
        isinstance(form.item("details"), Group) and form.item("details").appearance == "field-list"
    )
    assert form.parents["sex"] == (form.item("details"),)
    assert isinstance(form.item("people"), Repeat)
    assert form.repeats_of("person_name") == (form.item("people"),)
    district = form.field("district")
    assert isinstance(district, SelectOneField) and district.choice_filter is not None
    assert form.field("is_minor").calculate.source == "${age} < 18"
    likes = form.field("likes")
    assert isinstance(likes, SelectOneField) and likes.list_name == "yes_no_or_other"
    assert [c.value for c in form.choices["yes_no_or_other"].choices] == ["yes", "no", "other"]
    assert form.field("likes_other").relevant.source == "selected(${likes}, 'other')"
    assert form.field("started").type_name == "metadata"
    assert form.field("location").type_name == "geopoint"


def test_converted_form_works_in_the_engine(converted) -> None:
    form = load_form_text(converted.yaml_text, "intake.yaml")
    s = FormState(form)
    s.set("province", "bmc")
    assert [c.value for c in s.options("district")] == ["poipet"]
    s.set("age", "12")
    assert s.get("is_minor") is True


def test_every_unsupported_feature_is_listed_by_row(converted) -> None:
    notes = "\n".join(converted.unsupported)
    expected = [
        "survey row 2: label in language 'fr' dropped",
        "survey row 6: geopoint is kept as coordinates TYPED by the officer (never read from "
        "a location service)",
        "survey row 13: or_other: an 'Other' choice and the text question 'likes_other'",
        "survey row 16: relevant 'jr:choice-name(${sex}, '${sex}') = 'x'' is not supported",
        "survey row 18: column 'media::image' is not supported",
        "survey row 19: name 'age' is used twice (names must be unique in the whole form); "
        "renamed 'age_2'",
        "notes: sheet 'notes' is not supported",
    ]
    for fragment in expected:
        assert fragment in notes, fragment
    data = yaml.safe_load(converted.yaml_text)
    names = [f["name"] for f in data["fields"]]
    assert {"started", "where_text", "age_2"} <= set(names)


def test_unknown_record_is_reported_not_silent(tmp_path: Path) -> None:
    path = build(tmp_path / "x.xlsx", SURVEY[:2], {"form_id": "x"})
    result = convert(path)
    assert any("no known record type" in n for n in result.unsupported)
    assert convert(path, record="suspect").yaml_text.count("record: suspect") == 1


def test_unreadable_workbook_is_a_definition_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(DefinitionError):
        convert(bad)
