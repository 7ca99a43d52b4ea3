"""Tests for fieldapp/formkit/loader.py: valid forms load; bad ones name file, line and field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from fieldapp.domain.errors import FormInvalid
from fieldapp.formkit.errors import DefinitionError
from fieldapp.formkit.loader import load_all, load_form
from fieldapp.formkit.model import (
    CalculateField,
    Group,
    IntegerField,
    Repeat,
    SelectMultipleField,
    TextField,
)

GOOD = """\
form_id: demo
version: "1"
title: {en: Demo, km: សាកល្បង}
record: victim
context:
  victim_age: integer
choices:
  colours:
    - {value: red, label: {en: Red, km: ក្រហម}, group: warm}
    - {value: blue, label: {en: Blue, km: ខៀវ}, group: cool}
fields:
  - type: text
    name: name_km
    label: {en: Name, km: ឈ្មោះ}
    required: true
  - type: begin_group
    name: flat
    label: {en: Flat group}
  - type: integer
    name: age
    label: {en: Age}
    constraint: ". >= 0"
  - type: end_group
    name: flat_end
  - type: calculate
    name: is_minor
    calculate: "${age} < 18"
  - type: select_multiple colours
    name: colours
    label: {en: Colours}
    choice_filter: "group = 'warm' or ${age} > 3"
  - type: repeat
    name: people
    label: {en: People}
    fields:
      - type: text
        name: person
        label: {en: Person}
"""


def write(tmp_path: Path, text: str, name: str = "form.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_good_form_loads_into_typed_objects(tmp_path: Path) -> None:
    form = load_form(write(tmp_path, GOOD))
    assert form.form_id == "demo" and form.record == "victim"
    assert form.title.km == "សាកល្បង"
    assert isinstance(form.field("name_km"), TextField)
    assert isinstance(form.item("flat"), Group)
    assert isinstance(form.field("age"), IntegerField)
    assert form.parents["age"] == (form.item("flat"),)
    assert isinstance(form.field("is_minor"), CalculateField)
    assert isinstance(form.field("colours"), SelectMultipleField)
    assert isinstance(form.item("people"), Repeat)
    assert form.repeats_of("person") == (form.item("people"),)
    assert form.context["victim_age"].type == "integer"
    # The dependency graph: changing age recomputes is_minor.
    assert "is_minor" in form.deps.affected["age"]
    assert "colours" in form.deps.refresh["age"]  # its choice filter mentions ${age}


def replace(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


@pytest.mark.parametrize(
    ("text", "needle", "field", "fragment"),
    [
        (replace("type: integer", "type: integr"), "type: integr", "age", "unknown type 'integr'"),
        (
            replace('constraint: ". >= 0"', 'constraint: ". >= ${agee}"'),
            "name: age",
            "age",
            "${agee}, which does not exist",
        ),
        (
            replace('calculate: "${age} < 18"', 'calculate: "${age} <"'),
            "calculate: ",
            "is_minor",
            "expected a value",
        ),
        (
            replace("select_multiple colours", "select_multiple colors"),
            "name: colours",
            "colours",
            "choice list 'colors' does not exist",
        ),
        (
            replace("name: person", "name: age"),
            "name: age",
            "age",
            "used twice",
        ),
        (
            replace("choice_filter: \"group = 'warm'", "choice_filter: \"hue = 'warm'"),
            "name: colours",
            "colours",
            "column 'hue'",
        ),
        (
            replace("    required: true\n", "    requried: true\n"),
            "requried",
            "name_km",
            "unknown key 'requried'",
        ),
        (
            replace('calculate: "${age} < 18"', 'calculate: "${is_minor}"'),
            "name: is_minor",
            "is_minor",
            "circle",
        ),
        (
            replace('constraint: ". >= 0"', 'constraint: "9**9**9"'),
            "constraint:",
            "age",
            "powers are not supported",
        ),
        (
            replace("  - type: end_group\n    name: flat_end\n", ""),
            "type: begin_group",
            "flat",
            "never closed",
        ),
        (
            GOOD + '  - type: note\n    name: n\n    label: x\n    relevant: ". = 1"\n',
            "name: n",
            "n",
            "only be used in a constraint",
        ),
    ],
)
def test_errors_name_file_line_and_field(
    tmp_path: Path, text: str, needle: str, field: str, fragment: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(DefinitionError) as info:
        load_form(path)
    err = info.value
    assert isinstance(err, FormInvalid)
    assert err.file == str(path)
    assert err.field == field
    assert fragment in str(err)
    # The line is the field's own line or the line of the offending key within it.
    field_lines = [
        i for i, line in enumerate(text.splitlines(), 1) if line.strip() == f"name: {field}"
    ]
    assert err.line is not None
    assert any(abs(err.line - n) <= 4 for n in field_lines) or err.line == line_of(text, needle)
    assert f"{path}:{err.line}" in str(err)


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("label: {en: Age}", "label: {en: Age"))
    with pytest.raises(DefinitionError) as info:
        load_form(path)
    assert info.value.line is not None and "not valid YAML" in str(info.value)


def test_duplicate_yaml_key_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        GOOD.replace("    required: true\n", "    required: true\n    required: false\n", 1),
    )
    with pytest.raises(DefinitionError, match="appears twice") as info:
        load_form(path)
    assert info.value.line == line_of(GOOD, "required: true") + 1


def test_applies_when_may_only_use_context(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD.replace("context:", 'applies_when: "${age} > 1"\ncontext:'))
    with pytest.raises(DefinitionError, match="only use context values"):
        load_form(path)


def test_shared_choice_files_and_duplicates(tmp_path: Path) -> None:
    (tmp_path / "choices").mkdir()
    write(tmp_path / "choices", "lists:\n  shades:\n    - {value: dark, label: Dark}\n", "a.yaml")
    text = GOOD.replace("select_multiple colours", "select_multiple shades").replace(
        "    choice_filter: \"group = 'warm' or ${age} > 3\"\n", ""
    )
    write(tmp_path, text)
    forms = load_all(tmp_path)
    assert forms["demo"].choices["shades"].choices[0].value == "dark"
    write(tmp_path / "choices", "lists:\n  shades:\n    - {value: x, label: X}\n", "b.yaml")
    with pytest.raises(DefinitionError, match="also defined"):
        load_all(tmp_path)


def test_two_forms_with_one_id_are_refused(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(DefinitionError, match="form_id 'demo' is also used"):
        load_all(tmp_path)
