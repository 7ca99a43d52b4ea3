"""HQ key files: Ed25519 signing key, X25519 HPKE key and the X25519 recovery key pair.

Files in the data directory, each written once with mode 0600:

- ``hq-signing.pem``  Ed25519 private key (PKCS#8 PEM): signs pull answers and bundles.
- ``hq-hpke.pem``     X25519 private key: devices seal pushes to its public half.
- ``hq-recovery.pub`` raw 32-byte X25519 public key: devices wrap their database key to it.
- ``hq-recovery.pem`` X25519 private recovery key. Meant to live offline: export it
  (``fieldapp-hq recovery-key export --out FILE [--remove]``) and keep it in a safe.
- ``hq-hpke-retired-<ms>.pem`` an HPKE key replaced by ``fieldapp-hq keys rotate`` at that
  time (ms since the epoch). It still opens pushes and bundles sealed before the device
  learnt the new key, for ``RETIRED_KEEP`` (30 days by default); then ``keys purge`` (and
  every ``serve`` start) overwrites and deletes it, so a stolen HPKE key only ever opens a
  bounded window of traffic.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
    load_pem_private_key,
)

from fieldapp.crypto import atomic
from fieldapp.domain.errors import FieldAppError, StoreExists, StoreNotFound

SIGNING_FILE = "hq-signing.pem"
HPKE_FILE = "hq-hpke.pem"
RECOVERY_PUBLIC_FILE = "hq-recovery.pub"
RECOVERY_PRIVATE_FILE = "hq-recovery.pem"


RETIRED_PREFIX = "hq-hpke-retired-"
#: How long a retired HPKE private key is kept to open late pushes and bundles.
RETIRED_KEEP = timedelta(days=30)


class KeyFileError(FieldAppError):
    """A key file is missing, unreadable or of the wrong type."""


@dataclass(frozen=True)
class HqKeys:
    signing: Ed25519PrivateKey
    hpke: X25519PrivateKey
    recovery_public: X25519PublicKey
    #: Retired HPKE keys still kept (newest first): they open envelopes sealed before a rotation.
    retired: tuple[X25519PrivateKey, ...] = ()

    @property
    def hpke_all(self) -> tuple[X25519PrivateKey, ...]:
        return (self.hpke, *self.retired)

    @property
    def signing_public(self) -> Ed25519PublicKey:
        return self.signing.public_key()

    @property
    def hpke_public(self) -> X25519PublicKey:
        return self.hpke.public_key()


def _pem(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, NoEncryption())


def write_private(path: Path, data: bytes) -> None:
    """Create `path` with mode 0600 (never over an existing file), crash-safely."""
    atomic.write_private(path, data, exclusive=True)


def init_keys(data_dir: Path) -> HqKeys:
    """Generate all HQ keys into `data_dir`; raises StoreExists if keys are there already."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    if (data_dir / SIGNING_FILE).exists() or (data_dir / HPKE_FILE).exists():
        raise StoreExists("HQ keys already exist in {data_dir}", data_dir=data_dir)
    signing = Ed25519PrivateKey.generate()
    hpke = X25519PrivateKey.generate()
    recovery = X25519PrivateKey.generate()
    write_private(data_dir / SIGNING_FILE, _pem(signing))
    write_private(data_dir / HPKE_FILE, _pem(hpke))
    write_private(data_dir / RECOVERY_PRIVATE_FILE, _pem(recovery))
    write_private(
        data_dir / RECOVERY_PUBLIC_FILE,
        recovery.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw),
    )
    return HqKeys(signing, hpke, recovery.public_key())


def _load(path: Path) -> Ed25519PrivateKey | X25519PrivateKey:
    try:
        key = load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise StoreNotFound("no HQ keys in {parent}: run 'fieldapp-hq init' first",
                            parent=path.parent) from None
    except (ValueError, TypeError) as exc:
        raise KeyFileError("{name} is not a readable private key", name=path.name) from exc
    if not isinstance(key, (Ed25519PrivateKey, X25519PrivateKey)):
        raise KeyFileError("{name} holds the wrong kind of key", name=path.name)
    return key


