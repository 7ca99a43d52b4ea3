"""HQ at rest: identifying fields and narratives encrypted under a data key kept off the database host.

All encryption of stored record fields at HQ lives here. The data key (256 bits, random,
made by `fieldapp-hq init`) is never written beside the database: it is either a key
file the operator keeps on separate media (`--data-key-file PATH`) or wrapped under an
operator passphrase (Argon2id + AES-256-GCM). `hq-datakey.json` in the data folder holds
only a check value (and that passphrase wrap), so `serve` can tell a wrong key at start.

Stored values are `{field: [value, hlc]}`; a protected field's value becomes
`hq-sealed:1:<base64 nonce||ciphertext>` (AES-256-GCM, the entity, record id and field as
associated data) and its clock stamp stays clear, so merging by stamp works unchanged.
Records, the change log and parked changes are sealed by ORM events on their way into
the database and opened on load; code reading `fields` through Core (reports) calls
`open_fields`. A database written before this existed (release 0.1.0) is sealed in place
by `encrypt_existing` (`fieldapp-hq encrypt-at-rest`).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import json
import os
import signal
import threading
import time
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any, cast

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Engine, Table, bindparam, event, select, update
from sqlalchemy.orm import Session, attributes, object_session

from fieldapp.crypto.atomic import write_atomic, write_private
from fieldapp.crypto.keystore import DEFAULT_KDF, KdfParams, derive_wrapping_key
from fieldapp.domain.errors import FieldAppError, StoreExists
from fieldapp.hq import db
from fieldapp.hq.models import ChangeLog, ParkedChange, Record
from fieldapp.sync.protocol import loads

CONFIG_FILE = "hq-datakey.json"
ENV_KEY_FILE = "FIELDAPP_HQ_DATA_KEY_FILE"
PREFIX = "hq-sealed:1:"
INFO = "hq_data_key"
_CHECK = b"fieldapp hq data key check v1"
_WRAP_AAD = b"fieldapp hq data key wrap v1"

#: The fields that identify a person or tell their story, per entity. `extra` holds an
#: imported form's answers that have no column (they may name or locate a person). A field
#: added here is sealed for new writes at once; `fieldapp-hq encrypt-at-rest` seals what
#: was stored before (opening never depends on this list: a sealed value opens anywhere).
PROTECTED: dict[str, frozenset[str]] = {
    "victim": frozenset({"name_km", "name_latin", "date_of_birth", "contact_phone", "documents",
                         "extra"}),
    "statement": frozenset({"narrative", "child_protocol", "interviewer", "interpreter", "place",
                            "extra"}),
    "suspect": frozenset({"name", "alias", "description", "extra"}),
    "suspect_event": frozenset({"note", "extra"}),
    "suspect_identifier": frozenset({"value", "normalised", "extra"}),
    "rescue": frozenset({"place", "notes", "extra"}),
    "referral": frozenset({"notes", "extra"}),
    "referral_event": frozenset({"reason", "extra"}),
    "attachment": frozenset({"filename"}),
    # a victim's family, the case plan's notes, why a case moved
    "family_member": frozenset({"name", "phone", "home_address_detail", "extra"}),
    "follow_up": frozenset({"note", "outcome", "assigned_to", "extra"}),
    "case_transfer": frozenset({"reason", "extra"}),
}
#: Raised whenever PROTECTED grows (1: before suspects' identifiers, file names and extra
#: answers; 2: before family members, follow-ups, transfers and home addresses); `serve`
#: asks for `encrypt-at-rest` while the stored rows are behind it.
PROTECTED_VERSION = 3


class DataKeyError(FieldAppError):
    """HQ's data key is missing, wrong, or cannot be written where asked."""


# -- the key -----------------------------------------------------------------------------
def _check_value(key: bytes) -> str:
    return base64.b64encode(hmac.new(key, _CHECK, hashlib.sha256).digest()).decode()


def is_configured(data_dir: Path) -> bool:
    return (data_dir / CONFIG_FILE).exists()


