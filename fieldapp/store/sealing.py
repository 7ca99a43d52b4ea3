"""Statement content sealed under the statement key on its way into the store, opened on load.

The ORM attributes stay in the clear for the code that holds the key (services, sync,
merge), while the rows, the outbox and pulled records hold only sealed values: a mapper
`before_insert`/`before_update` swaps in the sealed value and puts the clear one back
after the write; `load`/`refresh` open what comes back. A session without the statement
key (a centre-staff user) sees sealed values, and cannot store clear ones.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, inspect, select, update
from sqlalchemy.orm import Session, attributes, object_session

from fieldapp.crypto import sealed
from fieldapp.domain.errors import PermissionDenied
from fieldapp.domain.ids import uuid7
from fieldapp.store.models import Attachment, Draft, Outbox, Statement

#: Fields of each entity sealed under the statement key: what the child said, how the
#: interview was protected, and who heard it where (an interpreter's or a shelter's name
#: locates the child).
SEALED_FIELDS: dict[str, tuple[str, ...]] = {
    "statement": ("narrative", "child_protocol", "interviewer", "interpreter", "place")}
#: Attachments of these owners have their file key sealed.
SEALED_OWNERS = frozenset({"statement"})
KEY_INFO = "statement_key"


def key_of(session: Session | None) -> bytearray | None:
    if session is None:
        return None
    key = session.info.get(KEY_INFO)
    return key if key else None


def missing_key() -> PermissionDenied:
    return PermissionDenied("statement text can only be stored by an officer or supervisor of the post")


def _empty(value: Any) -> bool:
    return value in (None, "", {}, [])


# -- statements --------------------------------------------------------------------------
def sealed_statement(key: bytearray | None, record_id: str,
                     values: Mapping[str, Any]) -> dict[str, Any]:
    """The sealed value of each of a statement's `values` that is stored sealed: the sealed
    fields that are neither empty nor sealed already. Raises PermissionDenied when there is
    one and no statement key."""
    out: dict[str, Any] = {}
    for name in SEALED_FIELDS["statement"]:
        if name not in values:
            continue
        value = values[name]
        if _empty(value) or sealed.is_sealed(value):
            continue
        if key is None:
            raise missing_key()
        out[name] = sealed.seal_value(key, "statement", record_id, name, value)
    return out


def blank(st: Statement) -> Statement:
    """Empty a detached statement's sealed fields (lists show statements without them)."""
    for name in SEALED_FIELDS["statement"]:
        setattr(st, name, {} if name == "child_protocol" else "")
    return st


def _seal_target(target: Statement, only_changed: bool) -> None:
    session = object_session(target)
    state = inspect(target)
    values = {name: getattr(target, name) for name in SEALED_FIELDS["statement"]
              if not only_changed or state.attrs[name].history.has_changes()}
    sealed_values = sealed_statement(key_of(session), target.id, values)
    for name, value in sealed_values.items():
        setattr(target, name, value)
    if sealed_values and session is not None:
        clear = {name: values[name] for name in sealed_values}
        session.info.setdefault("unsealed", {})[id(target)] = (target, clear)


def _restore(target: Statement) -> None:
    session = object_session(target)
    if session is None:
        return
    entry = session.info.get("unsealed", {}).pop(id(target), None)
    if entry is not None:
        for name, value in entry[1].items():
            attributes.set_committed_value(target, name, value)


def _open_target(target: Statement, session: Session | None) -> None:
    key = key_of(session)
    if key is None:
        return
    for name in SEALED_FIELDS["statement"]:
        value = target.__dict__.get(name)
        if sealed.is_sealed(value):
            attributes.set_committed_value(
                target, name, sealed.open_value(key, "statement", target.id, name, value))


@event.listens_for(Statement, "before_insert")
def _before_insert(_mapper: Any, _conn: Any, target: Statement) -> None:
    _seal_target(target, only_changed=False)


@event.listens_for(Statement, "before_update")
def _before_update(_mapper: Any, _conn: Any, target: Statement) -> None:
    _seal_target(target, only_changed=True)


@event.listens_for(Statement, "after_insert")
@event.listens_for(Statement, "after_update")
def _after_write(_mapper: Any, _conn: Any, target: Statement) -> None:
    _restore(target)


@event.listens_for(Statement, "load")
def _on_load(target: Statement, context: Any) -> None:
    _open_target(target, context.session)


@event.listens_for(Statement, "refresh")
def _on_refresh(target: Statement, context: Any, _attrs: Any) -> None:
    _open_target(target, context.session)


