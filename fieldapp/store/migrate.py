"""Apply the device store's Alembic migrations on open, on the keyed connection."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from fieldapp.domain.errors import NewerRelease, Phrase

MIGRATIONS = Path(__file__).with_name("migrations")


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def refuse_newer(script: ScriptDirectory, current: str | None, what: Phrase) -> None:
    """The version gate: a schema revision this release does not know came from a newer one."""
    if current is None:
        return
    try:
        known = script.get_revision(current) is not None
    except Exception:  # alembic raises several kinds for an unknown or malformed id
        known = False
    if not known:
        raise NewerRelease(what, current)


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the store to `revision`; refuse one written by a newer release, touching nothing."""
    cfg = _config()
    with engine.begin() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        refuse_newer(ScriptDirectory.from_config(cfg), current, Phrase("store"))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        upgraded = current is not None and current != MigrationContext.configure(
            conn).get_current_revision()
    reclaim_space(engine, rewritten=upgraded)


#: SQLite's `auto_vacuum` values.
INCREMENTAL = 2


def reclaim_space(engine: Engine, *, rewritten: bool = False) -> None:
    """Make a store made before auto_vacuum give freed pages back: one VACUUM (it rewrites
    the encrypted file, outside any transaction). Stores made since are set up so already.
    Pages freed later go back after each push (`store.engine.give_back_free_pages`).

    `rewritten`: migrations just rewrote existing rows (compacting them leaves their pages
    part empty, which auto_vacuum does not gather): VACUUM whatever the setting."""
    with engine.connect() as conn:
        vacuumed = int(conn.exec_driver_sql("PRAGMA auto_vacuum").scalar() or 0) == INCREMENTAL
        if vacuumed and not rewritten:
            return
    raw = engine.raw_connection()
    try:
        # The engine's connections run without pysqlite's implicit transactions.
        raw.execute("PRAGMA auto_vacuum = INCREMENTAL")
        raw.execute("VACUUM")
    finally:
        raw.close()
