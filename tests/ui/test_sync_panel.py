"""The window's sync against a real HQ on loopback: Sync now, background rounds, revocation."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from uihelpers import unlock_as, wait_idle

from fieldapp.services import sync
from fieldapp.sync.scheduler import ProbeSchedule
from fieldapp.ui.sync_status import HqSync
from tests.conftest import PASSPHRASE
from tests.support.syncenv import fast_options, hq_change_log, hq_running, minor_case, new_device


def hooks(first_delay: float = 3600.0, **options: Any) -> dict[str, Any]:
    """Fast retries; a short probe schedule (the background timer is off unless asked)."""
    return {"sync": HqSync(options=fast_options(**options), probe_timeout=1.0),
            "sync_schedule": lambda: ProbeSchedule(interval=0.3, busy_interval=0.2, base=0.4,
                                                   cap=1.0),
            "sync_first_delay": first_delay}


@pytest.fixture
def hq(tmp_path: Path) -> Iterator[Any]:
    with hq_running("sqlite", tmp_path) as running:
        yield running


def device(tmp_path: Path, hq: Any) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "poipet"
    ws = new_device(root, hq, "POIPET")
    ids = minor_case(ws)
    ws.close()
    return root, ids


def open_sync(qtbot: Any, c: Any) -> Any:
    unlock_as(qtbot, c, "sup", PASSPHRASE)
    c.shell.main.go("sync")
    wait_idle(qtbot, c)
    return c.shell.main.sync


def test_sync_now_shows_progress_and_outcome(qtbot: Any, tmp_path: Path, hq: Any,
                                             make_controller: Any) -> None:
    root, _ids = device(tmp_path, hq)
    c = make_controller(root, hooks=hooks())
    panel = open_sync(qtbot, c)
    main = c.shell.main
    assert panel.status.enrolled and panel.values[0].text() == hq.base_url
    pending = panel.status.pending
    assert pending > 0 and main.sync_label.text() == "Sync: never"
    panel.sync_button.click()
    assert panel.busy.isVisibleTo(panel) and not panel.sync_button.isEnabled()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    wait_idle(qtbot, c)
    assert not panel.busy.isVisibleTo(panel) and panel.sync_button.isEnabled()
    assert panel.banner.property("kind") == "info"
    pulled, pushed = panel.status.pulled, panel.status.pushed
    # Sent: the pending changes, and the sign-ins' audit events (not counted as unsent).
    assert pushed is not None and pushed >= pending and pulled is not None
    assert panel.banner.text() == f"Sync finished: {pushed} sent, {pulled} received."
    assert panel.values[3].text() == f"{pushed} sent, {pulled} received"
    assert panel.values[2].text() == "0" and panel.values[4].text() == "None"
    assert main.sync_label.text().startswith("Sync: last 20")
    assert main.pending_label.text() == "0 changes not yet sent"
    device_id = sync.status(c.ws).device_id
    # Sent: the changes HQ logged, and the audit events of the pushes' audit parts.
    assert len(hq_change_log(hq, device_id)) + hq.hq.stats()["audit_events"] == pushed


def test_sync_failure_says_what_failed_and_why(qtbot: Any, tmp_path: Path,
                                              make_controller: Any) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        root, _ids = device(tmp_path, hq)
    # HQ is gone now.
    c = make_controller(root, hooks=hooks(attempts=2))
    panel = open_sync(qtbot, c)
    panel.sync_now()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    wait_idle(qtbot, c)
    text = panel.banner.text()
    assert panel.banner.property("kind") == "error"
    # At once, no retries; said once, with what it adds (the address tried), not repeated.
    assert text == ("HQ could not be reached. Nothing is lost: the next sync continues. "
                    f"The connection to {panel.status.hq_url} was refused.")
    assert text.count("could not be reached") == 1
    assert "could not be reached" in panel.values[4].text()
    assert c.shell.main.sync_label.text() == "Sync: failed, will retry"
    assert c.shell.main.pending_label.text() != "0 changes not yet sent"


def test_large_clock_skew_is_shown(qtbot: Any, tmp_path: Path, hq: Any, make_controller: Any,
                                   monkeypatch: Any) -> None:
    root, _ids = device(tmp_path, hq)
    from fieldapp.hq import base as hq_service

    real = hq_service.now_ms
    monkeypatch.setattr(hq_service, "now_ms", lambda: real() - 20 * 60 * 1000)  # HQ runs behind
    c = make_controller(root, hooks=hooks())
    panel = open_sync(qtbot, c)
    panel.sync_now()
    qtbot.waitUntil(lambda: not panel.running, timeout=20_000)
    wait_idle(qtbot, c)
    assert panel.values[5].text() == "This laptop's clock is 20 minutes off: please correct it"


def test_background_sync_sends_a_change_made_in_the_window(qtbot: Any, tmp_path: Path, hq: Any,
                                                           make_controller: Any) -> None:
    root, ids = device(tmp_path, hq)
    c = make_controller(root, hooks=hooks(first_delay=0.2))
    unlock_as(qtbot, c, "sup", PASSPHRASE)
    bg = c.background
    assert bg.active
    qtbot.waitUntil(lambda: bg.rounds >= 1 and not c.shell.main.sync.running, timeout=20_000)
    device_id = sync.status(c.ws).device_id
    before = len(hq_change_log(hq, device_id))
    assert before > 0
    # A change in the window, nothing pressed on the Sync panel.
    board = c.shell.main.referrals
    c.shell.main.go("referrals")
    wait_idle(qtbot, c)
    board.select(ids["referral"])
    board.accept_button.click()
    qtbot.waitUntil(lambda: len(hq_change_log(hq, device_id)) > before, timeout=20_000)
    kinds = [entity for _seq, entity, _id in hq_change_log(hq, device_id)[before:]]
    assert "referral_event" in kinds or "referral" in kinds
    qtbot.waitUntil(lambda: c.shell.main.pending_label.text() == "0 changes not yet sent",
                    timeout=20_000)
    c.lock()
    assert not bg.active and not bg.timer.isActive()


def test_background_sync_backs_off_while_hq_is_down(qtbot: Any, tmp_path: Path,
                                                    make_controller: Any) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        root, _ids = device(tmp_path, hq)
    c = make_controller(root, hooks=hooks(first_delay=0.1))
    unlock_as(qtbot, c, "sup", PASSPHRASE)
    bg = c.background
    # The UI thread keeps ticking every 20 ms while the probes fail.
    gaps: list[float] = []
    last = [time.perf_counter()]

    def beat() -> None:
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    heart = QTimer()
    heart.timeout.connect(beat)
    heart.start(20)
    qtbot.waitUntil(lambda: bg.schedule.failures >= 3, timeout=20_000)
    heart.stop()
    assert bg.rounds == 0  # HQ never answered the probe: no round held the database worker
    assert bg.timer.isActive() and bg.timer.interval() >= 1000  # backed off (at least 1 s)
    assert max(gaps) < 0.5, max(gaps)
    c.shell.main.go("cases")
    wait_idle(qtbot, c)  # database jobs are not stuck behind sync
    c.lock()
    assert not bg.timer.isActive()


def test_revoked_device_exports_unsent_changes_then_wipes(qtbot: Any, tmp_path: Path, hq: Any,
                                                          make_controller: Any) -> None:
    root, _ids = device(tmp_path, hq)
    c = make_controller(root, hooks=hooks())
    panel = open_sync(qtbot, c)
    device_id = sync.status(c.ws).device_id
    assert device_id
    hq.hq.revoke(device_id)
    asked: list[int] = []
    bundle = tmp_path / "unsent.bundle"

    def ask(unsent: int) -> Path:
        asked.append(unsent)
        return bundle

    c.ask_revoked = ask
    panel.sync_now()
    qtbot.waitUntil(lambda: c.shell.stack.currentWidget() is c.shell.wizard, timeout=20_000)
    wait_idle(qtbot, c)
    assert asked and asked[0] > 0
    assert bundle.exists() and bundle.stat().st_size > 0
    assert not root.exists() and c.ws is None
    assert c.shell.wizard.currentPage() is c.shell.wizard.language_page
