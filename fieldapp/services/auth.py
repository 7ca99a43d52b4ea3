"""Creating a store, unlocking it, and managing users and their passphrases."""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import select

from fieldapp.crypto import passphrase as passphrase_policy
from fieldapp.crypto.keystore import DEFAULT_KDF, KEY_BYTES, KdfParams, KeyRing, Keystore
from fieldapp.crypto.keystore import MIN_PASSPHRASE_LENGTH as MIN_PASSPHRASE_LENGTH
from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, NotFound, StoreNotFound
from fieldapp.reports import store_counts
from fieldapp.services.workspace import Actor, Workspace
from fieldapp.store import audit, sealing, shred
from fieldapp.store.models import SEALING_VERSION, Device, Post, ServiceProvider, User
from fieldapp.store.reference import load_reference, read_reference
from fieldapp.store.store import DataDir, Store

#: Roles whose wraps hold the statement key (see README, "Security": the key hierarchy).
STATEMENT_READERS = frozenset({Role.OFFICER, Role.SUPERVISOR})
#: The passphrase policy's shortest passphrase (the window shows it; it reaches crypto only
#: through services, like `MIN_PASSPHRASE_LENGTH`, `DEFAULT_KDF` and `KdfParams` above).
POLICY_MIN_LENGTH = passphrase_policy.MIN_LENGTH
#: Why the policy refuses a passphrase (the window's meter says the same words).
REASONS = passphrase_policy.REASONS
#: What shredding cannot reach on an SSD (the command line prints it after a wipe).
SSD_NOTE = shred.SSD_NOTE


def check_passphrase(passphrase: str, *, username: str = "", post: str = "") -> None:
    """THE passphrase policy (CLI, first-run wizard, Admin reset): raise PassphraseTooWeak.

    A strength estimate (zxcvbn, plus our own handling of Khmer text), not only a length;
    the user's name and the post's code and names count as guessable words.
    """
    passphrase_policy.require_strong(passphrase, user_inputs=_inputs(username, post))


def estimate_passphrase(passphrase: str, *, username: str = "", post: str = "") -> passphrase_policy.Estimate:
    """The same estimate, for the strength meter."""
    return passphrase_policy.estimate(passphrase, user_inputs=_inputs(username, post))


def _inputs(username: str, post: str) -> list[str]:
    words = [w for w in (username, post) if w]
    if post:
        for p in read_reference().get("posts", []):
            if p["code"].upper() == post.upper():
                words += [p["en"], p["km"]]
    return words


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
    check_passphrase(passphrase, username=username, post=post_code)
    data_dir = DataDir(root)
    data_dir.prepare_new()
    keys = KeyRing.of(os.urandom(KEY_BYTES), os.urandom(KEY_BYTES))
    keystore = Keystore.create(data_dir.keystore)
    try:
        keystore.add_wrap(username, passphrase, keys.db_key, kdf,
                          statement_key=keys.statement_key if role in STATEMENT_READERS else None)
        keystore.mark_statement_sealing()
        store = Store(data_dir, keys.db_key, plain=not encrypted, statement_key=keys.statement_key)
        store.on_commit(store_counts.drain)
    except BaseException:
        data_dir.keystore.unlink(missing_ok=True)
        for leftover in ("fieldapp.db", "fieldapp.db-wal", "fieldapp.db-shm", "keystore.json.bak"):
            (root / leftover).unlink(missing_ok=True)
        raise
    try:
        with store.session(username) as s:
            load_reference(s)
            s.flush()
            post = s.get(Post, post_code.upper())
            if post is None:
                codes = ", ".join(s.scalars(select(Post.code).order_by(Post.code)))
                raise InvalidInput("unknown post '{post_code}'; known posts: {codes}",
                                   post_code=post_code, codes=codes)
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
        for leftover in ("fieldapp.db", "fieldapp.db-wal", "fieldapp.db-shm", "keystore.json.bak"):
            (root / leftover).unlink(missing_ok=True)
        raise
    if role not in STATEMENT_READERS:
        # The first user cannot read statements: keep the key for the first entitled user.
        keystore.set_transit(keys.db_key, keys.statement_key or b"")
        store.set_statement_key(None)
    keys.wipe()
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


def unlock_keys(root: Path, username: str, passphrase: str) -> KeyRing:
    """Both keys `username`'s wrap holds (the statement key only for entitled roles)."""
    return keystore_of(root).unwrap_keys(username, passphrase)


def open_workspace(root: Path, username: str, key: bytes | KeyRing,
                   passphrase: str | None = None, kdf: KdfParams | None = None) -> Workspace:
    """Open the store with unwrapped keys and sign `username` in (audited).

    With `passphrase`, a wrap made before statement keys existed is rewritten to hold it
    (and a store made by an earlier release gets its statement key, see `_statement_key`).
    """
    keys = key if isinstance(key, KeyRing) else KeyRing.of(key, legacy=True)
    store = Store(DataDir(root), keys.db_key, statement_key=keys.statement_key)
    store.on_commit(store_counts.drain)  # the report counters, kept in each transaction
    try:
        with store.session(username) as s:
            user = s.scalars(select(User).where(User.username == username)).one_or_none()
            if user is None or not user.active:
                raise NotFound("user '{username}' is not active on this device", username=username)
            actor = Actor(user.username, Role(user.role), user.post_code, user.centre_code)
            audit.append(s, "login", "user", user.id)
        if actor.role in STATEMENT_READERS and store.statement_key is None:
            _statement_key(store, username, passphrase, kdf)
        elif actor.role not in STATEMENT_READERS:
            store.set_statement_key(None)
        if store.statement_key is not None:
            _seal_pending(store, username)
    except BaseException:
        store.close()
        raise
    finally:
        keys.wipe()
    return Workspace(store, actor)


