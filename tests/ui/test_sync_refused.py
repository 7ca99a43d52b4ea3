"""Issue 9: the Sync panel lists the changes HQ refused and the records kept aside here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from test_sync_panel import hooks, open_sync
from uihelpers import wait_idle

from fieldapp.services import intake
from tests.support.syncenv import hq_running, minor_case, new_device


def test_refused_changes_are_shown_with_their_reason(qtbot: Any, tmp_path: Path,
                                                      make_controller: Any) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        root = tmp_path / "poipet"
        ws = new_device(root, hq, "POIPET")  # enrolled with an officer's code
        minor_case(ws)
        # The supervisor enters a paper form of another post: HQ refuses that change only.
        intake.create_rescue(ws, operation_date=dt.date(2026, 4, 1), province_code="KH-9",
                             exploitation_type="labour", post_code="KOHKONG")
        ws.close()
        c = make_controller(root, hooks=hooks())
        panel = open_sync(qtbot, c)
        assert panel.values[6].text() == "None"
        panel.sync_button.click()
        qtbot.waitUntil(lambda: not panel.running, timeout=30_000)
        wait_idle(qtbot, c)
        text = panel.values[6].text()
        assert text.startswith("1 changes refused by HQ") and "belongs to post POIPET" in text
        assert panel.values[2].text() == "0"  # acknowledged: nothing left to send
        assert panel.values[7].text() == "None"
        panel.grab().save(str(tmp_path / "sync-refused.png"))
        panel.grab().save("/tmp/h9data-sync-refused.png")
