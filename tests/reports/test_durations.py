"""Days to completion are never negative, whatever the laptops' clocks (issue 9, item 14)."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.hlc import Hlc
from fieldapp.reports import ReportFilter, compute
from fieldapp.reports.figures import completion_days
from tests.support.records import ListRecordSource


def _stamp(day: dt.date, counter: int = 0) -> str:
    wall = int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.UTC).timestamp() * 1000)
    return str(Hlc(wall, counter, "centre-laptop"))


def test_a_completion_dated_before_its_referral_counts_as_suspicious_not_negative() -> None:
    created = dt.date(2026, 3, 10)
    # The centre's clock runs 3 days behind; its HLC stamp had seen the referral (12 March).
    behind = dt.datetime(2026, 3, 9, 9, 0)
    assert completion_days(created, behind, _stamp(dt.date(2026, 3, 12))) == (2, True)
    # No usable stamp: clamped to 0 days, still counted.
    assert completion_days(created, behind, "not-a-stamp") == (0, True)
    # Right clocks: the plain difference.
    ok = dt.datetime(2026, 3, 14, 9, 0)
    assert completion_days(created, ok, _stamp(dt.date(2026, 3, 14))) == (4, False)


def test_median_days_at_hq_are_never_negative() -> None:
    rescue = {"id": "r1", "operation_date": dt.date(2026, 3, 1), "province_code": "KH-1",
              "post_code": "POIPET", "exploitation_type": "labour"}
    victim = {"id": "v1", "rescue_id": "r1", "sex": "female", "date_of_birth": None,
              "estimated_age": 15, "is_minor": True, "nationality": "KH"}
    referrals, events = [], []
    # Three completions by a centre whose clock ran 5 days behind the post's.
    for i in range(3):
        created = dt.datetime(2026, 3, 10 + i, 8, 0)
        referrals.append({"id": f"f{i}", "victim_id": "v1", "service": "shelter",
                          "due_date": None, "created_at": created})
        for n, kind in enumerate(("created", "sent", "accepted", "completed")):
            events.append({"id": f"e{i}{n}", "referral_id": f"f{i}", "kind": kind,
                           "at": created - dt.timedelta(days=5) + dt.timedelta(hours=n),
                           "kind_stamp": _stamp(created.date(), n)})
    source = ListRecordSource({"rescue": [rescue], "victim": [victim], "suspect": [],
                               "referral": referrals, "referral_event": events})
    figures = compute(source, ReportFilter.year(2026), as_of=dt.date(2026, 6, 30))
    assert figures.completed_referrals == 3
    assert figures.median_days == 0.0  # was -5.0: the centre's clock, not the work
    assert figures.suspicious_durations == 3
