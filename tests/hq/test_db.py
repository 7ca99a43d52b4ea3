"""HQ's database plumbing: the pool fits the request threads; stored JSON reads back as sent."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from fieldapp.hq import db
from tests.support.hqserver import PG_URL


def test_the_postgresql_pool_has_a_connection_for_every_request_thread() -> None:
    engine = db.make_engine(PG_URL)  # no connection is made until one is used
    try:
        assert engine.pool.size() >= db.REQUEST_THREADS  # type: ignore[attr-defined]
    finally:
        engine.dispose()


def test_json_written_reads_back_as_the_json_module_would() -> None:
    value = {"name_km": ["សុខា ចាន់", "0001733123456789:0000:abcdef"], "age": [23, "s"],
             "languages": [["km", "th"], "s"], "big": [2**62, "s"], "none": [None, "s"],
             "flag": [True, "s"], "nested": [{"a": [1, 2.5]}, "s"]}
    assert json.loads(db.json_text(value)) == value
    assert json.loads(db.json_bytes(value)) == value


def _threads_named(name: str) -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == name and t.is_alive()]


def test_sqlite_checkpoints_on_its_own_thread_and_the_database_file_gets_every_commit(
        tmp_path: Path) -> None:
    """A commit leaves the write-ahead log to the checkpointer's thread (the commit itself
    only checkpoints past a backstop far above one push), and that thread copies every
    committed page into the database file; disposing of the engine stops it."""
    path = tmp_path / "hq.sqlite3"
    engine = db.make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() \
                == db.WAL_BACKSTOP_PAGES
        with engine.begin() as conn:  # ~8 MB: past SQLite's own 1000-page checkpoint
            conn.exec_driver_sql("CREATE TABLE t (v BLOB)")
            conn.exec_driver_sql("INSERT INTO t SELECT randomblob(4000) FROM "
                                 "(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                 "FROM n WHERE i < 2000) SELECT i FROM n)")
        with engine.connect() as conn:
            size = (conn.exec_driver_sql("PRAGMA page_count").scalar() or 0) \
                * (conn.exec_driver_sql("PRAGMA page_size").scalar() or 0)
        assert size > 8_000_000
        deadline = time.monotonic() + 60  # a deadline for the thread, not a speed measure
        while path.stat().st_size < size and time.monotonic() < deadline:
            time.sleep(0.05)
        assert path.stat().st_size >= size
        assert _threads_named(f"{db.CHECKPOINT_THREAD} {path}")
    finally:
        engine.dispose()
    assert not _threads_named(f"{db.CHECKPOINT_THREAD} {path}")
