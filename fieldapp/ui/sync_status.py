"""What the Sync panel shows, as plain data, and the sources that fill it (no Qt here)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from fieldapp.services import sync as sync_service
from fieldapp.services.sync import SyncOptions, SyncResult, Transport
from fieldapp.services.workspace import Workspace


@dataclass(frozen=True)
class SyncStatus:
    """The device's sync state. `clock_skew_seconds` > 0: this laptop's clock is ahead of HQ."""

    enrolled: bool = False
    hq_url: str | None = None
    last_success: dt.datetime | None = None
    pending: int = 0
    last_error: str | None = None
    clock_skew_seconds: float | None = None
    running: bool = False
    #: HQ says the skew is large enough to matter (its own threshold).
    clock_warning: bool = False
    revoked: bool = False
    #: What the last round of this session moved (None: no round yet).
    pushed: int | None = None
    pulled: int | None = None
    #: Changes of this laptop HQ refused (kept at HQ), with HQ's reasons.
    refused: int = 0
    refused_reasons: tuple[str, ...] = ()
    #: Pulled records this laptop could not store (kept aside, tried again), with reasons.
    set_aside: int = 0
    set_aside_reasons: tuple[str, ...] = ()


class SyncSource(Protocol):
    """The interface the Sync panel drives (both calls run on the task runner's DB worker)."""

    def status(self, ws: Workspace) -> SyncStatus: ...

    def sync_now(self, ws: Workspace) -> SyncStatus: ...


def _utc(value: dt.datetime | None) -> dt.datetime | None:
    # The store keeps naive UTC; the window shows local time.
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone()


def from_service(s: sync_service.SyncStatus, result: SyncResult | None = None) -> SyncStatus:
    return SyncStatus(
        enrolled=s.enrolled, hq_url=s.hq_url, last_success=_utc(s.last_success_at),
        pending=s.pending, last_error=s.last_error,
        clock_skew_seconds=None if s.skew_ms is None else s.skew_ms / 1000.0,
        clock_warning=s.clock_warning, revoked=s.revoked,
        # What left the laptop: changes and, in the pushes' audit parts, audit events.
        pushed=None if result is None else result.pushed + result.audit_sent,
        pulled=None if result is None else result.pulled,
        refused=s.refused, refused_reasons=s.refused_reasons,
        set_aside=s.set_aside, set_aside_reasons=s.set_aside_reasons)


class HqSync:
    """The window's sync source over `fieldapp.services.sync` (the default `hooks["sync"]`).

    `sync_now` is one blocking round: run it on the database worker (it writes the store).
    It raises what `sync_round` raises (HqUnreachable, HqRefused, NotEnrolled,
    DeviceRevoked); the outcome is recorded in the store either way, so `status()` shows it.
    """

    def __init__(self, options: SyncOptions | None = None,
                 transport: Transport | None = None, probe_timeout: float = 5.0) -> None:
        self.options = options
        self.transport = transport
        self.probe_timeout = probe_timeout

    def status(self, ws: Workspace) -> SyncStatus:
        return from_service(sync_service.status(ws))

    def sync_now(self, ws: Workspace) -> SyncStatus:
        result = sync_service.sync_round(ws, transport=self.transport, options=self.options)
        return from_service(sync_service.status(ws), result)

    def probe(self, hq_url: str) -> bool:
        """Does HQ answer at all? A cheap GET on the network pool before a round is queued,
        so a dead link never holds the database worker for a round's retries."""
        return sync_service.hq_answers(hq_url, transport=self.transport, timeout=self.probe_timeout)

    def enrol(self, ws: Workspace, hq_url: str, code: str) -> None:
        sync_service.enrol(ws, hq_url, code, transport=self.transport)
