"""An exclusive per-data-dir lock, so a second process gets "already open", not a corrupt store."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from fieldapp.domain.errors import StoreAlreadyOpen


class DirLock:
    """Held for as long as the store is open; released by the OS if the process dies."""

    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / "fieldapp.lock"
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            raise StoreAlreadyOpen(
                "this data folder is already open in another fieldapp window or command; "
                "close it first"
            ) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor drops flock/msvcrt locks
            self._fd = None

    def __enter__(self) -> DirLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
