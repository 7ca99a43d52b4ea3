"""Sync through a bad link (resets, truncation, replays, latency, a bandwidth cap) and a kill -9.

After the faults stop, every store converges with 0 lost and 0 duplicated changes: HQ's
change log holds exactly the device's outbox, once each.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.domain.errors import FieldAppError
from fieldapp.hq import attachments as hq_attachments
from fieldapp.hq.models import ChangeLog
from fieldapp.services import attachments, sync
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import SYNCED_MODELS
from fieldapp.sync.apply import local_state
from fieldapp.sync.client import HqUnreachable, SyncOptions, SyncResult
from tests.conftest import PASSPHRASE
from tests.support.hqserver import RunningHq
from tests.support.proxy import Faults, Proxy
from tests.support.syncenv import (
    fast_options,
    hq_change_log,
    hq_running,
    new_device,
    officer_demo,
    outbox_of,
    unlock,
    wait_for,
)

BIN = Path(sys.executable).parent


def _until_synced(ws: Workspace, url: str, opts: SyncOptions, rounds: int = 30) -> SyncResult:
    """Rounds until one completes; each failed round must have kept its progress."""
    last: FieldAppError | None = None
    for _ in range(rounds):
        try:
            return sync.sync_round(ws, hq_url=url, options=opts)
        except HqUnreachable as exc:
            last = exc
    raise AssertionError(f"no round completed: {last}")


def snapshot(ws: Workspace, entities: tuple[str, ...] = ("rescue", "victim", "statement",
                                                          "suspect", "referral",
                                                          "referral_event")) -> dict:
    """Every synced record's merge state, plus each referral's derived status."""
    out: dict = {}
    with ws.tx() as s:
        for entity in entities:
            model = SYNCED_MODELS[entity]
            for obj in s.scalars(select(model)):
                state = local_state(obj)
                state.pop("updated_at", None)
                if entity == "referral":
                    state["_status"] = [obj.status, obj.conflicted]
                out[(entity, obj.id)] = state
    return out


def assert_exactly_once(hq: RunningHq, ws: Workspace) -> None:
    device_id = sync.status(ws).device_id
    assert device_id
    logged = hq_change_log(hq, device_id)
    assert logged == outbox_of(ws)  # 0 lost, 0 duplicated, in order
    with hq.hq.sessions() as s:
        total = s.scalar(select(ChangeLog.server_seq).order_by(ChangeLog.server_seq.desc()))
    assert total is not None


def test_faulty_link_converges_exactly_once(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        port = int(hq.base_url.rsplit(":", 1)[1])
        faults = Faults(latency_s=0.002, reset_after=(1500, 40000), truncate_after=(50, 4000),
                        duplicate=True, fault_rate=0.6)
        with Proxy(port, faults=faults, seed=7) as proxy:
            a = new_device(tmp_path / "a", hq, "POIPET")
            officer_demo(a, 12, seed=3)
            photo = os.urandom(300_000)
            rescue_id = next(iter(snapshot(a, ("rescue",))))[1]
            att = attachments.add_attachment(a, "rescue", rescue_id, photo, "passport.jpg",
                                             "image/jpeg")
            opts = fast_options(first_batch=20, upload_chunk=32 * 1024)
            _until_synced(a, proxy.url, opts)
            b = None
            a.close()
            b = new_device(tmp_path / "b", hq, "POIPET")
            _until_synced(b, proxy.url, opts)
            b.close()
            assert proxy.counters.resets > 0 and proxy.counters.truncations > 0
            assert proxy.counters.duplicates > 0

            # The link heals: one more round each, and everything agrees.
            faults.clear()
            a, b = unlock(tmp_path / "a"), unlock(tmp_path / "b")
            sync.sync_round(a, hq_url=proxy.url, options=opts)
            sync.sync_round(b, hq_url=proxy.url, options=opts)
            assert_exactly_once(hq, a)
            assert_exactly_once(hq, b)
            assert snapshot(a) == snapshot(b)
            assert sync.status(b).waiting == 0
            stored = hq_attachments.read_attachment(hq.hq, att.id)
            assert stored == (tmp_path / "a" / "attachments" / att.id).read_bytes()
            assert attachments.read_attachment(a, att.id) == photo
            a.close()
            b.close()


def test_slow_link_and_interrupted_rounds_keep_progress(tmp_path: Path) -> None:
    """A round cut short by its deadline keeps what it sent; the next one carries on."""
    with hq_running("sqlite", tmp_path) as hq:
        port = int(hq.base_url.rsplit(":", 1)[1])
        with Proxy(port, faults=Faults(bandwidth_bps=256_000, latency_s=0.01)) as proxy:
            a = new_device(tmp_path / "a", hq, "POIPET")
            officer_demo(a, 10, seed=5)
            pending = sync.status(a).pending
            opts = fast_options(first_batch=10, max_batch=40, deadline_s=0.4, attempts=3)
            rounds = 0
            while True:
                rounds += 1
                try:
                    sync.sync_round(a, hq_url=proxy.url, options=opts)
                    break
                except HqUnreachable:
                    assert sync.status(a).last_error
                    assert sync.status(a).pending < pending  # progress was kept
                    pending = sync.status(a).pending
                assert rounds < 60
            assert rounds > 1
            assert_exactly_once(hq, a)
            a.close()


def _sync_cmd(root: Path, url: str) -> list[str]:
    return [str(BIN / "fieldapp"), "sync", "--passphrase-stdin", "--data-dir", str(root),
            "--user", "sup", "--hq", url]


def test_killed_mid_push_loses_and_repeats_nothing(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        port = int(hq.base_url.rsplit(":", 1)[1])
        # Slow enough that the push is surely under way when the process is killed.
        with Proxy(port, faults=Faults(bandwidth_bps=96_000)) as proxy:
            root = tmp_path / "a"
            a = new_device(root, hq, "POIPET")
            officer_demo(a, 15, seed=9)
            device_id = sync.status(a).device_id
            assert device_id
            a.close()
            killed = 0
            for _ in range(2):  # kill it twice, at different points
                proc = subprocess.Popen(_sync_cmd(root, proxy.url), stdin=subprocess.PIPE,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
                assert proc.stdin is not None
                proc.stdin.write((PASSPHRASE + "\n").encode())
                proc.stdin.close()
                before = len(hq_change_log(hq, device_id))
                try:
                    wait_for(lambda n=before: len(hq_change_log(hq, device_id)) > n, timeout=30)
                except AssertionError:
                    pass
                time.sleep(0.3)
                if proc.poll() is None:
                    os.kill(proc.pid, signal.SIGKILL)
                    killed += 1
                proc.wait(10)
            assert killed >= 1
            partial = len(hq_change_log(hq, device_id))
            a = unlock(root)
            assert 0 < partial
            proxy.faults.clear()
            result = sync.sync_round(a, hq_url=proxy.url, options=fast_options())
            assert result.pending == 0
            assert_exactly_once(hq, a)
            a.close()


@pytest.mark.parametrize("fault", ["reset", "truncate", "duplicate"])
def test_each_fault_alone(tmp_path: Path, fault: str) -> None:
    faults = {
        "reset": Faults(reset_after=(800, 6000)),
        "truncate": Faults(truncate_after=(10, 400), fault_rate=0.7),
        "duplicate": Faults(duplicate=True),
    }[fault]
    with hq_running("sqlite", tmp_path) as hq:
        port = int(hq.base_url.rsplit(":", 1)[1])
        with Proxy(port, faults=faults, seed=11) as proxy:
            a = new_device(tmp_path / "a", hq, "POIPET")
            officer_demo(a, 4, seed=1)
            _until_synced(a, proxy.url, fast_options(first_batch=8))
            proxy.faults.clear()
            sync.sync_round(a, hq_url=proxy.url, options=fast_options())
            assert_exactly_once(hq, a)
            a.close()
