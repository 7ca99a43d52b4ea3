"""pyxform's own 57 example workbooks through our importer, and fidelity to pyxform's parse."""

from __future__ import annotations

import re
import sys
import warnings
from pathlib import Path

import pytest
from pyxform.errors import PyXFormError
from pyxform.xls2json import parse_file_to_json

from fieldapp.formkit.errors import DefinitionError
from fieldapp.formkit.loader import load_form_text
from fieldapp.formkit.xlsform import convert

sys.path.insert(0, str(Path(__file__).parent))
from fidelity import our_view, pyxform_view  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLES = sorted((DATA / "xlsform" / "pyxform-examples").iterdir())
HTCDS = DATA / "htcds" / "htcds_xlsform.xlsx"


def _convert(path: Path):  # type: ignore[no-untyped-def]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # openpyxl: "Unknown extension"
        return convert(path)


def _pyxform_refuses(path: Path) -> str | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        try:
            parse_file_to_json(str(path))
        except PyXFormError as exc:
            return str(exc)
    return None


def test_all_57_examples_import_or_are_refused_for_pyxform_s_reason() -> None:
    assert len(EXAMPLES) == 57
    clean, listed, refused = [], [], []
    for path in EXAMPLES:
        try:
            result = _convert(path)
        except DefinitionError as exc:
            # Refused: pyxform refuses the same workbook, for the same reason.
            theirs = _pyxform_refuses(path)
            assert theirs is not None, f"{path.name}: refused, but pyxform reads it ({exc})"
            assert theirs.split(":")[0] in str(exc) or theirs in str(exc), (path.name, exc)
            refused.append(path.name)
            continue
        load_form_text(result.yaml_text, path.name)  # what we wrote always loads
        notes = [n for n in result.unsupported if "no known record type" not in n]
        for note in notes:
            assert re.match(r"^[\w ]+( row \d+)?: \S", note), note
        (listed if notes else clean).append(path.name)
    print(f"\npyxform examples: {len(clean)} import cleanly, {len(listed)} import with every "
          f"unsupported feature listed, {len(refused)} refused as pyxform refuses them: {refused}")
    assert len(clean) + len(listed) + len(refused) == 57
    assert refused == ["bug_example_xls__duplicate_columns.xlsx"]


@pytest.mark.parametrize("name", [
    "example_xls__tutorial.xls",
    "example_xls__cascading_select_test_equivalent.xls",
    "example_xls__yes_or_no_question.xlsx",
    "bug_example_xls__xl_date_ambiguous.xlsx",
    "example_xls__text_and_integer.xlsx",
    "bug_example_xls__UCL_Biomass_Plot_Form.xlsx",
    "example_xls__xlsform_spec_test.xlsx",
    "example_xls__widgets.xls",
    "htcds",
])  # fmt: skip
def test_fidelity_to_pyxform_s_own_parse(name: str) -> None:
    """Same questions, required flags, relevants, constraints and choices as pyxform reads,
    except what the import report names (by question or by row)."""
    path = HTCDS if name == "htcds" else DATA / "xlsform" / "pyxform-examples" / name
    _check_fidelity(path)


def test_every_question_pyxform_sees_is_converted_or_reported() -> None:
    """Across all the examples pyxform reads: nothing is dropped without a line in the report."""
    checked = 0
    for path in EXAMPLES:
        if _pyxform_refuses(path) is None:
            _check_fidelity(path, only_missing=True)
            checked += 1
    assert checked >= 50


def _check_fidelity(path: Path, only_missing: bool = False) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        theirs = pyxform_view(path)
        result = convert(path)
    ours = our_view(result)
    report = "\n".join(result.unsupported)
    rows = _rows_by_name(path)
    unexplained = []
    for qname, t in theirs.items():
        if qname.startswith(("generated_table_list_label", "reserved_name_for_field_list")):
            continue  # pyxform's own layout rows for table-list, not questions
        o = ours.get(qname)
        row = rows.get(qname)
        explained = f"'{qname}'" in report or (row and f"survey row {row}:" in report)
        if o is None:
            if not explained:
                unexplained.append(f"{qname} missing")
            continue
        for key, value in t.items():
            if only_missing:
                break
            mine = o[key]
            if key == "relevant" and isinstance(value, str):
                value = re.sub(r"\.\./(\w+)", r"${\1}", value)
            if value != mine and not explained:
                unexplained.append(f"{qname}.{key}: pyxform {value!r}, ours {mine!r}")
    assert unexplained == [], path.name
    if not only_missing:
        same = sum(1 for q in theirs if ours.get(q) == theirs[q])
        assert same >= len(theirs) // 2, (same, len(theirs))


def _rows_by_name(path: Path) -> dict[str, int]:
    from fieldapp.formkit.xlsform import read_workbook

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        book = read_workbook(path)
    out: dict[str, int] = {}
    for i, row in enumerate(book.get("survey") or []):
        for key, value in row.items():
            if key.lower() == "name" and value:
                out.setdefault(str(value), i + 2)
    return out
