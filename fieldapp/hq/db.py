"""HQ database engine: SQLite in the data directory by default, PostgreSQL by URL; migrations."""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from operator import itemgetter
from pathlib import Path
from typing import Any

import msgspec
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    ARRAY,
    JSON,
    BigInteger,
    Engine,
    String,
    Table,
    any_,
    bindparam,
    create_engine,
    event,
    text,
)
from sqlalchemy.orm import Session, sessionmaker

from fieldapp.crypto.atomic import write_private
from fieldapp.domain.errors import Phrase
from fieldapp.store.migrate import refuse_newer

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_FILE = "hq.sqlite3"

#: Arbitrary constant: the PostgreSQL advisory lock that serialises change-log writers.
FEED_LOCK = 0x46414531
#: Shared by every push under way, taken alone by HQ's own feed writers (`lock_feed`).
WRITERS_LOCK = 0x46414532
#: Key space of the two-key advisory locks that serialise one device's pushes.
DEVICE_LOCKS = 0x44455631

#: Threads that run requests in one HQ process (the ASGI server's thread pool,
#: `fieldapp.hq.app`); each may hold a database connection, so the pool has as many.
REQUEST_THREADS = 16

_ENCODER = msgspec.json.Encoder()


def json_bytes(value: Any) -> bytes:
    """`value` as compact UTF-8 JSON: what HQ stores (a tenth of `json.dumps`' time; the
    ingest writes every change's fields twice and seals each protected value)."""
    return _ENCODER.encode(value)


def json_text(value: Any) -> str:
    return _ENCODER.encode(value).decode("utf-8")


class JsonText(str):
    """A JSON column's value already written as its text (`json_text`): `bulk_insert` stores
    it as it is (one text for a change's log entry and the new record it makes)."""

    __slots__ = ()


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / SQLITE_FILE).resolve()}"


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite:///") and not url.endswith(":memory:"):
        # The file holds victims' data: create it private before SQLite makes it 0644.
        path = Path(url.removeprefix("sqlite:///"))
        if path.parent.is_dir():
            with suppress(FileExistsError):
                write_private(path, b"", exclusive=True)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30},
                               json_serializer=json_text)

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            if checkpointer is not None:
                # Checkpoints run on the checkpointer's thread; a request's commit copies
                # the log into the database only if that thread falls far behind.
                cur.execute(f"PRAGMA wal_autocheckpoint={WAL_BACKSTOP_PAGES}")
            cur.close()

        file = url.removeprefix("sqlite:///")
        # A file named plainly (no query, not in memory): the checkpointer opens it by name.
        checkpointer = (WalCheckpointer(file) if url.startswith("sqlite:///") and file
                        and "?" not in file and not file.endswith(":memory:") else None)
        if checkpointer is not None:
            event.listen(engine.pool, "checkin", lambda *_a: checkpointer.notify())
            event.listen(engine, "engine_disposed", lambda *_a: checkpointer.close())
        return engine
    # One connection per request thread, none waiting for another's (the default pool of
    # 5 + 10 overflow made requests queue behind each other under 20 pushing devices).
    return create_engine(url, pool_pre_ping=True, json_serializer=json_text,
                         pool_size=REQUEST_THREADS, max_overflow=4, pool_timeout=60)


#: The write-ahead log's size (pages) at which a commit checkpoints it itself, as SQLite's
#: default of 1000 pages would at every push: only if `WalCheckpointer` falls behind.
WAL_BACKSTOP_PAGES = 16384
#: The checkpointer's thread is named this and the database's path.
CHECKPOINT_THREAD = "hq-wal-checkpoint"


