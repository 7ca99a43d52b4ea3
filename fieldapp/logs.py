"""Logging set-up: a rotating file in the data dir. Log lines carry ids and counts, never names.

Logging never stops a command: a log folder that cannot be made or written (full disk,
read-only folder) means no log file, and a line that cannot be written is dropped quietly.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class QuietRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file, 0600 (ids and counts only, but nobody else's business either),
    whose write failures are dropped, not printed as a traceback."""

    #: Lines lost to write failures in this process (tests look at it).
    dropped = 0

    def _open(self):  # type: ignore[no-untyped-def]
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)
        return os.fdopen(fd, self.mode if "a" in self.mode else "a", encoding=self.encoding,
                         errors=self.errors)

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        QuietRotatingFileHandler.dropped += 1

    def flush(self) -> None:
        try:
            super().flush()
        except (OSError, ValueError):  # a full disk, or a stream already gone
            QuietRotatingFileHandler.dropped += 1

    def close(self) -> None:
        try:
            super().close()
        except (OSError, ValueError):
            pass


def setup(log_dir: Path | None, level: int = logging.INFO) -> None:
    root = logging.getLogger("fieldapp")
    root.setLevel(level)
    for old in list(root.handlers):
        root.removeHandler(old)
        old.close()
    if log_dir is None:
        root.addHandler(logging.NullHandler())
        return
    try:
        log_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler: logging.Handler = QuietRotatingFileHandler(
            log_dir / "fieldapp.log", maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        # A full disk or a read-only folder: the command itself will say so if it must
        # write; it must not fail here merely because it cannot keep a log.
        root.addHandler(logging.NullHandler())
        return
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
