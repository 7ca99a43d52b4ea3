"""Where a device store's bytes go: the pages of each table's and index's b-tree."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fieldapp.services.workspace import Workspace


def btree_bytes(ws: Workspace, scratch: Path) -> dict[str, int]:
    """{b-tree name: bytes of its pages} (SQLite's dbstat), read from a plaintext copy of the
    store made in `scratch` (SQLCipher's build has no dbstat) and removed at once. For
    synthetic test and benchmark stores only."""
    plain = scratch / "plain-copy.db"
    with ws.store.engine.connect() as c:
        raw = c.connection.dbapi_connection
        assert raw is not None
        raw.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
        raw.execute("SELECT sqlcipher_export('plain')")
        raw.execute("DETACH DATABASE plain")
    db = sqlite3.connect(plain)
    try:
        rows = db.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()
    finally:
        db.close()
        plain.unlink()
    return {str(name): int(size) for name, size in rows}
