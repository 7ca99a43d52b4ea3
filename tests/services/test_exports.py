"""Exports: supervisor only, audited, records as CSV/JSON, the HTCDS 2.0 sheet, report figures."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.crypto.keystore import KdfParams
from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, PermissionDenied
from fieldapp.reports import htcds
from fieldapp.reports.definitions import ReportFilter
from fieldapp.services import auth, exports, intake, referrals, statements
from fieldapp.services.workspace import Actor, Workspace
from fieldapp.store.models import AuditEvent

FAST = KdfParams(iterations=1, lanes=1, memory_kib=8192)
NAMES = ("Sok Sreypov", "Chan Dara", "Nguyen Thi Lan")


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    w = auth.initialise(tmp_path_factory.mktemp("x") / "d", post_code="POIPET", username="sup",
                        passphrase="correct horse", kdf=FAST)
    r1 = intake.create_rescue(w, operation_date=dt.date(2026, 2, 1), province_code="KH-1",
                              exploitation_type="online_scam")
    r2 = intake.create_rescue(w, operation_date=dt.date(2026, 3, 1), province_code="KH-1",
                              exploitation_type="sexual_exploitation")
    v1 = intake.add_victim(w, r1.id, name_latin=NAMES[0], name_km="សុខ ស្រីពៅ", sex="female",
                           date_of_birth=dt.date(2010, 5, 4), nationality="KHM",
                           contact_phone="012 345 678", consent_given=True)
    v2 = intake.add_victim(w, r1.id, name_latin=NAMES[1], sex="male", estimated_age=30,
                           nationality="KHM")
    v3 = intake.add_victim(w, r2.id, name_latin=NAMES[2], sex="other", nationality="VNM")
    intake.add_suspect(w, r1.id, name="Broker One", role="broker", status="arrested")
    statements.record_statement(w, v1.id, interview_date=dt.datetime(2026, 2, 2, 10),
                                narrative="SECRET NARRATIVE TEXT", language="km")
    ref = referrals.create_referral(w, v1.id, service="shelter", provider_code="PTC")
    referrals.accept_referral(w, ref.id)
    referrals.complete_referral(w, ref.id, ["shelter"])
    referrals.create_referral(w, v1.id, service="medical", provider_code="HOSP-BMC")
    ref3 = referrals.create_referral(w, v2.id, service="repatriation", provider_code="IOM-KH")
    referrals.decline_referral(w, ref3.id, "not needed")
    assert v3.id
    yield w
    w.close()


def last_audit(ws: Workspace) -> AuditEvent:
    with ws.tx() as s:
        event = s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).one()
        return event


def test_only_supervisors_export(ws: Workspace, tmp_path: Path) -> None:
    officer = Workspace(ws.store, Actor("off", Role.OFFICER, "POIPET"))
    with pytest.raises(PermissionDenied):
        exports.export(officer, "json", tmp_path / "x.json")
    with pytest.raises(PermissionDenied):
        exports.export_report(officer, ReportFilter.year(2026), "csv", tmp_path / "r.csv")
    assert not (tmp_path / "x.json").exists()


def test_unknown_format_is_refused(ws: Workspace, tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="csv, json, htcds"):
        exports.export(ws, "xlsx", tmp_path / "x.xlsx")


def test_csv_one_file_per_record_type_without_narratives(ws: Workspace, tmp_path: Path) -> None:
    out = exports.export(ws, "csv", tmp_path / "out")
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{e}.csv" for e, _, _ in exports.RECORDS)
    victims = list(csv.DictReader((out / "victim.csv").open(encoding="utf-8")))
    assert sorted(v["name_latin"] for v in victims) == sorted(NAMES)
    assert {v["consent_given"] for v in victims} == {"true", "false"}
    st = (out / "statement.csv").read_text("utf-8")
    assert "narrative" not in st and "SECRET" not in st
    assert "file_key" not in (out / "attachment.csv").read_text("utf-8")
    assert oct((out / "victim.csv").stat().st_mode & 0o777) == "0o600"
    event = last_audit(ws)
    assert event.action == "export" and event.detail["format"] == "csv"
    assert event.detail["rows"]["victim"] == 3
    detail = json.dumps(event.detail)
    assert not any(n in detail for n in NAMES) and str(tmp_path) not in detail


def test_json_records_and_warning(ws: Workspace, tmp_path: Path) -> None:
    out = exports.export(ws, "json", tmp_path / "records.json")
    data = json.loads(out.read_text("utf-8"))
    assert data["format"] == "fieldapp-records" and "NOT encrypted" in data["warning"]
    assert len(data["records"]["rescue"]) == 2 and len(data["records"]["victim"]) == 3
    assert {r["status"] for r in data["records"]["referral"]} == {"completed", "sent", "declined"}
    assert "SECRET" not in out.read_text("utf-8")
    assert last_audit(ws).detail["rows"]["referral"] == 3


def test_redacted_export_has_no_names(ws: Workspace, tmp_path: Path) -> None:
    out = exports.export(ws, "json", tmp_path / "r.json", redact=True)
    text = out.read_text("utf-8")
    assert not any(n in text for n in NAMES) and "Broker One" not in text
    assert "012 345 678" not in text
    assert last_audit(ws).detail["redacted"] is True


def read_htcds(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def test_htcds_header_is_the_standards_fields_in_the_standards_order(
        ws: Workspace, tmp_path: Path) -> None:
    header, rows = read_htcds(exports.export(ws, "htcds", tmp_path / "htcds.csv"))
    standard = htcds.standard_fields()
    assert set(header) <= set(standard)
    sheet = htcds.sheet_columns()
    in_sheet = [c for c in header if c in sheet]
    assert [c for c in sheet if c in header] == in_sheet  # the sheet's order
    # then the fields the sheet has no column for (languages, case plan, case comment)
    assert header[len(in_sheet):] == [c for c in htcds.EXPORT_COLUMNS if c not in sheet]
    assert len(rows) == 3


def test_htcds_sheet_order_matches_the_spreadsheet() -> None:
    """resources/htcds/ was made from the standard's spreadsheet; check it against the source."""
    openpyxl = pytest.importorskip("openpyxl")
    source = Path("/work/shared/reference/htcds/HTCDS Excel Spreadsheet v2.0.xlsx")
    if not source.exists():
        pytest.skip("reference spreadsheet not available")
    first = next(openpyxl.load_workbook(source).worksheets[0].iter_rows(max_row=1, values_only=True))
    fixes = {"vic_TraffickinStatusDecisionMakingOrg": "vic_TraffickingStatusDecisionMakingOrg",
             None: "cas_ReasonForOutgoingReferral"}
    assert tuple(fixes.get(c, c) for c in first[1:]) == htcds.sheet_columns()


