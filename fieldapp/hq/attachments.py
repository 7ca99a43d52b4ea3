"""Resumable attachment uploads at HQ: chunks at an offset, SHA-256 per chunk and per file.

The files are already encrypted by the device (AES-256-GCM, per-file key inside the
synced records); HQ stores the bytes as received, in the database, so any worker can
take the next chunk. A chunk must start at the current offset (a resend of an earlier
chunk is answered with 409 and the offset to resume from).

Requests are signed by the device over method, path, timestamp, ``Upload-Offset`` and
body; HQ accepts a timestamp within ``attachment_window_ms`` of its clock (devices send
their clock corrected by the skew HQ reported) and each signature once (a replayed
request gets 409 ``replay``). An upload id belongs to the device that pushed the
attachment's record (or, before HQ has that record, to the device that created the
upload): another device gets 403/404, and the owner can always take its id back.
"""

from __future__ import annotations

import hashlib

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fieldapp.hq.models import Attachment, AttachmentChunk, ChangeLog, Device, SeenEnvelope
from fieldapp.hq.service import (
    DeviceRevoked,
    Hq,
    HqRejected,
    NotEntitled,
    _rowcount,
    now_ms,
    now_utc,
)
from fieldapp.sync.protocol import AttachmentState, verify_request


class Unauthenticated(HqRejected):
    reason = "unauthenticated"
    status = 401


class UploadConflict(HqRejected):
    reason = "offset_mismatch"
    status = 409


class UploadTooLarge(HqRejected):
    reason = "too_large"
    status = 413


class ChecksumMismatch(HqRejected):
    reason = "checksum_mismatch"
    status = 400


class UploadNotFound(HqRejected):
    reason = "not_found"
    status = 404


class RequestReplayed(HqRejected):
    reason = "replay"
    status = 409


#: SeenEnvelope.kind for a signed attachment request (envelope kinds are 1..5).
SEEN_REQUEST_KIND = 100


def authenticate(
    hq: Hq,
    method: str,
    path: str,
    body: bytes,
    *,
    device_id: str,
    timestamp: str,
    signature: str,
    offset: int | None = None,
) -> str:
    """Return the device id if the request signature verifies, its time is within HQ's
    window, it was not seen before, and the device is live."""
    if not timestamp.isdigit() or len(timestamp) > 16:
        raise Unauthenticated("the request timestamp is not a number of milliseconds")
    ts = int(timestamp)
    with hq.sessions() as s:
        dev = s.get(Device, device_id)
        if dev is None:
            raise Unauthenticated("this device is not enrolled at HQ")
        public = Ed25519PublicKey.from_public_bytes(dev.ed25519_public)
        revoked = dev.revoked
    if not verify_request(
        method, path, body, timestamp_ms=ts, signature_b64=signature, public=public,
        offset=offset,
    ):
        raise Unauthenticated("the request signature does not verify")
    if revoked:
        raise DeviceRevoked("this device has been revoked by HQ; its data must be wiped")
    window = hq.settings.attachment_window_ms
    if abs(ts - now_ms()) > window:
        raise Unauthenticated(
            "the request is dated more than {window} minutes from HQ's clock; sync once (it "
            "measures the clock difference) and try again",
            window=window // 60000
        )
    _remember_request(hq, device_id, signature)
    return device_id


def _remember_request(hq: Hq, device_id: str, signature: str) -> None:
    """Accept each signed request once (kept as long as envelope ids; far beyond the window)."""
    key = hashlib.sha256(signature.encode()).hexdigest()[:32]
    try:
        with hq.sessions.begin() as s:
            if s.get(SeenEnvelope, key) is not None:
                raise RequestReplayed("this request was already received (replay)")
            s.add(SeenEnvelope(envelope_id=key, device_id=device_id, kind=SEEN_REQUEST_KIND,
                               received_at=now_utc()))
    except IntegrityError:
        raise RequestReplayed("this request was already received (replay)") from None


def record_owner(s: Session, attachment_id: str) -> str | None:
    """The device that first pushed the attachment's record to HQ (None: HQ has none yet)."""
    return s.scalar(
        select(ChangeLog.origin_device)
        .where(
            ChangeLog.entity == "attachment",
            ChangeLog.entity_id == attachment_id,
            ChangeLog.origin_device.is_not(None),
        )
        .order_by(ChangeLog.server_seq)
        .limit(1)
    )


def _owned(s: Session, att: Attachment | None, device_id: str) -> Attachment | None:
    """The upload if `device_id` may use it; None when it is someone else's (or absent)."""
    if att is None:
        return None
    owner = record_owner(s, att.id) or att.device_id
    return att if owner == device_id and att.device_id == device_id else None


def _state(att: Attachment) -> AttachmentState:
    return AttachmentState(id=att.id, offset=att.offset, size=att.size, complete=att.complete)


