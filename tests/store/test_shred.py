"""Wipe overwrites before it deletes: on a real ext4 image nothing of the keystore or the header stays."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.crypto.keystore import Keystore
from fieldapp.domain.enums import Role
from fieldapp.domain.errors import WrongPassphrase
from fieldapp.services import auth, intake, statements
from fieldapp.store import shred
from tests.conftest import FAST_KDF, PASSPHRASE, add_user

NEEDS_ROOT = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("mkfs.ext4") is None,
    reason="needs root and mkfs.ext4 to loop-mount an ext4 image",
)


@pytest.fixture
def ext4(tmp_path: Path) -> Iterator[tuple[Path, Path]]:
    """A 64 MiB ext4 file system in a file, loop-mounted; unmounted and removed afterwards."""
    image, mount = tmp_path / "disk.img", tmp_path / "mnt"
    subprocess.run(["truncate", "-s", "64M", str(image)], check=True)
    subprocess.run(["mkfs.ext4", "-q", "-F", str(image)], check=True)
    mount.mkdir()
    subprocess.run(["mount", "-o", "loop", str(image), str(mount)], check=True)
    try:
        yield image, mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)


def secrets_of(root: Path) -> dict[str, bytes]:
    """What must not survive: every wrap, salt and nonce, and the database's first page parts."""
    data = json.loads((root / "keystore.json").read_bytes())
    found: dict[str, bytes] = {}
    for user, wrap in data["wraps"].items():
        for key in ("salt", "wrapped", "nonce"):
            found[f"{user}.{key}.b64"] = wrap[key].encode()
            found[f"{user}.{key}.raw"] = base64.b64decode(wrap[key])
    if data.get("escrow"):
        found["escrow"] = data["escrow"]["sealed"].encode()
    header = (root / "fieldapp.db").read_bytes()[:4096]
    found["db.salt"] = header[:16]
    for i in range(16, 4096 - 64, 512):  # the rest of page 1, in pieces
        found[f"db.page1.{i}"] = header[i:i + 64]
    return found


@NEEDS_ROOT
def test_after_wipe_the_raw_image_holds_no_wrap_salt_or_header(ext4: tuple[Path, Path]) -> None:
    image, mount = ext4
    root = mount / "device"
    ws = auth.initialise(root, post_code="POIPET", username="sup", passphrase=PASSPHRASE, kdf=FAST_KDF)
    rescue = intake.create_rescue(ws, operation_date=dt.date(2026, 3, 14), province_code="KH-1",
                                  exploitation_type="labour")
    victim = intake.add_victim(ws, rescue.id, name_latin="Chan Sreymom", sex="female", estimated_age=14)
    for i in range(20):
        statements.record_statement(ws, victim.id, narrative=f"statement {i} " * 200)
    add_user(ws, "vichet", Role.OFFICER)
    add_user(ws, "dara", Role.CENTRE_STAFF, centre="PTC")
    auth.reset_passphrase(ws, "vichet", "a brand new passphrase", kdf=FAST_KDF)
    ws.close()
    with pytest.raises(WrongPassphrase):  # a failed unlock rewrites the keystore (the counter)
        auth.unlock(root, "dara", "not the right passphrase at all")
    secrets = secrets_of(root)
    os.sync()
    before = image.read_bytes()
    assert secrets["db.salt"] in before and secrets["sup.salt.b64"] in before  # the test can see them
    auth.wipe(root)
    os.sync()
    subprocess.run(["umount", str(mount)], check=True)
    raw = image.read_bytes()
    subprocess.run(["mount", "-o", "loop", str(image), str(mount)], check=True)
    left = sorted(name for name, needle in secrets.items() if needle in raw)
    assert left == [], f"still on the raw image after wipe: {left}"
    assert not root.exists()


def test_shred_overwrites_in_place_and_removes(tmp_path: Path) -> None:
    root = tmp_path / "d"
    root.mkdir()
    (root / "keystore.json").write_bytes(b"secret wraps" * 100)
    (root / "fieldapp.db").write_bytes(b"SQLCipher salt!!" + b"x" * 300_000)
    inode_sizes = {p.name: p.stat().st_size for p in root.iterdir()}
    handles = {name: os.open(root / name, os.O_RDONLY) for name in inode_sizes}
    try:
        assert shred.shred_store(root) == 2
        for name, fd in handles.items():  # the same inodes, read after the unlink
            data = os.pread(fd, inode_sizes[name], 0)
            assert len(data) == inode_sizes[name]
            assert b"secret wraps" not in data and b"SQLCipher salt" not in data
    finally:
        for fd in handles.values():
            os.close(fd)
    assert not root.exists()
    assert "SSD" in shred.SSD_NOTE


def test_the_keystore_is_rewritten_in_place_with_a_second_copy(tmp_path: Path) -> None:
    ks = Keystore.create(tmp_path / "keystore.json")
    ks.add_wrap("sok", PASSPHRASE, bytes(32), FAST_KDF)
    inode = (tmp_path / "keystore.json").stat().st_ino
    ks.add_wrap("sok", "another long passphrase", bytes(32), FAST_KDF)
    assert (tmp_path / "keystore.json").stat().st_ino == inode  # no new file, no old blocks
    (tmp_path / "keystore.json").write_bytes(b'{"version": 1, "wra')  # a crash mid-write
    assert Keystore.load(tmp_path / "keystore.json").unwrap("sok", "another long passphrase") == bytes(32)
