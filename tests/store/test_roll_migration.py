"""Migration 0011_h16fig3_rollup (after 0010_h16store3_lean) on a store at revision 0009 (the committed 0007 store of
`tests/data/stores/compact_0007`, brought to 0009 by the migrations): `figure_count` keeps
every count in its WITHOUT ROWID form, `figure_case` every case's facts (written shorter),
the yearly sums equal the counts summed, the figures
over one and several years equal the reference computation, and a kill midway leaves the
0009 store, which opens and converts."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from fieldapp.reports import countcodes, counters, store_counts
from fieldapp.reports.definitions import ReportFilter
from fieldapp.reports.figures import compute
from fieldapp.reports.source import StoreRecordSource
from fieldapp.services import auth
from fieldapp.services.figures import figures_for
from fieldapp.store import migrate
from fieldapp.store.engine import open_engine
from tests.conftest import PASSPHRASE
from tests.support.killed import AFTER_ROLL_ALL, upgrade_killed
from tests.support.syncenv import unlock

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "stores" / "compact_0007" / "device"
BEFORE = "0009_h16fig2_buckets"
AS_OF = dt.date(2026, 12, 31)
PERIODS = [ReportFilter.year(2025), ReportFilter(dt.date(2024, 1, 1), dt.date(2026, 12, 31)),
           ReportFilter(dt.date(2023, 7, 1), dt.date(2026, 2, 28), post="POIPET"),
           ReportFilter(dt.date(2017, 1, 1), dt.date(2026, 12, 31), exploitation_type="labour")]
_COUNTS = "SELECT fig, month, province, post, type, a, b, n FROM figure_count"
_CASES = "SELECT rescue_id, op_date, month, province, post, type, facts FROM figure_case"


def _cases(rows: list[Any]) -> dict[str, Any]:
    """Each case's cell and facts (summed), however the facts are written."""
    return {rescue_id: (cell, _summed(facts)) for rescue_id, *cell, facts in rows}


def _at_0009(tmp_path: Path) -> Path:
    root = tmp_path / "device"
    shutil.copytree(FIXTURE, root)
    engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", PASSPHRASE))
    try:
        migrate.upgrade(engine, BEFORE)
        # Migration 0009 rebuilt the counters (it leaves them to 0014 now): count them as
        # text with today's code, each case's facts then written back as revision 0009's
        # code wrote them (nested lists, every fact).
        with engine.begin() as conn:
            store_counts.rebuild(Session(bind=conn))
            rows = conn.execute(text("SELECT rescue_id, facts FROM figure_case")).all()
            conn.execute(text("UPDATE figure_case SET facts = :facts WHERE rescue_id = :r"), [
                {"r": r, "facts": json.dumps(sorted([*key, n] for key, n in _summed(facts).items()))}
                for r, facts in rows])
    finally:
        engine.dispose()
    return root


def _summed(facts: str) -> Counter[tuple[str, str, str]]:
    out: Counter[tuple[str, str, str]] = Counter()
    for fig, a, b, n in countcodes.facts_of(facts):
        out[(fig, a, b)] += n
    return out


def _read(root: Path, *queries: str) -> tuple[str | None, list[Any]]:
    engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", PASSPHRASE))
    try:
        with engine.connect() as conn:
            return migrate.current_revision(engine), [
                sorted(tuple(r) for r in conn.execute(text(q))) for q in queries]
    finally:
        engine.dispose()


def _check_converted(root: Path, counts: list[Any], cases: list[Any]) -> None:
    ws = unlock(root)  # converts (and, at 0014, codes the counters: read them back as text)
    try:
        with ws.tx() as s:
            conn = s.connection()
            codec = store_counts.StoreCases(s).codec
            assert counters.counts(conn, codec) == Counter(
                {(m, pr, po, t, f, a, b): n for f, m, pr, po, t, a, b, n in counts})
            assert counters.case_facts_stored(conn, codec) == {
                rid: (*cell, facts) for rid, (cell, facts) in _cases(cases).items()}
            for table in ("figure_count", "figure_case", "figure_roll"):
                assert "WITHOUT ROWID" in conn.execute(text(
                    "SELECT sql FROM sqlite_master WHERE name = :t"), {"t": table}).scalar_one()
            assert conn.execute(text("SELECT count(*) FROM figure_roll")).scalar_one() > 0
            # The yearly sums equal the counts summed (and the counts a recomputation).
            assert counters.check(conn, store_counts.StoreCases(s)) == []
        for flt in PERIODS:
            with ws.tx() as s:
                reference = compute(StoreRecordSource(s), flt, AS_OF)
            assert figures_for(ws, flt, AS_OF) == reference, flt
    finally:
        ws.close()
    assert _read(root)[0] == migrate.head_revision()


def test_a_0009_store_converts(tmp_path: Path) -> None:
    root = _at_0009(tmp_path)
    revision, (counts, cases) = _read(root, _COUNTS, _CASES)
    assert revision == BEFORE and counts and cases
    _check_converted(root, counts, cases)


def test_a_kill_midway_leaves_the_0009_store_which_then_converts(tmp_path: Path) -> None:
    root = _at_0009(tmp_path)
    _, (counts, cases) = _read(root, _COUNTS, _CASES)
    upgrade_killed(root, AFTER_ROLL_ALL)
    # The transaction never committed.
    assert _read(root, _COUNTS, _CASES) == (BEFORE, [counts, cases])
    _check_converted(root, counts, cases)
