"""Attachments (document photos, audio statements): added encrypted, read into memory, audited."""

from __future__ import annotations

import contextlib
import hashlib
import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

from sqlalchemy import select

from fieldapp.crypto import attachments as fcrypt
from fieldapp.crypto.atomic import private_file
from fieldapp.domain.entities import ATTACHMENT_OWNERS
from fieldapp.domain.enums import StatementStatus
from fieldapp.domain.errors import Code, InvalidInput, NotFound, StatementFinal
from fieldapp.services import access
from fieldapp.services.intake import RECORDERS, load_rescue, load_victim
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit
from fieldapp.store.changes import find
from fieldapp.store.models import Attachment, Statement

#: Big enough for a phone photo of a passport or a long audio statement; small enough to
#: cross a 2G link in a night.
MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
OWNERS = ATTACHMENT_OWNERS

Source = Path | str | bytes


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def check_size(source: Source) -> int:
    """The plaintext size; raise InvalidInput if it is over the limit (call it as the file is
    picked, before the form is finalised, so nobody loses a finished form to it)."""
    if isinstance(source, bytes):
        size = len(source)
    else:
        try:
            size = Path(source).stat().st_size
        except FileNotFoundError:
            raise NotFound("the file to attach does not exist") from None
    if size > MAX_ATTACHMENT_BYTES:
        raise _too_large(size)
    return size


def _too_large(size: int) -> InvalidInput:
    return InvalidInput(
        "attachment: the file is {size}; the limit is {limit} (take a smaller photo or split the "
        "recording)", size=_megabytes(size), limit=_megabytes(MAX_ATTACHMENT_BYTES)
    )


def file_path(ws: Workspace, attachment_id: str) -> Path:
    return ws.store.data_dir.attachments / attachment_id


@contextlib.contextmanager
def _open_source(source: Source) -> Iterator[BinaryIO]:
    if isinstance(source, bytes):
        yield io.BytesIO(source)
    else:
        with open(source, "rb") as fh:
            yield fh


def _check_owner(ws: Workspace, s: object, owner_entity: str, owner_id: str) -> None:
    if owner_entity == "rescue":
        load_rescue(ws, s, owner_id)  # type: ignore[arg-type]
    elif owner_entity == "victim":
        load_victim(ws, s, owner_id)  # type: ignore[arg-type]
    elif owner_entity == "statement":
        st = find(s, Statement, owner_id)  # type: ignore[arg-type]
        if st is None:
            raise NotFound("no such statement on this device")
        load_victim(ws, s, st.victim_id)  # type: ignore[arg-type]
        if st.status == StatementStatus.FINAL:
            raise StatementFinal("this statement is final: attach the file to an amendment")
    else:
        raise InvalidInput("attachment: cannot attach to a {owner_entity}",
                           owner_entity=Code("entity", owner_entity[:32]))


def add_attachment(
    ws: Workspace,
    owner_entity: str,
    owner_id: str,
    source: Source,
    filename: str,
    mime: str = "application/octet-stream",
) -> Attachment:
    """Encrypt a file under a fresh key into the data dir and record it (key in the store)."""
    ws.require(*RECORDERS)
    check_size(source)
    filename = Path(filename).name.strip()[:255]
    if not filename:
        raise InvalidInput("attachment: give the file a name")
    key = fcrypt.new_key()
    att = Attachment(owner_entity=owner_entity, owner_id=owner_id, filename=filename,
                     mime=(mime or "application/octet-stream")[:100], file_key=key)
    folder = ws.store.data_dir.attachments
    folder.mkdir(mode=0o700, exist_ok=True)
    target = folder / att.id
    part = folder / f".{att.id}.part"
    digest = hashlib.sha256()
    try:
        with _open_source(source) as src, private_file(target) as raw:
            hashing = _HashingWriter(raw, digest)
            plain, _ = fcrypt.encrypt_stream(key, src, hashing)  # type: ignore[arg-type]
            if plain > MAX_ATTACHMENT_BYTES:  # the file grew while it was being read
                raise _too_large(plain)
        att.size = plain
        # The ciphertext's hash: what HQ verifies on upload, and it reveals nothing about
        # the document (a plaintext hash would confirm a guessed file).
        att.sha256 = digest.hexdigest()
        with ws.tx() as s:
            _check_owner(ws, s, owner_entity, owner_id)
            s.add(att)
            audit.append(s, "attach", owner_entity, owner_id,
                         {"attachment": att.id, "size": plain})
    except BaseException:
        part.unlink(missing_ok=True)
        target.unlink(missing_ok=True)
        raise
    return att


class _HashingWriter:
    """Hashes the ciphertext on its way to disk (one pass over the file)."""

    def __init__(self, raw: IO[bytes], digest: Any) -> None:
        self.raw, self.digest = raw, digest

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        return self.raw.write(data)


def read_attachment(ws: Workspace, attachment_id: str) -> bytes:
    """The decrypted file, in memory only (never a plaintext temp file); the view is audited."""
    with ws.tx() as s:
        att = access.attachment(ws, s, attachment_id)
        if not att.file_key:
            raise NotFound("this attachment's file is not on this device")
        try:
            blob = file_path(ws, att.id).read_bytes()
        except FileNotFoundError:
            raise NotFound("this attachment's file is missing from this device") from None
        return fcrypt.decrypt_bytes(att.file_key, blob)


def attachments_of(ws: Workspace, owner_id: str) -> list[Attachment]:
    """The attachments of a record this user may see, without their file keys (a list is
    not a reading: `read_attachment` opens one, audited)."""
    ws.require(*RECORDERS)
    with ws.tx() as s:
        found = list(s.scalars(select(Attachment).where(Attachment.owner_id == owner_id)
                               .order_by(Attachment.created_at)))
        if found:
            access.owner(ws, s, found[0].owner_entity, owner_id)
        for att in found:
            s.expunge(att)
    return [access.hide_key(att) for att in found]
