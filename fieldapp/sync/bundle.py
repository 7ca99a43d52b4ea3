"""Sneakernet: unsent changes sealed to HQ in a file (USB stick), and HQ's return file applied.

A bundle is a push envelope of kind BUNDLE (what ``fieldapp-hq import-bundle`` takes); a
return file is a pull answer of kind RETURN_BUNDLE sealed to this device (what
``fieldapp-hq export-bundle`` writes). Both are signed and sealed exactly like online
sync, so a lost stick reveals nothing, and importing either twice changes nothing.
"""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from fieldapp.crypto.atomic import write_private
from fieldapp.crypto.envelope import (
    EnvelopeHeader,
    EnvelopeKind,
    EnvelopeRejected,
    open_envelope,
    read_header,
    seal,
)
from fieldapp.domain.errors import InvalidInput, SyncRejected
from fieldapp.store import audit
from fieldapp.store.models import Device
from fieldapp.store.store import Store
from fieldapp.store.unsent import unsent_count
from fieldapp.sync.apply import ApplyStats, apply_records
from fieldapp.sync.client import DeviceKeys, load_keys, queue_audit, unsent_changes
from fieldapp.sync.protocol import MAX_CHANGES_PER_PUSH, PushPayload, dump, read_pull_answer

#: Stay well inside HQ's envelope limit (16 MiB) after compression could not help.
MAX_BUNDLE_JSON = 8 * 1024 * 1024


def bundle_paths(out: Path, count: int) -> list[Path]:
    """`out` itself, then `out.2`, `out.3` … when the changes need several envelopes."""
    return [out if i == 0 else out.with_name(f"{out.name}.{i + 1}") for i in range(count)]


def _split(changes: list[dict[str, object]]) -> list[list[dict[str, object]]]:
    parts: list[list[dict[str, object]]] = []
    current: list[dict[str, object]] = []
    size = 0
    for change in changes:
        n = len(json.dumps(change, ensure_ascii=False))
        if current and (len(current) >= MAX_CHANGES_PER_PUSH or size + n > MAX_BUNDLE_JSON):
            parts.append(current)
            current, size = [], 0
        current.append(change)
        size += n
    if current:
        parts.append(current)
    return parts


def export_bundle(store: Store, username: str, out: Path) -> tuple[list[Path], int]:
    """Seal every change HQ has not acknowledged into bundle file(s); return (paths, changes).

    The export's own audit event travels in the bundle, so once HQ's return file
    acknowledges it, nothing is left unsent. Works on a revoked device too (that is when it
    matters most). Files are never overwritten, and a failed write keeps nothing: no file,
    no audit event. With nothing unsent nothing is written and ([], 0) is returned.
    """
    with store.session(username) as s:
        keys = load_keys(s)
        if unsent_count(s) == 0:
            return [], 0
        # Counted before the event is added: "the changes this file carries", the event too.
        audit.append(s, "bundle_export", "device", store.device_id,
                     {"changes": unsent_count(s) + 1})
        audit.before_commit(s)  # the event's row now, so it is queued with the rest
        queue_audit(s)
        changes = unsent_changes(s)
        parts = _split(changes)
        paths = bundle_paths(out, len(parts))
        for path in paths:
            if path.exists():
                raise InvalidInput("{path} already exists; choose another file name", path=path)
        written: list[Path] = []
        try:
            for path, part in zip(paths, parts, strict=True):
                _write_part(keys, path, part)
                written.append(path)
        except BaseException:
            for path in written:
                path.unlink(missing_ok=True)
            raise
    return paths, len(changes)


def _write_part(keys: DeviceKeys, path: Path, part: list[dict[str, object]]) -> None:
    header = EnvelopeHeader(
        kind=EnvelopeKind.BUNDLE,
        device_id=keys.device_id,
        seq_from=int(part[0]["seq"]),  # type: ignore[call-overload]
        seq_to=int(part[-1]["seq"]),  # type: ignore[call-overload]
    )
    blob = seal(
        dump(PushPayload.model_validate({"changes": part})),
        recipient_x25519_public=keys.hq_hpke,
        sender_ed25519_private=keys.signing,
        header=header,
    )
    write_private(path, blob, exclusive=True)


def import_return_bundle(store: Store, username: str, path: Path) -> ApplyStats:
    """Apply a return file from HQ; moves the pull cursor when the file continues from it."""
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        raise InvalidInput("no such file: {path}", path=path) from None
    with store.session(username) as s:
        keys = load_keys(s)
    try:
        # The header first: a file for another device is named as such, not as damaged.
        if read_header(blob).device_id != keys.device_id:
            raise SyncRejected("this return file was made for another device")
        header, payload = open_envelope(
            blob,
            recipient_x25519_private=keys.hpke,
            sender_public_lookup=lambda _h: keys.hq_signing,
        )
    except EnvelopeRejected as exc:
        raise SyncRejected("the return file cannot be used: {reason}", reason=exc) from None
    if header.kind is not EnvelopeKind.RETURN_BUNDLE or header.device_id != keys.device_id:
        raise SyncRejected("this return file was made for another device, or is not a return file")
    try:
        page = read_pull_answer(payload)
    except ValueError:
        raise SyncRejected("the return file was not understood (version mismatch?)") from None
    answer = page.answer
    with store.session(username, remote=True) as s:
        stats = apply_records(s, page.records)
        device = s.scalars(select(Device)).one()
        # A file made from an older cursor covers everything up to its end: the cursor may
        # move. One made from a later cursor than ours would leave a gap: it may not.
        if header.seq_from <= device.pull_cursor < answer.next_cursor:
            device.pull_cursor = answer.next_cursor
        if answer.acked_seq is not None:
            # HQ's signed word on what it holds from this device (bundles it imported
            # included): those changes count as sent and the next export leaves them out.
            # Never backwards: an older return file may arrive after a newer answer.
            device.acked_seq = max(device.acked_seq, answer.acked_seq)
        if stats.max_stamp:
            device.last_hlc = str(store.clock.observe(stats.max_stamp))
    return stats
