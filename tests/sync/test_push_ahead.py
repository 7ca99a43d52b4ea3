"""The pipelined push (`SyncClient.push`): the next batch is made while one is in flight,
and used only when HQ acknowledged all of it.

Against a real HQ on 127.0.0.1 and the real SQLCipher store. HQ's answers are held back by
the test's link until the device has prepared its next batch: the push overlaps, or the
round does not complete its overlap count. No timings are asserted (the waits only bound a
hang). HQ acknowledging less than was sent (restored from a backup mid-round; an answer
lost after HQ applied the batch; refusals) still ends with every change held at HQ once.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import delete, select

from fieldapp.hq.models import ChangeLog
from fieldapp.hq.models import Device as HqDevice
from fieldapp.services import sync
from fieldapp.store.unsent import unsent_count
from fieldapp.sync.round import SyncClient
from tests.support.hqserver import RunningHq
from tests.support.syncenv import (
    fast_options,
    hq_change_log,
    hq_running,
    new_device,
    officer_demo,
    outbox_of,
)

#: Bounds a wait for the device's next batch (only reached if the push does not overlap).
_HANG = 30.0


class _Counted:
    """Counts `SyncClient._prepare_ahead` calls that made a batch."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.made = 0
        self.changed = threading.Condition()
        real = SyncClient._prepare_ahead

        def counted(client: SyncClient, *args: Any) -> Any:
            ahead = real(client, *args)
            if ahead is not None:
                with self.changed:
                    self.made += 1
                    self.changed.notify_all()
            return ahead

        monkeypatch.setattr(SyncClient, "_prepare_ahead", counted)

    def wait_for(self, n: int) -> bool:
        with self.changed:
            return self.changed.wait_for(lambda: self.made >= n, timeout=_HANG)


class _Link(httpx.BaseTransport):
    """The link to HQ. Each push answer reaches the device only once the device has made
    the batch after the one in flight (the overlap, recorded in `overlapped`). Optional
    faults: before the push numbered `restore_at`, HQ loses its last `lose` changes of the
    device (restored from a backup); the answer to the push numbered `drop_at` is lost
    after HQ applied it."""

    def __init__(self, hq: RunningHq, device_id: str, made: _Counted, *,
                 restore_at: int = 0, lose: int = 0, drop_at: int = 0) -> None:
        self.real = httpx.HTTPTransport()
        self.hq, self.device_id, self.made = hq, device_id, made
        self.restore_at, self.lose, self.drop_at = restore_at, lose, drop_at
        self.pushes = 0
        self.answered = 0  # push answers the device received
        self.overlapped: list[bool] = []
        self.restored_to: int | None = None

    def _restore(self) -> None:
        with self.hq.hq.sessions() as s, s.begin():
            dev = s.get(HqDevice, self.device_id)
            assert dev is not None and dev.acked_seq > self.lose
            floor = dev.acked_seq - self.lose
            s.execute(delete(ChangeLog).where(ChangeLog.origin_device == self.device_id,
                                              ChangeLog.origin_seq > floor))
            dev.acked_seq = floor
            self.restored_to = floor

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path != "/v1/push":
            return self.real.handle_request(request)
        self.pushes += 1
        if self.pushes == self.restore_at:
            self._restore()
        response = self.real.handle_request(request)
        response.read()
        if self.pushes == self.drop_at:
            raise httpx.ReadError("connection reset by peer", request=request)
        # One batch made ahead for each batch answered so far, and for this one.
        self.overlapped.append(self.made.wait_for(self.answered + 1))
        self.answered += 1
        return response


def _device(tmp_path: Path, hq: RunningHq, rescues: int) -> tuple[Any, str]:
    ws = new_device(tmp_path / "d", hq, "POIPET")
    officer_demo(ws, rescues, seed=3)
    device_id = sync.status(ws).device_id
    assert device_id
    return ws, device_id


def _all_held_once(hq: RunningHq, ws: Any, device_id: str) -> None:
    assert hq_change_log(hq, device_id) == outbox_of(ws)  # 0 lost, 0 duplicated, in order
    with ws.tx() as s:
        assert unsent_count(s) == 0


def test_the_next_batch_is_made_while_one_is_in_flight(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = _Counted(monkeypatch)
    with hq_running("sqlite", tmp_path) as hq:
        ws, device_id = _device(tmp_path, hq, 6)
        link = _Link(hq, device_id, made)
        result = sync.sync_round(ws, transport=link, options=fast_options(first_batch=4,
                                                                           max_batch=16))
        assert link.pushes >= 4  # several batches: the pipeline had something to do
        assert all(link.overlapped) and len(link.overlapped) == link.pushes
        assert result.pending == 0 and result.refused == 0
        _all_held_once(hq, ws, device_id)
        ws.close()


def test_hq_acknowledging_less_than_was_sent_resends_the_rest_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HQ restored from a backup mid-round (its watermark goes down under the batch in
    flight) and an answer lost after HQ applied a batch (the retry halves it): the batch
    made ahead is dropped, the device sends again from HQ's acknowledgement, and HQ ends
    up holding every change exactly once, nothing pending."""
    made = _Counted(monkeypatch)
    with hq_running("sqlite", tmp_path) as hq:
        ws, device_id = _device(tmp_path, hq, 6)
        link = _Link(hq, device_id, made, restore_at=3, lose=6, drop_at=5)
        result = sync.sync_round(ws, transport=link, options=fast_options(first_batch=4,
                                                                           max_batch=16))
        assert link.restored_to is not None and link.pushes > 5
        assert all(link.overlapped)
        assert result.pending == 0 and result.retries >= 1
        _all_held_once(hq, ws, device_id)
        ws.close()


def test_refusals_match_the_sequential_push(tmp_path: Path) -> None:
    """Rescues of another post on this device's laptop: HQ refuses those changes and its
    acknowledgement moves past them. The refusals kept, and what HQ holds, are those of
    pushing one batch at a time, with nothing made ahead."""
    import datetime as dt

    from fieldapp.services import intake
    from fieldapp.sync.outbox import refusals

    def foreign(ws: Any) -> None:
        intake.create_rescue(ws, operation_date=dt.date(2026, 4, 1), province_code="KH-9",
                             exploitation_type="labour", post_code="KOHKONG")

    outcomes = []
    for name in ("ahead", "alone"):
        with hq_running("sqlite", tmp_path / name) as hq:
            ws = new_device(tmp_path / name / "d", hq, "POIPET")
            foreign(ws)
            officer_demo(ws, 2, seed=7)
            foreign(ws)
            officer_demo(ws, 2, seed=8)
            foreign(ws)
            device_id = sync.status(ws).device_id
            assert device_id
            options = fast_options(first_batch=4, max_batch=16)
            with pytest.MonkeyPatch.context() as mp:
                if name == "alone":  # the reference: nothing is ever made ahead
                    mp.setattr(SyncClient, "_prepare_ahead", lambda *_a: None)
                result = sync.sync_round(ws, options=options)
            with ws.tx() as s:
                kept = refusals(s, 1000)
                left = unsent_count(s)
            with hq.hq.sessions() as hs:
                acked = hs.scalar(select(HqDevice.acked_seq).where(HqDevice.id == device_id))
            outcomes.append((result.refused, kept[0], [r for _seq, _e, r in kept[1]], left,
                             acked, [(seq, e) for seq, e, _id in hq_change_log(hq, device_id)]))
            ws.close()
    assert outcomes[0][0] == 3 and outcomes[0][3] == 0
    assert outcomes[0] == outcomes[1]
