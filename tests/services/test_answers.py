"""Every answer kept: answers with no column of their own are stored, synced, exported, edited."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from fieldapp.domain.hlc import Hlc
from fieldapp.formkit import FormState
from fieldapp.services import answers, exports, intake, submit
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Outbox, Victim
from fieldapp.sync.apply import apply_records

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
import imported  # noqa: E402


@pytest.fixture(autouse=True)
def _fresh_forms() -> Iterator[None]:
    yield
    submit.shipped_forms.cache_clear()  # the next test sees the real forms/ again


def probe_book(path: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "survey"
    ws.append(["type", "name", "label"])
    for row in (("select_one g", "gender", "Gender"), ("text", "name", "Name"),
                ("text", "occupation", "Occupation"), ("text", "recruiter_phone", "Phone"),
                ("select_multiple m", "vic_Methods_of_Control", "Control"),
                ("begin repeat", "siblings", "Siblings"), ("integer", "sib_age", "Age"),
                ("end repeat", None, None), ("date", "left_home", "Left home")):
        ws.append(list(row))
    cs = wb.create_sheet("choices")
    cs.append(["list_name", "name", "label"])
    for row in (("g", "Feminine", "F"), ("g", "TransgenderFeminine", "TF"),
                ("m", "DebtBondage", "Debt"), ("m", "Threats", "Threats")):
        cs.append(list(row))
    st = wb.create_sheet("settings")
    st.append(["form_id", "record"])
    st.append(["probe_intake", "victim"])
    wb.save(path)
    return path


def fill(ws: Workspace, context: dict[str, Any], **answers_: Any) -> FormState:
    p = submit.prepare(ws, "probe_intake", context)
    state = FormState(p.form, choices=p.choices, context=p.context)
    state.load_answers(p.initial)
    for name, value in answers_.items():
        state.set(name, value)
    return state


def test_unbound_answers_are_kept_synced_and_exported(ws: Workspace, rescue: Any,
                                                      monkeypatch: Any, tmp_path: Path) -> None:
    conv = imported.install(monkeypatch, tmp_path, probe_book(tmp_path / "p.xlsx"))
    assert any("→ victim.sex" in m for m in conv.mapped)
    state = fill(ws, {"rescue_id": rescue.id}, gender="TransgenderFeminine", name="Sok Dara",
                 occupation="fisher", recruiter_phone="012 345 678",
                 vic_Methods_of_Control=["DebtBondage", "Threats"], left_home="2025-12-01")
    state.add_repeat("siblings")
    state.set("sib_age", "9", (0,))
    result = submit.submit(ws, "probe_intake", {"rescue_id": rescue.id},
                           state.to_record_values())
    with ws.tx() as s:
        v = s.get(Victim, result.entity_id)
        assert v is not None and v.sex == "other" and v.name_latin == "Sok Dara"
        got = answers.answers_of(v.extra)
        assert got == {"gender": "TransgenderFeminine", "occupation": "fisher",
                       "recruiter_phone": "012 345 678",
                       "vic_Methods_of_Control": ["DebtBondage", "Threats"],
                       "siblings": [{"sib_age": 9}], "left_home": "2025-12-01"}
        assert answers.htcds_of(v.extra) == {
            "prs_Gender": "TransgenderFeminine",
            "vic_MethodsOfControl": ["DebtBondage", "Threats"]}
        # Synced: the outbox row that created the victim carries the extra answers.
        (row,) = s.scalars(select(Outbox).where(Outbox.entity_id == v.id))
        assert row.fields["extra"]["occupation"] == "fisher"

    # Exported: CSV, JSON and the HTCDS sheet.
    exports.export(ws, "csv", tmp_path / "csv")
    with (tmp_path / "csv" / "victim.csv").open(encoding="utf-8") as f:
        (vrow,) = [r for r in csv.DictReader(f) if r["id"] == result.entity_id]
    assert json.loads(vrow["extra"])["recruiter_phone"] == "012 345 678"
    exports.export(ws, "json", tmp_path / "all.json")
    data = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    (jv,) = [r for r in data["records"]["victim"] if r["id"] == result.entity_id]
    assert jv["extra"]["occupation"] == "fisher"
    exports.export(ws, "htcds", tmp_path / "h.csv")
    with (tmp_path / "h.csv").open(encoding="utf-8") as f:
        (hrow,) = [r for r in csv.DictReader(f)
                   if {r["prs_FirstName"], r["prs_SecondName"]} <= {"Sok", "Dara", "Sok Dara", ""}
                   and "Dara" in r["prs_FirstName"] + r["prs_SecondName"]]
    assert hrow["prs_Gender"] == "TransgenderFeminine"
    assert hrow["vic_MethodsOfControl"] == "DebtBondage;Threats"
    exports.export(ws, "json", tmp_path / "red.json", redact=True)
    red = json.loads((tmp_path / "red.json").read_text(encoding="utf-8"))
    assert all(not r["extra"] for r in red["records"]["victim"])

    # Available to reports: counted per answer.
    assert answers.tally(ws, "victim", "vic_Methods_of_Control") == {"DebtBondage": 1,
                                                                     "Threats": 1}
    assert answers.tally(ws, "victim", "occupation") == {"fisher": 1}

    # Editing the record again: the form opens with the stored extra answers.
    p = submit.prepare(ws, "probe_intake", {"victim_id": result.entity_id})
    assert p.initial["occupation"] == "fisher" and p.initial["gender"] == "TransgenderFeminine"
    assert p.initial["siblings"] == [{"sib_age": 9}]
    state = fill(ws, {"victim_id": result.entity_id}, occupation="farmer", recruiter_phone="")
    submit.submit(ws, "probe_intake", {"victim_id": result.entity_id},
                  state.to_record_values())
    with ws.tx() as s:
        v = s.get(Victim, result.entity_id)
        assert v is not None
        assert v.extra["occupation"] == "farmer" and "recruiter_phone" not in v.extra
        assert v.extra["siblings"] == [{"sib_age": 9}]  # a repeat survives an edit


def test_pulled_extra_answers_merge_by_their_stamp(ws: Workspace, rescue: Any) -> None:
    v = intake.add_victim(ws, rescue.id, name_latin="A", sex="female", estimated_age=20)
    with ws.tx() as s:
        answers.keep(s, "victim", v.id, {"occupation": "fisher"}, {})
    older, newer = str(Hlc(1, 0, "aa")), str(Hlc(9_999_999_999_999, 0, "zz"))
    with ws.store.session("sup", remote=True) as s:
        apply_records(s, [("victim", v.id, {"extra": [{"occupation": "old"}, older]})])
    with ws.tx() as s:
        got = s.get(Victim, v.id)
        assert got is not None and got.extra == {"occupation": "fisher"}  # ours is newer
    with ws.store.session("sup", remote=True) as s:
        apply_records(s, [("victim", v.id, {"extra": [{"occupation": "farmer"}, newer]})])
    with ws.tx() as s:
        got = s.get(Victim, v.id)
        assert got is not None and got.extra == {"occupation": "farmer"}


def test_editing_offers_the_imported_form_s_own_choices(ws: Workspace, rescue: Any,
                                                        monkeypatch: Any, tmp_path: Path) -> None:
    imported.install(monkeypatch, tmp_path, imported.HTCDS_FORM, "htcds")
    v = intake.add_victim(ws, rescue.id, name_latin="A", sex="female", estimated_age=20,
                          consent_given=True)
    p = submit.prepare(ws, "htcds_xlsform", {"victim_id": v.id})
    assert p.initial["prs_Gender"] == "Feminine" and p.initial["con_Consent"] == "TRUE"
    assert p.initial["prs_First_Name"] == "A"
