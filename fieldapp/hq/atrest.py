"""HQ at rest: identifying fields and narratives encrypted under a data key kept off the database host.

All encryption of stored record fields at HQ lives here. The data key (256 bits, random,
made by `fieldapp-hq init`) is never written beside the database: it is either a key
file the operator keeps on separate media (`--data-key-file PATH`) or wrapped under an
operator passphrase (Argon2id + AES-256-GCM). `hq-datakey.json` in the data folder holds
only a check value (and that passphrase wrap), so `serve` can tell a wrong key at start.

Stored values are `{field: [value, hlc]}`; a protected field's value becomes
`hq-sealed:1:<base64 nonce||ciphertext>` (AES-256-GCM, the entity, record id and field as
associated data) and its clock stamp stays clear, so merging by stamp works unchanged.
Records and the change log are sealed by ORM events on their way into the database and
opened on load; code reading `fields` through Core (reports) calls `open_fields`.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from collections.abc import Mapping
from dataclasses import asdict
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import event
from sqlalchemy.orm import Session, attributes, object_session

from fieldapp.crypto.atomic import write_atomic, write_private
from fieldapp.crypto.keystore import DEFAULT_KDF, KdfParams, derive_wrapping_key
from fieldapp.domain.errors import FieldAppError, StoreExists
from fieldapp.hq.models import ChangeLog, Record

CONFIG_FILE = "hq-datakey.json"
ENV_KEY_FILE = "FIELDAPP_HQ_DATA_KEY_FILE"
PREFIX = "hq-sealed:1:"
INFO = "hq_data_key"
_CHECK = b"fieldapp hq data key check v1"
_WRAP_AAD = b"fieldapp hq data key wrap v1"

#: The fields that identify a person or tell their story, per entity.
PROTECTED: dict[str, frozenset[str]] = {
    "victim": frozenset({"name_km", "name_latin", "date_of_birth", "contact_phone", "documents",
                         "home_address_detail"}),
    "statement": frozenset({"narrative", "child_protocol", "interviewer", "interpreter", "place"}),
    "suspect": frozenset({"name", "alias", "description"}),
    "rescue": frozenset({"place", "notes"}),
    "referral": frozenset({"notes"}),
    "referral_event": frozenset({"reason"}),
    # h13: a victim's family, the case plan's notes, why a case moved
    "family_member": frozenset({"name", "phone", "home_address_detail"}),
    "follow_up": frozenset({"note", "outcome", "assigned_to"}),
    "case_transfer": frozenset({"reason"}),
}


class DataKeyError(FieldAppError):
    """HQ's data key is missing, wrong, or cannot be written where asked."""


# -- the key -----------------------------------------------------------------------------
def _check_value(key: bytes) -> str:
    return base64.b64encode(hmac.new(key, _CHECK, hashlib.sha256).digest()).decode()


def is_configured(data_dir: Path) -> bool:
    return (data_dir / CONFIG_FILE).exists()


def create(data_dir: Path, *, key_file: Path | None = None, passphrase: str | None = None,
           kdf: KdfParams = DEFAULT_KDF) -> bytes:
    """Make the data key; write it to `key_file` (separate media) or wrap it under `passphrase`."""
    if is_configured(data_dir):
        raise StoreExists(f"HQ's data key already exists for {data_dir}")
    if (key_file is None) == (passphrase is None):
        raise DataKeyError("give --data-key-file PATH (on separate media) or --data-key-passphrase-stdin")
    key = os.urandom(32)
    config: dict[str, Any] = {"version": 1, "check": _check_value(key), "wrap": None}
    if key_file is not None:
        if key_file.resolve().parent == data_dir.resolve():
            raise DataKeyError("the data key file must not be in HQ's data folder: put it on separate media")
        try:
            write_private(key_file, (key.hex() + "\n").encode(), exclusive=True)
        except FileExistsError:
            raise StoreExists(f"{key_file} already exists; choose another file") from None
        except OSError as exc:
            raise DataKeyError(f"cannot write {key_file}: {exc.strerror}") from None
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
        raise DataKeyError(f"HQ in {data_dir} has no data key: run 'fieldapp-hq init'") from None
    except ValueError:
        raise DataKeyError(f"{CONFIG_FILE} is damaged") from None
    if key_file is None and passphrase is None and os.environ.get(ENV_KEY_FILE):
        key_file = Path(os.environ[ENV_KEY_FILE])
    if key_file is not None:
        try:
            key = bytes.fromhex(key_file.read_text().strip())
        except FileNotFoundError:
            raise DataKeyError(f"no data key file at {key_file}: is the key media attached?") from None
        except ValueError:
            raise DataKeyError(f"{key_file} is not an HQ data key file") from None
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
        raise DataKeyError(f"HQ's data is encrypted: give {how}")
    if not hmac.compare_digest(_check_value(key), config["check"]):
        raise DataKeyError("this data key does not belong to this HQ")
    return key


