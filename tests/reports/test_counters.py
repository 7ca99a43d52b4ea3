"""The device's figures from the report counters (issue 16) equal today's computation.

Random stores (the demo's cases through the real services), then random sequences of
edits in their own transactions — a case's date, post or type changed, a victim screened
out or moved to another case, ages, referral statuses and events, suspects, their dated
events (sent to court, convicted), further cases and person links, deletions, pulled
records applied as plain rows — and after each step every figure for
several periods (whole years, months read in part, narrowings, the ministry's reading) is
computed from the counters and by the full pass over the store: they must be equal, and
the stored counters must equal a recomputation from scratch.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from fieldapp.domain.hlc import Hlc
from fieldapp.reports import countcodes, counters, store_counts
from fieldapp.reports.definitions import ReportFilter
from fieldapp.reports.figures import compute
from fieldapp.reports.source import StoreRecordSource
from fieldapp.services import demo
from fieldapp.services.figures import figures_for
from fieldapp.store.models import (
    PersonLink,
    Referral,
    ReferralEvent,
    Rescue,
    Suspect,
    SuspectCase,
    SuspectEvent,
    Victim,
)
from fieldapp.sync.apply import apply_records
from tests.support.syncenv import new_device

AS_OF = dt.date(2026, 6, 20)
FILTERS = [
    ReportFilter.year(2026), ReportFilter.year(2025),
    dataclasses.replace(ReportFilter.year(2026), post="POIPET"),
    ReportFilter.year(2025, exploitation_type="labour", exclusive_outcomes=True),
    ReportFilter(dt.date(2024, 3, 17), dt.date(2026, 2, 10)),
    ReportFilter(dt.date(2025, 7, 1), dt.date(2025, 7, 31), province="KH-1"),
    # Several years: whole years from the yearly sums (`figure_roll`), with no narrowing or
    # one, the months around them from the counts, the days of a month from the cases; two
    # narrowings read the counts only.
    ReportFilter(dt.date(2024, 1, 1), dt.date(2026, 12, 31)),
    ReportFilter(dt.date(2017, 1, 1), dt.date(2026, 12, 31), post="POIPET"),
    ReportFilter(dt.date(2024, 1, 1), dt.date(2026, 12, 31), exploitation_type="labour"),
    ReportFilter(dt.date(2023, 7, 1), dt.date(2026, 2, 28), province="KH-20"),
    ReportFilter(dt.date(2024, 1, 15), dt.date(2026, 12, 31), exclusive_outcomes=True),
    ReportFilter(dt.date(2024, 1, 1), dt.date(2026, 12, 31), province="KH-1", post="POIPET"),
]
DAYS = [dt.date(2024, 2, 29), dt.date(2025, 1, 1), dt.date(2025, 7, 14), dt.date(2026, 2, 10),
        dt.date(2026, 6, 30)]
SCREENING = ["presumed_victim", "identified_victim", "not_victim", "witness", "pending"]
STATUSES = ["created", "sent", "accepted", "in_service", "completed", "declined", "cancelled"]
EDITS = ["rescue_date", "rescue_post", "rescue_type", "screening", "move_victim", "age",
         "referral", "drop_event", "drop_referral", "suspect", "link", "pull", "pull_edit",
         "suspect_event", "drop_suspect_event", "suspect_case", "suspect_link",
         "pull_suspect_event"]
SUSPECT_EVENTS = ["sent_to_court", "convicted", "arrested"]


def _pick(s: Session, model: Any, n: int) -> Any:
    rows = list(s.scalars(select(model).order_by(model.id)))
    return rows[n % len(rows)] if rows else None


def _edit(ws: Any, kind: str, n: int, m: int) -> None:
    """One edit, in its own transaction (as a save or a pulled page is)."""
    if kind in ("pull", "pull_edit", "pull_suspect_event"):
        _pull(ws, kind, n, m)
        return
    with ws.tx() as s:
        rescue, victim = _pick(s, Rescue, n), _pick(s, Victim, n)
        if kind == "rescue_date":
            rescue.operation_date = DAYS[m % len(DAYS)]
        elif kind == "rescue_post":
            rescue.post_code, rescue.province_code = [("POIPET", "KH-1"), ("BAVET", "KH-20"),
                                                      ("KOHKONG", "KH-9")][m % 3]
        elif kind == "rescue_type":
            rescue.exploitation_type = ["labour", "online_scam", "begging"][m % 3]
        elif kind == "screening" and victim is not None:
            victim.screening = SCREENING[m % len(SCREENING)]
        elif kind == "move_victim" and victim is not None:
            victim.rescue_id = _pick(s, Rescue, m).id
        elif kind == "age" and victim is not None:
            victim.date_of_birth = [None, dt.date(2010, 2, 28), dt.date(1990, 7, 1)][m % 3]
            victim.estimated_age = [None, 16, 40][m % 3]
            victim.is_minor = m % 2 == 0
        elif kind == "referral":
            _referral(s, n, m)
        elif kind == "drop_event" and (event := _pick(s, ReferralEvent, n)) is not None:
            s.delete(event)
        elif kind == "drop_referral" and (referral := _pick(s, Referral, n)) is not None:
            for event in s.scalars(select(ReferralEvent).where(
                    ReferralEvent.referral_id == referral.id)):
                s.delete(event)
            s.flush()
            s.delete(referral)
        elif kind == "suspect" and (suspect := _pick(s, Suspect, n)) is not None:
            suspect.status = ["at_large", "arrested", "sent_to_court", "convicted"][m % 4]
        elif kind == "suspect_event" and (suspect := _pick(s, Suspect, n)) is not None:
            s.add(SuspectEvent(suspect_id=suspect.id, kind=SUSPECT_EVENTS[m % 3],
                               on=DAYS[m % len(DAYS)]))
        elif kind == "drop_suspect_event" and (event := _pick(s, SuspectEvent, n)) is not None:
            s.delete(event)
        elif kind == "suspect_case" and (suspect := _pick(s, Suspect, n)) is not None:
            s.add(SuspectCase(suspect_id=suspect.id, rescue_id=_pick(s, Rescue, m).id))
        elif kind == "suspect_link":
            one, other = _pick(s, Suspect, n), _pick(s, Suspect, m)
            if one is not None and other is not None and one.id != other.id:
                s.merge(PersonLink(id=f"link-{one.id}-{other.id}", entity="suspect",
                                   a_id=one.id, b_id=other.id, decision="link"))
        elif kind == "link":
            other = _pick(s, Victim, m)
            if victim is not None and other is not None and other.id != victim.id:
                s.merge(PersonLink(id=f"link-{victim.id}-{other.id}", entity="victim",
                                   a_id=victim.id, b_id=other.id,
                                   decision="link" if m % 3 else "separate"))


def _referral(s: Session, n: int, m: int) -> None:
    referral = _pick(s, Referral, n)
    if referral is None or m % 4 == 0:  # a new referral for a victim
        victim = _pick(s, Victim, n + m)
        referral = Referral(victim_id=victim.id, service=["shelter", "repatriation",
                                                           "legal_aid"][m % 3],
                            provider_code="PTC", due_date=DAYS[m % len(DAYS)],
                            created_at=dt.datetime(2025, 1, 5, 9, 0))
        s.add(referral)
    status = STATUSES[m % len(STATUSES)]
    referral.status = status
    referral.outcome = "alternative_care" if m % 5 == 0 else ""
    s.add(ReferralEvent(referral_id=referral.id, kind=status,
                        at=dt.datetime(2025, 1 + m % 12, 3, 12, 0)))


def _pull(ws: Any, kind: str, n: int, m: int) -> None:
    """Records from another device, applied as a pull applies them (plain rows, no ORM)."""
    stamp = str(Hlc(1_900_000_000_000 + n * 1000 + m, 0, "other"))

    def state(**fields: Any) -> dict[str, list[Any]]:
        return {k: [v, stamp] for k, v in fields.items()}

    base = {"created_by": "x", "device_id": "x", "created_at": "2026-01-01T00:00:00"}
    if kind == "pull_suspect_event":  # a plain row: its suspect's case is marked by the pull
        with ws.tx() as s:
            suspect = _pick(s, Suspect, n)
        if suspect is None:
            return
        records = [("suspect_event", f"se-{n}-{m}-{stamp[-12:]}", state(
            suspect_id=suspect.id, kind=SUSPECT_EVENTS[m % 3],
            on=DAYS[m % len(DAYS)].isoformat(), **base))]
    elif kind == "pull_edit":
        with ws.tx() as s:
            victim = _pick(s, Victim, n)
        records = [("victim", victim.id, state(screening=SCREENING[m % len(SCREENING)],
                                               estimated_age=m % 50, date_of_birth=None))]
    else:
        key = f"{n}-{m}-{stamp[-12:]}"
        records = [
            ("rescue", f"r-{key}", state(case_number=f"BAVET-2025-{n:02d}{m:02d}",
                                         operation_date=DAYS[m % len(DAYS)].isoformat(),
                                         province_code="KH-20", post_code="BAVET",
                                         exploitation_type="labour", **base)),
            ("victim", f"v-{key}", state(rescue_id=f"r-{key}", sex="female", name_latin="B",
                                         estimated_age=12, is_minor=True, **base)),
        ]
        if m % 2:  # (a referral's status is recomputed through the ORM; a case alone is not)
            records += [
                ("referral", f"f-{key}", state(victim_id=f"v-{key}", service="shelter",
                                               provider_code="PTC", **base)),
                ("referral_event", f"e-{key}", state(referral_id=f"f-{key}", kind="completed",
                                                     at="2025-02-01T10:00:00", **base)),
            ]
    with ws.store.session("sup", remote=True) as s:
        apply_records(s, records)


def _same(ws: Any) -> None:
    for flt in FILTERS:
        counted = figures_for(ws, flt, AS_OF)
        with ws.tx() as s:
            assert counted == compute(StoreRecordSource(s), flt, AS_OF), flt
    with ws.tx() as s:
        assert counters.check(s.connection(), store_counts.StoreCases(s)) == []


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(seed=st.integers(0, 2**16), rescues=st.integers(3, 12),
       edits=st.lists(st.tuples(st.sampled_from(EDITS), st.integers(0, 50),
                                st.integers(0, 50)), min_size=1, max_size=12))
def test_counted_figures_equal_the_full_pass_after_random_edits(
    tmp_path_factory: Any, seed: int, rescues: int, edits: list[tuple[str, int, int]]
) -> None:
    ws = new_device(tmp_path_factory.mktemp("counted"), None, "POIPET")
    try:
        demo.generate(ws, rescues, seed=seed)
        _same(ws)
        for kind, n, m in edits:
            _edit(ws, kind, n, m)
        _same(ws)
    finally:
        ws.close()


def test_rebuild_gives_the_counts_kept_and_a_report_drains_stale_cases(tmp_path: Path) -> None:
    ws = new_device(tmp_path / "d", None, "POIPET")
    try:
        demo.generate(ws, 8, seed=3)
        with ws.tx() as s:
            kept = sorted(s.connection().execute(text("SELECT * FROM figure_count")).all())
            assert store_counts.rebuild(s) == 8
            assert sorted(s.connection().execute(text("SELECT * FROM figure_count")).all()) == kept
        with ws.tx() as s:  # a case marked but not recomputed (a store opened without the hook)
            s.connection().execute(text("UPDATE figure_case SET facts = x''"))
            s.connection().execute(text("DELETE FROM figure_count"))
            s.connection().execute(text("INSERT INTO figure_dirty VALUES (:r)"),
                                   [{"r": r} for r in s.scalars(select(Rescue.id))])
        figures_for(ws, ReportFilter.year(2025), AS_OF)
        with ws.tx() as s:
            assert sorted(s.connection().execute(text("SELECT * FROM figure_count")).all()) == kept
    finally:
        ws.close()


def test_sent_to_court_from_the_counters_after_each_suspect_edit(tmp_path: Path) -> None:
    """Every kind of suspect edit in turn (dated events saved, deleted and pulled, further
    cases, linked records, statuses), each followed by the comparison with the full pass."""
    ws = new_device(tmp_path / "d", None, "POIPET")
    try:
        demo.generate(ws, 8, seed=5)
        steps = [("pull_suspect_event", 0, 0), ("pull_suspect_event", 1, 4),
                 ("suspect_event", 2, 1), ("suspect_event", 2, 3), ("suspect", 3, 2),
                 ("suspect_case", 2, 5), ("suspect_link", 2, 4), ("suspect_link", 4, 6),
                 ("drop_suspect_event", 0, 0), ("rescue_date", 2, 4), ("suspect", 4, 0)]
        for kind, n, m in steps:
            _edit(ws, kind, n, m)
            _same(ws)
        with ws.tx() as s:
            assert s.scalar(select(SuspectEvent.id).limit(1)) is not None
    finally:
        ws.close()


def test_facts_read_back_the_same_however_written(tmp_path: Path) -> None:
    """Each case's facts as the device codes them (a varint blob), as HQ writes them (flat
    JSON without the "d" facts) and as HQ's older rows hold them (nested lists, every fact):
    all read back as the facts computed from the case's rows."""
    ws = new_device(tmp_path / "d", None, "POIPET")
    try:
        demo.generate(ws, 10, seed=8)
        with ws.tx() as s:
            cases = store_counts.StoreCases(s)
            stored = counters.case_facts_stored(s.connection(), cases.codec)
            computed = {rid: counters.case_facts(case) for ids in cases.rescue_ids()
                        for rid, case in cases.cases(ids).items()}
        assert set(stored) == set(computed)
        some_due = False
        for rid, (day, month, province, post, kind, facts) in stored.items():
            cf = computed[rid]
            assert cf is not None
            assert (day, month, province, post, kind) == (cf.day.isoformat(), *cf.cell)
            assert facts == cf.facts
            nested = json.dumps(sorted([*key, n] for key, n in facts.items()))
            for written in (nested, countcodes.facts_text(facts)):
                assert Counter({(f, a, b): n for f, a, b, n in countcodes.facts_of(written)}) \
                    == facts
            some_due = some_due or '"d"' in nested
        assert some_due
    finally:
        ws.close()


