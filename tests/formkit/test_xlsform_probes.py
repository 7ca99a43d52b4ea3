"""One probe per item of issue 15's list: small workbooks pyxform accepts, built here."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from openpyxl import Workbook

from fieldapp.formkit.engine import FormState
from fieldapp.formkit.loader import load_form_text
from fieldapp.formkit.model import GeopointField, MetadataField, TimeField
from fieldapp.formkit.xlsform import convert, normalise_header

HEAD = ["type", "name", "label", "required", "relevant", "constraint", "calculation",
        "default", "read_only"]  # fmt: skip


def book(path: Path, survey: list[dict[str, Any]], choices: list[tuple[str, ...]] = (),
         settings: dict[str, str] | None = None, header: list[str] | None = None) -> Path:
    header = header or sorted({k for r in survey for k in r}, key=lambda k: (
        HEAD.index(k) if k in HEAD else len(HEAD), k))
    wb = Workbook()
    ws = wb.active
    ws.title = "survey"
    ws.append(header)
    for row in survey:
        ws.append([row.get(c) for c in header])
    if choices:
        cs = wb.create_sheet("choices")
        cs.append(["list_name", "name", "label"])
        for c in choices:
            cs.append(list(c))
    st = wb.create_sheet("settings")
    settings = settings or {"form_id": "probe", "record": "victim"}
    st.append(list(settings))
    st.append(list(settings.values()))
    wb.save(path)
    return path


def fields_of(result: Any) -> dict[str, dict[str, Any]]:
    data = yaml.safe_load(result.yaml_text)
    out: dict[str, dict[str, Any]] = {}

    def walk(items: list[dict[str, Any]]) -> None:
        for f in items:
            out[f["name"]] = f
            walk(f.get("fields", []))

    walk(data["fields"])
    return out


YES_NO = [("yn", "yes", "Yes"), ("yn", "no", "No")]


# 1 ----------------------------------------------------------------------------------
def test_1_questions_map_to_record_fields_and_the_rest_is_listed(tmp_path: Path) -> None:
    path = book(tmp_path / "p.xlsx", [
        {"type": "select_one g", "name": "gender", "label": "Gender"},
        {"type": "text", "name": "occupation", "label": "Occupation"},
        {"type": "text", "name": "recruiter_phone", "label": "Recruiter's phone"},
        {"type": "date", "name": "prs_Birthdate", "label": "Born"},
    ], [("g", "f", "F"), ("g", "m", "M")])
    result = convert(path)
    f = fields_of(result)
    assert f["gender"]["bind"] == "sex" and f["gender"]["required"] is True
    assert f["prs_Birthdate"]["bind"] == "date_of_birth"
    assert f["prs_Birthdate"]["htcds"] == "prs_Birthdate"
    assert "bind" not in f["occupation"] and "bind" not in f["recruiter_phone"]
    assert any("'gender' → victim.sex" in m for m in result.mapped)
    assert any("'prs_Birthdate' → victim.date_of_birth" in m for m in result.mapped)


# 2 ----------------------------------------------------------------------------------
def test_2_one_unusual_cell_never_fails_the_import(tmp_path: Path) -> None:
    path = book(tmp_path / "p.xlsx", [
        {"type": "text", "name": "a", "label": "A", "required": "basic"},  # row 2
        {"type": "text", "name": "b", "label": "B", "relevant": "a = 'x'"},  # 3: bare name
        {"type": "text", "name": "c", "label": "C", "relevant": ". = 'x'"},  # 4: '.'
        {"type": "note", "name": "n", "label": "N", "required": "yes",
         "constraint": "${a} != ''"},  # 5
        {"type": "begin group", "name": "g", "label": "G", "required": "yes"},  # 6
        {"type": "text", "name": "d", "label": "D"},  # 7
        {"type": "end group"},  # 8
        {"type": "date", "name": "when", "label": "When", "default": "today()"},  # 9
        {"type": "integer", "name": "k", "label": "K", "default": "many"},  # 10
        {"type": "text", "name": "e", "label": "E", "relevant": "${f} = 'x'"},  # 11
        {"type": "text", "name": "f", "label": "F", "relevant": "${e} = 'x'"},  # 12
    ])
    result = convert(path)
    notes = "\n".join(result.unsupported)
    for fragment in (
        "survey row 2: required 'basic' is not yes, no or an expression; left out",
        "survey row 3: relevant 'a = 'x'' uses the bare name 'a'",
        "survey row 4: relevant '. = 'x'' uses '.'",
        "survey row 5: required on a note has no effect",
        "survey row 5: constraint on a note has no effect",
        "survey row 6: required on a group has no effect",
        "survey row 10: default 'many' is not a valid integer; left out",
        "in a circle",
    ):
        assert fragment in notes, fragment
    f = fields_of(result)
    assert set(f) >= {"a", "b", "c", "n", "g", "d", "when", "k", "e", "f"}
    assert f["when"]["default"] == "today()"
    form = load_form_text(result.yaml_text, "p")
    state = FormState(form, clock=lambda: dt.datetime(2026, 3, 4, 9, 0))
    assert state.get("when") == dt.date(2026, 3, 4)  # default expression worked out


# 3 ----------------------------------------------------------------------------------
def test_3_invalid_group_names_are_renamed_and_keep_their_contents(tmp_path: Path) -> None:
    path = book(tmp_path / "p.xlsx", [
        {"type": "begin group", "name": "child-info", "label": "Child"},  # 2
        {"type": "text", "name": "child.name", "label": "Name"},  # 3
        {"type": "begin repeat", "name": "sib-lings", "label": "Siblings"},  # 4
        {"type": "integer", "name": "age", "label": "Age"},  # 5
        {"type": "begin repeat", "name": "jobs.list", "label": "Jobs"},  # 6
        {"type": "text", "name": "job", "label": "Job", "relevant": "${age} > 10"},  # 7
        {"type": "end repeat"},
        {"type": "end repeat"},
        {"type": "text", "name": "note-x", "label": "X", "relevant": "${child.name} != ''"},
        {"type": "end group"},
    ])
    result = convert(path)
    f = fields_of(result)
    assert {"child_info", "child_name", "sib_lings", "age", "jobs_list", "job", "note_x"} <= set(f)
    assert f["note_x"]["relevant"] == "${child_name} != ''"
    notes = "\n".join(result.unsupported)
    assert "survey row 2: name 'child-info' is not valid here; renamed 'child_info'" in notes
    assert "survey row 6: name 'jobs.list' is not valid here; renamed 'jobs_list'" in notes


# 4 ----------------------------------------------------------------------------------
def test_4_select_one_from_and_select_all_that_apply(tmp_path: Path) -> None:
    path = book(tmp_path / "p.xlsx", [
        {"type": "select one from yn", "name": "a", "label": "A"},
        {"type": "select all that apply from yn", "name": "b", "label": "B"},
        {"type": "select all that apply yn", "name": "c", "label": "C"},
        {"type": "select1 yn", "name": "d", "label": "D"},
    ], YES_NO)
    f = fields_of(convert(path))
    assert f["a"]["type"] == "select_one yn"
    assert f["b"]["type"] == "select_multiple yn" and f["c"]["type"] == "select_multiple yn"
    assert f["d"]["type"] == "select_one yn"


# 5 ----------------------------------------------------------------------------------
def test_5_smart_quotes_in_expressions_are_straightened(tmp_path: Path) -> None:
    path = book(tmp_path / "p.xlsx", [
        {"type": "select_one yn", "name": "other", "label": "Other?"},
        {"type": "text", "name": "specify", "label": "Specify",
         "relevant": "${other} = \u2018yes\u2019", "required": "${other} = \u201cyes\u201d"},
    ], YES_NO)
    result = convert(path)
    f = fields_of(result)
    assert f["specify"]["relevant"] == "${other} = 'yes'"
    assert f["specify"]["required"] == '${other} = "yes"'
    state = FormState(load_form_text(result.yaml_text, "p"))
    assert not state.is_relevant("specify")
    state.set("other", "yes")
    assert state.is_relevant("specify")


# 6 ----------------------------------------------------------------------------------
def test_6_headers_any_case_and_settings_honoured(tmp_path: Path) -> None:
    path = book(tmp_path / "p.xlsx", [
        {"TYPE": "text", "NAME": "place", "LABEL": "ទីកន្លែង", "REQUIRED": "YES"},
    ], settings={"FORM_ID": "border_check", "DEFAULT_LANGUAGE": "Khmer (km)",
                "Record": "victim"},
        header=["TYPE", "NAME", "LABEL", "REQUIRED"])
    result = convert(path)
    data = yaml.safe_load(result.yaml_text)
    assert data["form_id"] == "border_check"
    assert data["fields"][0]["name"] == "place" and data["fields"][0]["required"] is True
    assert data["fields"][0]["label"] == {"km": "ទីកន្លែង"}  # default language: Khmer


# 7 ----------------------------------------------------------------------------------
def test_7_references_in_labels_hints_and_notes_filled_in_at_run_time(tmp_path: Path) -> None:
    path = book(tmp_path / "p.xlsx", [
        {"type": "text", "name": "child", "label": "Child's name"},
        {"type": "select_one yn", "name": "school", "label": "Does ${child} go to school?",
         "hint": "Ask ${child} directly"},
        {"type": "note", "name": "n", "label": "${child}: school ${school}"},
    ], YES_NO, header=["type", "name", "label", "hint"])
    form = load_form_text(convert(path).yaml_text, "p")
    state = FormState(form)
    assert state.text("school") == "Does  go to school?"
    state.set("child", "Dara")
    state.set("school", "yes")
    assert state.text("school") == "Does Dara go to school?"
    assert state.text("school", "hint") == "Ask Dara directly"
    assert state.text("n") == "Dara: school Yes"
    assert "n" in form.deps.refresh["child"]  # the renderer redraws the note when it changes


# 10 ---------------------------------------------------------------------------------
def test_10_legacy_headers_read_only_and_two_english_labels(tmp_path: Path) -> None:
    assert normalise_header("label:English") == "label::English"
    assert normalise_header("bind:relevant") == "relevant"
    assert normalise_header("bind::jr:constraintMsg") == "constraint_message"
    path = book(tmp_path / "p.xlsx", [
        {"type": "select_one yn", "name": "locked", "label:English": "Locked?"},
        {"type": "text", "name": "x", "label:English": "X", "bind:relevant": "${locked} != ''",
         "read_only": "${locked} = 'yes'", "label": "X plain", "label::English (en)": "X en"},
    ], YES_NO, header=["type", "name", "label:English", "bind:relevant", "read_only", "label",
                       "label::English (en)"])
    result = convert(path)
    f = fields_of(result)
    assert f["locked"]["label"] == {"en": "Locked?"}
    assert f["x"]["relevant"] == "${locked} != ''"
    assert f["x"]["read_only"] == "${locked} = 'yes'"
    assert "survey row 3: two labels in language 'en'" in "\n".join(result.unsupported)
    state = FormState(load_form_text(result.yaml_text, "p"))
    assert not state.is_read_only("x")
    state.set("locked", "yes")
    assert state.is_read_only("x")


def test_10_removing_a_chain_of_800_dependent_calculates_is_not_quadratic(
        tmp_path: Path, monkeypatch: Any) -> None:
    rows = [{"type": "calculate", "name": "c0", "calculation": "pulldata('x', 'y', 'z', 1)"}]
    rows += [{"type": "calculate", "name": f"c{i}", "calculation": f"${{c{i - 1}}} + 1"}
             for i in range(1, 800)]
    rows.append({"type": "integer", "name": "kept", "label": "Kept"})
    path = book(tmp_path / "p.xlsx", rows, header=["type", "name", "label", "calculation"])
    from fieldapp.formkit import xlsform

    parses = 0
    real_parse = xlsform.parse

    def counting(source: str) -> Any:
        nonlocal parses
        parses += 1
        return real_parse(source)

    monkeypatch.setattr(xlsform, "parse", counting)
    start = time.perf_counter()
    result = convert(path)
    took = time.perf_counter() - start
    assert list(fields_of(result)) == ["kept"]
    assert "survey row 2: calculation 'pulldata(" in result.unsupported[0]
    assert sum("removed" in n for n in result.unsupported) == 799
    # Each expression is read once when its row is read and once by the worklist: linear
    # (the old loop re-read every expression after each removal: 800 x 800 / 2).
    assert parses <= 2 * len(rows), parses
    assert took < 30, took  # was 12 s on its own before the worklist; now ~1 s idle


# pyxform's other syntax ---------------------------------------------------------------
def test_metadata_time_or_other_file_lists_and_geopoint(tmp_path: Path) -> None:
    path = book(tmp_path / "p.xlsx", [
        {"type": "start", "name": "started"},
        {"type": "end", "name": "ended"},
        {"type": "today", "name": "day"},
        {"type": "deviceid", "name": "device"},
        {"type": "username", "name": "who"},
        {"type": "time", "name": "at", "label": "Time of rescue"},
        {"type": "select_one yn or_other", "name": "ok", "label": "OK?"},
        {"type": "select_one_from_file provinces.csv", "name": "prov", "label": "Province"},
        {"type": "select_one_from_file villages.csv", "name": "village", "label": "Village"},
        {"type": "geopoint", "name": "where", "label": "Where"},
    ], YES_NO)
    result = convert(path)
    notes = "\n".join(result.unsupported)
    assert "'provinces.csv' is read from the app's own list 'provinces'" in notes
    assert "choices file 'villages.csv' is not shipped" in notes
    assert "geopoint is kept as coordinates TYPED by the officer (never read from a location " \
           "service), with a warning that a position can reveal a victim or a shelter" in notes
    from fieldapp.formkit.loader import load_shared_choices
    from fieldapp.resources import forms_dir

    form = load_form_text(result.yaml_text, "p", load_shared_choices(forms_dir() / "choices"))
    assert isinstance(form.field("at"), TimeField)
    assert isinstance(form.field("where"), GeopointField)
    assert isinstance(form.field("started"), MetadataField)
    assert form.field("prov").list_name == "provinces"
    assert form.field("village").type_name == "text"
    clock = iter([dt.datetime(2026, 5, 1, 8, 0), dt.datetime(2026, 5, 1, 8, 30)])
    state = FormState(form, context={"deviceid": "dev-1", "username": "sokha"},
                      clock=lambda: next(clock))
    assert state.get("started") == dt.datetime(2026, 5, 1, 8, 0)
    assert state.get("day") == dt.date(2026, 5, 1)
    assert (state.get("device"), state.get("who")) == ("dev-1", "sokha")
    state.set("at", "14:30")
    assert state.get("at") == dt.time(14, 30)
    state.set("where", "13.65 102.56")
    assert state.get("where") == "13.65 102.56"
    state.set("where", "somewhere")
    assert state.errors("where")
    state.set("where", "")
    state.set("ok", "other")
    assert state.is_relevant("ok_other")
    values = state.to_record_values(check=False)
    assert values["ended"] == dt.datetime(2026, 5, 1, 8, 30)  # filled when taken for saving
    assert values["started"] == dt.datetime(2026, 5, 1, 8, 0)


@pytest.mark.parametrize("name", ["missing.xlsx", "folder", "form.csv", "notes.txt"])
def test_9_bad_paths_have_their_own_one_line_message(tmp_path: Path, name: str) -> None:
    from fieldapp.formkit.errors import DefinitionError

    (tmp_path / "folder").mkdir()
    (tmp_path / "form.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(DefinitionError) as err:
        convert(tmp_path / name)
    message = str(err.value)
    assert "\n" not in message
    expected = {"missing.xlsx": "no such file", "folder": "is a folder",
                "form.csv": "cannot read form.csv", "notes.txt": "not an XLSForm workbook"}[name]
    assert expected in message, message


def test_9_xls_workbooks_are_read() -> None:
    here = Path(__file__).resolve().parents[1] / "data" / "xlsform" / "pyxform-examples"
    result = convert(here / "example_xls__yes_or_no_question.xls")
    assert fields_of(result)
