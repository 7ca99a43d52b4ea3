"""The one way to write a private file (case data, keys, exports, bundles).

Every such file is written the same way: a sibling temp file created owner-only (0600)
from the start, written, fsynced, then renamed into place and the folder fsynced. A crash
leaves either the old file or the new one, never a half-written one, and never a moment
where the data sits in a file others may read (no chmod after the fact).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Literal, overload

#: Owner read/write only.
PRIVATE_MODE = 0o600

#: link() refusals that mean "this file system has no hard links" (FAT/exFAT USB sticks).
_NO_LINKS = {errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV, errno.EACCES}


def _temp_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.part")


def fsync_dir(folder: Path) -> None:
    """Make a rename or a new name in `folder` durable (POSIX; a no-op elsewhere)."""
    if hasattr(os, "O_DIRECTORY"):
        dfd = os.open(folder, os.O_DIRECTORY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def _publish(tmp: Path, path: Path, exclusive: bool) -> None:
    """Give the finished temp file its real name (never over an existing file if exclusive)."""
    if not exclusive:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)  # atomic, and fails with FileExistsError if the name is taken
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_LINKS:
            raise
        # No hard links here: reserve the name exclusively, then rename over the reservation.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_MODE))
        os.replace(tmp, path)
        return
    tmp.unlink()


@overload
def private_file(path: Path, *, text: Literal[False] = ..., exclusive: bool = ...,
                 mode: int = ...) -> contextlib.AbstractContextManager[IO[bytes]]: ...
@overload
def private_file(path: Path, *, text: Literal[True], exclusive: bool = ...,
                 mode: int = ...) -> contextlib.AbstractContextManager[IO[str]]: ...
def private_file(path: Path, *, text: bool = False, exclusive: bool = False,
                 mode: int = PRIVATE_MODE) -> contextlib.AbstractContextManager[IO[bytes] | IO[str]]:
    """Write a new owner-only file crash-safely: `with private_file(p) as f: f.write(...)`.

    The file appears under `path` only when the block ends without an error; on an error
    nothing is left behind (an existing file at `path` is untouched). `exclusive=True`
    refuses (FileExistsError) to replace a file that is already there. `text=True` gives
    a UTF-8 text stream with newlines written as given.
    """
    return _private_file(Path(path), text=text, exclusive=exclusive, mode=mode)


@contextlib.contextmanager
def _private_file(path: Path, *, text: bool, exclusive: bool,
                  mode: int) -> Iterator[IO[bytes] | IO[str]]:
    if exclusive and path.exists():
        raise FileExistsError(errno.EEXIST, "File exists", str(path))
    tmp = _temp_for(path)
    tmp.unlink(missing_ok=True)  # a leftover from a crash: never reuse its mode
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        f: IO[bytes] | IO[str]
        if text:
            f = os.fdopen(fd, "w", encoding="utf-8", newline="")
        else:
            f = os.fdopen(fd, "wb")
        with f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        _publish(tmp, path, exclusive)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_private(path: Path, data: bytes, *, exclusive: bool = False,
                  mode: int = PRIVATE_MODE) -> None:
    """Write `data` as a new owner-only file (see `private_file`)."""
    with private_file(path, exclusive=exclusive, mode=mode) as f:
        f.write(data)


def write_atomic(path: Path, data: bytes, mode: int = PRIVATE_MODE) -> None:
    """Replace `path` with `data` so that a crash leaves either the old or the new file."""
    write_private(path, data, mode=mode)
