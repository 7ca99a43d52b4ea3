"""The one private-file writer: owner-only from the first byte, all or nothing, exclusive on ask."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.crypto import atomic
from fieldapp.crypto.atomic import private_file, write_private


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_owner_only_even_with_a_loose_umask(tmp_path: Path, loose_umask: None) -> None:
    path = tmp_path / "case.csv"
    write_private(path, b"secret")
    assert path.read_bytes() == b"secret" and _mode(path) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.csv"]  # no temp file left


def test_the_temp_file_is_private_while_it_is_written(tmp_path: Path, loose_umask: None) -> None:
    path = tmp_path / "export.csv"
    with private_file(path, text=True) as f:
        f.write("ស្រី,១២\r\n")
        temps = [p for p in tmp_path.iterdir() if p.name != "export.csv"]
        assert len(temps) == 1 and _mode(temps[0]) == 0o600
        assert not path.exists()  # the name appears only when the file is complete
    assert path.read_bytes().decode("utf-8") == "ស្រី,១២\r\n" and _mode(path) == 0o600


def test_a_failure_leaves_the_old_file_and_no_temp(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    write_private(path, b"old")
    with pytest.raises(RuntimeError), private_file(path) as f:
        f.write(b"half of the new")
        raise RuntimeError("power cut")
    assert path.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["settings.json"]


def test_a_leftover_loose_temp_file_is_not_reused(tmp_path: Path) -> None:
    path = tmp_path / "key.pem"
    leftover = tmp_path / ".key.pem.part"
    leftover.write_bytes(b"crash leftover")
    os.chmod(leftover, 0o644)
    write_private(path, b"new key")
    assert path.read_bytes() == b"new key" and _mode(path) == 0o600
    assert not leftover.exists()


def test_exclusive_never_replaces_an_existing_file(tmp_path: Path) -> None:
    path = tmp_path / "signing.pem"
    write_private(path, b"first", exclusive=True)
    with pytest.raises(FileExistsError):
        write_private(path, b"second", exclusive=True)
    assert path.read_bytes() == b"first"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["signing.pem"]


def test_exclusive_works_without_hard_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            loose_umask: None) -> None:
    """FAT/exFAT USB sticks (bundles) have no hard links: the writer falls back to a reservation."""
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "link", no_links)
    path = tmp_path / "out.bundle"
    write_private(path, b"sealed", exclusive=True)
    assert path.read_bytes() == b"sealed" and _mode(path) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.bundle"]
    with pytest.raises(FileExistsError):
        write_private(path, b"again", exclusive=True)
    assert path.read_bytes() == b"sealed"