# -- attachment keys ---------------------------------------------------------------------
def _seal_file_key(target: Attachment) -> None:
    if target.owner_entity not in SEALED_OWNERS or not target.file_key:
        return
    if target.file_key.startswith(sealed.PREFIX.encode()):
        return
    session = object_session(target)
    key = key_of(session)
    if key is None:
        raise missing_key()
    clear = target.file_key
    target.file_key = sealed.seal_text(key, "attachment", target.id, "file_key", clear.hex()).encode()
    if session is not None:
        session.info.setdefault("unsealed", {})[id(target)] = (target, {"file_key": clear})


@event.listens_for(Attachment, "before_insert")
@event.listens_for(Attachment, "before_update")
def _attachment_before(_mapper: Any, _conn: Any, target: Attachment) -> None:
    _seal_file_key(target)


@event.listens_for(Attachment, "after_insert")
@event.listens_for(Attachment, "after_update")
def _attachment_after(_mapper: Any, _conn: Any, target: Attachment) -> None:
    session = object_session(target)
    if session is None:
        return
    entry = session.info.get("unsealed", {}).pop(id(target), None)
    if entry is not None:
        attributes.set_committed_value(target, "file_key", entry[1]["file_key"])


def _open_attachment(target: Attachment, session: Session | None) -> None:
    value = target.__dict__.get("file_key")
    key = key_of(session)
    if key is None or not isinstance(value, bytes) or not value.startswith(sealed.PREFIX.encode()):
        return
    clear = bytes.fromhex(sealed.open_text(key, "attachment", target.id, "file_key", value.decode()))
    attributes.set_committed_value(target, "file_key", clear)


@event.listens_for(Attachment, "load")
def _attachment_load(target: Attachment, context: Any) -> None:
    _open_attachment(target, context.session)


@event.listens_for(Attachment, "refresh")
def _attachment_refresh(target: Attachment, context: Any, _attrs: Any) -> None:
    _open_attachment(target, context.session)


# -- the outbox --------------------------------------------------------------------------
def seal_outbox_fields(session: Session, entity: str, entity_id: str, fields: dict[str, Any]) -> None:
    """Seal, in place, the fields of an outbox row that must not rest in the clear."""
    names = SEALED_FIELDS.get(entity, ())
    if not names:
        return
    key = key_of(session)
    for name in names:
        value = fields.get(name)
        if name not in fields or _empty(value) or sealed.is_sealed(value):
            continue
        if key is None:
            raise missing_key()
        fields[name] = sealed.seal_value(key, "outbox:" + entity, entity_id, name, value)


def open_outbox_fields(key: bytes | bytearray | None, entity: str, entity_id: str,
                       fields: dict[str, Any]) -> dict[str, Any]:
    """The clear fields of an outbox row, for sealing to HQ; raises if the key is missing."""
    names = SEALED_FIELDS.get(entity, ())
    if not any(sealed.is_sealed(fields.get(n)) for n in names):
        return fields
    if key is None:
        raise missing_key()
    out = dict(fields)
    for name in names:
        if name in out:
            out[name] = sealed.open_value(key, "outbox:" + entity, entity_id, name, out[name])
    return out


# -- upgrading a store made before statement keys ----------------------------------------
def seal_existing(session: Session) -> int:
    """Seal every clear statement field (`SEALED_FIELDS`), outbox value, statement draft and
    statement attachment key in the store; return how many statements it sealed.

    A value a release before compression sealed as it is, is sealed again compressed where
    that is shorter (`crypto.sealed.repacked`). Idempotent. Runs once per `SEALING_VERSION`,
    at the first unlock by an entitled user after the upgrade; the final statements'
    triggers are set aside for it (`statement_triggers_aside`).
    """
    key = key_of(session)
    if key is None:
        raise missing_key()
    conn = session.connection()
    with statement_triggers_aside(conn):
        count = _seal_statements(conn, key)
    for seq, entity_id, fields in conn.execute(
        select(Outbox.seq, Outbox.entity_id, Outbox.fields).where(Outbox.entity == "statement")
    ).all():
        new = dict(fields)
        seal_outbox_fields(session, "statement", entity_id, new)
        if new != fields:
            conn.execute(update(Outbox).where(Outbox.seq == seq).values(fields=new))
    for did, values in conn.execute(
        select(Draft.id, Draft.values).where(Draft.form_id.like("statement%"))
    ).all():
        if not _empty(values) and not sealed.is_sealed(values):
            conn.execute(update(Draft).where(Draft.id == did)
                         .values(values=sealed.seal_json(key, "draft", did, "values", values)))
    for aid, file_key in conn.execute(
        select(Attachment.id, Attachment.file_key).where(Attachment.owner_entity.in_(SEALED_OWNERS))
    ).all():
        if file_key and not bytes(file_key).startswith(sealed.PREFIX.encode()):
            token = sealed.seal_text(key, "attachment", aid, "file_key", bytes(file_key).hex()).encode()
            conn.execute(update(Attachment).where(Attachment.id == aid).values(file_key=token))
    return count