def _statement_key(store: Store, username: str, passphrase: str | None, kdf: KdfParams | None) -> None:
    """An entitled user whose wrap lacks the statement key (a store of an earlier release).

    The key comes from the transit wrap; if the store has none yet, it is made now and
    every statement is sealed. With the passphrase, the user's own wrap then takes the key,
    and once every active officer and supervisor holds it the transit wrap is dropped.
    """
    keystore = Keystore.load(store.data_dir.keystore)
    st_key = keystore.transit_key(store.key)
    if st_key is None and not keystore.has_statement_key():
        st_key = os.urandom(KEY_BYTES)
        keystore.set_transit(store.key, st_key)
        store.set_statement_key(st_key)  # `_seal_pending` seals every statement next
    if st_key is None:
        return  # the transit wrap is gone: this wrap was left behind; a supervisor resets it
    store.set_statement_key(st_key)
    if passphrase is None:
        return
    params = kdf or keystore.kdf_params(username)
    keystore.add_wrap(username, passphrase, store.key, params, statement_key=st_key)
    with store.session(username) as s:
        readers = [u.username for u in s.scalars(select(User).where(User.active.is_(True)))
                   if Role(u.role) in STATEMENT_READERS]
    if all(keystore.holds_statement_key(u) for u in readers if keystore.has_user(u)):
        keystore.drop_transit()


def _seal_pending(store: Store, username: str) -> None:
    """Seal what a store of an earlier release left in the clear, or sealed uncompressed
    (`Device.sealing` behind `SEALING_VERSION`): one transaction, so a power cut leaves it to
    the next unlock."""
    with store.session(username) as s:
        device = s.scalars(select(Device)).first()
        if device is None or device.sealing >= SEALING_VERSION:
            return
        count = sealing.seal_existing(s)
        device.sealing = SEALING_VERSION
        audit.append(s, "statements_sealed", "device", store.device_id,
                     {"count": count, "version": SEALING_VERSION})


def unlock(root: Path, username: str, passphrase: str) -> Workspace:
    return open_workspace(root, username, unlock_keys(root, username, passphrase), passphrase)


def recover(root: Path, recovery_private: X25519PrivateKey, username: str) -> Workspace:
    """HQ's recovery: open a store whose passphrases are all forgotten, via the escrow wrap."""
    keys = keystore_of(root).recover_keys(recovery_private)
    return open_workspace(root, username, keys)


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
    check_passphrase(passphrase, username=username, post=ws.actor.post_code)
    keystore = Keystore.load(ws.store.data_dir.keystore)
    if keystore.has_user(username):
        raise InvalidInput("user '{username}' already exists on this device", username=username)
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
        keystore.add_wrap(username, passphrase, ws.store.key, kdf,
                          statement_key=_entitled_key(ws, role))
    return user


def _entitled_key(ws: Workspace, role: Role) -> bytearray | None:
    """The statement key, for a wrap of a role entitled to it; None for the others."""
    if role not in STATEMENT_READERS:
        return None
    if ws.store.statement_key is None:
        raise InvalidInput("this session does not hold the statement key: unlock as a supervisor")
    return ws.store.statement_key


def list_users(ws: Workspace) -> list[User]:
    ws.require(Role.SUPERVISOR)
    with ws.tx() as s:
        return list(s.scalars(select(User).order_by(User.username)))


def change_passphrase(root: Path, username: str, old: str, new: str, kdf: KdfParams = DEFAULT_KDF) -> None:
    """Re-wrap the database key under a new passphrase; the database is not touched."""
    keystore = keystore_of(root)
    check_passphrase(new, username=username)
    keys = keystore.unwrap_keys(username, old)
    try:
        keystore.add_wrap(username, new, keys.db_key, kdf, statement_key=keys.statement_key)
    finally:
        keys.wipe()


def reset_passphrase(ws: Workspace, username: str, new: str, kdf: KdfParams = DEFAULT_KDF) -> None:
    """A supervisor sets a new passphrase for another user (who forgot theirs)."""
    ws.require(Role.SUPERVISOR)
    keystore = Keystore.load(ws.store.data_dir.keystore)
    with ws.tx() as s:
        user = s.scalars(select(User).where(User.username == username)).one_or_none()
        if user is None:
            raise NotFound("no user '{username}' on this device", username=username)
        check_passphrase(new, username=username, post=user.post_code)
        audit.append(s, "passphrase_reset", "user", user.id)
        keystore.add_wrap(username, new, ws.store.key, kdf,
                          statement_key=_entitled_key(ws, Role(user.role)))


def set_escrow(ws: Workspace, recovery_public: X25519PublicKey) -> None:
    """Seal the database key to HQ's recovery public key (called once HQ's key is known)."""
    keystore = Keystore.load(ws.store.data_dir.keystore)
    # HQ's recovery wrap holds both keys: statements survive every passphrase forgotten.
    st_key = ws.store.statement_key or keystore.transit_key(ws.store.key)
    if st_key is None and keystore.has_escrow():
        return  # a centre-staff session cannot rebuild it; an officer's or supervisor's will
    keystore.set_escrow(ws.store.key, recovery_public, statement_key=st_key)
    with ws.tx() as s:
        audit.append(s, "escrow_set", "device", ws.store.device_id)


def wipe(root: Path) -> None:
    """Overwrite, then delete, a device's store (after revocation); the caller has confirmed.

    `store.shred` overwrites the keystore and the database (header pages first) and their
    -wal/-shm files in place before unlinking; `shred.SSD_NOTE` says what it cannot reach.
    """
    data_dir = DataDir(root)
    if not data_dir.exists():
        raise StoreNotFound("no fieldapp store in {root}", root=root)
    shred.shred_store(root)
