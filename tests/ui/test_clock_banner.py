"""The window says, before anything is recorded, that the laptop's clock looks wrong."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from sqlalchemy import select
from uihelpers import PASSPHRASES, unlock_as, wait_idle

from fieldapp.domain.hlc import Hlc
from fieldapp.services import auth
from fieldapp.store.models import Device
from fieldapp.ui import i18n


def _records_from_the_future(root: Path, days: int) -> None:
    ws = auth.unlock(root, "sup", PASSPHRASES["sup"])
    with ws.tx() as s:
        s.scalars(select(Device)).one().last_hlc = str(
            Hlc(time.time_ns() // 1_000_000 + days * 86_400_000, 0, "other-laptop"))
    ws.close()


def test_a_clock_behind_the_store_shows_a_banner(qtbot: Any, store: Any,
                                                 make_controller: Any) -> None:
    root, _ = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    wait_idle(qtbot, c)
    banner = c.shell.main.clock_banner
    assert not banner.isVisibleTo(c.shell.main)  # a right clock: nothing said
    c.lock()
    wait_idle(qtbot, c)
    _records_from_the_future(root, 3)
    unlock_as(qtbot, c, "sup")
    wait_idle(qtbot, c)
    qtbot.waitUntil(lambda: banner.isVisibleTo(c.shell.main), timeout=5000)
    assert banner.text().startswith("This computer's clock looks about 3 day(s) behind.")
    assert "Set the date and time" in banner.text()
    c.shell.main.grab().save("/tmp/h9ops-clock-banner.png")
    try:
        i18n.set_language("km")
        qtbot.waitUntil(lambda: "3" not in banner.text() and banner.text() != "", timeout=5000)
        assert "clock" not in banner.text()
    finally:
        i18n.set_language("en")
