"""Migration 0014_h16s5fig on a store at revision 0013 (the committed 0007 store of
`tests/data/stores/compact_0007`, brought to 0013 by the migrations): every count, case and
yearly sum reads back as the text it was, now coded (`fieldapp.reports.countcodes`); the
counts equal a recomputation, the figures the reference computation, edits keep them so,
and a kill midway leaves the 0013 store, which opens and converts."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from fieldapp.reports import countcodes, counters, store_counts
from fieldapp.reports.definitions import ReportFilter
from fieldapp.reports.figures import compute
from fieldapp.reports.source import StoreRecordSource
from fieldapp.services import auth
from fieldapp.services.figures import figures_for
from fieldapp.store import migrate
from fieldapp.store.engine import open_engine
from fieldapp.store.models import Rescue
from tests.conftest import PASSPHRASE
from tests.support.killed import AFTER_ROLL_ALL, upgrade_killed
from tests.support.syncenv import unlock

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "stores" / "compact_0007" / "device"
BEFORE = "0013_h16s5rows"
AS_OF = dt.date(2026, 12, 31)
PERIODS = [ReportFilter.year(2025), ReportFilter(dt.date(2024, 1, 1), dt.date(2026, 12, 31)),
           ReportFilter(dt.date(2023, 7, 1), dt.date(2026, 2, 28), post="POIPET"),
           ReportFilter(dt.date(2017, 1, 1), dt.date(2026, 12, 31), exploitation_type="labour"),
           ReportFilter(dt.date(2025, 3, 10), dt.date(2026, 11, 20), province="KH-1")]
_ROLL = "SELECT dim, val, p, x, y, year, n FROM figure_roll"


def _engine(root: Path) -> Any:
    return open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", PASSPHRASE))


def _upgrade(root: Path, revision: str = "head") -> None:
    engine = _engine(root)
    try:
        migrate.upgrade(engine, revision)
    finally:
        engine.dispose()


def _at_0013(tmp_path: Path, counted: bool = True) -> Path:
    """The fixture at 0013; `counted`: its counters as text, as a store counted by revision
    0009 has them (from before 0009 they are empty)."""
    root = tmp_path / "device"
    shutil.copytree(FIXTURE, root)
    _upgrade(root, BEFORE)
    if counted:
        engine = _engine(root)
        try:
            with engine.begin() as conn:
                store_counts.rebuild(Session(bind=conn))
        finally:
            engine.dispose()
    return root


def _text_form(root: Path) -> tuple[str | None, Any]:
    """The revision, and the counters as text: counts, cases, yearly sums."""
    engine = _engine(root)
    try:
        revision = migrate.current_revision(engine)
        with engine.connect() as conn:
            codec: countcodes.Codec = countcodes.Plain()
            if revision == migrate.head_revision():
                codec = countcodes.Coded(conn)
            roll = Counter({counters._roll_text(codec, r[:6]): r[6]
                            for r in conn.execute(text(_ROLL))})
            return revision, (
                counters.counts(conn, codec), counters.case_facts_stored(conn, codec), roll)
    finally:
        engine.dispose()


def _check_converted(root: Path) -> None:
    ws = unlock(root)  # converts
    try:
        with ws.tx() as s:
            conn = s.connection()
            assert counters.check(conn, store_counts.StoreCases(s)) == []
            assert conn.execute(text("SELECT count(*) FROM figure_case WHERE "
                                     "typeof(rescue_id) != 'blob'")).scalar_one() == 0
        for flt in PERIODS:
            with ws.tx() as s:
                reference = compute(StoreRecordSource(s), flt, AS_OF)
            assert figures_for(ws, flt, AS_OF) == reference, flt
        with ws.tx() as s:  # an edit after the conversion keeps the counts exact
            rescue = s.scalars(select(Rescue).order_by(Rescue.id)).first()
            assert rescue is not None and rescue.operation_date is not None
            rescue.operation_date -= dt.timedelta(days=400)
        with ws.tx() as s:
            assert counters.check(s.connection(), store_counts.StoreCases(s)) == []
            reference = compute(StoreRecordSource(s), PERIODS[1], AS_OF)
        assert figures_for(ws, PERIODS[1], AS_OF) == reference
    finally:
        ws.close()


def test_a_0013_store_converts_row_for_row(tmp_path: Path) -> None:
    root = _at_0013(tmp_path)
    revision, before = _text_form(root)
    counts, cases, roll = before
    assert revision == BEFORE and counts and cases and roll
    _upgrade(root)
    assert _text_form(root) == (migrate.head_revision(), before)
    _check_converted(root)


def test_a_store_never_counted_is_counted_from_its_records(tmp_path: Path) -> None:
    root = _at_0013(tmp_path, counted=False)
    revision, (counts, cases, roll) = _text_form(root)
    assert revision == BEFORE and not counts and not cases and not roll
    _upgrade(root)
    assert _text_form(root) == (migrate.head_revision(), _text_form(
        _at_0013(tmp_path / "counted"))[1])
    _check_converted(root)


def test_a_kill_midway_leaves_the_0013_store_which_then_converts(tmp_path: Path) -> None:
    root = _at_0013(tmp_path)
    before = _text_form(root)
    upgrade_killed(root, AFTER_ROLL_ALL)
    assert _text_form(root) == before  # the transaction never committed
    _upgrade(root)
    assert _text_form(root) == (migrate.head_revision(), before[1])
    _check_converted(root)
