"""Bundles close the loop (issue 9, item 12) and "unsent" means one thing everywhere (item 15)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

from fieldapp.services import caselist, intake, stats, sync
from fieldapp.services.workspace import Workspace
from fieldapp.sync.client import DeviceRevoked
from fieldapp.ui.sync_status import HqSync
from tests.conftest import PASSPHRASE
from tests.support.syncenv import fast_options, hq_change_log, hq_running, minor_case, new_device

BIN = Path(sys.executable).parent


def _fieldapp(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "fieldapp"), *args], input=PASSPHRASE + "\n",
                          capture_output=True, text=True, timeout=120, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def _every_unsent_count(ws: Workspace) -> set[int]:
    """What each place that shows "unsent" says about this store."""
    return {
        stats.counts(ws)["unsent_changes"],   # fieldapp stats --json
        caselist.pending_changes(ws),         # the window's status bar
        sync.status(ws).pending,              # fieldapp sync / the Sync panel
        HqSync().status(ws).pending,          # the Sync panel's and home screen's source
    }


def _more_cases(ws: Workspace, n: int) -> None:
    for i in range(n):
        rescue = intake.create_rescue(ws, operation_date=dt.date(2026, 6, 1 + i),
                                      province_code="KH-1", exploitation_type="begging")
        intake.add_victim(ws, rescue.id, name_latin="Keo", sex="male", estimated_age=16)


def test_a_bundle_round_trip_leaves_nothing_unsent(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")  # the network is used for enrolment only
        device_id = sync.status(ws).device_id
        assert device_id
        minor_case(ws)
        unsent = sync.status(ws).pending
        assert unsent > 0
        paths, count = sync.export_bundle(ws, tmp_path / "out.bundle")
        assert count == unsent + 1  # the export's own audit event travels in the bundle
        answer = hq.hq.import_bundle(paths[0].read_bytes())
        assert answer.applied == count and answer.acked_seq == count
        (tmp_path / "back.return").write_bytes(hq.hq.export_bundle(device_id))
        sync.import_bundle(ws, tmp_path / "back.return")
        # HQ's signed return file acknowledged everything: nothing unsent, nothing to export.
        assert _every_unsent_count(ws) == {0}
        assert sync.export_bundle(ws, tmp_path / "again.bundle") == ([], 0)
        assert not (tmp_path / "again.bundle").exists()
        # The next export holds only what is new since, and HQ has all of it, once.
        _more_cases(ws, 2)
        new = sync.status(ws).pending
        paths, count = sync.export_bundle(ws, tmp_path / "next.bundle")
        assert count == new + 1
        answer = hq.hq.import_bundle(paths[0].read_bytes())
        assert (answer.applied, answer.duplicates) == (count, 0)
        seqs = [seq for seq, _, _ in hq_change_log(hq, device_id)]
        assert seqs == list(range(1, len(seqs) + 1))
        # An older return file arriving late never moves the acknowledgement back.
        sync.import_bundle(ws, tmp_path / "back.return")
        assert sync.status(ws).pending == count
        (tmp_path / "back2.return").write_bytes(hq.hq.export_bundle(device_id))
        sync.import_bundle(ws, tmp_path / "back2.return")
        assert _every_unsent_count(ws) == {0}
        # Online later: nothing is sent twice.
        result = sync.sync_round(ws, options=fast_options())
        assert (result.pushed, result.duplicates, result.pending) == (0, 0, 0)
        ws.close()


def test_a_revoked_device_learns_its_bundle_arrived(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        root = tmp_path / "d"
        ws = new_device(root, hq, "POIPET")
        device_id = sync.status(ws).device_id
        assert device_id
        minor_case(ws)
        sync.sync_round(ws, options=fast_options())
        _more_cases(ws, 3)
        hq.hq.revoke(device_id)
        with pytest.raises(DeviceRevoked) as caught:
            sync.sync_round(ws, options=fast_options())
        assert caught.value.unsent > 0 and caught.value.unsent == sync.status(ws).pending
        paths, _count = sync.export_bundle(ws, tmp_path / "last.bundle")
        hq.hq.import_bundle(paths[0].read_bytes())  # an HQ officer imports the stick by hand
        # HQ still answers a revoked device's return file: the acknowledgement, no records.
        (tmp_path / "ack.return").write_bytes(hq.hq.export_bundle(device_id))
        applied = sync.import_bundle(ws, tmp_path / "ack.return")
        assert applied.received == 0
        assert _every_unsent_count(ws) == {0}
        with pytest.raises(DeviceRevoked) as caught:
            sync.sync_round(ws, options=fast_options())
        assert caught.value.unsent == 0 and "holds all of its changes" in str(caught.value)
        ws.close()
        out = _fieldapp("sync", "--passphrase-stdin", "--data-dir", str(root), "--user", "sup")
        assert out.returncode == 2 and "holds all of its changes" in out.stderr
        assert "never reached HQ" not in out.stderr


def test_every_unsent_count_agrees(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        root = tmp_path / "d"
        ws = new_device(root, hq, "POIPET")
        minor_case(ws)
        sync.sync_round(ws, options=fast_options())
        assert _every_unsent_count(ws) == {0}
        # Outbox rows past HQ's acknowledgement, and audit events not yet queued for HQ.
        _more_cases(ws, 4)
        counts = _every_unsent_count(ws)
        assert len(counts) == 1
        unsent = counts.pop()
        assert unsent > 8
        device_id = sync.status(ws).device_id
        assert device_id
        ws.close()
        out = _fieldapp("stats", "--json", "--passphrase-stdin", "--data-dir", str(root),
                        "--user", "sup")
        assert f'"unsent_changes": {unsent}' in out.stdout  # a sign-in is not a change
        hq.hq.revoke(device_id)
        out = _fieldapp("sync", "--passphrase-stdin", "--data-dir", str(root), "--user", "sup")
        assert out.returncode == 2 and f"{unsent} change(s) never reached HQ" in out.stderr
