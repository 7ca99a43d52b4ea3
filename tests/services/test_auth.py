from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, PermissionDenied, StoreExists, WrongPassphrase
from fieldapp.services import auth, intake
from fieldapp.services.workspace import Workspace
from tests.conftest import FAST_KDF, PASSPHRASE, add_user


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_passphrase_change_rewraps_only(ws: Workspace, store_dir: Path) -> None:
    ws.close()
    before = {p.name: digest(p) for p in store_dir.glob("fieldapp.db*")}
    auth.change_passphrase(store_dir, "sup", PASSPHRASE, "a brand new passphrase", FAST_KDF)
    after = {p.name: digest(p) for p in store_dir.glob("fieldapp.db*")}
    assert after == before
    with pytest.raises(WrongPassphrase):
        auth.unlock_key(store_dir, "sup", PASSPHRASE)
    with auth.unlock(store_dir, "sup", "a brand new passphrase") as again:
        assert again.actor.role is Role.SUPERVISOR


def test_supervisor_resets_an_officers_passphrase(ws: Workspace, store_dir: Path) -> None:
    add_user(ws, "vichet", Role.OFFICER)
    auth.reset_passphrase(ws, "vichet", "given in person 2026", FAST_KDF)
    ws.close()
    with auth.unlock(store_dir, "vichet", "given in person 2026") as officer:
        assert officer.actor.role is Role.OFFICER
        with pytest.raises(PermissionDenied):
            auth.reset_passphrase(officer, "sup", "taking over the device")


def test_escrow_lets_hq_open_a_store_whose_passphrases_are_lost(ws: Workspace, store_dir: Path,
                                                               rescue: object) -> None:
    recovery = X25519PrivateKey.generate()
    auth.set_escrow(ws, recovery.public_key())
    ws.close()
    with auth.recover(store_dir, recovery, "sup") as recovered:
        assert intake.get_case(recovered, rescue.id).rescue.case_number  # type: ignore[attr-defined]


def test_init_refuses_an_existing_store_and_unknown_posts(ws: Workspace, store_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(StoreExists):
        auth.initialise(store_dir, post_code="POIPET", username="x", passphrase=PASSPHRASE, kdf=FAST_KDF)
    with pytest.raises(InvalidInput, match="unknown post"):
        auth.initialise(tmp_path / "other", post_code="NOWHERE", username="x", passphrase=PASSPHRASE,
                        kdf=FAST_KDF)
    assert not (tmp_path / "other" / "keystore.json").exists()


def test_centre_staff_need_a_transit_centre(ws: Workspace) -> None:
    with pytest.raises(InvalidInput, match="transit centre"):
        add_user(ws, "dara", Role.CENTRE_STAFF, centre="CWCC")
    add_user(ws, "dara", Role.CENTRE_STAFF, centre="PTC")
    assert [u.username for u in auth.list_users(ws)] == ["dara", "sup"]