def load_keys(data_dir: Path) -> HqKeys:
    signing = _load(data_dir / SIGNING_FILE)
    hpke = _load(data_dir / HPKE_FILE)
    if not isinstance(signing, Ed25519PrivateKey) or not isinstance(hpke, X25519PrivateKey):
        raise KeyFileError("HQ key files hold the wrong kinds of key")
    try:
        recovery = X25519PublicKey.from_public_bytes((data_dir / RECOVERY_PUBLIC_FILE).read_bytes())
    except FileNotFoundError:
        raise StoreNotFound("no recovery public key in {data_dir}", data_dir=data_dir) from None
    except ValueError as exc:
        raise KeyFileError("{recovery_public_file} is not a 32-byte X25519 key",
                           recovery_public_file=RECOVERY_PUBLIC_FILE) from exc
    retired = []
    for _at, path in retired_files(data_dir):
        key = _load(path)
        if not isinstance(key, X25519PrivateKey):
            raise KeyFileError("{name} holds the wrong kind of key", name=path.name)
        retired.append(key)
    return HqKeys(signing, hpke, recovery, tuple(retired))


def retired_files(data_dir: Path) -> list[tuple[int, Path]]:
    """(retired at, ms since the epoch; path) of every retired HPKE key, newest first."""
    found = []
    for path in data_dir.glob(f"{RETIRED_PREFIX}*.pem"):
        stamp = path.name[len(RETIRED_PREFIX) : -len(".pem")]
        if stamp.isdigit():
            found.append((int(stamp), path))
    return sorted(found, reverse=True)


def rotate_hpke(data_dir: Path, *, now_ms: int | None = None) -> X25519PublicKey:
    """Make a new HPKE key; the old one is kept as retired (see RETIRED_KEEP). Returns the new
    public key. A running server picks it up when restarted."""
    current = data_dir / HPKE_FILE
    old = _load(current)
    if not isinstance(old, X25519PrivateKey):
        raise KeyFileError("{hpke_file} holds the wrong kind of key", hpke_file=HPKE_FILE)
    at = now_ms if now_ms is not None else time.time_ns() // 1_000_000
    retired = data_dir / f"{RETIRED_PREFIX}{at}.pem"
    fresh = X25519PrivateKey.generate()
    staged = data_dir / f"{HPKE_FILE}.new"
    staged.unlink(missing_ok=True)
    write_private(staged, _pem(fresh))
    os.link(current, retired)  # never a moment without the old key on disk
    os.replace(staged, current)
    atomic.fsync_dir(data_dir)
    return fresh.public_key()


def purge_retired(data_dir: Path, *, keep: timedelta = RETIRED_KEEP,
                  now_ms: int | None = None) -> int:
    """Destroy retired HPKE keys retired more than `keep` ago; returns how many."""
    now = now_ms if now_ms is not None else time.time_ns() // 1_000_000
    cutoff = now - int(keep.total_seconds() * 1000)
    destroyed = 0
    for at, path in retired_files(data_dir):
        if at <= cutoff:
            destroy_file(path)
            destroyed += 1
    if destroyed:
        atomic.fsync_dir(data_dir)
    return destroyed


def destroy_file(path: Path) -> None:
    """Overwrite a key file with zeros (best effort: an SSD may keep old blocks), then delete."""
    try:
        size = path.stat().st_size
        with open(path, "r+b") as fh:
            fh.write(b"\0" * size)
            fh.flush()
            os.fsync(fh.fileno())
    finally:
        path.unlink(missing_ok=True)


def export_recovery_key(data_dir: Path, out: Path, *, remove: bool = False) -> None:
    """Write the recovery private key to `out` (0600, must not exist); optionally delete ours."""
    src = data_dir / RECOVERY_PRIVATE_FILE
    key = _load(src)
    if not isinstance(key, X25519PrivateKey):
        raise KeyFileError("{recovery_private_file} holds the wrong kind of key",
                           recovery_private_file=RECOVERY_PRIVATE_FILE)
    try:
        write_private(out, _pem(key))
    except FileExistsError:
        raise StoreExists("{out} already exists; choose another file", out=out) from None
    if remove:
        src.unlink()


def load_recovery_private(path: Path) -> X25519PrivateKey:
    key = _load(path)
    if not isinstance(key, X25519PrivateKey):
        raise KeyFileError("{name} is not an X25519 recovery key", name=path.name)
    return key


def public_raw(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)
