"""HQ's national figures from the narrow report rows equal today's computation (issue 16).

Random cases pushed to a real HQ (SQLite and PostgreSQL) — rescues whose date, province or
type are later edited, victims with a birth date or an estimated age who move to another
case, suspects, referrals and their events — then every figure for several years and
narrowings is computed twice: from `fieldapp.hq.figures.RowSource` (the narrow rows the
ingest keeps) and from every record decoded (`JsonRecordSource(Hq.report_records)`, the
computation before). They must be equal. The rows must also hold no name or birth date.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, select

from fieldapp.hq.figures import HqCases, RowSource
from fieldapp.hq.models import ReportRow, ReportRowsState
from fieldapp.hq.service import Hq
from fieldapp.reports import counters
from fieldapp.reports.definitions import ReportFilter
from fieldapp.reports.figures import Change, compute
from fieldapp.reports.source import JsonRecordSource
from tests.hq.test_ingest_same import Dev, _add_devices, _blob
from tests.support.hqserver import database_url, make_settings

DATES = [None, "2024-12-31", "2025-01-01", "2025-06-15", "2026-02-28", "2026-11-30"]
BIRTHS = [None, "2010-06-15", "1990-01-01", "2008-02-29"]
SLOTS = 4

VALUES = {
    "rescue": st.fixed_dictionaries({
        "operation_date": st.sampled_from(DATES),
        "province_code": st.sampled_from([None, "KH-1", "KH-2"]),
        "exploitation_type": st.sampled_from([None, "labour", "sexual_exploitation",
                                              "online_scam"]),
        "intake_kind": st.sampled_from([None, "handover"]),
        "referring_country": st.sampled_from([None, "KHM", "THA"]),
        "notes": st.just("a place and a story"),
    }),
    "victim": st.fixed_dictionaries({
        "rescue_id": st.integers(0, SLOTS - 1),
        "sex": st.sampled_from([None, "female", "male"]),
        "date_of_birth": st.sampled_from(BIRTHS),
        "estimated_age": st.sampled_from([None, 9, 16, 30]),
        "is_minor": st.booleans(),
        "nationality": st.sampled_from([None, "KHM", "VNM"]),
        "screening": st.sampled_from([None, "presumed_victim", "identified_victim",
                                      "not_victim"]),
        "name_latin": st.just("Sok Dara"),
    }),
    "suspect": st.fixed_dictionaries({
        "rescue_id": st.integers(0, SLOTS - 1),
        "status": st.sampled_from(["at_large", "arrested", "sent_to_court", "convicted"]),
    }),
    "referral": st.fixed_dictionaries({
        "victim_id": st.integers(0, SLOTS - 1),
        "service": st.sampled_from(["medical", "reintegration", "legal_aid"]),
        "due_date": st.sampled_from([None, "2025-03-01", "2026-12-01"]),
        "created_at": st.sampled_from([None, "2025-02-01T08:00:00", "2026-03-01T10:30:00"]),
        "outcome": st.sampled_from([None, "alternative_care"]),
    }),
    "referral_event": st.fixed_dictionaries({
        "referral_id": st.integers(0, SLOTS - 1),
        "kind": st.sampled_from(["created", "accepted", "in_service", "completed", "declined"]),
        "at": st.sampled_from([None, "2025-01-20T09:00:00", "2026-05-01T12:00:00"]),
    }),
    # A suspect's dated events ("sent to court" counts by the first) and further cases.
    "suspect_event": st.fixed_dictionaries({
        "suspect_id": st.integers(0, SLOTS - 1),
        "kind": st.sampled_from(["sent_to_court", "convicted", "arrested"]),
        "on": st.sampled_from(["2024-12-31", "2025-03-01", "2026-02-28"]),
    }),
    "suspect_case": st.fixed_dictionaries({
        "suspect_id": st.integers(0, SLOTS - 1),
        "rescue_id": st.integers(0, SLOTS - 1),
    }),
    # A supervisor's decision that two victim records are one person (counted once).
    "person_link": st.fixed_dictionaries({
        "entity": st.just("victim"),
        "a_id": st.integers(0, SLOTS - 1),
        "b_id": st.integers(0, SLOTS - 1),
        "decision": st.sampled_from(["link", "link", "distinct"]),
    }),
}
PARENTS = {"rescue_id": "r", "victim_id": "v", "referral_id": "f", "a_id": "v", "b_id": "v",
           "suspect_id": "s"}
LETTER = {"rescue": "r", "victim": "v", "suspect": "s", "referral": "f", "referral_event": "e",
          "person_link": "p", "suspect_event": "t", "suspect_case": "c"}
OPS = st.lists(st.tuples(st.sampled_from(list(VALUES)), st.integers(0, SLOTS - 1),
                         st.data()), min_size=1, max_size=30)


@pytest.fixture(params=["sqlite", "postgresql"])
def hq(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Hq]:
    data_dir = tmp_path / "hq"
    with database_url(str(request.param), data_dir) as url:
        h = Hq(make_settings(data_dir, url))
        try:
            yield h
        finally:
            h.close()


def _push_all(hq: Hq, dev: Dev, changes: list[dict[str, Any]]) -> None:
    for i in range(0, len(changes), 10):
        hq.push(_blob(hq, dev, changes[i:i + 10]))


def _cases_read_as_one_statement_a_level_reads_them(s: Any) -> None:
    """HQ's cases (`HqCases.cases`, one statement for every level) hold the rows that
    `counters.read_cases` reads from the rows one level at a time (the reference)."""
    cases = HqCases(s)
    ids = [i for chunk in cases.rescue_ids() for i in chunk]

    def plain(read: dict[str, counters.CaseRows]) -> dict[str, Any]:
        return {rid: {f.name: (sorted(v, key=lambda r: r["id"]) if isinstance(v, list) else v)
                      for f in dataclasses.fields(c) for v in [getattr(c, f.name)]}
                for rid, c in read.items()}

    for part in (ids, ids[::2], ids[:1]):  # every case, and some of them
        assert plain(cases.cases(part)) == plain(counters.read_cases(RowSource(s), part))


def _figures(hq: Hq, flt: ReportFilter, as_of: dt.date) -> tuple[Any, Any]:
    """The figures from the narrow rows and from every record decoded; the figures from the
    report counters (issue 16) must equal both, and the counters a recomputation."""
    with hq.report_source() as rows:
        narrow = compute(rows, flt, as_of)
        counted = rows.figures(flt, as_of)
        assert counters.check(rows.s.connection(), HqCases(rows.s)) == []
        _cases_read_as_one_statement_a_level_reads_them(rows.s)
    full = compute(JsonRecordSource(hq.report_records), flt, as_of)
    assert counted == full
    return narrow, full


FILTERS = [ReportFilter.year(2025), ReportFilter.year(2026),
           ReportFilter.year(2026, province="KH-1"),
           ReportFilter.year(2025, exploitation_type="labour"),
           # months read in part from the cases' rows, and the ministry's reading
           ReportFilter(dt.date(2025, 1, 2), dt.date(2026, 2, 28), exclusive_outcomes=True),
           ReportFilter(dt.date(2025, 6, 15), dt.date(2025, 6, 15))]


def test_figures_from_rows_equal_todays_computation(hq: Hq) -> None:
    officer = _add_devices((hq,))[0]

    @settings(max_examples=25, deadline=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(ops=OPS)
    def check(ops: list[tuple[str, int, Any]]) -> None:
        prefix = f"{len(ops)}{id(ops) % 100000}x"
        changes = []
        for entity, slot, data in ops:
            values = dict(data.draw(VALUES[entity]))
            for name, letter in PARENTS.items():
                if name in values:
                    values[name] = f"{prefix}{letter}{values[name]}"
            officer.seq += 1
            stamp = str(officer.clock.now())
            changes.append({"seq": officer.seq, "entity": entity,
                            "entity_id": f"{prefix}{LETTER[entity]}{slot}", "op": "upsert",
                            "post_code": officer.post,
                            "fields": {k: [v, stamp] for k, v in values.items()}})
        _push_all(hq, officer, changes)
        for flt in FILTERS:
            narrow, full = _figures(hq, flt, dt.date(2026, 6, 1))
            assert narrow == full

    check()
    with hq.sessions() as s:  # the rows hold nothing that names a person or their birth
        text = json.dumps([[str(c) for c in r] for r in s.execute(select(ReportRow))])
    assert "Sok Dara" not in text and "a place" not in text
    assert not any(b and b in text for b in BIRTHS)


def test_rows_are_filled_for_a_database_from_before_them(hq: Hq) -> None:
    officer = _add_devices((hq,))[0]
    changes = []
    for entity, values in [
            ("rescue", {"operation_date": "2025-06-15", "province_code": "KH-1"}),
            ("victim", {"rescue_id": "r0", "date_of_birth": "2010-06-15", "sex": "female",
                        "screening": "presumed_victim"})]:
        officer.seq += 1
        stamp = str(officer.clock.now())
        changes.append({"seq": officer.seq, "entity": entity,
                        "entity_id": f"{LETTER[entity]}0", "op": "upsert",
                        "post_code": officer.post,
                        "fields": {k: [v, stamp] for k, v in values.items()}})
    _push_all(hq, officer, changes)
    before = _figures(hq, FILTERS[0], dt.date(2026, 1, 1))
    with hq.sessions.begin() as s:  # as a database migrated from before the rows
        s.execute(delete(ReportRow))
        s.execute(delete(ReportRowsState))
    after = _figures(hq, FILTERS[0], dt.date(2026, 1, 1))
    assert before[0] == before[1] == after[0] == after[1]
    assert after[0].table("victims_by_age_group").value("14-17") == 1


def _send(hq: Hq, dev: Dev, *changes: tuple[str, str, dict[str, Any]]) -> None:
    out = []
    for entity, entity_id, values in changes:
        dev.seq += 1
        stamp = str(dev.clock.now())
        out.append({"seq": dev.seq, "entity": entity, "entity_id": entity_id, "op": "upsert",
                    "post_code": dev.post, "fields": {k: [v, stamp] for k, v in values.items()}})
    _push_all(hq, dev, out)


def test_a_case_that_moves_takes_its_rows_along(hq: Hq) -> None:
    """A rescue's date edited later, a victim moved to another case: the rows follow."""
    officer = _add_devices((hq,))[0]
    counted = {"screening": "presumed_victim", "sex": "female"}
    _send(hq, officer,
          ("rescue", "r0", {"operation_date": "2023-06-15", "province_code": "KH-1"}),
          ("rescue", "r1", {"operation_date": "2023-02-28", "province_code": "KH-2"}),
          ("victim", "v0", {"rescue_id": "r0", "date_of_birth": "2008-02-29", **counted}),
          ("referral", "f0", {"victim_id": "v0", "service": "medical"}),
          ("referral_event", "e0", {"referral_id": "f0", "kind": "completed",
                                    "at": "2026-05-01T12:00:00"}))
    as_of = dt.date(2026, 6, 1)
    for move in (("rescue", "r0", {"operation_date": "2026-01-10"}),
                 ("rescue", "r1", {"operation_date": "2025-12-31"}),
                 ("victim", "v0", {"rescue_id": "r1"})):
        _send(hq, officer, move)
        for flt in FILTERS:
            narrow, full = _figures(hq, flt, as_of)
            assert narrow == full, (move, flt)
    # Born 29 Feb 2008: 17 at the end of 2025, so counted in 14-17.
    narrow, _ = _figures(hq, ReportFilter.year(2025), as_of)
    assert narrow.table("victims_by_age_group").value("14-17") == 1