def create(data_dir: Path, *, key_file: Path | None = None, passphrase: str | None = None,
           kdf: KdfParams = DEFAULT_KDF, adopt: bool = False) -> bytes:
    """Make the data key; write it to `key_file` (separate media) or wrap it under `passphrase`.

    With `adopt` (`fieldapp-hq encrypt-at-rest`, over a database already holding rows), a
    key file that already exists is taken as the key: the command wrote it and was stopped
    before it recorded the check value (rerun safely); and the rows are not sealed yet.
    """
    if is_configured(data_dir):
        raise StoreExists("HQ's data key already exists for {data_dir}", data_dir=data_dir)
    if (key_file is None) == (passphrase is None):
        raise DataKeyError("give --data-key-file PATH (on separate media) or --data-key-passphrase-stdin")
    key = os.urandom(32)
    config: dict[str, Any] = {"version": 1, "check": _check_value(key), "wrap": None,
                              "sealed": 0 if adopt else PROTECTED_VERSION}
    if key_file is not None:
        if key_file.resolve().parent == data_dir.resolve():
            raise DataKeyError("the data key file must not be in HQ's data folder: put it on separate media")
        try:
            write_private(key_file, (key.hex() + "\n").encode(), exclusive=True)
        except FileExistsError:
            if not adopt:
                raise StoreExists("{key_file} already exists; choose another file",
                                  key_file=key_file) from None
            key = _read_key_file(key_file)
            config["check"] = _check_value(key)
        except OSError as exc:
            raise DataKeyError("cannot write {key_file}: {strerror}",
                               key_file=key_file, strerror=exc.strerror) from None
    else:
        assert passphrase is not None
        salt, nonce = os.urandom(16), os.urandom(12)
        wrapping = derive_wrapping_key(passphrase, salt, kdf)
        config["wrap"] = {"params": asdict(kdf), "salt": base64.b64encode(salt).decode(),
                          "nonce": base64.b64encode(nonce).decode(),
                          "wrapped": base64.b64encode(AESGCM(wrapping).encrypt(nonce, key, _WRAP_AAD)).decode()}
    write_atomic(data_dir / CONFIG_FILE, json.dumps(config, indent=1).encode())
    return key


def unlock(data_dir: Path, *, key_file: Path | None = None, passphrase: str | None = None) -> bytes:
    """The data key, from the key file (or $FIELDAPP_HQ_DATA_KEY_FILE) or the passphrase."""
    try:
        config = json.loads((data_dir / CONFIG_FILE).read_text())
    except FileNotFoundError:
        raise DataKeyError("HQ in {data_dir} has no data key: run 'fieldapp-hq init'",
                           data_dir=data_dir) from None
    except ValueError:
        raise DataKeyError("{config_file} is damaged", config_file=CONFIG_FILE) from None
    if key_file is None and passphrase is None and os.environ.get(ENV_KEY_FILE):
        key_file = Path(os.environ[ENV_KEY_FILE])
    if key_file is not None:
        key = _read_key_file(key_file)
    elif passphrase is not None and config.get("wrap"):
        wrap = config["wrap"]
        wrapping = derive_wrapping_key(passphrase, base64.b64decode(wrap["salt"]), KdfParams(**wrap["params"]))
        try:
            key = AESGCM(wrapping).decrypt(base64.b64decode(wrap["nonce"]), base64.b64decode(wrap["wrapped"]),
                                           _WRAP_AAD)
        except InvalidTag:
            raise DataKeyError("wrong data key passphrase") from None
    else:
        how = "--data-key-passphrase-stdin" if config.get("wrap") else f"--data-key-file PATH (or ${ENV_KEY_FILE})"
        raise DataKeyError("HQ's data is encrypted: give {how}", how=how)
    if not hmac.compare_digest(_check_value(key), config["check"]):
        raise DataKeyError("this data key does not belong to this HQ")
    return key


def sealed_version(data_dir: Path) -> int:
    """The `PROTECTED_VERSION` every stored row was last sealed to (0: not yet; a data key
    made before versions were kept counts as 1)."""
    try:
        config = json.loads((data_dir / CONFIG_FILE).read_text())
    except (OSError, ValueError):
        return 0
    return int(config.get("sealed", 1))


