"""Imported forms beside the shipped ones: a broken or clashing one is skipped, never fatal;
the forms CLI refuses to overwrite shipped forms and says, in one line, what is wrong."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from fieldapp.cli import device as cli
from fieldapp.formkit.loader import IMPORTED_MARK, is_imported, load_all
from fieldapp.resources import forms_dir

HERE = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def forms(tmp_path: Path) -> Path:
    folder = tmp_path / "forms"
    shutil.copytree(forms_dir(), folder)
    return folder


def _workbook(path: Path, form_id: str) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "survey"
    ws.append(["type", "name", "label"])
    ws.append(["text", "occupation", "Occupation"])
    st = wb.create_sheet("settings")
    st.append(["form_id", "record"])
    st.append([form_id, "victim"])
    wb.save(path)
    return path


def test_a_broken_or_clashing_imported_form_is_skipped_with_a_reason(forms: Path) -> None:
    shipped = load_all(forms)
    (forms / "clash.yaml").write_text(
        f"{IMPORTED_MARK}\nform_id: victim\nversion: '1'\nrecord: victim\n"
        "fields:\n- {type: text, name: x, label: X}\n", encoding="utf-8")
    (forms / "broken.yaml").write_text(f"{IMPORTED_MARK}\nform_id: [\n", encoding="utf-8")
    (forms / "fine.yaml").write_text(
        f"{IMPORTED_MARK}\nform_id: fine\nversion: '1'\nrecord: victim\n"
        "fields:\n- {type: text, name: x, label: X}\n", encoding="utf-8")
    skipped: list[str] = []
    loaded = load_all(forms, skipped)
    assert set(loaded) == set(shipped) | {"fine"}
    assert loaded["victim"].file.endswith("victim.yaml")  # the shipped one wins
    assert len(skipped) == 2
    assert any("clash.yaml skipped: its form_id 'victim' is already used by victim.yaml" in r
               for r in skipped)
    assert any("broken.yaml skipped" in r for r in skipped)


def test_self_test_passes_with_a_clashing_imported_form(forms: Path, monkeypatch: Any,
                                                        capsys: Any) -> None:
    (forms / "clash.yaml").write_text(
        f"{IMPORTED_MARK}\nform_id: rescue\nversion: '1'\nrecord: rescue\n"
        "fields:\n- {type: text, name: x, label: X}\n", encoding="utf-8")
    monkeypatch.setattr("fieldapp.resources.forms_dir", lambda: forms)
    assert cli.main(["--self-test"]) == 0
    assert "self-test passed" in capsys.readouterr().out


def run(capsys: Any, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_import_writes_an_imported_form_and_lists_what_it_mapped(forms: Path, tmp_path: Path,
                                                                 capsys: Any) -> None:
    book = _workbook(tmp_path / "intake.xlsx", "border_intake")
    code, out, err = run(capsys, "forms", "import-xlsform", str(book), "--out",
                         str(forms / "border_intake.yaml"))
    assert code == 0, err
    assert is_imported(forms / "border_intake.yaml")
    assert "Every other answer is kept with the record" in out
    assert "border_intake" in load_all(forms)
    # Importing again over one's own imported form is fine.
    assert run(capsys, "forms", "import-xlsform", str(book), "--out",
               str(forms / "border_intake.yaml"))[0] == 0


def test_import_never_overwrites_a_shipped_form(forms: Path, tmp_path: Path,
                                                capsys: Any) -> None:
    before = (forms / "victim.yaml").read_bytes()
    book = _workbook(tmp_path / "x.xlsx", "x_form")
    code, _, err = run(capsys, "forms", "import-xlsform", str(book), "--out",
                       str(forms / "victim.yaml"))
    assert code == 2 and "shipped with the app" in err and err.count("\n") == 1
    assert (forms / "victim.yaml").read_bytes() == before


def test_a_clashing_form_id_is_reported_at_import(forms: Path, tmp_path: Path,
                                                  capsys: Any) -> None:
    book = _workbook(tmp_path / "x.xlsx", "victim")
    code, _, err = run(capsys, "forms", "import-xlsform", str(book), "--out",
                       str(forms / "mine.yaml"))
    assert code == 2 and "form_id 'victim' is already used by victim.yaml" in err
    assert not (forms / "mine.yaml").exists()
    code, _, err = run(capsys, "forms", "import-xlsform", str(book), "--out",
                       str(forms / "mine.yaml"), "--form-id", "victim_extra")
    assert code == 0, err


@pytest.mark.parametrize(("source", "out", "message"), [
    ("missing.xlsx", "ok.yaml", "no such file"),
    ("folder", "ok.yaml", "is a folder"),
    ("form.csv", "ok.yaml", "cannot read form.csv"),
    ("good.xlsx", "nowhere/ok.yaml", "does not exist; create it first"),
    ("good.xlsx", "ok.txt", "give a .yaml file name"),
])  # fmt: skip
def test_every_bad_path_exits_2_with_one_line(tmp_path: Path, capsys: Any, source: str,
                                              out: str, message: str) -> None:
    (tmp_path / "folder").mkdir()
    (tmp_path / "form.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    _workbook(tmp_path / "good.xlsx", "good")
    code, _, err = run(capsys, "forms", "import-xlsform", str(tmp_path / source), "--out",
                       str(tmp_path / out))
    assert code == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_the_mapping_knows_what_each_service_takes() -> None:
    from fieldapp.formkit import mapping
    from fieldapp.services import submit

    for record, columns in mapping.COLUMNS.items():
        assert columns == submit._columns_of(record), record


def test_a_question_named_like_a_column_but_not_known_to_fit_is_kept_aside(
        tmp_path: Path) -> None:
    from fieldapp.formkit.xlsform import convert

    wb = Workbook()
    ws = wb.active
    ws.title = "survey"
    ws.append(["type", "name", "label"])
    ws.append(["text", "languages", "Languages spoken"])  # the column is a list of codes
    st = wb.create_sheet("settings")
    st.append(["form_id", "record"])
    st.append(["x", "victim"])
    wb.save(tmp_path / "x.xlsx")
    result = convert(tmp_path / "x.xlsx")
    assert "bind: languages_answer" in result.yaml_text
    assert any("kept as the extra answer 'languages_answer'" in n for n in result.unsupported)
