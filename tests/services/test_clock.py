"""A laptop whose clock is far off is told before it writes (issue 9, item 14)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from fieldapp.domain.hlc import Hlc
from fieldapp.services import clock, intake
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Device
from tests.conftest import PASSPHRASE

DAY = 86_400_000


def _now() -> int:
    return time.time_ns() // 1_000_000


def _device(ws: Workspace, **values: object) -> None:
    with ws.tx() as s:
        device = s.scalars(select(Device)).one()
        for name, value in values.items():
            setattr(device, name, value)


def test_a_right_clock_is_not_flagged(ws: Workspace) -> None:
    intake.create_rescue(ws, operation_date=dt.date(2026, 3, 14), province_code="KH-1",
                         exploitation_type="labour")
    assert clock.check_clock(ws) is None


def test_a_clock_before_this_release_was_built(ws: Workspace) -> None:
    in_2020 = int(dt.datetime(2020, 1, 1, tzinfo=dt.UTC).timestamp() * 1000)
    problem = clock.check_clock(ws, now_ms=in_2020)
    assert problem is not None and problem.reason == "before_build" and problem.offset_ms < 0
    assert "behind" in problem.message and "set the date and time" in problem.message


def test_a_clock_behind_the_newest_record_saved_here(ws: Workspace) -> None:
    intake.create_rescue(ws, operation_date=dt.date(2026, 3, 14), province_code="KH-1",
                         exploitation_type="labour")  # stamped with today's clock
    problem = clock.check_clock(ws, now_ms=_now() - 3 * DAY)  # the clock was set back 3 days
    assert problem is not None and problem.reason == "behind_records"
    assert -3 * DAY - 60_000 < problem.offset_ms < -3 * DAY + 60_000
    assert "3.0 days behind" in problem.message


def test_a_clock_off_from_hq_or_set_back_since_the_last_sync(ws: Workspace) -> None:
    _device(ws, last_skew_ms=2 * DAY)
    problem = clock.check_clock(ws)
    assert problem is not None and problem.reason == "off_from_hq" and "ahead" in problem.message
    _device(ws, last_skew_ms=1000,
            last_success_at=dt.datetime.now(dt.UTC).replace(tzinfo=None) + dt.timedelta(days=2))
    problem = clock.check_clock(ws)
    assert problem is not None and problem.reason == "moved_back"


def test_the_command_line_warns_before_it_writes(ws: Workspace, store_dir: Path) -> None:
    ahead = Hlc(_now() + 4 * DAY, 0, "other-laptop")  # a pulled stamp 4 days past this clock
    _device(ws, last_hlc=str(ahead))
    ws.close()
    out = subprocess.run(
        [str(Path(sys.executable).parent / "fieldapp"), "users", "add", "vichet", "--role",
         "officer", "--passphrase-stdin", "--data-dir", str(store_dir), "--user", "sup"],
        input=f"{PASSPHRASE}\nanother good passphrase 42\nanother good passphrase 42\n",
        capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    lines = out.stderr.strip().splitlines()
    assert lines and lines[0].startswith("fieldapp: WARNING: this computer's clock looks about")
    assert "behind" in lines[0]
