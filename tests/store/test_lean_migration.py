"""Migration 0010_h16store3_lean on a store at revision 0009 (the committed fixture store of
`test_compact_migration`, brought to 0009): every row reads back as it did, the search finds
the same cases, the audit chain verifies with hashes kept only at checkpoints, a kill midway
leaves the 0009 store, which opens and converts, and sync works both ways afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from fieldapp.hq.models import Device as HqDevice
from fieldapp.services import auth, sync
from fieldapp.store import audit, migrate
from fieldapp.store.engine import open_engine
from fieldapp.store.models import AuditEvent, Rescue
from tests.conftest import PASSPHRASE
from tests.support.fixturestore import fixture_at, upgrade
from tests.support.hqserver import make_settings, running_server
from tests.support.storedump import dump, search_hits, updated_as_created
from tests.support.syncenv import case_numbers, colleague_closes_one, fast_options, repoint, unlock

BEFORE = "0009_h16fig2_buckets"
QUERIES = ["POIPET", "sok", "~SRMM~", "012", "ស"]


def _state(root: Path) -> tuple[str | None, dict[str, Any], dict[str, list[str]],
                                tuple[int, int | None], list[tuple[Any, ...]]]:
    """(revision, every row, search hits, the chain's check, the raw audit columns)."""
    engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", PASSPHRASE))
    try:
        revision = migrate.current_revision(engine)
        with Session(engine) as s:
            raw = [tuple(r) for r in s.execute(text(
                "SELECT seq, typeof(action), length(device_id), length(hash) "
                "FROM audit_event ORDER BY seq"))]
            raw.append(tuple(r[0] for r in s.execute(text(
                "SELECT DISTINCT typeof(entity) || typeof(post_code) FROM outbox_sent"))))
            return (revision, dump(s), search_hits(s, QUERIES),
                    audit.verify_chain(s), raw)
    finally:
        engine.dispose()


def _check_lean(raw: list[tuple[Any, ...]]) -> None:
    assert raw[-1] == ("blobblob",)  # the sent outbox's record kinds and (own) posts
    raw = raw[:-1]
    last = raw[-1][0]
    assert {r[1] for r in raw} == {"blob"}  # every action of the fixture has a code
    assert {r[2] for r in raw} == {0}  # all the fixture's events are its own device's
    assert [r[0] for r in raw if r[3]] == [
        s for s, *_ in raw if s % audit.CHECKPOINT_EVERY == 0 or s == last]


def test_0009_converts_row_for_row(tmp_path: Path) -> None:
    root = fixture_at(tmp_path, BEFORE, "device")
    revision, rows, hits, chain, raw = _state(root)
    assert revision == BEFORE and chain[1] is None and {r[3] for r in raw[:-1]} == {32}
    upgrade(root)
    after = _state(root)
    assert after[0] == migrate.head_revision()
    assert after[1] == updated_as_created(rows) and after[2] == hits and after[3] == chain
    _check_lean(after[4])
    upgrade(root)  # again: nothing changes
    assert _state(root)[1:] == after[1:]


def test_an_event_edited_after_conversion_is_caught(tmp_path: Path) -> None:
    root = fixture_at(tmp_path, BEFORE, "device")
    upgrade(root)
    engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", PASSPHRASE))
    try:
        with Session(engine) as s, s.begin():
            s.execute(text("UPDATE audit_event SET username = 'x' WHERE seq = 5"))
        with Session(engine) as s:
            assert audit.verify_chain(s)[1] == 1  # no checkpoint before seq 64
    finally:
        engine.dispose()


_KILL_MIDWAY = r'''
import os, signal, sys
from pathlib import Path
from sqlalchemy.engine import Connection
from fieldapp.services import auth
from fieldapp.store import migrate
from fieldapp.store.engine import open_engine

root = Path(sys.argv[1])
real = Connection.exec_driver_sql

def dying(self, statement, *args, **kw):  # after the audit rows are rewritten, uncommitted
    if "UPDATE outbox_sent SET entity" in statement:
        os.kill(os.getpid(), signal.SIGKILL)
    return real(self, statement, *args, **kw)

Connection.exec_driver_sql = dying
engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", sys.argv[2]))
migrate.upgrade(engine)
'''


def test_a_kill_midway_leaves_the_0009_store_which_then_converts(tmp_path: Path) -> None:
    root = fixture_at(tmp_path, BEFORE, "device")
    before = _state(root)
    repo = Path(__file__).resolve().parents[2]
    run = subprocess.run([sys.executable, "-c", _KILL_MIDWAY, str(root), PASSPHRASE],
                         cwd=repo, capture_output=True, text=True, check=False, timeout=300,
                         env={**os.environ, "PYTHONPATH": str(repo)})
    assert run.returncode == -signal.SIGKILL, run.stderr[-2000:]
    assert _state(root) == before  # the transaction never committed
    upgrade(root)
    after = _state(root)
    assert after[0] == migrate.head_revision() and after[2:4] == before[2:4]
    assert after[1] == updated_as_created(before[1])
    _check_lean(after[4])


def test_sync_works_both_ways_after_the_conversion(tmp_path: Path) -> None:
    root = fixture_at(tmp_path, BEFORE, "device", "hq", "hq-keymedia")
    with running_server(make_settings(tmp_path / "hq", None)) as hq:
        ws = unlock(root)  # converts
        try:
            hq_id = repoint(ws, hq)
            assert sync.sync_round(ws, options=fast_options()).pending == 0
            ours = case_numbers(ws)
            with ws.tx() as s:
                last = s.scalar(select(AuditEvent.seq).order_by(AuditEvent.seq.desc()))
        finally:
            ws.close()
        with hq.hq.sessions() as hs:
            dev = hs.get(HqDevice, hq_id)
            assert dev is not None
            assert (dev.audit_acked_seq, dev.audit_broken_seq) == (last, None)
        first = colleague_closes_one(tmp_path / "other", hq, ours)
        ws = unlock(root)
        try:
            assert sync.sync_round(ws, options=fast_options()).pending == 0
            with ws.tx() as s:
                assert s.get(Rescue, first).closure_reason == "other"  # type: ignore[union-attr]
                assert audit.verify_chain(s)[1] is None
        finally:
            ws.close()
        with hq.hq.sessions() as hs:
            dev = hs.get(HqDevice, hq_id)
            assert dev is not None and dev.audit_broken_seq is None
