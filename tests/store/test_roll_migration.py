"""Migration 0010_h16fig3_rollup on a store at revision 0009 (the committed 0007 store of
`tests/data/stores/compact_0007`, brought to 0009 by the migrations): `figure_count` keeps
every count in its WITHOUT ROWID form, the yearly sums equal the counts summed, the figures
over one and several years equal the reference computation, and a kill midway leaves the
0009 store, which opens and converts."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import text

from fieldapp.reports import counters, store_counts
from fieldapp.reports.definitions import ReportFilter
from fieldapp.reports.figures import compute
from fieldapp.reports.source import StoreRecordSource
from fieldapp.services import auth
from fieldapp.services.figures import figures_for
from fieldapp.store import migrate
from fieldapp.store.engine import open_engine
from tests.conftest import PASSPHRASE
from tests.support.syncenv import unlock

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "stores" / "compact_0007" / "device"
BEFORE = "0009_h16fig2_buckets"
AS_OF = dt.date(2026, 12, 31)
PERIODS = [ReportFilter.year(2025), ReportFilter(dt.date(2024, 1, 1), dt.date(2026, 12, 31)),
           ReportFilter(dt.date(2023, 7, 1), dt.date(2026, 2, 28), post="POIPET"),
           ReportFilter(dt.date(2017, 1, 1), dt.date(2026, 12, 31), exploitation_type="labour")]
_COUNTS = "SELECT fig, month, province, post, type, a, b, n FROM figure_count"


def _at_0009(tmp_path: Path) -> Path:
    root = tmp_path / "device"
    shutil.copytree(FIXTURE, root)
    engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", PASSPHRASE))
    try:
        migrate.upgrade(engine, BEFORE)
    finally:
        engine.dispose()
    return root


def _read(root: Path, *queries: str) -> tuple[str | None, list[Any]]:
    engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", PASSPHRASE))
    try:
        with engine.connect() as conn:
            return migrate.current_revision(engine), [
                sorted(tuple(r) for r in conn.execute(text(q))) for q in queries]
    finally:
        engine.dispose()


def _check_converted(root: Path, counts: list[Any]) -> None:
    ws = unlock(root)  # converts
    try:
        with ws.tx() as s:
            conn = s.connection()
            assert sorted(tuple(r) for r in conn.execute(text(_COUNTS))) == counts
            assert "WITHOUT ROWID" in conn.execute(text(
                "SELECT sql FROM sqlite_master WHERE name = 'figure_count'")).scalar_one()
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
    revision, (counts,) = _read(root, _COUNTS)
    assert revision == BEFORE and counts
    _check_converted(root, counts)


_KILL_MIDWAY = r'''
import os, signal, sys
from pathlib import Path
import fieldapp.reports.counters as counters
from fieldapp.services import auth
from fieldapp.store import migrate
from fieldapp.store.engine import open_engine

root = Path(sys.argv[1])
real = counters.roll_all

def dying(conn):  # the yearly sums written, the old table gone, nothing committed yet
    real(conn)
    os.kill(os.getpid(), signal.SIGKILL)

counters.roll_all = dying
engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", sys.argv[2]))
migrate.upgrade(engine)
'''


def test_a_kill_midway_leaves_the_0009_store_which_then_converts(tmp_path: Path) -> None:
    root = _at_0009(tmp_path)
    _, (counts,) = _read(root, _COUNTS)
    repo = Path(__file__).resolve().parents[2]
    run = subprocess.run([sys.executable, "-c", _KILL_MIDWAY, str(root), PASSPHRASE],
                         cwd=repo, capture_output=True, text=True, check=False, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(repo)})
    assert run.returncode == -signal.SIGKILL, run.stderr[-2000:]
    assert _read(root, _COUNTS) == (BEFORE, [counts])  # the transaction never committed
    _check_converted(root, counts)
