"""Clock sanity: tell a laptop whose clock is far off before it writes anything.

Records keep the time they were made, reports count days between them, and merges order
edits by HLC stamps that start from this clock; a laptop set to the wrong day spoils all
three without anyone noticing. Three things this device knows without a network say so:
the build date of this release, the newest stamp in its own store, and HQ's clock as
learnt at the last sync.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select

from fieldapp.domain.errors import InvalidInput
from fieldapp.domain.hlc import Hlc
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Device, Outbox

#: As far off as HQ tolerates before it warns (HqSettings.skew_tolerance_ms default).
TOLERANCE_MS = 5 * 60 * 1000
#: No clock showing a day before this release was made can be right (raise it at release).
BUILT_ON = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)

Reason = Literal["before_build", "behind_records", "moved_back", "off_from_hq"]


@dataclass(frozen=True)
class ClockProblem:
    reason: Reason
    #: This clock minus the best estimate of the right time, in ms (negative: behind).
    offset_ms: int

    @property
    def message(self) -> str:
        """One line for the command line (the window has its own translated banner)."""
        days = abs(self.offset_ms) / 86_400_000
        way = "behind" if self.offset_ms < 0 else "ahead"
        size = f"{days:.1f} days" if days >= 1 else f"{abs(self.offset_ms) / 60_000:.0f} minutes"
        why = {
            "before_build": "it shows a date before this version of fieldapp was made",
            "behind_records": "it is earlier than the newest record saved on this laptop",
            "moved_back": "it is earlier than this laptop's last sync with HQ",
            "off_from_hq": "HQ's clock differed at the last sync",
        }[self.reason]
        return (f"this computer's clock looks about {size} {way} ({why}): set the date and "
                "time before recording anything — saved records keep the time they were made")


def _wall(stamp: str | None) -> int:
    try:
        return Hlc.parse(stamp).wall_ms if stamp else 0
    except InvalidInput:
        return 0


def _ms(value: dt.datetime) -> int:
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)  # the store keeps naive UTC
    return int(value.timestamp() * 1000)


def check_clock(ws: Workspace, now_ms: int | None = None) -> ClockProblem | None:
    """The first thing that says this clock is far off, or None. Read-only, cheap."""
    now = time.time_ns() // 1_000_000 if now_ms is None else now_ms
    if now < _ms(BUILT_ON):
        return ClockProblem("before_build", now - _ms(BUILT_ON))
    with ws.tx() as s:
        device = s.scalars(select(Device)).first()
        if device is None:
            return None
        newest = max(_wall(device.last_hlc), _wall(s.scalar(
            select(Outbox.hlc).order_by(Outbox.seq.desc()).limit(1))))
        if newest - now > TOLERANCE_MS:
            return ClockProblem("behind_records", now - newest)
        if device.last_success_at is not None:
            synced = _ms(device.last_success_at)
            if synced - now > TOLERANCE_MS:
                return ClockProblem("moved_back", now - synced)
        if device.last_skew_ms is not None and abs(device.last_skew_ms) > TOLERANCE_MS:
            return ClockProblem("off_from_hq", device.last_skew_ms)
    return None
