"""Creating a store, unlocking it, and managing users and their passphrases."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import select

from fieldapp.crypto.keystore import DEFAULT_KDF, KEY_BYTES, KdfParams, Keystore
from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, NotFound, StoreNotFound
from fieldapp.services.workspace import Actor, Workspace
from fieldapp.store import audit
from fieldapp.store.models import Device, Post, ServiceProvider, User
from fieldapp.store.reference import load_reference
from fieldapp.store.store import DataDir, Store


def _username_ok(username: str) -> str:
    username = username.strip()
    if not username or len(username) > 64 or any(c in username for c in "\0\n\r\t"):
        raise InvalidInput("user name: 1 to 64 characters, no tabs or line breaks")
    return username


def initialise(
    root: Path,
    *,
    post_code: str,
    username: str,
    passphrase: str,
    role: Role = Role.SUPERVISOR,
    display_name: str = "",
    kdf: KdfParams = DEFAULT_KDF,
    encrypted: bool = True,
) -> Workspace:
    """Create a new encrypted store for a post, with its first user; return it unlocked.

    `encrypted=False` exists only so benchmarks can run the same code on plain SQLite.
    """
    username = _username_ok(username)
    data_dir = DataDir(root)
    data_dir.prepare_new()
    key = os.urandom(KEY_BYTES)
    keystore = Keystore.create(data_dir.keystore)
    try:
        keystore.add_wrap(username, passphrase, key, kdf)
        store = Store(data_dir, key, plain=not encrypted)
    except BaseException:
        data_dir.keystore.unlink(missing_ok=True)
        for leftover in ("fieldapp.db", "fieldapp.db-wal", "fieldapp.db-shm"):
            (root / leftover).unlink(missing_ok=True)
        raise
    try:
        with store.session(username) as s:
            load_reference(s)
            s.flush()
            post = s.get(Post, post_code.upper())
            if post is None:
                codes = ", ".join(s.scalars(select(Post.code).order_by(Post.code)))
                raise InvalidInput(f"unknown post '{post_code}'; known posts: {codes}")
            device = Device(post_code=post.code)
            s.add(device)
            s.flush()
            store.set_device(device)
            s.info.update(device_id=device.id, post_code=post.code, clock=store.clock)
            centre = post.code if s.get(ServiceProvider, post.code) is not None else None
            s.add(User(username=username, display_name=display_name, role=role.value,
                       post_code=post.code, centre_code=centre))
            audit.append(s, "init", "device", device.id, {"post": post.code, "role": role.value})
    except BaseException:
        store.close()
        data_dir.keystore.unlink(missing_ok=True)
        for leftover in ("fieldapp.db", "fieldapp.db-wal", "fieldapp.db-shm"):
            (root / leftover).unlink(missing_ok=True)
        raise
    user_actor = Actor(username, role, post.code, centre)
    return Workspace(store, user_actor)


def keystore_of(root: Path) -> Keystore:
    data_dir = DataDir(root)
    data_dir.require()
    return Keystore.load(data_dir.keystore)


def usernames(root: Path) -> list[str]:
    """Who can unlock this device (for the unlock screen's picker)."""
    return keystore_of(root).usernames()


def unlock_key(root: Path, username: str, passphrase: str) -> bytes:
    """The slow part of unlocking (Argon2id); safe to run off the UI thread."""
    return keystore_of(root).unwrap(username, passphrase)


def open_workspace(root: Path, username: str, key: bytes) -> Workspace:
    """Open the store with an unwrapped key and sign `username` in (audited)."""
    store = Store(DataDir(root), key)
    try:
        with store.session(username) as s:
            user = s.scalars(select(User).where(User.username == username)).one_or_none()
            if user is None or not user.active:
                raise NotFound(f"user '{username}' is not active on this device")
            actor = Actor(user.username, Role(user.role), user.post_code, user.centre_code)
            audit.append(s, "login", "user", user.id)
    except BaseException:
        store.close()
        raise
    return Workspace(store, actor)


def unlock(root: Path, username: str, passphrase: str) -> Workspace:
    return open_workspace(root, username, unlock_key(root, username, passphrase))


def recover(root: Path, recovery_private: X25519PrivateKey, username: str) -> Workspace:
    """HQ's recovery: open a store whose passphrases are all forgotten, via the escrow wrap."""
    key = keystore_of(root).recover_key(recovery_private)
    return open_workspace(root, username, key)


# -- users -------------------------------------------------------------------------------
def add_user(
    ws: Workspace,
    username: str,
    passphrase: str,
    role: Role,
    *,
    display_name: str = "",
    centre_code: str | None = None,
    kdf: KdfParams = DEFAULT_KDF,
) -> User:
    ws.require(Role.SUPERVISOR)
    username = _username_ok(username)
    keystore = Keystore.load(ws.store.data_dir.keystore)
    if keystore.has_user(username):
        raise InvalidInput(f"user '{username}' already exists on this device")
    with ws.tx() as s:
        if role is Role.CENTRE_STAFF:
            centre_code = centre_code or ws.actor.centre_code
            provider = s.get(ServiceProvider, centre_code) if centre_code else None
            if provider is None or not provider.is_centre:
                raise InvalidInput("centre staff need a transit centre: give --centre (e.g. PTC)")
        user = User(username=username, display_name=display_name, role=role.value,
                    post_code=ws.actor.post_code, centre_code=centre_code)
        s.add(user)
        s.flush()
        audit.append(s, "user_add", "user", user.id, {"role": role.value})
        # The wrap is written last: if it fails, the transaction rolls back with it.
        keystore.add_wrap(username, passphrase, ws.store.key, kdf)
    return user


def list_users(ws: Workspace) -> list[User]:
    ws.require(Role.SUPERVISOR)
    with ws.tx() as s:
        return list(s.scalars(select(User).order_by(User.username)))


def change_passphrase(root: Path, username: str, old: str, new: str, kdf: KdfParams = DEFAULT_KDF) -> None:
    """Re-wrap the database key under a new passphrase; the database is not touched."""
    keystore = keystore_of(root)
    key = keystore.unwrap(username, old)
    keystore.add_wrap(username, new, key, kdf)


def reset_passphrase(ws: Workspace, username: str, new: str, kdf: KdfParams = DEFAULT_KDF) -> None:
    """A supervisor sets a new passphrase for another user (who forgot theirs)."""
    ws.require(Role.SUPERVISOR)
    keystore = Keystore.load(ws.store.data_dir.keystore)
    with ws.tx() as s:
        user = s.scalars(select(User).where(User.username == username)).one_or_none()
        if user is None:
            raise NotFound(f"no user '{username}' on this device")
        audit.append(s, "passphrase_reset", "user", user.id)
        keystore.add_wrap(username, new, ws.store.key, kdf)


def set_escrow(ws: Workspace, recovery_public: X25519PublicKey) -> None:
    """Seal the database key to HQ's recovery public key (called once HQ's key is known)."""
    keystore = Keystore.load(ws.store.data_dir.keystore)
    keystore.set_escrow(ws.store.key, recovery_public)
    with ws.tx() as s:
        audit.append(s, "escrow_set", "device", ws.store.device_id)


def wipe(root: Path) -> None:
    """Delete a device's store (after revocation); the caller has confirmed or exported."""
    data_dir = DataDir(root)
    if not data_dir.exists():
        raise StoreNotFound(f"no fieldapp store in {root}")
    shutil.rmtree(root)