def mark_sealed(data_dir: Path) -> None:
    """Record that every stored row is sealed to today's `PROTECTED`."""
    config = json.loads((data_dir / CONFIG_FILE).read_text())
    config["sealed"] = PROTECTED_VERSION
    write_atomic(data_dir / CONFIG_FILE, json.dumps(config, indent=1).encode())


def _read_key_file(key_file: Path) -> bytes:
    try:
        key = bytes.fromhex(key_file.read_text().strip())
    except FileNotFoundError:
        raise DataKeyError("no data key file at {key_file}: is the key media attached?",
                           key_file=key_file) from None
    except ValueError:
        raise DataKeyError("{key_file} is not an HQ data key file", key_file=key_file) from None
    if len(key) != 32:
        raise DataKeyError("{key_file} is not an HQ data key file", key_file=key_file)
    return key


# -- fields ------------------------------------------------------------------------------
def _aad(entity: str, entity_id: str, name: str) -> bytes:
    return b"\x00".join((b"fieldapp hq at rest v1", entity.encode(), entity_id.encode(), name.encode()))


@functools.lru_cache(maxsize=4)
def _aead(key: bytes) -> AESGCM:
    """The cipher of a data key, made once (it only holds the key; safe across threads)."""
    return AESGCM(key)


class _Nonces(threading.local):
    """Random 96-bit nonces drawn from the system's generator a block at a time (one call
    per 4,096 sealed values instead of one each), per thread; a forked process draws its
    own block first, so no two processes ever use a nonce of the same block."""

    def __init__(self) -> None:
        self.block, self.at, self.pid = b"", 0, 0

    def next(self) -> bytes:
        if self.at >= len(self.block) or self.pid != os.getpid():
            self.block, self.at, self.pid = os.urandom(12 * 4096), 0, os.getpid()
        self.at += 12
        return self.block[self.at - 12:self.at]


_nonces = _Nonces()


#: Sealed values kept for reuse: (entity, id, field) -> (stamp, value, sealed value).
Sealed = dict[tuple[str, str, str], tuple[Any, Any, str]]


def seal_fields(key: bytes | None, entity: str, entity_id: str,
                fields: Mapping[str, Any], reuse: Sealed | None = None) -> dict[str, Any]:
    """A copy of `fields` ({name: [value, hlc]}) with the protected values sealed.

    With `reuse`, a value sealed before for the same field of the same record with the same
    stamp is taken from it (the ingest writes each change into the change log and into its
    record: the same plaintext, so the same ciphertext reveals nothing more).
    """
    names = PROTECTED.get(entity)
    if key is None or not names or not fields:
        return dict(fields)
    out = dict(fields)
    for name in names & out.keys():
        value, stamp = out[name][0], out[name][1]
        if value is None or (isinstance(value, str) and value.startswith(PREFIX)):
            continue
        hit = reuse.get((entity, entity_id, name)) if reuse is not None else None
        if hit is not None and hit[0] == stamp and type(hit[1]) is type(value) \
                and hit[1] == value:
            out[name] = [hit[2], stamp]
            continue
        nonce = _nonces.next()
        plain = db.json_bytes(value)
        ct = _aead(key).encrypt(nonce, plain, _aad(entity, entity_id, name))
        sealed = PREFIX + base64.b64encode(nonce + ct).decode("ascii")
        out[name] = [sealed, stamp]
        if reuse is not None:
            reuse[(entity, entity_id, name)] = (stamp, value, sealed)
    return out


def open_fields(key: bytes | None, entity: str, entity_id: str,
                fields: Mapping[str, Any]) -> dict[str, Any]:
    """The inverse of `seal_fields`."""
    if not fields:
        return dict(fields or {})
    out = dict(fields)
    aead = None
    for name, entry in out.items():
        value = entry[0] if isinstance(entry, list | tuple) and entry else None
        if not (isinstance(value, str) and value.startswith(PREFIX)):
            continue
        if key is None:
            raise DataKeyError("HQ's data is encrypted and no data key was given")
        aead = aead or AESGCM(key)  # one per record: a pull opens thousands a second
        raw = base64.b64decode(value[len(PREFIX):])
        try:
            plain = aead.decrypt(raw[:12], raw[12:], _aad(entity, entity_id, name))
        except InvalidTag:
            raise DataKeyError("a stored {entity} field does not open with this data key",
                               entity=entity) from None
        out[name] = [loads(plain), entry[1]]
    return out


