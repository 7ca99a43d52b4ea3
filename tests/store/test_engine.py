from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from fieldapp.domain.errors import StoreAlreadyOpen, StoreCorrupt
from fieldapp.services import auth
from fieldapp.services.workspace import Workspace
from fieldapp.store.engine import open_engine
from tests.conftest import PASSPHRASE


def test_pragmas_on_every_connection(ws: Workspace) -> None:
    with ws.store.engine.connect() as conn:
        def q(p: str) -> object:
            return conn.execute(text(f"PRAGMA {p}")).scalar()

        assert q("journal_mode") == "wal"
        assert q("foreign_keys") == 1
        assert q("synchronous") == 2  # FULL
        assert q("temp_store") == 2  # MEMORY
        assert q("secure_delete") == 1
        # Off by policy: fieldapp/crypto/memory.py says what covers it instead.
        assert str(q("cipher_memory_security")) == "0"
        assert q("cipher_version").startswith("4.")


def test_the_database_file_is_not_sqlite_plaintext(ws: Workspace) -> None:
    head = ws.store.data_dir.database.read_bytes()[:16]
    assert head != b"SQLite format 3\x00"


def test_wrong_key_is_refused_without_writing(ws: Workspace) -> None:
    path = ws.store.data_dir.database
    ws.close()
    before = path.read_bytes()
    with pytest.raises(StoreCorrupt):
        open_engine(path, os.urandom(32))
    assert path.read_bytes() == before


def test_one_altered_byte_fails_the_integrity_check_and_nothing_is_written(
    ws: Workspace, store_dir: Path
) -> None:
    ws.close()
    db = store_dir / "fieldapp.db"
    data = bytearray(db.read_bytes())
    data[len(data) // 2] ^= 0x01
    db.write_bytes(bytes(data))
    snapshot = {p.name: p.read_bytes() for p in store_dir.iterdir() if p.is_file()}
    with pytest.raises(StoreCorrupt, match="failed its integrity check"):
        auth.unlock(store_dir, "sup", PASSPHRASE)
    after = {p.name: p.read_bytes() for p in store_dir.iterdir() if p.is_file()}
    assert after["fieldapp.db"] == snapshot["fieldapp.db"]


def test_a_second_process_gets_already_open(ws: Workspace, store_dir: Path) -> None:
    code = (
        "import sys\n"
        "from fieldapp.services import auth\n"
        "from fieldapp.domain.errors import StoreAlreadyOpen\n"
        "try:\n"
        f"    auth.unlock(__import__('pathlib').Path({str(store_dir)!r}), 'sup', {PASSPHRASE!r})\n"
        "except StoreAlreadyOpen as e:\n"
        "    print('ALREADY', e); sys.exit(0)\n"
        "sys.exit(1)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "already open" in run.stdout


def test_same_process_second_open_is_refused_too(ws: Workspace, store_dir: Path) -> None:
    with pytest.raises(StoreAlreadyOpen):
        auth.unlock(store_dir, "sup", PASSPHRASE)


def test_a_store_keyed_by_pragma_opens_keyed_by_sqlite3_key(tmp_path: Path) -> None:
    # Stores made before the key went through sqlite3_key (PRAGMA key, the same raw-key
    # text) open as before; a wrong key does not.
    import sqlcipher3

    from fieldapp.store.engine import raw_key_spec

    key = os.urandom(32)
    assert bytes(raw_key_spec(key)) == b"x'" + key.hex().encode() + b"'"
    path = tmp_path / "old.db"
    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (7)")
    conn.commit()
    conn.close()
    with open_engine(path, bytearray(key)).connect() as c:
        assert c.execute(text("SELECT x FROM t")).scalar() == 7
    with pytest.raises(StoreCorrupt):
        open_engine(path, bytearray(os.urandom(32)))
