from __future__ import annotations

import json
import time
import unicodedata
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.crypto import keystore as ks
from fieldapp.crypto.keystore import DEFAULT_KDF, KdfParams, Keystore
from fieldapp.domain.errors import (
    InvalidInput,
    NotFound,
    StoreCorrupt,
    UnlockThrottled,
    WrongPassphrase,
)
from tests.conftest import FAST_KDF

KEY = bytes(range(32))


def make(tmp_path: Path) -> Keystore:
    store = Keystore.create(tmp_path / "keystore.json")
    store.add_wrap("sok", "correct horse battery", KEY, FAST_KDF)
    return store


def test_default_cost_is_at_least_rfc9106_second_profile() -> None:
    assert DEFAULT_KDF.iterations >= 3 and DEFAULT_KDF.lanes >= 4
    assert DEFAULT_KDF.memory_kib >= 64 * 1024


def test_wrap_round_trip_and_parameters_stored_per_wrap(tmp_path: Path) -> None:
    store = make(tmp_path)
    assert Keystore.load(store.path).unwrap("sok", "correct horse battery") == KEY
    saved = json.loads(store.path.read_text())
    assert saved["wraps"]["sok"]["params"] == {"iterations": 1, "lanes": 1, "memory_kib": 8192}
    assert KEY.hex() not in store.path.read_text()


def test_raising_the_cost_rewraps_with_the_new_parameters(tmp_path: Path) -> None:
    store = make(tmp_path)
    stronger = KdfParams(iterations=2, lanes=2, memory_kib=16 * 1024)
    store.add_wrap("sok", "correct horse battery", KEY, stronger)
    assert Keystore.load(store.path).kdf_params("sok") == stronger
    assert Keystore.load(store.path).unwrap("sok", "correct horse battery") == KEY


def test_khmer_passphrase_in_either_unicode_form(tmp_path: Path) -> None:
    store = Keystore.create(tmp_path / "k.json")
    composed = "ពាក្យសម្ងាត់ខ្លាំង"
    store.add_wrap("dara", composed, KEY, FAST_KDF)
    import unicodedata

    assert store.unwrap("dara", unicodedata.normalize("NFD", composed)) == KEY


def test_wrong_passphrase_and_unknown_user_look_the_same(tmp_path: Path) -> None:
    store = make(tmp_path)
    with pytest.raises(WrongPassphrase):
        store.unwrap("sok", "wrong passphrase")
    with pytest.raises(WrongPassphrase):
        store.unwrap("nobody", "wrong passphrase")


def test_short_passphrase_refused(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="at least 8"):
        Keystore.create(tmp_path / "k.json").add_wrap("a", "short", KEY, FAST_KDF)


def test_back_off_grows_exponentially_and_survives_a_restart(tmp_path: Path) -> None:
    store = make(tmp_path)
    for _ in range(ks.FREE_ATTEMPTS):
        with pytest.raises(WrongPassphrase):
            store.unwrap("sok", "wrong passphrase")
    reloaded = Keystore.load(store.path)  # as after a restart
    assert 1 < reloaded.wait_seconds("sok") <= 2
    with pytest.raises(UnlockThrottled):
        reloaded.unwrap("sok", "correct horse battery")
    assert [ks.backoff_delay(n) for n in range(3, 8)] == [2, 4, 8, 16, 32]
    assert ks.backoff_delay(100) == ks.MAX_DELAY
    # Once the wait is over the right passphrase works and clears the counter.
    assert reloaded.wait_seconds("sok", now=time.time() + 3) == 0


def test_escrow_opens_with_the_recovery_private_key_only(tmp_path: Path) -> None:
    store = make(tmp_path)
    recovery = X25519PrivateKey.generate()
    store.set_escrow(KEY, recovery.public_key())
    assert Keystore.load(store.path).recover_key(recovery) == KEY
    with pytest.raises(WrongPassphrase):
        Keystore.load(store.path).recover_key(X25519PrivateKey.generate())


def test_no_escrow_yet(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        make(tmp_path).recover_key(X25519PrivateKey.generate())


def test_damaged_keystore_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "keystore.json"
    path.write_text("{not json")
    with pytest.raises(StoreCorrupt):
        Keystore.load(path)


def test_the_kdf_input_is_the_nfc_utf8_of_the_passphrase() -> None:
    decomposed = "ក\u17c1\u17b8ត្រ e\u0301t\u00e9 2026"  # Khmer vowel parts, a decomposed é
    assert bytes(ks.normalise_passphrase(decomposed)) == unicodedata.normalize(
        "NFC", decomposed).encode("utf-8")
    assert isinstance(ks.normalise_passphrase("x"), bytearray)  # zeroed after the KDF