class WalCheckpointer:
    """Copies an SQLite database's write-ahead log into the database on a thread of its own.

    With SQLite's automatic checkpoint, the commit that takes the log past 1000 pages
    (4 MB; one push of 500 changes writes more) copies it into the database file and
    syncs it, while the device waits for the answer: 10-20 ms of every push. Here each
    connection returned to the pool (a transaction ended) wakes this thread, which runs a
    PASSIVE checkpoint: it never blocks a writer or a reader, and what it could not copy
    yet it copies on the next wake. The database file gets the same writes and syncs
    (``synchronous=NORMAL``), so a committed push is as durable as before; a commit still
    checkpoints itself if the log grows past `WAL_BACKSTOP_PAGES`.
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.Lock()
        #: The thread, its wake-up, its stop flag, and the process that started it (a forked
        #: child has the engine but not the thread: it starts its own).
        self._running: tuple[threading.Thread, threading.Event, list[bool], int] | None = None

    def notify(self) -> None:
        """A transaction ended: checkpoint soon (the thread starts on first use)."""
        with self._lock:
            if self._running is None or self._running[3] != os.getpid():
                wake, stop = threading.Event(), [False]
                thread = threading.Thread(target=self._run, args=(wake, stop),
                                          name=f"{CHECKPOINT_THREAD} {self.path}",
                                          daemon=True)
                self._running = (thread, wake, stop, os.getpid())
                thread.start()
            self._running[1].set()

    def _run(self, wake: threading.Event, stop: list[bool]) -> None:
        conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        try:
            while True:
                wake.wait()
                wake.clear()
                if stop[0]:
                    return
                with suppress(sqlite3.Error):  # busy or gone: the next wake tries again
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
        finally:
            conn.close()

    def close(self) -> None:
        """Stop the thread (the engine was disposed; a later use starts it again)."""
        with self._lock:
            running, self._running = self._running, None
        if running is not None and running[3] == os.getpid():
            thread, wake, stop, _pid = running
            stop[0] = True
            wake.set()
            if thread is not threading.current_thread():
                thread.join(30)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (run on every start; idempotent)."""
    cfg = alembic_config()
    with engine.begin() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        refuse_newer(ScriptDirectory.from_config(cfg), current, Phrase("HQ database"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def lock_feed(session: Session) -> None:
    """Serialise writers of the change feed until the transaction ends: this transaction
    writes alone, while no push is under way (HQ's own writers: reference data, matches,
    enrolment, released parked changes, the figures' repair).

    Pulls page by server_seq; if two workers committed seq 11 before seq 10, a pull in
    between would move its cursor past 10 and never see it. One writer of feed positions at
    a time (PostgreSQL advisory locks; SQLite has a single writer anyway) rules that out: a
    transaction takes its positions after the lock and commits before it is released, so
    positions become visible in their order. Pushes share `WRITERS_LOCK` (`enter_push`) and
    take `FEED_LOCK` only for their last step (`lock_feed_positions`), so they run in
    parallel with each other; this waits for every push under way and keeps new ones out.
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITERS_LOCK})
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": FEED_LOCK})


def enter_push(session: Session, device_id: str) -> None:
    """A push begins: alongside other pushes (`WRITERS_LOCK` shared; `lock_feed` waits for
    it) and alone among this device's pushes, until the transaction ends.

    A device's pushes read and move its acknowledgement and decide which of its seqs are
    duplicates: a resend arriving while the first send is still being applied waits for it
    and then finds its changes held. (Two-key advisory lock: its own key space.)
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock_shared(:k)"), {"k": WRITERS_LOCK})
        session.execute(text("SELECT pg_advisory_xact_lock(:ns, hashtext(:d))"),
                        {"ns": DEVICE_LOCKS, "d": device_id})


def lock_feed_positions(session: Session) -> None:
    """A push's last step: its feed positions, writes and commit, one push at a time (see
    `lock_feed`)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": FEED_LOCK})


def locking(session: Session, query: Any) -> Any:
    """`query` locking the rows it reads until the transaction ends (PostgreSQL; SQLite
    has a single writer). The ingest reads every record it may write this way, so two
    pushes that touch one record (or add children under one parent) merge one after the
    other, each against what the other wrote."""
    if session.get_bind().dialect.name == "postgresql":
        return query.with_for_update()
    return query


def sqlstate(exc: BaseException) -> str | None:
    """PostgreSQL's error code of `exc`: raised through SQLAlchemy (``exc.orig``) or by the
    driver itself (`bulk_insert`'s COPY); None for any other error."""
    for err in (exc, getattr(exc, "orig", None)):
        code = getattr(err, "sqlstate", None)
        if isinstance(code, str):
            return code
    return None


def is_deadlock(exc: BaseException) -> bool:
    """Whether PostgreSQL chose this transaction as a deadlock's victim (it rolled back:
    running it again is safe)."""
    return sqlstate(exc) == "40P01"


def is_unique_violation(exc: BaseException) -> bool:
    return sqlstate(exc) == "23505"


def among(session: Session, column: Any, values: Sequence[Any]) -> Any:
    """``column IN values``; on PostgreSQL one array parameter (``= ANY``), which costs far
    less to send than a parameter per value."""
    if values and session.get_bind().dialect.name == "postgresql":
        kind = String if isinstance(values[0], str) else BigInteger
        return column == any_(bindparam(None, list(values), type_=ARRAY(kind)))
    return column.in_(values)


def bulk_insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows (all with the same keys): PostgreSQL's COPY, else one executemany.

    JSON columns are given as their values (serialised here, as SQLAlchemy's JSON type does)
    or as `JsonText`, stored as it is. At least two columns.
    """
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        # One executemany of plain tuples, each value put as its column type puts it:
        # SQLAlchemy's compiled insert rebuilt and re-checked the parameters of every row.
        conn = session.connection()
        names = list(rows[0])
        conn.exec_driver_sql(
            f"INSERT INTO {table.name} ({', '.join(names)}) "
            f"VALUES ({', '.join('?' * len(names))})", _driver_rows(conn, table, names, rows))
        return
    names = list(rows[0])
    as_json = {n for n in names if isinstance(table.c[n].type, JSON)}
    raw = session.connection().connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy(
            f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([json_text(row[n]) if n in as_json and type(row[n]) is not JsonText
                            else row[n] for n in names])


def _driver_rows(conn: Any, table: Table, names: list[str],
                 rows: list[dict[str, Any]]) -> list[Any]:
    """`rows` as the driver takes them: values in `names`' order, each put as its column
    type puts it (only the columns whose type converts; a value repeated from the row before,
    such as a batch's one receipt time, converted once)."""
    values = itemgetter(*names)
    procs = [(i, proc) for i, n in enumerate(names)
             if (proc := table.c[n].type.bind_processor(conn.dialect)) is not None]
    if not procs:
        return [values(row) for row in rows]
    out: list[Any] = []
    last: dict[int, tuple[Any, Any]] = {}
    for row in rows:
        vals = list(values(row))
        for i, proc in procs:
            value = vals[i]
            if type(value) is JsonText:
                continue
            seen = last.get(i)
            if seen is not None and seen[0] is value:
                vals[i] = seen[1]
            else:
                vals[i] = put = proc(value)
                last[i] = (value, put)
        out.append(tuple(vals))  # tuples: what SQLAlchemy passes on as positional rows
    return out


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    with factory.begin() as session:
        yield session
