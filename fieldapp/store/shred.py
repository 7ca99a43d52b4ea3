"""Overwriting a store before it is deleted: keystore, database (header pages first), -wal, -shm.

Unlinking a file leaves its blocks on the disk until something else is written there;
the keystore's wraps and salts would still allow offline guessing, and the database's
first page holds its salt. So every file of the store is overwritten in place (random
bytes, then fsync) before the folder is removed. On a hard disk or a plain ext4 image
that destroys them. An SSD (and any copy-on-write or journalled-data file system)
may keep old copies of blocks the app cannot reach: `SSD_NOTE` says so to the user.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

#: The database's header pages (SQLCipher keeps its salt in the first 16 bytes of page 1).
HEADER_BYTES = 64 * 1024
_CHUNK = 1024 * 1024
SSD_NOTE = (
    "The keystore and the database were overwritten before deletion. On an SSD, a flash "
    "drive or a copy-on-write file system, old copies of blocks may survive where the app "
    "cannot reach them: the database stays encrypted, and only a passphrase or HQ's recovery "
    "key opens it. To be sure, also erase the drive (the manufacturer's secure-erase tool)."
)
#: Files of a data folder, most secret first (the wraps, then the database's header).
FIRST = ("keystore.json", "keystore.json.bak", ".keystore.json.tmp", "fieldapp.db",
         "fieldapp.db-wal", "fieldapp.db-shm", "fieldapp.db-journal")


def overwrite(path: Path) -> int:
    """Overwrite `path` in place with random bytes (header first) and fsync; returns its size."""
    try:
        fd = os.open(path, os.O_WRONLY)
    except FileNotFoundError:
        return 0
    try:
        size = os.fstat(fd).st_size
        os.pwrite(fd, os.urandom(min(size, HEADER_BYTES)), 0)
        os.fsync(fd)  # the header is gone before the slow part starts
        offset = HEADER_BYTES
        while offset < size:
            n = min(_CHUNK, size - offset)
            os.pwrite(fd, os.urandom(n), offset)
            offset += n
        os.fsync(fd)
    finally:
        os.close(fd)
    return size


def shred_store(root: Path) -> int:
    """Overwrite every file under `root` (the secret ones first), then delete the folder.

    Returns the number of files overwritten. Files that cannot be opened (permissions) are
    left to the deletion; the caller reports `SSD_NOTE` either way.
    """
    count = 0
    for name in FIRST:
        if overwrite(root / name):
            count += 1
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and path.name not in FIRST:
            with contextlib.suppress(OSError):
                overwrite(path)
                count += 1
    shutil.rmtree(root)
    return count
