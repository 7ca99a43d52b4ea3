"""The SQLCipher engine: a raw 256-bit key as the first statement, then the safety pragmas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event

from fieldapp.domain.errors import StoreCorrupt

#: Run on every new connection, after the key. `synchronous=FULL`: a statement that
#: returned survives a power cut. `secure_delete` zeroes freed pages; `temp_store=MEMORY`
#: keeps sorts and temp tables off the disk.
#: SQLCipher wipes (and locks) every allocation it frees. Required for a lost laptop's RAM;
#: it is the main cost of encryption here, so benchmarks also measure it switched off.
MEMORY_SECURITY = "ON"
CONNECTION_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = FULL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    "PRAGMA busy_timeout = 5000",
)


def _raw_connect(path: Path, key: bytes | bytearray | None) -> Any:
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    if key is not None:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute("PRAGMA cipher_memory_security = " + MEMORY_SECURITY)
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def open_engine(path: Path, key: bytes | bytearray | None) -> Engine:
    """Return an engine on `path`, keyed with `key` (None only for plain-SQLite benchmarks).

    Raises StoreCorrupt if the file is not a database this key opens, or fails SQLCipher's
    page HMAC check; nothing is written before that check passes.
    """
    check_integrity(path, key)

    def creator() -> Any:
        conn = _raw_connect(path, key)
        for pragma in CONNECTION_PRAGMAS:
            conn.execute(pragma)
        conn.execute("PRAGMA journal_mode = WAL")
        return conn

    # hide_parameters: SQL errors must never carry victims' names into logs or messages.
    engine = create_engine(
        f"sqlite:///{path}", creator=creator, module=sqlcipher3, hide_parameters=True
    )

    # pysqlite's own transaction handling is broken for SAVEPOINT and DDL; take over, as
    # SQLAlchemy's docs recommend, and start every transaction with BEGIN IMMEDIATE so a
    # second writer waits instead of failing half way. Foreign keys are checked at COMMIT
    # (still enforced), so one flush may insert a batch's rows in any table order.
    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
        conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")

    return engine


def check_integrity(path: Path, key: bytes | bytearray | None) -> None:
    """Read every page of an existing database and verify it; raise StoreCorrupt if not."""
    if not path.exists():
        return
    conn = _raw_connect(path, key)
    try:
        if key is not None:
            problems = conn.execute("PRAGMA cipher_integrity_check").fetchall()
            if problems:
                raise StoreCorrupt(
                    "the database failed its integrity check (it was altered or damaged); "
                    "nothing was written — restore from backup or ask HQ to recover it"
                )
        row = conn.execute("PRAGMA quick_check").fetchone()
        if not row or row[0] != "ok":
            raise StoreCorrupt("the database failed its integrity check; nothing was written")
    except sqlcipher3.DatabaseError as exc:
        raise StoreCorrupt(
            "the database failed its integrity check (it was altered, damaged, or is not a "
            "fieldapp store); nothing was written"
        ) from exc
    finally:
        conn.close()
