"""The open store of one device: data-dir layout, lock, engine, sessions bound to a user."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import platformdirs
import sqlcipher3
from sqlalchemy import event, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from fieldapp.crypto import memory
from fieldapp.domain.errors import StorageFull, StoreExists, StoreNotFound
from fieldapp.domain.hlc import Hlc, HlcClock
from fieldapp.store import audit, changes, figmarks, fileperm, migrate, sealing, search, shred
from fieldapp.store.compact import set_own_device
from fieldapp.store.engine import open_engine, storage_error
from fieldapp.store.lock import DirLock
from fieldapp.store.models import Device, Outbox


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("fieldapp", appauthor=False))


@dataclass(frozen=True)
class DataDir:
    """Where a device keeps everything; every file in it is encrypted or holds no case data."""

    root: Path

    @property
    def database(self) -> Path:
        return self.root / "fieldapp.db"

    @property
    def keystore(self) -> Path:
        return self.root / "keystore.json"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def exists(self) -> bool:
        return self.keystore.exists() and self.database.exists()

    def require(self) -> None:
        if not self.exists():
            raise StoreNotFound(
                "no fieldapp store in {root}: run 'fieldapp init' first (or pick another "
                "--data-dir)",
                root=self.root
            )

    def prepare_new(self) -> None:
        if self.keystore.exists() or self.database.exists():
            raise StoreExists("a fieldapp store already exists in {root}", root=self.root)
        self.root.mkdir(parents=True, exist_ok=True, mode=0o700)


class Store:
    """An unlocked store. Holds the directory lock and the engine until `close()`."""

    def __init__(self, data_dir: DataDir, key: bytes | bytearray, *, plain: bool = False,
                 statement_key: bytes | bytearray | None = None) -> None:
        self.data_dir = data_dir
        #: Kept while unlocked so a supervisor can wrap it for another user; zeroed on close.
        self.key: bytearray = bytearray(key)
        #: Seals statement content (`store.sealing`); None for roles not entitled to it.
        self.statement_key: bytearray | None = bytearray(statement_key) if statement_key else None
        self._lock = DirLock(data_dir.root)
        try:
            self._lock.acquire()
        except OSError as exc:
            full = storage_error(exc, data_dir.root)
            if full is None:
                raise
            raise full from exc
        try:
            fileperm.secure_database(data_dir.database)
            fileperm.secure(data_dir.keystore)
            self.engine = open_engine(data_dir.database, None if plain else self.key)
            migrate.upgrade(self.engine)
        except BaseException as exc:
            self._lock.release()
            full = storage_error(exc, data_dir.root)
            if full is not None and not isinstance(exc, StorageFull):
                raise full from exc
            raise
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        event.listen(self._sessions, "before_flush", changes.before_flush)
        event.listen(self._sessions, "before_commit", search.before_commit)
        event.listen(self._sessions, "before_commit", audit.before_commit)
        event.listen(self._sessions, "before_flush", figmarks.before_flush)
        event.listen(self._sessions, "before_commit", figmarks.before_commit)
        event.listen(self._sessions, "transient_to_pending", changes.track_pending)
        self.device_id = ""
        self.post_code = ""
        self.clock = HlcClock("unset")
        # The transaction a nested `session()` call joins: per thread, so the UI thread
        # can never wander into a transaction the database worker has open.
        self._local = threading.local()
        self._load_device()

    def _load_device(self) -> None:
        with self._sessions() as s:
            device = s.scalars(select(Device)).first()
            if device is None:
                return
            last = s.scalars(select(Outbox).order_by(Outbox.seq.desc()).limit(1)).first()
            stamps = [device.last_hlc] if device.last_hlc else []
            if last is not None:
                stamps.append(last.hlc)
            self.device_id, self.post_code = device.id, device.post_code
            latest = max((Hlc.parse(x) for x in stamps), default=None)
            self.clock = HlcClock(device.id, last=latest)

    def on_commit(self, hook: Callable[[Session], None]) -> None:
        """Run `hook(session)` in every transaction just before it commits, after the
        store's own bookkeeping (the report counters use it: `fieldapp.store.figmarks`)."""
        event.listen(self._sessions, "before_commit", hook)

    def set_device(self, device: Device) -> None:
        self.device_id, self.post_code = device.id, device.post_code
        set_own_device(self.engine.dialect, device.id)
        self.clock = HlcClock(device.id)

    @contextlib.contextmanager
    def session(self, username: str, *, remote: bool = False) -> Iterator[Session]:
        """One transaction, committed on success; nested calls join the outer one."""
        current: Session | None = getattr(self._local, "session", None)
        if current is not None:
            yield current
            return
        session = self._sessions()
        session.info.update(
            username=username,
            device_id=self.device_id,
            post_code=self.post_code,
            clock=self.clock,
            remote=remote,
        )
        session.info[sealing.KEY_INFO] = self.statement_key
        self._local.session = session
        try:
            with session.begin():
                yield session
        except (SQLAlchemyError, sqlcipher3.Error, OSError) as exc:
            # A write that hit a full disk or a read-only folder rolled back whole: nothing
            # confirmed is lost, and the store is intact. Say that, not "internal error".
            full = storage_error(exc, self.data_dir.root)
            if full is None:
                raise
            raise full from exc
        finally:
            self._local.session = None
            session.close()

    def close(self) -> None:
        """Dispose the engine (SQLCipher wipes its key from memory) and release the lock."""
        self._scrub_wal()
        self.engine.dispose()
        self.drop_keys()
        self._lock.release()

    def _scrub_wal(self) -> None:
        """Overwrite the -wal file before SQLite deletes it on close (best effort).

        SQLite removes the WAL when the last connection closes, and its freed blocks keep
        copies of pages (page 1 with the database's salt among them) where no wipe can
        reach. So: checkpoint every frame into the database, and only if all of them made
        it, overwrite the WAL in place; SQLite then finds nothing to replay and deletes it.
        """
        wal = self.data_dir.database.with_name(self.data_dir.database.name + "-wal")
        if not wal.exists() or not self.key:
            return
        raw = None
        try:
            # Outside any transaction (the engine's connections begin one explicitly).
            raw = self.engine.raw_connection()
            busy, log, done = raw.cursor().execute("PRAGMA wal_checkpoint(RESTART)").fetchone()
        except Exception:  # a damaged or busy store: leave the WAL to SQLite as it is
            return
        finally:
            if raw is not None:
                raw.close()
        if busy == 0 and log == done:
            shred.overwrite(wal)

    def set_statement_key(self, key: bytes | bytearray | None) -> None:
        self.statement_key = bytearray(key) if key else None

    def drop_keys(self) -> None:
        """Zero the key buffers (best effort: copies made inside libraries are not ours)."""
        for buf in (self.key, self.statement_key):
            if buf is not None:
                memory.wipe(buf)
        self.key = bytearray()
        self.statement_key = None