# -- fields ------------------------------------------------------------------------------
def _aad(entity: str, entity_id: str, name: str) -> bytes:
    return b"\x00".join((b"fieldapp hq at rest v1", entity.encode(), entity_id.encode(), name.encode()))


def seal_fields(key: bytes | None, entity: str, entity_id: str,
                fields: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of `fields` ({name: [value, hlc]}) with the protected values sealed."""
    names = PROTECTED.get(entity)
    if key is None or not names or not fields:
        return dict(fields)
    out = dict(fields)
    for name in names & out.keys():
        value, stamp = out[name][0], out[name][1]
        if value is None or (isinstance(value, str) and value.startswith(PREFIX)):
            continue
        nonce = os.urandom(12)
        plain = json.dumps(value, ensure_ascii=False).encode("utf-8")
        ct = AESGCM(key).encrypt(nonce, plain, _aad(entity, entity_id, name))
        out[name] = [PREFIX + base64.b64encode(nonce + ct).decode("ascii"), stamp]
    return out


def open_fields(key: bytes | None, entity: str, entity_id: str,
                fields: Mapping[str, Any]) -> dict[str, Any]:
    """The inverse of `seal_fields`."""
    if not fields:
        return dict(fields or {})
    out = dict(fields)
    for name, entry in out.items():
        value = entry[0] if isinstance(entry, list | tuple) and entry else None
        if not (isinstance(value, str) and value.startswith(PREFIX)):
            continue
        if key is None:
            raise DataKeyError("HQ's data is encrypted and no data key was given")
        raw = base64.b64decode(value[len(PREFIX):])
        try:
            plain = AESGCM(key).decrypt(raw[:12], raw[12:], _aad(entity, entity_id, name))
        except InvalidTag:
            raise DataKeyError(f"a stored {entity} field does not open with this data key") from None
        out[name] = [json.loads(plain), entry[1]]
    return out


# -- the hooks: records and the change log, sealed in and opened out ---------------------
def key_of(session: Session | None) -> bytes | None:
    return session.info.get(INFO) if session is not None else None


def _seal(target: Record | ChangeLog, *, update: bool = False) -> None:
    session = object_session(target)
    key = key_of(session)
    if key is None or not target.fields or target.entity not in PROTECTED:
        return
    if update and not attributes.get_history(target, "fields").has_changes():
        return
    clear = target.fields
    target.fields = seal_fields(key, target.entity, target.entity_id, clear)
    assert session is not None
    session.info.setdefault("hq_unsealed", {})[id(target)] = clear


def _restore(target: Record | ChangeLog) -> None:
    session = object_session(target)
    clear = session.info.get("hq_unsealed", {}).pop(id(target), None) if session else None
    if clear is not None:
        attributes.set_committed_value(target, "fields", clear)


def _open(target: Record | ChangeLog, session: Session | None) -> None:
    key = key_of(session)
    value = target.__dict__.get("fields")
    if key is not None and value and target.entity in PROTECTED:
        attributes.set_committed_value(target, "fields",
                                       open_fields(key, target.entity, target.entity_id, value))


for _model in (Record, ChangeLog):
    event.listen(_model, "before_insert", lambda _m, _c, t: _seal(t))
    event.listen(_model, "before_update", lambda _m, _c, t: _seal(t, update=True))
    event.listen(_model, "after_insert", lambda _m, _c, t: _restore(t))
    event.listen(_model, "after_update", lambda _m, _c, t: _restore(t))
    event.listen(_model, "load", lambda t, ctx: _open(t, ctx.session))
    event.listen(_model, "refresh", lambda t, ctx, _a: _open(t, ctx.session))
