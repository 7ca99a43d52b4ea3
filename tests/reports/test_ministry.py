"""The ministry's published figures reproduced from seeded records, and the rules behind them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fieldapp.domain.hlc import Hlc
from fieldapp.reports.definitions import ReportFilter
from fieldapp.reports.figures import compute
from tests.support.records import ListRecordSource


def _stamp(day: dt.date) -> str:
    ms = int(dt.datetime(day.year, day.month, day.day, 9, tzinfo=dt.UTC).timestamp() * 1000)
    return str(Hlc(ms, 0, "dev"))


def _ministry_records() -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {k: [] for k in
                                             ("rescue", "victim", "suspect", "referral", "referral_event",
                                              "suspect_case", "suspect_event")}

    def case(n: int, year: int) -> str:
        rid = f"r{year}-{n}"
        rows["rescue"].append({"id": rid, "operation_date": dt.date(year, 1 + n % 12, 1 + n % 28),
                               "province_code": "KH-1", "post_code": "POIPET",
                               "exploitation_type": "labour", "cross_border": n % 10 == 0})
        return rid

    cases_2024 = [case(n, 2024) for n in range(134)]
    cases_2025 = [case(n, 2025) for n in range(163)]
    # 438 victims rescued in 2025: 273 returned home (after transit-centre shelter too), 165
    # rehabilitated only. Plus 12 quick-listed people not screened yet and 5 witnesses.
    for i in range(438 + 17):
        vid = f"v{i}"
        screening = ("pending" if i >= 438 + 5 else "witness" if i >= 438 else
                     "identified_victim" if i % 3 else "presumed_victim")
        rows["victim"].append({"id": vid, "rescue_id": cases_2025[i % 163], "sex": "female",
                               "date_of_birth": None, "estimated_age": 20, "is_minor": False,
                               "nationality": "KHM", "screening": screening})
        services = ["shelter"] + (["reintegration"] if i < 273 else [])
        for service in services:
            fid = f"f{i}-{service}"
            rows["referral"].append({"id": fid, "victim_id": vid, "service": service,
                                     "due_date": None, "created_at": dt.datetime(2025, 6, 1),
                                     "outcome": "returned_home" if service != "shelter" else ""})
            for n, kind in enumerate(("created", "sent", "accepted", "completed")):
                rows["referral_event"].append({
                    "id": f"{fid}-{n}", "referral_id": fid, "kind": kind,
                    "at": dt.datetime(2025, 6, 10), "kind_stamp": _stamp(dt.date(2025, 6, 1 + n))})
    # 219 suspects sent to court in 2025 - 40 of them from 2024 cases; 30 suspects of 2025
    # cases were sent in 2026 and do not count for 2025. The figure comes from the dated
    # events: the statuses were entered in January 2026, after the events they record.
    for i in range(219):
        rescue = cases_2024[i % 134] if i < 40 else cases_2025[i % 163]
        rows["suspect"].append({"id": f"s{i}", "rescue_id": rescue, "status": "sent_to_court",
                                "status_stamp": _stamp(dt.date(2026, 1, 5))})
        rows["suspect_event"].append({"id": f"e{i}", "suspect_id": f"s{i}", "kind": "sent_to_court",
                                      "on": dt.date(2025, 3 + i % 9, 15)})
    # The broker behind three cases is one suspect in all three, sent to court once.
    for n in (1, 2):
        rows["suspect_case"].append({"id": f"sc{n}", "suspect_id": "s50", "rescue_id": cases_2025[n]})
    for i in range(30):
        rows["suspect"].append({"id": f"late{i}", "rescue_id": cases_2025[i], "status": "convicted",
                                "status_stamp": _stamp(dt.date(2025, 12, 20))})
        for kind, day in (("sent_to_court", dt.date(2026, 1, 20)), ("convicted", dt.date(2026, 5, 2))):
            rows["suspect_event"].append({"id": f"late{i}-{kind}", "suspect_id": f"late{i}",
                                          "kind": kind, "on": day})
    return rows


def test_the_ministrys_figures_are_reproduced() -> None:
    source = ListRecordSource(_ministry_records())
    figs = compute(source, ReportFilter.year(2025, exclusive_outcomes=True), dt.date(2026, 2, 1))
    cases = figs.yoy["cases"]
    assert (cases.current, cases.previous, cases.diff, cases.percent) == (163, 134, 29, 21.6)
    assert figs.yoy["suspects_sent_to_court"].current == 219
    assert figs.yoy["victims"].current == 438  # pending and witnesses left out
    assert figs.yoy["victims_rehabilitated"].current == 165
    assert figs.yoy["victims_returned_home"].current == 273
    assert 165 + 273 == figs.yoy["victims"].current
    assert figs.yoy["cross_border_cases"].current == 17  # n % 10 == 0 of 163
    print(f"\ncases {cases.current} vs {cases.previous} ({cases.diff:+d}, {cases.percent:+.1f}%); "
          f"sent to court {figs.yoy['suspects_sent_to_court'].current}; rescued "
          f"{figs.yoy['victims'].current} = {figs.yoy['victims_rehabilitated'].current} "
          f"rehabilitated + {figs.yoy['victims_returned_home'].current} returned home")


def test_without_the_ministrys_reading_the_lines_overlap() -> None:
    figs = compute(ListRecordSource(_ministry_records()), ReportFilter.year(2025), dt.date(2026, 2, 1))
    assert figs.yoy["victims_rehabilitated"].current == 438  # everyone had shelter
    assert figs.yoy["victims_returned_home"].current == 273