def test_htcds_picklist_values_are_the_standards(ws: Workspace, tmp_path: Path) -> None:
    header, rows = read_htcds(exports.export(ws, "htcds", tmp_path / "htcds.csv"))
    standard = htcds.standard_fields()
    checked = set()
    for row in rows:
        for name in header:
            field = standard[name]
            if field.is_picklist and row[name]:
                for value in row[name].split(htcds.MULTI):
                    assert value in field.values, (name, value)
                checked.add(name)
        assert len(row["prs_Citizenship"]) == 3 and row["prs_Citizenship"].isupper()
    assert {"prs_Gender", "vic_TypeOfExploitation", "cas_Status", "vic_TraffickingStatus"} <= checked
    # Every value the mapping can produce is in the standard, not only those in this store.
    assert set(htcds.GENDER.values()) <= set(standard["prs_Gender"].values)
    assert set(htcds.EXPLOITATION.values()) <= set(standard["vic_TypeOfExploitation"].values)
    for status in ("Active", "Closed", "ClosedReferred"):
        assert status in standard["cas_Status"].values


def test_htcds_values(ws: Workspace, tmp_path: Path) -> None:
    _, rows = read_htcds(exports.export(ws, "htcds", tmp_path / "htcds.csv"))
    # Names are split: Khmer and Vietnamese nationals write the family name first.
    by_name = {f"{r['prs_SecondName']} {r['prs_FirstName']}": r for r in rows}
    assert by_name[NAMES[2]]["prs_FirstName"] == "Thi Lan"
    sok = by_name[NAMES[0]]
    assert sok["prs_Gender"] == "Feminine" and sok["prs_Birthdate"] == "2010-05-04"
    assert sok["vic_TypeOfExploitation"] == "ForcedLabour"  # online scam compound
    assert sok["cas_Status"] == "Active"  # the medical referral is still open
    assert sok["cas_ReferredOrganisation"].split(";") == ["Poipet Transit Centre",
                                                         "Banteay Meanchey Provincial Referral Hospital"]
    assert sok["con_Consent"] == "true" and sok["cas_CaseOwner"] == "sup"
    assert by_name[NAMES[1]]["cas_Status"] == "Closed"  # its only referral was declined
    assert by_name[NAMES[2]]["cas_Status"] == "Active" and by_name[NAMES[2]]["cas_ReasonForOutgoingReferral"] == ""
    assert by_name[NAMES[2]]["prs_Gender"] == "NonConforming"
    _, redacted = read_htcds(exports.export(ws, "htcds", tmp_path / "h2.csv", redact=True))
    assert {r["prs_FirstName"] for r in redacted} == {""}
    assert {r["prs_SecondName"] for r in redacted} == {""}