def test_a_suspect_sent_to_court_this_year_from_an_older_case_counts(hq: Hq) -> None:
    officer = _add_devices((hq,))[0]
    _send(hq, officer, ("rescue", "r0", {"operation_date": "2019-06-15"}),
          ("suspect", "s0", {"rescue_id": "r0", "status": "sent_to_court"}))
    year = dt.date.today().year  # the status's stamp is today's
    narrow, full = _figures(hq, ReportFilter.year(year), dt.date.today())
    assert narrow == full
    assert narrow.yoy["suspects_sent_to_court"].current == 1


def test_a_suspect_event_pushed_later_moves_the_day_sent_to_court(hq: Hq) -> None:
    """A dated event arriving in a later batch than its suspect refreshes the suspect's case
    (the counters' "x" fact), and a further case or a second, earlier event follows too."""
    officer = _add_devices((hq,))[0]
    _send(hq, officer, ("rescue", "r0", {"operation_date": "2019-06-15"}),
          ("rescue", "r1", {"operation_date": "2024-03-01"}),
          ("suspect", "s0", {"rescue_id": "r0", "status": "arrested"}))
    steps = [("suspect_event", "t0", {"suspect_id": "s0", "kind": "sent_to_court",
                                      "on": "2025-03-01"}),
             ("suspect_event", "t1", {"suspect_id": "s0", "kind": "convicted",
                                      "on": "2024-12-31"}),
             ("suspect_case", "c0", {"suspect_id": "s0", "rescue_id": "r1"})]
    for step in steps:
        _send(hq, officer, step)
        for flt in (ReportFilter.year(2024), ReportFilter.year(2025)):
            narrow, full = _figures(hq, flt, dt.date(2026, 6, 1))
            assert narrow == full
    assert narrow.yoy["suspects_sent_to_court"] == Change(1, 0)  # 2024, not 2025
