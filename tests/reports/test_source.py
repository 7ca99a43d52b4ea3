"""Row sources: HQ's JSON records become typed rows; event stamps read in both stamp layouts."""

from __future__ import annotations

import datetime as dt

from fieldapp.reports.source import COLUMNS, JsonRecordSource, hq_row, stamp_in

STAMP = "1767225600000-00000-dev"


def test_kind_stamp_in_both_layouts() -> None:
    assert stamp_in({"kind": "A", "reason": "B"}, "kind") == "A"
    assert stamp_in({"*": "C"}, "kind") == "C"
    assert stamp_in({"*": "C", "kind": "D"}, "kind") == "D"  # a later edit of the kind wins
    assert stamp_in({}, "kind") == "" and stamp_in(None, "kind") == ""


def test_hq_rows_are_typed_like_the_device_rows() -> None:
    row = hq_row("referral", "f1", {"victim_id": ["v1", STAMP], "service": ["shelter", STAMP],
                                    "due_date": ["2026-03-01", STAMP],
                                    "created_at": ["2026-02-01T09:30:00", STAMP]})
    assert row == {"id": "f1", "victim_id": "v1", "service": "shelter",
                   "due_date": dt.date(2026, 3, 1), "created_at": dt.datetime(2026, 2, 1, 9, 30),
                   "outcome": "", "status": None}  # HQ stores no status: it folds events
    assert set(row) == set(COLUMNS["referral"])
    event = hq_row("referral_event", "e1", {"kind": ["completed", STAMP], "referral_id": ["f1", STAMP]})
    assert event["kind_stamp"] == STAMP and event["at"] is None


def test_missing_fields_are_empty_not_errors() -> None:
    """HQ may hold a record before all its fields arrived (an event before its referral)."""
    row = hq_row("victim", "v1", {"rescue_id": ["r1", STAMP]})
    assert row["sex"] == "" and row["date_of_birth"] is None and row["is_minor"] is False


def test_records_of_other_entities_are_ignored() -> None:
    src = JsonRecordSource([("province", "KH-1", {"en": ["x", STAMP]}),
                            ("rescue", "r1", {"post_code": ["POIPET", STAMP]})])
    assert [r["id"] for r in src.rows("rescue")] == ["r1"]
    assert list(src.rows("victim")) == []
