"""Outbox rows HQ acknowledged leave no row when their record names them (`out_seq`); the
others (superseded changes, audit events a bundle carried) rest lean in `outbox_sent`. When
HQ's acknowledgement goes down (restored from a backup) every seq is listed and sent again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, text

from fieldapp.hq.models import ChangeLog
from fieldapp.hq.models import Device as HqDevice
from fieldapp.services import demo, intake, sync
from fieldapp.store.models import SYNCED_MODELS, Device, OutboxSent, OutboxSentAudit, Rescue
from fieldapp.store.unsent import unsent_count
from fieldapp.sync.outbox import queue_audit, rows_after
from tests.support.hqserver import RunningHq
from tests.support.syncenv import (
    fast_options,
    hq_change_log,
    hq_running,
    minor_case,
    new_device,
    outbox_of,
)


def _restore(hq: RunningHq, device_id: str, floor: int) -> None:
    """HQ restored from a backup taken when it held the device's seqs up to `floor`."""
    with hq.hq.sessions() as s, s.begin():
        dev = s.get(HqDevice, device_id)
        assert dev is not None and dev.acked_seq > floor
        s.execute(delete(ChangeLog).where(ChangeLog.origin_device == device_id,
                                          ChangeLog.origin_seq > floor))
        dev.acked_seq = floor


def _hq_records(hq: RunningHq) -> dict[tuple[str, str], Any]:
    from fieldapp.hq.models import Record

    with hq.hq.sessions() as s:
        return {(r.entity, r.entity_id): (r.fields, r.post_code) for r in s.scalars(
            select(Record).where(Record.entity != "audit_event"))}


def test_sent_rows_rest_lean_and_only_where_no_record_names_them(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")
        demo.generate(ws, 3, seed=5)
        with ws.tx() as s:
            queue_audit(s)  # a bundle's audit events: no record names them
        assert sync.sync_round(ws, options=fast_options()).pending == 0
        device_id = sync.status(ws).device_id
        assert hq_change_log(hq, device_id) == outbox_of(ws)  # every seq, dense, in order
        with ws.tx() as s:
            raw = s.execute(text("SELECT DISTINCT typeof(entity), length(entity), "
                                 "typeof(post_code), length(post_code) FROM outbox_sent")).all()
            assert [tuple(r) for r in raw] == [("blob", 1, "blob", 0)]
            named = {seq for model in SYNCED_MODELS.values()
                     for seq in s.scalars(select(model.out_seq).where(
                         model.out_seq.is_not(None)))}
            kept = list(s.execute(select(OutboxSent.seq, OutboxSent.entity)))
            assert kept and not named & {seq for seq, _ in kept}
            assert {entity for _, entity in kept} <= {"statement"}  # audit events: runs
            # As a resend to an HQ restored from a backup reads them: the post spelled out.
            again = rows_after(s, 0)
            assert {r.post_code for r in again} == {s.scalar(select(Device.post_code))}
            assert {r.entity for r in again} >= {"rescue", "victim", "referral", "audit_event"}
        ws.close()


def test_hq_restored_from_a_backup_gets_every_change_again(tmp_path: Path) -> None:
    """A record changed after its last row was compacted keeps that seq listed; HQ restored
    to an older backup (and later to nothing) gets every seq again, dense, and its records
    merge to what they were. The audit events a bundle carried go again from their run, each
    stamped no later than it first went: HQ, which kept them, refuses none."""
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")
        case = minor_case(ws)
        demo.generate(ws, 3, seed=5)
        with ws.tx() as s:
            queue_audit(s)  # a bundle's audit events: kept as runs once acknowledged
        assert sync.sync_round(ws, options=fast_options()).pending == 0
        with ws.tx() as s:
            runs = list(s.execute(select(OutboxSentAudit.seq, OutboxSentAudit.count)))
            assert len(runs) == 1 and runs[0][1] > 10
        intake.update_rescue(ws, case["rescue"], place="Checkpoint 9")  # after compaction
        assert sync.sync_round(ws, options=fast_options()).pending == 0
        device_id = sync.status(ws).device_id
        held, records = hq_change_log(hq, device_id), _hq_records(hq)
        assert held == outbox_of(ws)
        for floor in (held[len(held) // 2][0], 0):
            _restore(hq, device_id, floor)
            with ws.tx() as s:
                s.scalars(select(Device)).one().acked_seq = floor  # as HQ's next answer says
                assert unsent_count(s) >= len(held) - floor
                assert s.scalar(select(func.count()).select_from(Rescue)) == 4
            result = sync.sync_round(ws, options=fast_options())
            assert result.pending == 0 and result.refused == 0
            assert hq_change_log(hq, device_id) == held
            assert _hq_records(hq) == records
        ws.close()
