"""What the Sync panel shows, as plain data: the sync helper fills it, without importing Qt."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from fieldapp.services import caselist
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


class SyncSource(Protocol):
    """The interface the Sync panel drives; both calls run on the task runner (network pool)."""

    def status(self, ws: Workspace) -> SyncStatus: ...

    def sync_now(self, ws: Workspace) -> SyncStatus: ...


class OfflineSync:
    """Until the sync client is connected: reports pending changes, and says HQ is not set up."""

    def status(self, ws: Workspace) -> SyncStatus:
        info = caselist.device_info(ws)
        return SyncStatus(enrolled=bool(info.hq_url), hq_url=info.hq_url,
                          pending=caselist.pending_changes(ws))

    def sync_now(self, ws: Workspace) -> SyncStatus:
        status = self.status(ws)
        return SyncStatus(status.enrolled, status.hq_url, status.last_success, status.pending,
                          "sync is not available in this version yet: everything is kept here "
                          "until it is", status.clock_skew_seconds)