def test_the_device_writes_its_counters_coded(tmp_path: Path) -> None:
    """Words are small integers (`figure_word`), months, days and years integers, a case's id
    its 16 bytes, its facts a blob: no text but the fact's kind."""
    ws = new_device(tmp_path / "d", None, "POIPET")
    try:
        demo.generate(ws, 6, seed=4)
        with ws.tx() as s:
            conn = s.connection()
            assert conn.execute(text("SELECT count(*) FROM figure_word")).scalar_one() > 0
            for table, columns in (("figure_count", counters._KEYS),
                                   ("figure_case", ("rescue_id", "op_date", "month", "province",
                                                    "post", "type", "facts")),
                                   ("figure_roll", counters._ROLL_KEYS)):
                for column in columns:
                    kinds = {k for (k,) in conn.execute(text(
                        f"SELECT DISTINCT typeof({column}) FROM {table}"))}
                    want = {"text"} if column == "fig" else {"blob"} \
                        if column in ("rescue_id", "facts") else {"integer"}
                    assert kinds == want, (table, column, kinds)
    finally:
        ws.close()


def test_two_codecs_in_one_transaction_agree_on_every_word(tmp_path: Path) -> None:
    ws = new_device(tmp_path / "d", None, "POIPET")
    try:
        with ws.tx() as s:
            conn = s.connection()
            first, second = countcodes.Coded(conn), countcodes.Coded(conn)
            shared, own = first.put("post", "", "NEWPOST"), first.put("a", "s", "first only")
            assert second.put("post", "", "NEWPOST") == shared
            assert second.put("a", "s", "second only") not in (shared, own)
            assert second.get("a", "s", own) == "first only"
            assert second.ask("type", "", "never written") not in second.texts
            s.rollback()
        with ws.tx() as s:  # rolled back: the words are gone
            assert countcodes.Coded(s.connection()).ask("post", "", "NEWPOST") == -1
    finally:
        ws.close()
