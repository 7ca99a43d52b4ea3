"""A full disk or a read-only folder says so, loses nothing, and `check` passes after (issue 9,
item 13). Runs on a real, small tmpfs that the test fills; mounting needs root (CAP_SYS_ADMIN):
without it these tests are skipped and say why."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.domain.errors import DISK_FULL_MESSAGE, StorageFull, StoreCorrupt
from fieldapp.logs import QuietRotatingFileHandler
from fieldapp.services import auth, intake, stats, sync
from fieldapp.services.workspace import Workspace
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.support.syncenv import fast_options, hq_running, minor_case, new_device

BIN = Path(sys.executable).parent


class SmallDisk:
    """A tmpfs of a few MiB: `fill()` takes every free byte, `free()` gives it back."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.filler = root / "filler"

    def fill(self) -> None:
        block = b"\0" * 65536
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            while block:
                try:
                    os.write(fd, block)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    block = block[: len(block) // 2]
        finally:
            os.close(fd)

    def free(self) -> None:
        self.filler.unlink(missing_ok=True)

    def read_only(self, on: bool) -> None:
        mode = "remount,ro" if on else "remount,rw"
        subprocess.run(["mount", "-o", mode, str(self.root)], check=True, capture_output=True)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[SmallDisk]:
    root = tmp_path / f"small-{uuid.uuid4().hex[:6]}"
    root.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m,mode=0700", "tmpfs", str(root)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs to fill (needs root): {done.stderr.strip()}")
    try:
        yield SmallDisk(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], capture_output=True, check=False)


def fieldapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "fieldapp"), *args], input=f"{PASSPHRASE}\n{PASSPHRASE}\n",
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def said_disk_full(out: subprocess.CompletedProcess[str]) -> bool:
    """Exit 2, one line, the disk-full message: no traceback, no alarm, no "internal error"."""
    return (out.returncode == 2 and out.stderr.strip() == f"fieldapp: {DISK_FULL_MESSAGE}"
            and "Traceback" not in out.stderr)


def _case(ws: Workspace, day: int) -> str:
    return intake.create_rescue(ws, operation_date=dt.date(2026, 4, day), province_code="KH-1",
                                exploitation_type="labour").id


def test_a_full_disk_on_save_and_open_says_so_and_loses_nothing(disk: SmallDisk) -> None:
    root = disk.root / "device"
    ws = auth.initialise(root, post_code="POIPET", username="sup", passphrase=PASSPHRASE,
                         kdf=FAST_KDF)
    saved = [_case(ws, day) for day in range(1, 6)]
    disk.fill()
    with pytest.raises(StorageFull) as caught:
        for day in range(6, 28):  # the WAL may still hold a page or two: keep saving
            intake.add_victim(ws, saved[0], name_latin="Sok", sex="female",
                              estimated_age=day, nationality="KHM", contact_phone="0" * 30)
            _case(ws, day)
    assert str(caught.value) == DISK_FULL_MESSAGE
    ws.close()
    # Opening on the full disk: either it opens, or it says the disk is full; never damage.
    try:
        auth.unlock(root, "sup", PASSPHRASE).close()
    except StorageFull:
        pass
    except StoreCorrupt as exc:  # pragma: no cover - the failure this test exists for
        pytest.fail(f"a full disk was reported as damage: {exc}")
    # The command line, every kind of command: the message, exit 2, one line.
    for args in (["stats", "--json"], ["users", "add", "vichet", "--role", "officer"],
                 ["demo", "--rescues", "50"]):
        out = fieldapp(*args, "--passphrase-stdin", "--data-dir", str(root), "--user", "sup")
        assert out.returncode == 0 or said_disk_full(out), (args, out.stderr)
    disk.free()
    ws = auth.unlock(root, "sup", PASSPHRASE)
    assert stats.counts(ws)["rescues"] >= len(saved)  # every confirmed save is there
    ws.close()
    out = fieldapp("check", "--passphrase-stdin", "--data-dir", str(root), "--user", "sup")
    assert out.returncode == 0, out.stderr


def test_init_on_a_full_disk_says_so_and_the_next_command_too(disk: SmallDisk) -> None:
    disk.fill()
    root = disk.root / "device"
    out = fieldapp("init", "--post", "POIPET", "--user", "sup", "--passphrase-stdin",
                   "--data-dir", str(root))
    assert said_disk_full(out), out.stderr
    out = fieldapp("stats", "--passphrase-stdin", "--data-dir", str(root), "--user", "sup")
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "internal error" not in out.stderr and "integrity" not in out.stderr
    disk.free()
    # With space again, a store can be made there (what init left behind is not in the way).
    with contextlib.suppress(FileNotFoundError):
        for leftover in sorted(root.rglob("*"), reverse=True):
            leftover.rmdir() if leftover.is_dir() else leftover.unlink()
    out = fieldapp("init", "--post", "POIPET", "--user", "sup", "--passphrase-stdin",
                   "--data-dir", str(root))
    assert out.returncode == 0, out.stderr


def test_a_read_only_folder_says_so_and_logging_never_crashes(disk: SmallDisk) -> None:
    root = disk.root / "device"
    ws = auth.initialise(root, post_code="POIPET", username="sup", passphrase=PASSPHRASE,
                         kdf=FAST_KDF)
    saved = [_case(ws, day) for day in range(1, 4)]
    ws.close()
    disk.read_only(True)
    try:
        with pytest.raises(StorageFull) as caught:
            auth.unlock(root, "sup", PASSPHRASE).close()
        assert str(caught.value) == DISK_FULL_MESSAGE
        # No log file can be written either: the command still gives its one line.
        out = fieldapp("stats", "--passphrase-stdin", "--data-dir", str(root), "--user", "sup")
        assert said_disk_full(out), out.stderr
    finally:
        disk.read_only(False)
    ws = auth.unlock(root, "sup", PASSPHRASE)
    assert stats.counts(ws)["rescues"] == len(saved)
    ws.close()
    out = fieldapp("check", "--passphrase-stdin", "--data-dir", str(root), "--user", "sup")
    assert out.returncode == 0, out.stderr


def test_a_log_line_that_cannot_be_written_is_dropped_quietly(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    import logging

    from fieldapp import logs

    logs.setup(tmp_path / "logs")
    handler = logging.getLogger("fieldapp").handlers[0]
    assert isinstance(handler, QuietRotatingFileHandler)
    assert handler.stream is not None
    handler.stream.close()  # as if the disk had gone away under the log file
    before = QuietRotatingFileHandler.dropped
    logging.getLogger("fieldapp.test").error("a line")
    assert QuietRotatingFileHandler.dropped == before + 1
    assert "Traceback" not in capsys.readouterr().err
    logs.setup(None)


def test_a_full_disk_during_sync_says_so_and_the_next_round_completes(
        disk: SmallDisk, tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        other = new_device(tmp_path / "other", hq, "POIPET")
        for _ in range(6):
            minor_case(other)
        sync.sync_round(other, options=fast_options())
        other.close()
        ws = new_device(disk.root / "device", hq, "POIPET")
        disk.fill()
        with pytest.raises(StorageFull) as caught:
            sync.sync_round(ws, options=fast_options())
        assert str(caught.value) == DISK_FULL_MESSAGE
        disk.free()
        result = sync.sync_round(ws, options=fast_options())
        assert result.pending == 0
        assert stats.counts(ws)["rescues"] == 6
        ws.close()