# -- parked changes: kept whole, sealed as one value ------------------------------------
_PARKED = "hq-sealed"


def seal_change(key: bytes | None, device_id: str, seq: int, change: Any) -> Any:
    """A parked change as stored: the whole change (it may not even parse) sealed as one value."""
    if key is None or (isinstance(change, dict) and change.keys() == {_PARKED}):
        return change
    nonce = os.urandom(12)
    plain = db.json_bytes(change)
    ct = AESGCM(key).encrypt(nonce, plain, _aad("parked", device_id, str(seq)))
    return {_PARKED: PREFIX + base64.b64encode(nonce + ct).decode("ascii")}


def open_change(key: bytes | None, device_id: str, seq: int, stored: Any) -> Any:
    """The inverse of `seal_change`."""
    if not (isinstance(stored, dict) and stored.keys() == {_PARKED}):
        return stored
    if key is None:
        raise DataKeyError("HQ's data is encrypted and no data key was given")
    raw = base64.b64decode(stored[_PARKED][len(PREFIX):])
    try:
        plain = AESGCM(key).decrypt(raw[:12], raw[12:], _aad("parked", device_id, str(seq)))
    except InvalidTag:
        raise DataKeyError("a parked change does not open with this data key") from None
    return json.loads(plain)


# -- the hooks: records, the change log and parked changes, sealed in and opened out -----
Row = Record | ChangeLog | ParkedChange


def key_of(session: Session | None) -> bytes | None:
    return session.info.get(INFO) if session is not None else None


def _attr(target: Row) -> str:
    return "change" if isinstance(target, ParkedChange) else "fields"


def _sealed(key: bytes, target: Row, clear: Any) -> Any:
    if isinstance(target, ParkedChange):
        return seal_change(key, target.device_id, target.seq, clear)
    return seal_fields(key, target.entity, target.entity_id, clear)


def _opened(key: bytes, target: Row, stored: Any) -> Any:
    if isinstance(target, ParkedChange):
        return open_change(key, target.device_id, target.seq, stored)
    return open_fields(key, target.entity, target.entity_id, stored)


def _protected(target: Row) -> bool:
    return isinstance(target, ParkedChange) or target.entity in PROTECTED


def _seal(target: Row, *, update: bool = False) -> None:
    session = object_session(target)
    key = key_of(session)
    name = _attr(target)
    clear = getattr(target, name)
    if key is None or not clear or not _protected(target):
        return
    if update and not attributes.get_history(target, name).has_changes():
        return
    setattr(target, name, _sealed(key, target, clear))
    assert session is not None
    session.info.setdefault("hq_unsealed", {})[id(target)] = clear


def _restore(target: Row) -> None:
    session = object_session(target)
    clear = session.info.get("hq_unsealed", {}).pop(id(target), None) if session else None
    if clear is not None:
        attributes.set_committed_value(target, _attr(target), clear)


def _open(target: Row, session: Session | None) -> None:
    key = key_of(session)
    name = _attr(target)
    value = target.__dict__.get(name)
    if key is not None and value and _protected(target):
        attributes.set_committed_value(target, name, _opened(key, target, value))


for _model in (Record, ChangeLog, ParkedChange):
    event.listen(_model, "before_insert", lambda _m, _c, t: _seal(t))
    event.listen(_model, "before_update", lambda _m, _c, t: _seal(t, update=True))
    event.listen(_model, "after_insert", lambda _m, _c, t: _restore(t))
    event.listen(_model, "after_update", lambda _m, _c, t: _restore(t))
    event.listen(_model, "load", lambda t, ctx: _open(t, ctx.session))
    event.listen(_model, "refresh", lambda t, ctx, _a: _open(t, ctx.session))


