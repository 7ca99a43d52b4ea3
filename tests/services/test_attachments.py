"""Attachments on a device: encrypted at rest, size limit up front, read into memory, audited."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from fieldapp.crypto.attachments import AttachmentCorrupt
from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, NotFound, PermissionDenied, StatementFinal
from fieldapp.services import attachments, auth, intake, statements
from fieldapp.services.attachments import MAX_ATTACHMENT_BYTES
from fieldapp.store.models import Attachment, AuditEvent, Outbox
from tests.conftest import PASSPHRASE, add_user


def test_added_file_is_encrypted_and_reads_back(ws: Any, rescue: Any) -> None:
    data = b"%PDF- passport of Sok Dara " + os.urandom(200_000)
    att = attachments.add_attachment(ws, "rescue", rescue.id, data, "../../passport.pdf",
                                     "application/pdf")
    stored = attachments.file_path(ws, att.id)
    blob = stored.read_bytes()
    assert b"Sok Dara" not in blob and len(blob) > len(data)
    assert att.filename == "passport.pdf" and att.size == len(data)
    assert not list(stored.parent.glob(".*.part"))
    assert attachments.read_attachment(ws, att.id) == data
    with ws.tx() as s:
        row = s.scalars(select(Outbox).where(Outbox.entity_id == att.id)).one()
        assert "file_key" not in row.fields  # the key never leaves in the record
        views = s.scalars(select(AuditEvent).where(AuditEvent.action == "view",
                                                   AuditEvent.entity_id == att.id)).all()
    assert len(views) == 1
    assert [a.id for a in attachments.attachments_of(ws, rescue.id)] == [att.id]


def test_size_limit_is_checked_before_anything_is_written(ws: Any, rescue: Any,
                                                          tmp_path: Path) -> None:
    big = tmp_path / "video.mp4"
    with open(big, "wb") as fh:
        fh.truncate(MAX_ATTACHMENT_BYTES + 1)
    with pytest.raises(InvalidInput, match="limit is 25.0 MB"):
        attachments.check_size(big)
    with pytest.raises(InvalidInput, match="limit"):
        attachments.add_attachment(ws, "rescue", rescue.id, big, "video.mp4")
    assert not ws.store.data_dir.attachments.exists() or not any(
        ws.store.data_dir.attachments.iterdir())
    assert attachments.check_size(b"x" * 10) == 10
    with pytest.raises(NotFound):
        attachments.check_size(tmp_path / "missing.jpg")


def test_from_a_file_path_and_refusals(ws: Any, rescue: Any, tmp_path: Path) -> None:
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(os.urandom(70_000))
    victim = intake.add_victim(ws, rescue.id, name_latin="A", sex="female", estimated_age=30)
    att = attachments.add_attachment(ws, "victim", victim.id, photo, "photo.jpg", "image/jpeg")
    assert attachments.read_attachment(ws, att.id) == photo.read_bytes()
    with pytest.raises(InvalidInput, match="cannot attach"):
        attachments.add_attachment(ws, "suspect", victim.id, b"x", "x.txt")
    with pytest.raises(NotFound):
        attachments.add_attachment(ws, "victim", "no-such-victim", b"x", "x.txt")
    st = statements.record_statement(ws, victim.id, narrative="told")
    statements.finalise_statement(ws, st.id)
    with pytest.raises(StatementFinal):
        attachments.add_attachment(ws, "statement", st.id, b"audio", "a.m4a")
    # A failed add leaves no file behind.
    with ws.tx() as s:
        ids = set(s.scalars(select(Attachment.id)))
    assert {p.name for p in ws.store.data_dir.attachments.iterdir()} == ids


def test_tampered_file_is_refused_and_roles_are_checked(ws: Any, rescue: Any) -> None:
    att = attachments.add_attachment(ws, "rescue", rescue.id, b"document " * 1000, "d.txt")
    path = attachments.file_path(ws, att.id)
    blob = bytearray(path.read_bytes())
    blob[100] ^= 0xFF
    path.write_bytes(bytes(blob))
    with pytest.raises(AttachmentCorrupt):
        attachments.read_attachment(ws, att.id)
    root = ws.store.data_dir.root
    add_user(ws, "centre", Role.CENTRE_STAFF, centre="PTC")
    ws.close()
    staff = auth.unlock(root, "centre", PASSPHRASE)
    try:
        with pytest.raises(PermissionDenied):
            attachments.read_attachment(staff, att.id)
    finally:
        staff.close()
