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
from fieldapp.store.models import Device, Outbox, utcnow
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
    WrongPostEnrolled,
    refusals,
    unsent_count,
)
from fieldapp.sync.client import enrol as _enrol
from fieldapp.sync.protocol import EnrolAnswer, unb64
from fieldapp.sync.scheduler import ProbeSchedule
from fieldapp.sync.trust import check_hq_url

log = logging.getLogger(__name__)

__all__ = [
    "WrongPostEnrolled",
    "DeviceRevoked",
    "HqRefused",
    "HqUnreachable",
    "NotEnrolled",
    "ProbeSchedule",
    "SyncOptions",
    "SyncResult",
    "SyncStatus",
    "Transport",
    "enrol",
    "hq_answers",
    "export_bundle",
    "import_bundle",
    "is_national_desk",
    "status",
    "sync_round",
    "wipe_basis",
    "wipe_revoked",
]

#: An HTTP transport to reach HQ through (tests and the window pass one; None: the network).
Transport = httpx.BaseTransport


def hq_answers(hq_url: str, *, transport: Transport | None = None, timeout: float = 5.0) -> bool:
    """Does HQ answer at all? A cheap GET, so a dead link never holds the database worker for
    a sync round's retries (the window runs it on the network pool)."""
    try:
        with httpx.Client(base_url=hq_url.rstrip("/"), transport=transport,
                          timeout=timeout) as client:
            return client.get("/v1/health").status_code == 200
    except httpx.HTTPError:
        return False


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
    #: Pulled records that could not be stored here, and why (tried again every round).
    set_aside: int = 0
    set_aside_reasons: tuple[str, ...] = ()
    #: Changes of this device HQ refused (parked at HQ for a supervisor there), and why.
    refused: int = 0
    refused_reasons: tuple[str, ...] = ()


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
    hq_url = check_hq_url(hq_url)
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


def is_national_desk(ws: Workspace) -> bool:
    """True on the national desk: a device HQ enrolled with the national role. It reads every
    post's cases and decides on possible matches; HQ refuses the records it may not write."""
    with ws.tx() as s:
        device = s.scalars(select(Device)).one()
        return (device.hq_keys or {}).get("role") == Role.NATIONAL.value


def status(ws: Workspace) -> SyncStatus:
    with ws.tx() as s:
        device = s.scalars(select(Device)).one()
        waiting = int(s.execute(select(func.count()).select_from(parked_table)
                                .where(parked_table.c.reason.is_(None))).scalar() or 0)
        aside = s.execute(select(parked_table.c.entity, parked_table.c.reason)
                          .where(parked_table.c.reason.is_not(None))).all()
        refused, latest = refusals(s)
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
            set_aside=len(aside),
            set_aside_reasons=tuple(sorted({f"{e}: {r}" for e, r in aside}))[:10],
            refused=refused,
            refused_reasons=tuple(f"change {seq} ({entity}): {reason}"
                                  for seq, entity, reason in latest),
        )


def export_bundle(ws: Workspace, out: Path) -> tuple[list[Path], int]:
    """Write unsent changes to bundle file(s) for HQ; returns (files written, changes).

    The export is audited inside the bundle itself (see `sync.bundle.export_bundle`)."""
    paths, count = bundle.export_bundle(ws.store, ws.actor.username, out)
    if paths:
        with ws.tx() as s:
            # Every outbox row up to here is now in a sealed file: what `wipe_revoked` needs.
            device = s.scalars(select(Device)).one()
            highest = int(s.scalar(select(func.max(Outbox.seq))) or 0)
            device.hq_keys = {**(device.hq_keys or {}), BUNDLED_SEQ: highest}
    return paths, count


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


#: Key in Device.hq_keys: the highest outbox seq written to a sealed bundle on this device.
BUNDLED_SEQ = "bundled_seq"


class WipeRefused(InvalidInput):
    """Wiping now would lose data, or HQ has not (verifiably) revoked this device."""


def wipe_basis(ws: Workspace) -> str:
    """Why wiping loses nothing: "acknowledged" (HQ acknowledged every change in answers it
    signed) or "bundled" (every change HQ lacks is in a sealed bundle written on this
    device). Raises WipeRefused otherwise, or when HQ has not revoked the device.

    The revoked flag and the acknowledged seq are only ever set from answers that verified
    with HQ's key (`fieldapp.sync.client`), so a forged answer cannot open this door. What
    counts is the one definition of unsent (`store.unsent.unsent_count`): records and audit
    entries HQ has not acknowledged, sign-ins left out.
    """
    with ws.tx() as s:
        device = s.scalars(select(Device)).one()
        if not device.revoked:
            raise WipeRefused(
                "this device is not revoked by HQ (HQ must revoke it, and the device must hear "
                "it from HQ in a sync): wiping it would lose its data"
            )
        if not unsent_count(s):
            return "acknowledged"
        bundled = int((device.hq_keys or {}).get(BUNDLED_SEQ) or 0)
        missing = unsent_count(s, covered_seq=bundled)
        if not missing:
            return "bundled"
    raise WipeRefused(
        "{missing} change(s) never reached HQ and are in no sealed bundle: write them first with "
        "'fieldapp bundle export --out FILE' and hand the file to HQ, then wipe",
        missing=missing
    )


def wipe_revoked(ws: Workspace) -> Path:
    """Delete this device's store, only once HQ has revoked it (verified) and nothing unsent
    would be lost (see `wipe_basis`); closes the workspace."""
    wipe_basis(ws)
    root = ws.store.data_dir.root
    ws.close()
    auth.wipe(root)
    return root
