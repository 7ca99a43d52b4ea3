"""The keystore file: the database key wrapped per user (Argon2id + AES-256-GCM) and to HQ (HPKE).

The database key is random and never written in the clear. Each user has a *wrap*: the
key encrypted with AES-256-GCM under a key derived from the user's passphrase by
Argon2id, with the KDF parameters stored beside it so that they can be raised later.
Changing a passphrase replaces one wrap; the database itself is never re-encrypted.
An *escrow* wrap seals the key to HQ's X25519 recovery public key with HPKE, so that data
not yet synced survives every passphrase being forgotten.

Keys per data class: a wrap holds the database key, and for the roles entitled to read
statements (officers and supervisors) also the *statement key*, which seals every
statement's narrative, child-protocol details and attachment keys per record
(`fieldapp.crypto.sealed`). A centre-staff wrap holds the database key alone. The escrow
wrap holds both. A store made before statement keys existed gets one at its first
unlock by an entitled user; until every entitled user has unlocked once (and so holds
it in their own wrap) it is kept in a *transit* wrap under the database key.

Failed unlocks are counted per user in the same file (so back-off survives restarts).
The counter is not secret and an attacker holding the file can reset it; the real cost
of guessing is Argon2id, which the counter only adds to for people at the keyboard.
"""

from __future__ import annotations

import base64
import json
import os
import time
import unicodedata
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke, serialization
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from fieldapp.crypto import memory
from fieldapp.domain.errors import (
    InvalidInput,
    NotFound,
    StoreCorrupt,
    UnlockThrottled,
    WrongPassphrase,
)

KEY_BYTES = 32
FORMAT_VERSION = 1
#: Failures allowed before back-off starts; then 2, 4, 8 … seconds, at most MAX_DELAY.
FREE_ATTEMPTS = 3
MAX_DELAY = 15 * 60
MIN_PASSPHRASE_LENGTH = 8
_ESCROW_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
_ESCROW_INFO = b"fieldapp escrow v1"
_TRANSIT_AAD = b"fieldapp statement transit v1"


@dataclass
class KeyRing:
    """The keys one unlock gives: always the database key, the statement key if entitled.

    Held in bytearrays so `wipe()` can zero them on lock and close (best effort: Python
    and the libraries may have made copies that are not ours to clear).
    """

    db_key: bytearray
    statement_key: bytearray | None = None
    #: True when this key came from a wrap that did not hold the statement key yet.
    legacy_wrap: bool = field(default=False)

    @classmethod
    def of(cls, db_key: bytes, statement_key: bytes | None = None, *, legacy: bool = False) -> KeyRing:
        return cls(bytearray(db_key), bytearray(statement_key) if statement_key else None, legacy)

    def payload(self, *, with_statement_key: bool) -> bytes:
        if with_statement_key and self.statement_key:
            return bytes(self.db_key) + bytes(self.statement_key)
        return bytes(self.db_key)

    def wipe(self) -> None:
        for buf in (self.db_key, self.statement_key):
            if buf is not None:
                memory.wipe(buf)


def _split(payload: bytes, *, legacy: bool = False) -> KeyRing:
    if len(payload) == 2 * KEY_BYTES:
        return KeyRing.of(payload[:KEY_BYTES], payload[KEY_BYTES:])
    if len(payload) == KEY_BYTES:
        return KeyRing.of(payload, None, legacy=legacy)
    raise StoreCorrupt("the keystore file is damaged (a key of the wrong size)")


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost; the default is RFC 9106's second recommended profile."""

    iterations: int = 3
    lanes: int = 4
    memory_kib: int = 64 * 1024


DEFAULT_KDF = KdfParams()


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def normalise_passphrase(passphrase: str) -> bytearray:
    """NFC-normalise so a Khmer passphrase typed with another input method still matches;
    UTF-8 in a buffer the caller zeroes (`memory.wipe`). Encoded a character at a time: a
    whole-string encode would leave an immutable copy of the passphrase behind."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", passphrase):
        out += char.encode("utf-8")
    return out


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise InvalidInput("passphrase: use at least {n} characters", n=MIN_PASSPHRASE_LENGTH)


def derive_wrapping_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    )
    secret = normalise_passphrase(passphrase)
    try:
        # Any buffer is read in place (its stub says bytes; a bytes copy would outlive the wipe).
        return kdf.derive(secret)  # type: ignore[arg-type]
    finally:
        memory.wipe(secret)
        memory.scrub_freed_heap()  # OpenSSL's copy of the passphrase, freed uncleared


def _aad(username: str) -> bytes:
    # Binds a wrap to its user, so wraps cannot be swapped between users in the file.
    return b"fieldapp dbkey v1\x00" + username.encode("utf-8")


#: The keystore file's fixed size (a multiple of it if ever larger): rewritten in place.
SLOT_BYTES = 16 * 1024


def _backup(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def _write_in_place(path: Path, data: bytes) -> None:
    existed = path.exists()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        os.pwrite(fd, data, 0)
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)
    if not existed and hasattr(os, "O_DIRECTORY"):  # a new name: make the entry durable
        dfd = os.open(path.parent, os.O_DIRECTORY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def backoff_delay(failures: int) -> float:
    """Seconds to wait after `failures` consecutive failed unlocks."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(2 ** (failures - FREE_ATTEMPTS + 1), MAX_DELAY))