# -- upgrade: a database written before at-rest encryption (release 0.1.0) --------------
#: Test hook: kill the process (SIGKILL) inside the transaction of this batch (1-based).
_CRASH_ENV = "FIELDAPP_TEST_ENCRYPT_CRASH_AT_BATCH"


def encrypt_existing(engine: Engine, key: bytes, *, batch: int = 500) -> dict[str, int]:
    """Seal every protected value already stored in the clear; {table: rows rewritten}.

    Idempotent and crash-safe: each batch of rows is one transaction, and a value already
    sealed is left as it is, so a run stopped at any point (power cut, kill) is finished by
    running it again; in between, HQ reads the mix (clear values open as they are), and a
    server started meanwhile may keep running: each batch's rows are locked while sealed.
    Afterwards the old clear pages are scrubbed: SQLite overwrites freed pages
    (`secure_delete`) and is vacuumed; PostgreSQL's tables are rewritten (`VACUUM FULL`).
    """
    crash_at = int(os.environ.get(_CRASH_ENV, "0"))
    done: dict[str, int] = {}
    batches = 0
    sqlite = engine.dialect.name == "sqlite"
    for model in (Record, ChangeLog, ParkedChange):
        table = cast(Table, model.__table__)
        pk = next(iter(table.primary_key.columns))
        col = table.c[_attr_name(model)]
        last, count = None, 0
        while True:
            with engine.begin() as conn:
                # The batch's rows are locked from the read to the commit, so a server running
                # meanwhile waits instead of having its merge overwritten: PostgreSQL locks
                # them (FOR UPDATE); SQLite takes the write lock before reading (its driver
                # would otherwise read outside the transaction).
                if sqlite:
                    conn.exec_driver_sql("PRAGMA secure_delete = ON")
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                q = select(table).order_by(pk).limit(batch).with_for_update()
                if last is not None:
                    q = q.where(pk > last)
                rows = conn.execute(q).mappings().all()
                if not rows:
                    break
                batches += 1
                changed = []
                for row in rows:
                    sealed = _seal_row(key, model, row)
                    if sealed != row[col.name]:
                        changed.append({"_pk": row[pk.name], "_sealed": sealed})
                if changed:  # one executemany per batch (PostgreSQL: far fewer round trips)
                    conn.execute(update(table).where(pk == bindparam("_pk"))
                                 .values({col.name: bindparam("_sealed")}), changed)
                    count += len(changed)
                if batches == crash_at:
                    os.kill(os.getpid(), signal.SIGKILL)
                last = rows[-1][pk.name]
        done[table.name] = count
    _scrub(engine)
    return done


def _attr_name(model: type[Row]) -> str:
    return "change" if model is ParkedChange else "fields"


def _seal_row(key: bytes, model: type[Row], row: Mapping[Any, Any]) -> Any:
    if model is ParkedChange:
        return seal_change(key, row["device_id"], row["seq"], row["change"])
    return seal_fields(key, row["entity"], row["entity_id"], row["fields"])


def _scrub(engine: Engine) -> None:
    """Leave no clear copy of the rewritten rows in freed pages or dead tuples."""
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        if engine.dialect.name == "sqlite":
            conn.exec_driver_sql("PRAGMA secure_delete = ON")
            conn.exec_driver_sql("VACUUM")
            # Again while another checkpoint holds the log (`db.WalCheckpointer`'s thread):
            # the log is emptied only by a checkpoint that was not busy.
            for _ in range(600):
                busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").scalar()
                if not busy:
                    break
                time.sleep(0.05)
        else:
            for model in (Record, ChangeLog, ParkedChange):
                conn.exec_driver_sql(f"VACUUM FULL {cast(Table, model.__table__).name}")


def count_clear(engine: Engine) -> int:
    """How many stored rows still hold a protected value in the clear (0 once sealed)."""
    n = 0
    with engine.connect() as conn:
        for model in (Record, ChangeLog, ParkedChange):
            table = cast(Table, model.__table__)
            col = _attr_name(model)
            for row in conn.execute(select(table)).mappings():
                n += _seal_row(_PROBE, model, row) != row[col]
    return n


_PROBE = bytes(32)  # any key: only whether sealing would change the row is asked
