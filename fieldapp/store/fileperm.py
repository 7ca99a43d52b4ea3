"""Owner-only files: every file the app writes is readable by its user alone (mode 0600).

The data folder is 0700 already, but a copied folder, a backup tool or a second account
on a shared laptop should meet 0600 files too. Entry points set the umask once
(`owner_only()`); the database is also made 0600 explicitly, because SQLite gives its
-wal and -shm files the database file's own mode.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from fieldapp.crypto.atomic import write_private

FILE_MODE = 0o600
UMASK = 0o077


def owner_only() -> int:
    """Make every file this process creates from now on owner-only; returns the old umask."""
    return os.umask(UMASK)


def secure(*paths: Path) -> None:
    """chmod 0600 the files that exist (best effort: a file system without modes is left)."""
    for path in paths:
        with contextlib.suppress(FileNotFoundError, PermissionError, NotImplementedError):
            os.chmod(path, FILE_MODE)


def create_private(path: Path) -> None:
    """Create `path` empty with mode 0600 unless it exists (SQLite opens an empty file as new)."""
    with contextlib.suppress(FileExistsError):
        write_private(path, b"", exclusive=True)


def secure_database(db: Path) -> None:
    create_private(db)
    secure(db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"),
           db.with_name(db.name + "-journal"))