class Keystore:
    """The keystore file beside the database. Every write is atomic."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self._data = data

    # -- file -------------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path) -> Keystore:
        ks = cls(path, {"version": FORMAT_VERSION, "wraps": {}, "failures": {}, "escrow": None})
        return ks

    @classmethod
    def load(cls, path: Path) -> Keystore:
        try:
            data = json.loads(path.read_bytes())
        except FileNotFoundError:
            raise
        except (ValueError, UnicodeDecodeError) as exc:
            # A crash while the file was rewritten in place: the second copy is whole.
            try:
                data = json.loads(_backup(path).read_bytes())
            except (OSError, ValueError, UnicodeDecodeError):
                raise StoreCorrupt("the keystore file is damaged") from exc
        if not isinstance(data, dict) or data.get("version") != FORMAT_VERSION:
            raise StoreCorrupt("the keystore file is damaged or from an unknown version")
        data.setdefault("failures", {})
        data.setdefault("escrow", None)
        return cls(path, data)

    def save(self) -> None:
        """Rewrite the file in place, the backup copy first, then the file itself.

        In place, padded to a fixed size, rather than written anew and renamed: a rename
        leaves every earlier version (its wraps and salts) in freed disk blocks that wipe
        cannot reach. With two copies written one after the other, a crash at any moment
        leaves one of them whole (`load` falls back to the backup).
        """
        text = json.dumps(self._data, indent=1, sort_keys=True).encode()
        size = max(SLOT_BYTES, -(-len(text) // SLOT_BYTES) * SLOT_BYTES)
        padded = text + b" " * (size - len(text))
        for target in (_backup(self.path), self.path):
            _write_in_place(target, padded)

    # -- users ------------------------------------------------------------------------
    def usernames(self) -> list[str]:
        return sorted(self._data["wraps"])

    def has_user(self, username: str) -> bool:
        return username in self._data["wraps"]

    def add_wrap(
        self, username: str, passphrase: str, db_key: bytes | bytearray, params: KdfParams = DEFAULT_KDF,
        *, statement_key: bytes | bytearray | None = None,
    ) -> None:
        """Wrap `db_key` (and `statement_key`, for entitled roles) for `username` and save.

        Replaces any wrap they had. The caller decides by role whether the statement key
        goes in; this file knows no roles.
        """
        check_passphrase_strength(passphrase)
        payload = bytes(db_key) + (bytes(statement_key) if statement_key else b"")
        salt = os.urandom(16)
        nonce = os.urandom(12)
        wrapping = derive_wrapping_key(passphrase, salt, params)
        ct = AESGCM(wrapping).encrypt(nonce, payload, _aad(username))
        self._data["wraps"][username] = {
            "kdf": "argon2id",
            "params": asdict(params),
            "salt": _b64(salt),
            "nonce": _b64(nonce),
            "wrapped": _b64(ct),
        }
        self._data["failures"].pop(username, None)
        self.save()

    def remove_wrap(self, username: str) -> None:
        self._data["wraps"].pop(username, None)
        self._data["failures"].pop(username, None)
        self.save()

    def wait_seconds(self, username: str, now: float | None = None) -> float:
        """How long `username` must still wait before the next unlock attempt."""
        entry = self._data["failures"].get(username)
        if not entry:
            return 0.0
        ready_at = entry["last"] + backoff_delay(entry["count"])
        return max(0.0, ready_at - (time.time() if now is None else now))

    def unwrap(self, username: str, passphrase: str) -> bytes:
        """Return the database key, or raise WrongPassphrase / UnlockThrottled."""
        return bytes(self.unwrap_keys(username, passphrase).db_key)

    def holds_statement_key(self, username: str) -> bool:
        """Whether `username`'s wrap carries the statement key (told by its size alone)."""
        wrap = self._data["wraps"].get(username)
        return wrap is not None and len(_unb64(wrap["wrapped"])) == 2 * KEY_BYTES + 16

    def unwrap_keys(self, username: str, passphrase: str) -> KeyRing:
        """Return the keys `username`'s wrap holds, or raise WrongPassphrase / UnlockThrottled."""
        wrap = self._data["wraps"].get(username)
        if wrap is None:
            # Same cost and message as a wrong passphrase: do not reveal who has an account.
            derive_wrapping_key(passphrase, b"\x00" * 16, DEFAULT_KDF)
            raise WrongPassphrase("unknown user or wrong passphrase")
        wait = self.wait_seconds(username)
        if wait > 0:
            raise UnlockThrottled(wait)
        params = KdfParams(**wrap["params"])
        wrapping = derive_wrapping_key(passphrase, _unb64(wrap["salt"]), params)
        try:
            key = AESGCM(wrapping).decrypt(_unb64(wrap["nonce"]), _unb64(wrap["wrapped"]), _aad(username))
        except InvalidTag:
            entry = self._data["failures"].setdefault(username, {"count": 0, "last": 0.0})
            entry["count"] += 1
            entry["last"] = time.time()
            self.save()
            raise WrongPassphrase() from None
        if username in self._data["failures"]:
            del self._data["failures"][username]
            self.save()
        return _split(key, legacy=True)

    # -- statement key of a store made before it existed ---------------------------------
    def has_statement_key(self) -> bool:
        """Whether this store seals statements (always, for a store made by this release)."""
        return bool(self._data.get("statement_sealing"))

    def mark_statement_sealing(self) -> None:
        self._data["statement_sealing"] = True
        self.save()

    def set_transit(self, db_key: bytes | bytearray, statement_key: bytes | bytearray) -> None:
        """Keep the statement key under the database key until every entitled user holds it."""
        nonce = os.urandom(12)
        ct = AESGCM(bytes(db_key)).encrypt(nonce, bytes(statement_key), _TRANSIT_AAD)
        self._data["statement_transit"] = {"nonce": _b64(nonce), "wrapped": _b64(ct)}
        self._data["statement_sealing"] = True
        self.save()

    def transit_key(self, db_key: bytes | bytearray) -> bytes | None:
        transit = self._data.get("statement_transit")
        if not transit:
            return None
        try:
            return AESGCM(bytes(db_key)).decrypt(_unb64(transit["nonce"]), _unb64(transit["wrapped"]),
                                                 _TRANSIT_AAD)
        except InvalidTag as exc:
            raise StoreCorrupt("the keystore's statement key does not match this store") from exc

    def drop_transit(self) -> None:
        if self._data.pop("statement_transit", None) is not None:
            self.save()

    def has_transit(self) -> bool:
        return bool(self._data.get("statement_transit"))

    def kdf_params(self, username: str) -> KdfParams:
        wrap = self._data["wraps"].get(username)
        if wrap is None:
            raise NotFound("no user '{username}' on this device", username=username)
        return KdfParams(**wrap["params"])

    # -- escrow -----------------------------------------------------------------------
    def set_escrow(
        self, db_key: bytes | bytearray, recovery_public: X25519PublicKey,
        statement_key: bytes | bytearray | None = None,
    ) -> None:
        """Seal the database key and the statement key to HQ's recovery key."""
        payload = bytes(db_key) + (bytes(statement_key) if statement_key else b"")
        sealed = _ESCROW_SUITE.encrypt(payload, recovery_public, info=_ESCROW_INFO)
        raw_pub = recovery_public.public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self._data["escrow"] = {"suite": "X25519-HKDF-SHA256-AES256GCM", "recipient": _b64(raw_pub),
                                "sealed": _b64(sealed)}
        self.save()

    def has_escrow(self) -> bool:
        return bool(self._data.get("escrow"))

    def recover_key(self, recovery_private: X25519PrivateKey) -> bytes:
        """Open the escrow wrap with HQ's recovery private key: the database key."""
        return bytes(self.recover_keys(recovery_private).db_key)

    def recover_keys(self, recovery_private: X25519PrivateKey) -> KeyRing:
        """Open the escrow wrap with HQ's recovery private key: both keys."""
        escrow = self._data.get("escrow")
        if not escrow:
            raise NotFound("this device has no escrow wrap yet (it was never enrolled with HQ)")
        try:
            payload = _ESCROW_SUITE.decrypt(_unb64(escrow["sealed"]), recovery_private, info=_ESCROW_INFO)
        except Exception as exc:  # cryptography raises InvalidTag or ValueError here
            raise WrongPassphrase("this recovery key does not open this device's store") from exc
        return _split(payload, legacy=True)
