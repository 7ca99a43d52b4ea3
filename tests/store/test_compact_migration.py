"""Migration 0008_h16store2_compact on a store the code of revision 0007 wrote and synced
(`tests/data/stores/compact_0007`): every row reads back as it did, the search finds the
same cases, the audit chain verifies, the report counters equal those made again from the
converted records (and their figures the reference computation), sync works both ways, and a kill midway leaves a
store that opens and converts."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import text

from fieldapp.reports import store_counts
from fieldapp.reports.definitions import ReportFilter
from fieldapp.reports.figures import compute
from fieldapp.reports.source import StoreRecordSource
from fieldapp.services import auth, sync
from fieldapp.services.figures import figures_for
from fieldapp.store import migrate
from fieldapp.store.audit import verify_chain
from fieldapp.store.engine import open_engine
from fieldapp.store.models import SEALING_VERSION, Rescue
from tests.conftest import PASSPHRASE
from tests.support.hqserver import make_settings, running_server
from tests.support.storedump import counters, dump, opened, search_hits, updated_as_created
from tests.support.syncenv import case_numbers, colleague_closes_one, fast_options, repoint, unlock

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "stores" / "compact_0007"
BEFORE = "0007_h16fig_counters"
AS_OF = dt.date(2026, 12, 31)
EXPECTED: dict[str, Any] = json.loads((FIXTURE / "rows.json").read_text("utf-8"))


def _copy(tmp_path: Path, *parts: str) -> Path:
    for part in parts:
        shutil.copytree(FIXTURE / part, tmp_path / part)
    return tmp_path / "device"


def _revision_and_raw(root: Path) -> tuple[str | None, str]:
    engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", PASSPHRASE))
    try:
        with engine.connect() as conn:
            raw = conn.execute(text("SELECT typeof(id) FROM rescue LIMIT 1")).scalar_one()
        return migrate.current_revision(engine), str(raw)
    finally:
        engine.dispose()


def _check_converted(root: Path) -> None:
    """Every row as the 0007 code read it, the same search hits and audit chain; compact."""
    ws = unlock(root)
    try:
        assert ws.store.statement_key is not None
        key = bytes(ws.store.statement_key)  # a copy: closing the store wipes its keys
        with ws.tx() as s:
            rows = dump(s)
            hits = search_hits(s, list(EXPECTED["search"]))
            checked, broken = verify_chain(s)
            kept = counters(s)
            store_counts.rebuild(s)  # the counters made again from the converted records
            rebuilt = counters(s)
            conn = s.connection()
            kinds = {q: {r[0] for r in conn.execute(text(q))} for q in (
                "SELECT typeof(id) FROM victim", "SELECT typeof(rescue_id) FROM victim",
                "SELECT typeof(created_at) FROM referral_event", "SELECT typeof(hlc) FROM rescue",
                "SELECT typeof(narrative) FROM statement WHERE narrative != ''",
                "SELECT typeof(rescue_id) FROM search_doc", "SELECT typeof(hlc) FROM outbox")}
        for year in (2024, 2025, 2026):
            flt = ReportFilter.year(year)
            with ws.tx() as s:
                reference = compute(StoreRecordSource(s), flt, AS_OF)
            assert figures_for(ws, flt, AS_OF) == reference
    finally:
        ws.close()
    # Migration 0009 (after this one) lays the counters out anew and rebuilds them, so
    # they are compared with a rebuild from the converted records, and the figures they
    # give with the reference computation for each year (above), not with 0007's rows.
    assert kept == rebuilt
    # Unlocking adds audit events (a login): the ones the old code wrote are unchanged.
    old_audit = EXPECTED["rows"]["audit_event"]
    last = max(e["seq"] for e in old_audit)
    assert [e for e in rows.pop("audit_event") if e["seq"] <= last] == old_audit
    expected = updated_as_created(
        {k: v for k, v in EXPECTED["rows"].items() if k != "audit_event"})
    # The unlock sealed the statements again, compressed (`store.sealing.seal_existing`): the
    # same content, other sealed bytes; so statements compare opened.
    assert [d["sealing"] for d in expected["device"]] == [2]
    expected["device"] = [{**d, "sealing": SEALING_VERSION} for d in expected["device"]]
    assert opened(rows, key) == opened(expected, key)
    assert hits == EXPECTED["search"]
    assert broken is None and checked >= EXPECTED["chain"][0]
    assert kinds == {
        "SELECT typeof(id) FROM victim": {"blob"},
        "SELECT typeof(rescue_id) FROM victim": {"blob"},
        "SELECT typeof(created_at) FROM referral_event": {"integer"},
        "SELECT typeof(hlc) FROM rescue": {"blob"},
        "SELECT typeof(narrative) FROM statement WHERE narrative != ''": {"blob"},
        "SELECT typeof(rescue_id) FROM search_doc": {"blob"},
        "SELECT typeof(hlc) FROM outbox": {"blob"}}


def test_an_older_store_converts_row_for_row(tmp_path: Path) -> None:
    root = _copy(tmp_path, "device")
    assert _revision_and_raw(root) == (BEFORE, "text")
    before = (root / "fieldapp.db").stat().st_size
    _check_converted(root)
    assert _revision_and_raw(root) == (migrate.head_revision(), "blob")
    assert (root / "fieldapp.db").stat().st_size < before


_KILL_MIDWAY = r'''
import os, signal, sys
from pathlib import Path
import fieldapp.store.compact as compact
from fieldapp.services import auth
from fieldapp.store import migrate
from fieldapp.store.engine import open_engine

root = Path(sys.argv[1])
calls = 0
real = compact.id_bytes

def dying(text):  # the migration's id conversion, killed at its 150th value
    global calls
    calls += 1
    if calls == 150:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(text)

key = auth.unlock_key(root, "sup", sys.argv[2])
engine = open_engine(root / "fieldapp.db", key)
compact.id_bytes = dying  # before alembic loads the revision, which imports it
migrate.upgrade(engine)
'''


def test_a_kill_midway_leaves_the_older_store_which_then_converts(tmp_path: Path) -> None:
    root = _copy(tmp_path, "device")
    run = subprocess.run([sys.executable, "-c", _KILL_MIDWAY, str(root), PASSPHRASE],
                         cwd=Path(__file__).resolve().parents[2], capture_output=True,
                         text=True, check=False, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert run.returncode == -signal.SIGKILL, run.stderr[-2000:]
    assert _revision_and_raw(root) == (BEFORE, "text")  # the transaction never committed
    _check_converted(root)


def test_sync_works_both_ways_after_the_conversion(tmp_path: Path) -> None:
    root = _copy(tmp_path, "device", "hq", "hq-keymedia")
    with running_server(make_settings(tmp_path / "hq", None)) as hq:
        ws = unlock(root)
        try:
            repoint(ws, hq)
            pushed = sync.sync_round(ws, options=fast_options())
            assert pushed.pending == 0
            ours = case_numbers(ws)
        finally:
            ws.close()
        first = colleague_closes_one(tmp_path / "other", hq, ours)
        ws = unlock(root)
        try:
            sync.sync_round(ws, options=fast_options())
            with ws.tx() as s:
                assert s.get(Rescue, first).closure_reason == "other"  # type: ignore[union-attr]
                assert verify_chain(s)[1] is None
        finally:
            ws.close()
