"""The HTCDS toolkit's own XLSForm: imported, filled in the window, saved, read back, exported."""

from __future__ import annotations

import csv
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from formhelpers import editor, fill, open_dialog, submit

from fieldapp.formkit.model import (
    DateField,
    Field,
    MetadataField,
    SelectMultipleField,
    SelectOneField,
)
from fieldapp.services import answers, exports
from fieldapp.services import submit as submit_service
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Victim
from fieldapp.ui.tasks import TaskRunner

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "support"))
import imported  # noqa: E402


@pytest.fixture(autouse=True)
def _fresh_forms() -> Iterator[None]:
    yield
    submit_service.shipped_forms.cache_clear()


def _answer_for(field: Field, options: list[Any]) -> Any:
    if field.name == "prs_Gender":
        return "Feminine"
    if field.name == "con_Consent":
        return "TRUE"
    if field.name == "prs_Citizenship":
        return "KH"
    if isinstance(field, SelectMultipleField):
        return [options[0].value, options[-1].value]
    if isinstance(field, SelectOneField):
        return options[-1].value
    if isinstance(field, DateField):
        return "2001-02-03"
    return f"answer {field.name}"


def test_htcds_form_imported_filled_saved_and_exported(qtbot: Any, ws: Workspace,
                                                       runner: TaskRunner, rescue: Any,
                                                       monkeypatch: Any, tmp_path: Path) -> None:
    conv = imported.install(monkeypatch, tmp_path, imported.HTCDS_FORM, "htcds")
    assert conv.form_id == "htcds_xlsform" and conv.record == "victim"
    d = open_dialog(qtbot, ws, runner, "htcds_xlsform", {"rescue_id": rescue.id})
    form = d.controller.form
    given: dict[str, Any] = {}
    for item in form.walk():
        if not isinstance(item, Field) or not item.has_value or item.is_computed \
                or isinstance(item, MetadataField):
            continue
        options = d.controller.state.options(item.name) if isinstance(item, SelectOneField) \
            else []
        given[item.name] = _answer_for(item, options)
        fill(d, item.name, given[item.name])
    assert len(given) == 31  # every question of the toolkit's form
    d.grab().save("/tmp/h15-htcds-form.png")
    result = submit(qtbot, d, runner)

    with ws.tx() as s:
        v = s.get(Victim, result.entity_id)
        assert v is not None
        extra = answers.answers_of(v.extra)
        # Bound answers in their columns...
        assert v.name_latin == given["prs_First_Name"]
        assert v.sex == "female" and v.consent_given is True
        assert v.date_of_birth == dt.date(2001, 2, 3)
        assert v.contact_phone == given["prs_MobilePhone"]
        bound = {"prs_First_Name", "prs_Gender", "con_Consent", "prs_Birthdate",
                 "prs_MobilePhone"}
        # ...every other answer with the record, as answered.
        for name, value in given.items():
            if name not in bound:
                assert extra[name] == value, name
        assert {"start", "end"} <= set(extra)  # metadata filled in by the app
        named = answers.htcds_of(v.extra)

    out = tmp_path / "htcds.csv"
    exports.export(ws, "htcds", out)
    with out.open(encoding="utf-8") as f:
        # The sheet splits the name column into given and family name; the form's own
        # second-name answer (an extra answer with its HTCDS name) takes the family-name column.
        (row,) = [r for r in csv.DictReader(f)
                  if r["prs_SecondName"] == given["prs_Second_Name"]
                  and r["prs_FirstName"] in str(given["prs_First_Name"])]
    assert row["prs_Gender"] == "Feminine" and row["con_Consent"] == "true"
    assert row["prs_Birthdate"] == "2001-02-03"
    assert row["prs_MobilePhone"] == given["prs_MobilePhone"]
    for field_name, value in named.items():
        expected = ";".join(value) if isinstance(value, list) else str(value)
        assert row[field_name] == expected, field_name
    assert len(named) >= 24  # the extra answers that carry an HTCDS name reach the sheet


def test_labels_show_answers_and_geopoint_warns(qtbot: Any, ws: Workspace, runner: TaskRunner,
                                                rescue: Any, monkeypatch: Any,
                                                tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    sh = wb.active
    sh.title = "survey"
    sh.append(["type", "name", "label", "hint", "required", "read_only"])
    sh.append(["select_one g", "sex", "Sex", None, "yes", None])
    sh.append(["text", "full_name", "Name", None, "yes", None])
    sh.append(["text", "child", "Child's name", None, None, None])
    sh.append(["text", "school", "Does ${child} go to school?", "Ask ${child}", None, None])
    sh.append(["begin group", "about", "About ${child}", None, None, None])
    sh.append(["geopoint", "where", "Where found", None, None, None])
    sh.append(["end group", None, None, None, None, None])
    sh.append(["time", "at", "Time", None, None, None])
    sh.append(["deviceid", "device", None, None, None, None])
    sh.append(["username", "who", None, None, None, None])
    sh.append(["text", "locked", "Locked", None, None, "${child} = 'X'"])
    cs = wb.create_sheet("choices")
    cs.append(["list_name", "name", "label"])
    cs.append(["g", "female", "Female"])
    cs.append(["g", "male", "Male"])
    path = tmp_path / "labels.xlsx"
    wb.save(path)
    imported.install(monkeypatch, tmp_path, path, "labels", record="victim")
    d = open_dialog(qtbot, ws, runner, "labels", {"rescue_id": rescue.id})
    row = d.controller.rows[("school", ())]
    assert row.label.text().startswith("Does  go to school?")
    fill(d, "child", "Dara")
    assert row.label.text().startswith("Does Dara go to school?")
    assert row.hint.text() == "Ask Dara"
    assert d.controller.sections[("about", ())].title() == "About Dara"
    where = d.controller.rows[("where", ())]
    assert "never reads the device's location" in where.hint.text()
    assert editor(d, "locked").isEnabled()
    fill(d, "child", "X")
    assert not editor(d, "locked").isEnabled()
    fill(d, "sex", "female")
    fill(d, "full_name", "Sok Dara")
    fill(d, "at", "14:30")
    fill(d, "where", "13.65 102.56")
    d.grab().save("/tmp/h15-labels-form.png")
    result = submit(qtbot, d, runner)
    with ws.tx() as s:
        v = s.get(Victim, result.entity_id)
        assert v is not None
        assert v.extra["at"] == "14:30:00" and v.extra["where"] == "13.65 102.56"
        assert v.extra["device"] == ws.store.device_id and v.extra["who"] == ws.actor.username