def test_report_export_suppresses_small_cells(ws: Workspace, tmp_path: Path) -> None:
    out = exports.export_report(ws, ReportFilter.year(2026), "json", tmp_path / "report.json",
                                as_of=dt.date(2026, 6, 30))
    data = json.loads(out.read_text("utf-8"))
    assert data["tables"]["cases_by_type"]["total"] == "<5"
    assert data["tables"]["victims_by_sex"]["counts"]["female"] == "<5"
    assert data["year_on_year"]["cases"]["change"] == "x"
    event = last_audit(ws)
    assert event.entity == "report" and event.detail["format"] == "json"
    out = exports.export_report(ws, ReportFilter.year(2026), "csv", tmp_path / "report.csv",
                                threshold=2)
    lines = out.read_text("utf-8").splitlines()
    assert lines[0] == "figure,row,column,value"
    assert "cases_by_type,online_scam,count,<2" in lines


def test_hq_report_from_records(tmp_path: Path) -> None:
    from fieldapp.reports.hq_report import make_report

    stamp = "0001767225600000-00000-dev"
    records = []
    for i in range(12):
        rid = f"r{i}"
        records.append(("rescue", rid, {"operation_date": [f"2026-04-0{1 + i % 9}", stamp],
                                        "province_code": ["KH-1" if i < 10 else "KH-9", stamp],
                                        "post_code": ["POIPET", stamp],
                                        "exploitation_type": ["labour", stamp]}))
        records.append(("victim", f"v{i}", {"rescue_id": [rid, stamp], "sex": ["female", stamp],
                                            "estimated_age": [20, stamp], "is_minor": [False, stamp],
                                            "nationality": ["KHM", stamp]}))
    out = make_report(records, 2026, None, "json", tmp_path / "hq.json")
    data = json.loads(out.read_text("utf-8"))
    assert data["tables"]["cases_by_province"]["counts"] == {"KH-1": "x", "KH-9": "<5"}
    assert data["tables"]["cases_by_province"]["total"] == 12
    out = make_report(records, 2026, "KH-1", "csv", tmp_path / "hq.csv")
    assert "cases_by_type,labour,count,10" in out.read_text("utf-8")
    with pytest.raises(InvalidInput):
        make_report(records, 2026, None, "docx", tmp_path / "x")
