"""HQ database engine: SQLite in the data directory by default, PostgreSQL by URL; migrations."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
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
    insert,
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
            cur.close()

        return engine
    # One connection per request thread, none waiting for another's (the default pool of
    # 5 + 10 overflow made requests queue behind each other under 20 pushing devices).
    return create_engine(url, pool_pre_ping=True, json_serializer=json_text,
                         pool_size=REQUEST_THREADS, max_overflow=4, pool_timeout=60)


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

    JSON columns are given as their values (serialised here for COPY, like SQLAlchemy's
    JSON type does).
    """
    if not rows:
        return
    if session.get_bind().dialect.name != "postgresql":
        session.execute(insert(table), rows)
        return
    names = list(rows[0])
    as_json = {n for n in names if isinstance(table.c[n].type, JSON)}
    raw = session.connection().connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy(
            f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([json_text(row[n]) if n in as_json else row[n] for n in names])


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    with factory.begin() as session:
        yield session