def _seal_statements(conn: Any, key: bytearray) -> int:
    """Seal, or seal again compressed, each statement's fields; return how many changed."""
    count = 0
    names = SEALED_FIELDS["statement"]
    rows = conn.execute(select(Statement.id, *(getattr(Statement, n) for n in names))).all()
    for sid, *stored in rows:
        values = {}
        for name, value in zip(names, stored, strict=True):
            if _empty(value):
                continue
            if not sealed.is_sealed(value):
                values[name] = sealed.seal_value(key, "statement", sid, name, value)
            elif (again := sealed.repacked(key, "statement", sid, name, value)) is not None:
                values[name] = again
        if values:
            # The same content: `updated_at` stays (not this unlock's time, its `onupdate`).
            conn.execute(update(Statement).where(Statement.id == sid).values(
                **values, updated_at=Statement.__table__.c.updated_at))
            count += 1
    return count


@contextmanager
def statement_triggers_aside(conn: Any) -> Iterator[None]:
    """Final statements are protected by triggers against changes to their content: they
    are dropped for a rewrite of the same content (sealed, compressed, re-encoded) and made
    again as they were, in the caller's transaction."""
    triggers = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'statement'"
    ).fetchall()
    for name, _sql in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    yield
    for _name, sql in triggers:
        conn.exec_driver_sql(sql)


# -- drafts of statement forms -----------------------------------------------------------
def _is_statement_draft(target: Draft) -> bool:
    return str(target.form_id or "").startswith("statement")


@event.listens_for(Draft, "before_insert")
@event.listens_for(Draft, "before_update")
def _draft_before(_mapper: Any, _conn: Any, target: Draft) -> None:
    if not _is_statement_draft(target) or _empty(target.values) or sealed.is_sealed(target.values):
        return
    session = object_session(target)
    key = key_of(session)
    if key is None:
        raise missing_key()
    clear = target.values
    if target.id is None:  # the column default has not run yet: the id is sealed in
        target.id = uuid7()
    target.values = sealed.seal_json(key, "draft", target.id, "values", clear)
    if session is not None:
        session.info.setdefault("unsealed", {})[id(target)] = (target, {"values": clear})


@event.listens_for(Draft, "after_insert")
@event.listens_for(Draft, "after_update")
def _draft_after(_mapper: Any, _conn: Any, target: Draft) -> None:
    session = object_session(target)
    entry = session.info.get("unsealed", {}).pop(id(target), None) if session is not None else None
    if entry is not None:
        attributes.set_committed_value(target, "values", entry[1]["values"])


def _open_draft(target: Draft, session: Session | None) -> None:
    value = target.__dict__.get("values")
    key = key_of(session)
    if key is not None and isinstance(value, dict) and sealed.is_sealed(value):
        attributes.set_committed_value(target, "values",
                                       sealed.open_json(key, "draft", target.id, "values", value))


@event.listens_for(Draft, "load")
def _draft_load(target: Draft, context: Any) -> None:
    _open_draft(target, context.session)


@event.listens_for(Draft, "refresh")
def _draft_refresh(target: Draft, context: Any, _attrs: Any) -> None:
    _open_draft(target, context.session)


# -- pulled records waiting for their parent (sync_parked) -------------------------------
def seal_parked(session: Session, entity: str, entity_id: str,
                fields: dict[str, list[Any]]) -> dict[str, list[Any]]:
    """Parked merge state ({field: [value, hlc]}) with statement content sealed."""
    names = SEALED_FIELDS.get(entity, ())
    if not any(n in fields for n in names):
        return fields
    key = key_of(session)
    out = dict(fields)
    for name in names:
        if name in out and not _empty(out[name][0]) and not sealed.is_sealed(out[name][0]):
            if key is None:
                raise missing_key()
            out[name] = [sealed.seal_value(key, "parked:" + entity, entity_id, name, out[name][0]),
                         out[name][1]]
    return out


def open_parked(session: Session, entity: str, entity_id: str,
                fields: dict[str, list[Any]] | None) -> dict[str, list[Any]] | None:
    names = SEALED_FIELDS.get(entity, ())
    if fields is None or not any(sealed.is_sealed(fields.get(n, [None])[0]) for n in names):
        return fields
    key = key_of(session)
    if key is None:
        raise missing_key()
    out = dict(fields)
    for name in names:
        if name in out:
            out[name] = [sealed.open_value(key, "parked:" + entity, entity_id, name, out[name][0]),
                         out[name][1]]
    return out
