"""Sync use-cases for the window and the CLI: enrol, one round, status, bundles, wipe."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from sqlalchemy import func, select

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import DISK_FULL_MESSAGE, FieldAppError, InvalidInput
from fieldapp.services import auth
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit
from fieldapp.store.models import Device, utcnow
from fieldapp.sync import bundle
from fieldapp.sync.apply import ApplyStats, parked_table
from fieldapp.sync.client import (
    DeviceRevoked,
    HqRefused,
    HqUnreachable,
    NotEnrolled,
    SyncClient,
    SyncOptions,
    SyncResult,
    unsent_count,
)
from fieldapp.sync.client import enrol as _enrol
from fieldapp.sync.protocol import EnrolAnswer, unb64

log = logging.getLogger(__name__)

__all__ = [
    "DeviceRevoked",
    "HqRefused",
    "HqUnreachable",
    "NotEnrolled",
    "SyncOptions",
    "SyncResult",
    "SyncStatus",
    "enrol",
    "export_bundle",
    "import_bundle",
    "status",
    "sync_round",
    "wipe_revoked",
]


@dataclass(frozen=True)
class SyncStatus:
    """What the Sync panel shows. Times are UTC; `skew_ms` is this clock minus HQ's."""

    enrolled: bool
    hq_url: str | None
    device_id: str | None
    role: str | None
    last_attempt_at: dt.datetime | None
    last_success_at: dt.datetime | None
    last_error: str | None
    pending: int
    skew_ms: int | None
    clock_warning: bool
    revoked: bool
    #: Pulled records still waiting for a parent record (normally 0 after a full round).
    waiting: int


def enrol(
    ws: Workspace,
    hq_url: str,
    code: str,
    *,
    label: str = "",
    transport: httpx.BaseTransport | None = None,
) -> EnrolAnswer:
    """Enrol this device with HQ (supervisors) and escrow the database key to HQ's recovery key."""
    ws.require(Role.SUPERVISOR)
    if not hq_url.startswith(("http://", "https://")):
        raise InvalidInput("HQ address: give the full URL, e.g. https://hq.example.org")
    answer = _enrol(ws.store, ws.actor.username, hq_url, code, label=label, transport=transport)
    recovery = X25519PublicKey.from_public_bytes(unb64(answer.hq_recovery_x25519_public))
    auth.set_escrow(ws, recovery)
    with ws.tx() as s:
        audit.append(s, "enrol", "device", ws.store.device_id,
                     {"hq_device": answer.device_id, "role": answer.role.value})
    return answer


def _record(ws: Workspace, *, success: bool, error: str | None) -> None:
    if error == DISK_FULL_MESSAGE:
        return  # keeping the outcome needs the disk space that is missing
    with ws.tx() as s:
        device = s.scalars(select(Device)).one()
        device.last_attempt_at = utcnow()
        if success:
            device.last_success_at = device.last_attempt_at
            device.last_error = None
        else:
            device.last_error = (error or "sync failed")[:300]


def sync_round(
    ws: Workspace,
    *,
    transport: httpx.BaseTransport | None = None,
    hq_url: str | None = None,
    options: SyncOptions | None = None,
) -> SyncResult:
    """One full round: push, pull, upload files. Blocking (run it off the UI thread).

    Raises NotEnrolled, HqUnreachable (link down; progress kept), HqRefused, and
    DeviceRevoked (offer a bundle export, then `wipe_revoked`). The outcome is kept for
    `status()` either way.
    """
    try:
        with SyncClient(ws.store, ws.actor.username, transport=transport, hq_url=hq_url,
                        options=options) as client:
            result = client.run_round()
    except FieldAppError as exc:
        _record(ws, success=False, error=str(exc))
        raise
    _record(ws, success=True, error=None)
    return result


def status(ws: Workspace) -> SyncStatus:
    with ws.tx() as s:
        device = s.scalars(select(Device)).one()
        waiting = int(s.execute(select(func.count()).select_from(parked_table)).scalar() or 0)
        return SyncStatus(
            enrolled=bool(device.hq_device_id),
            hq_url=device.hq_url,
            device_id=device.hq_device_id,
            role=(device.hq_keys or {}).get("role"),
            last_attempt_at=device.last_attempt_at,
            last_success_at=device.last_success_at,
            last_error=device.last_error,
            pending=unsent_count(s),
            skew_ms=device.last_skew_ms,
            clock_warning=device.clock_warning,
            revoked=device.revoked,
            waiting=waiting,
        )


def export_bundle(ws: Workspace, out: Path) -> tuple[list[Path], int]:
    """Write unsent changes to bundle file(s) for HQ; returns (files written, changes).

    The export is audited inside the bundle itself (see `sync.bundle.export_bundle`)."""
    return bundle.export_bundle(ws.store, ws.actor.username, out)


def import_bundle(ws: Workspace, path: Path) -> ApplyStats:
    """Apply a return file HQ wrote for this device (and its acknowledgement of our changes).

    Like an online pull, which it stands in for, this is not an audit event: an event here
    would be a new change HQ lacks, so a device whose every change HQ acknowledged would
    still count one unsent after each round trip. The log keeps the counts.
    """
    stats = bundle.import_return_bundle(ws.store, ws.actor.username, path)
    log.info("return file applied: %d record(s) received, %d changed", stats.received,
             stats.changed)
    return stats


def wipe_revoked(ws: Workspace) -> Path:
    """Delete this device's store, only once HQ has revoked it; closes the workspace."""
    if not status(ws).revoked:
        raise InvalidInput("this device is not revoked by HQ; wiping it would lose its data")
    root = ws.store.data_dir.root
    ws.close()
    auth.wipe(root)
    return root
