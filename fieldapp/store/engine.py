"""The SQLCipher engine: a raw 256-bit key as the first statement, then the safety pragmas."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event

from fieldapp.crypto import memory
from fieldapp.domain.errors import StorageFull, StoreCorrupt
from fieldapp.store.compact import own_device, set_own_device

#: Run on every new connection, after the key. `synchronous=FULL`: a statement that
#: returned survives a power cut. `secure_delete` zeroes freed pages; `temp_store=MEMORY`
#: keeps sorts and temp tables off the disk.
#: SQLCipher's wipe-and-lock of every allocation: the policy and why it is off are in
#: fieldapp/crypto/memory.py (benchmarks set it per process to measure both).
MEMORY_SECURITY = memory.SQLCIPHER_MEMORY_SECURITY
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
        spec = raw_key_spec(key)
        try:
            conn.set_key(spec)  # sqlite3_key: the key never becomes a Python string
        finally:
            memory.wipe(spec)
            memory.scrub_freed_heap()
    return conn


_HEX = b"0123456789abcdef"


def raw_key_spec(key: bytes | bytearray) -> bytearray:
    """SQLCipher's raw-key form, ``x'<64 hex digits>'`` (no key derivation), in a buffer the
    caller zeroes; written digit by digit, so no immutable copy of the key's text is made."""
    spec = bytearray(b"x'")
    for byte in key:
        spec.append(_HEX[byte >> 4])
        spec.append(_HEX[byte & 15])
    spec.append(ord("'"))
    return spec


def open_engine(path: Path, key: bytes | bytearray | None) -> Engine:
    """Return an engine on `path`, keyed with `key` (None only for plain-SQLite benchmarks).

    Raises StoreCorrupt if the file is not a database this key opens, or fails SQLCipher's
    page HMAC check; nothing is written before that check passes.
    """
    check_integrity(path, key)

    def creator() -> Any:
        fresh = not path.exists()
        conn = _raw_connect(path, key)
        if fresh:
            # Before the first table: a new store can give freed pages back (an older one
            # is converted once, `store.migrate.reclaim_space`). Not on every connection:
            # on an existing file this pragma waits for the write lock.
            conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
        for pragma in CONNECTION_PRAGMAS:
            conn.execute(pragma)
        conn.execute("PRAGMA journal_mode = WAL")
        return conn

    # hide_parameters: SQL errors must never carry victims' names into logs or messages.
    engine = create_engine(
        f"sqlite:///{path}", creator=creator, module=sqlcipher3, hide_parameters=True
    )

    # The records' column types store the store's own device as nothing (`store.compact.
    # DeviceId`): the engine learns it from the first connection (or `Store.set_device`).
    @event.listens_for(engine, "connect")
    def _own_device(conn: Any, _record: Any) -> None:
        if not own_device(engine.dialect)[0]:
            try:
                row = conn.execute("SELECT id FROM device LIMIT 1").fetchone()
            except sqlcipher3.OperationalError:  # a new store: no device table yet
                return
            if row is not None:
                set_own_device(engine.dialect, row[0])

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
        full = storage_error(exc, path.parent)
        if full is not None:
            raise full from exc  # a full or read-only disk is not damage: say so
        raise StoreCorrupt(
            "the database failed its integrity check (it was altered, damaged, or is not a "
            "fieldapp store); nothing was written"
        ) from exc
    finally:
        conn.close()


# -- a full disk or a read-only folder ----------------------------------------------------
_SQLITE_READONLY, _SQLITE_IOERR, _SQLITE_FULL, _SQLITE_CANTOPEN = 8, 10, 13, 14
_STORAGE_ERRNOS = frozenset({errno.ENOSPC, errno.EROFS, errno.EDQUOT})
#: Below this much free space an I/O error or a file that cannot be opened is a full disk.
_LOW_SPACE = 512 * 1024


def _causes(exc: BaseException) -> list[BaseException]:
    """`exc`, what SQLAlchemy wrapped (`.orig`), and its causes and contexts."""
    found: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop()
        if e is None or any(e is f for f in found) or len(found) > 20:
            continue
        found.append(e)
        todo += [getattr(e, "orig", None), e.__cause__, e.__context__]
    return [e for e in found if isinstance(e, BaseException)]


def folder_unwritable(folder: Path) -> StorageFull | None:
    """StorageFull if `folder`'s filesystem is read-only or (nearly) full, else None."""
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):  # gone, or not a POSIX system (Windows)
        return None
    if st.f_flag & os.ST_RDONLY:
        return StorageFull(read_only=True)
    if st.f_bavail * st.f_frsize < _LOW_SPACE:
        return StorageFull()
    return None


def storage_error(exc: BaseException, folder: Path | None) -> StorageFull | None:
    """`exc` as StorageFull when a full disk or a read-only folder caused it, else None.

    SQLite says SQLITE_FULL or SQLITE_READONLY plainly; for an I/O error or a file it
    could not open, the folder's filesystem decides (a read-only mount, or no space left).
    """
    for e in _causes(exc):
        if isinstance(e, StorageFull):
            return e
        if isinstance(e, OSError) and e.errno in _STORAGE_ERRNOS:
            return StorageFull(read_only=e.errno == errno.EROFS)
        code = getattr(e, "sqlite_errorcode", None)
        if code is None:
            continue
        primary = int(code) & 0xFF
        if primary == _SQLITE_FULL:
            return StorageFull()
        if primary == _SQLITE_READONLY:
            return StorageFull(read_only=True)
        if primary in (_SQLITE_IOERR, _SQLITE_CANTOPEN) and folder is not None:
            return folder_unwritable(folder)
    return None


def give_back_free_pages(conn: Any) -> int:
    """Return the store's free pages to the file system (`auto_vacuum = INCREMENTAL`);
    how many. Called after HQ acknowledged a push and the outbox was compacted."""
    free = int(conn.exec_driver_sql("PRAGMA freelist_count").scalar() or 0)
    if free:
        # Each step of this pragma frees one page; the driver's cursor steps it to the end.
        cursor = conn.connection.dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA incremental_vacuum").fetchall()
        finally:
            cursor.close()
    return free