def create_upload(
    hq: Hq, device_id: str, attachment_id: str, *, size: int, sha256: str
) -> AttachmentState:
    if size > hq.settings.max_attachment_bytes:
        raise UploadTooLarge("attachments are limited to {max_attachment_bytes} bytes",
                             max_attachment_bytes=hq.settings.max_attachment_bytes)
    with hq.sessions.begin() as s:
        owner = record_owner(s, attachment_id)
        if owner is not None and owner != device_id:
            raise NotEntitled("this attachment belongs to another device")
        att = s.get(Attachment, attachment_id)
        if att is not None and att.device_id != device_id:
            if owner is None:
                raise NotEntitled("an upload with this id belongs to another device")
            # The record's owner takes its id back from a device that claimed it first.
            s.execute(delete(AttachmentChunk).where(AttachmentChunk.attachment_id == att.id))
            s.delete(att)
            s.flush()
            att = None
        if att is not None:
            if att.size != size or att.sha256 != sha256:
                raise UploadConflict("an upload with this id exists with other contents")
            return _state(att)  # resuming: same upload, carry on from its offset
        att = Attachment(
            id=attachment_id,
            device_id=device_id,
            size=size,
            sha256=sha256,
            offset=0,
            complete=size == 0 and sha256 == hashlib.sha256(b"").hexdigest(),
            created_at=now_utc(),
        )
        s.add(att)
        return _state(att)


def upload_state(hq: Hq, device_id: str, attachment_id: str) -> AttachmentState:
    with hq.sessions() as s:
        att = _owned(s, s.get(Attachment, attachment_id), device_id)
        if att is None:
            raise UploadNotFound("no upload with this id from this device")
        return _state(att)


def append_chunk(
    hq: Hq, device_id: str, attachment_id: str, *, offset: int, chunk: bytes, chunk_sha256: str
) -> AttachmentState:
    if hashlib.sha256(chunk).hexdigest() != chunk_sha256.lower():
        raise ChecksumMismatch("the chunk's SHA-256 does not match; send it again")
    if not chunk:
        raise ChecksumMismatch("an empty chunk carries nothing")
    corrupt = False
    with hq.sessions.begin() as s:
        att = _owned(s, s.get(Attachment, attachment_id), device_id)
        if att is None:
            raise UploadNotFound("no upload with this id from this device; create it first")
        if att.complete:
            raise UploadConflict("the upload is already complete at offset {offset}",
                                 offset=att.offset)
        if offset != att.offset:
            raise UploadConflict("the upload continues at offset {offset}, not {offset2}",
                                 offset=att.offset, offset2=offset)
        if offset + len(chunk) > att.size:
            raise UploadTooLarge("the chunk goes past the declared size")
        # Conditional update: two workers given the same chunk cannot both append it.
        moved = _rowcount(
            s.execute(
                update(Attachment)
                .where(Attachment.id == attachment_id, Attachment.offset == offset)
                .values(offset=offset + len(chunk))
            )
        )
        if moved != 1:
            raise UploadConflict("another request moved this upload on; ask for the offset again")
        s.add(
            AttachmentChunk(
                attachment_id=attachment_id, offset=offset, data=chunk, sha256=chunk_sha256.lower()
            )
        )
        s.flush()
        s.refresh(att)
        if att.offset == att.size:
            whole = hashlib.sha256()
            for data in s.scalars(
                select(AttachmentChunk.data)
                .where(AttachmentChunk.attachment_id == attachment_id)
                .order_by(AttachmentChunk.offset)
            ):
                whole.update(data)
            if whole.hexdigest() != att.sha256:
                # Keep the reset (commit), so the device starts over, then refuse.
                s.execute(
                    delete(AttachmentChunk).where(AttachmentChunk.attachment_id == attachment_id)
                )
                att.offset = 0
                corrupt = True
            else:
                att.complete = True
                att.completed_at = now_utc()
        state = _state(att)
    if corrupt:
        raise ChecksumMismatch(
            "the whole file's SHA-256 does not match; upload it again from offset 0"
        )
    return state


def read_attachment(hq: Hq, attachment_id: str) -> bytes:
    """The stored (still encrypted) bytes of a complete upload."""
    with hq.sessions() as s:
        att = s.get(Attachment, attachment_id)
        if att is None or not att.complete:
            raise UploadNotFound("no complete upload with this id")
        return b"".join(
            s.scalars(
                select(AttachmentChunk.data)
                .where(AttachmentChunk.attachment_id == attachment_id)
                .order_by(AttachmentChunk.offset)
            )
        )


__all__ = [
    "ChecksumMismatch",
    "RequestReplayed",
    "Unauthenticated",
    "UploadConflict",
    "UploadNotFound",
    "UploadTooLarge",
    "append_chunk",
    "authenticate",
    "create_upload",
    "now_ms",
    "read_attachment",
    "upload_state",
]
