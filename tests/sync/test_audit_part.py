"""Audit events travel in one part of each push (protocol 2), not as one change each: HQ
stores them as before, checks each device's chain, and acknowledges them apart."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from fieldapp.hq.models import ChangeLog, Record
from fieldapp.hq.models import Device as HqDevice
from fieldapp.services import demo, sync
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit
from fieldapp.store.models import AuditEvent, Device, Outbox
from fieldapp.store.unsent import unsent_count
from tests.support.hqserver import RunningHq
from tests.support.syncenv import fast_options, hq_running, minor_case, new_device


def _pragma(ws: Workspace, name: str) -> int:
    with ws.tx() as s:
        return int(s.connection().exec_driver_sql(f"PRAGMA {name}").scalar() or 0)


def _used_pages(ws: Workspace) -> int:
    return _pragma(ws, "page_count") - _pragma(ws, "freelist_count")


def _free_pages(ws: Workspace) -> int:
    return _pragma(ws, "freelist_count")


def _hq_device(hq: RunningHq, device_id: str) -> HqDevice:
    with hq.hq.sessions() as s:
        dev = s.get(HqDevice, device_id)
        assert dev is not None
        s.expunge(dev)
        return dev


def _hq_counts(hq: RunningHq, device_id: str) -> tuple[int, int]:
    """(changes logged from the device's outbox, audit_event records HQ holds)."""
    with hq.hq.sessions() as s:
        logged = s.scalar(select(func.count()).select_from(ChangeLog).where(
            ChangeLog.origin_device == device_id, ChangeLog.origin_seq.is_not(None)))
        audits = s.scalar(select(func.count()).select_from(Record).where(
            Record.entity == "audit_event"))
        return int(logged or 0), int(audits or 0)


@pytest.mark.parametrize("db_kind", ["sqlite", "postgresql"])
def test_a_round_sends_the_outbox_as_changes_and_the_audit_trail_in_parts(
        db_kind: str, tmp_path: Path) -> None:
    with hq_running(db_kind, tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")
        minor_case(ws)
        demo.generate(ws, 4, seed=3)
        with ws.tx() as s:
            rows = int(s.scalar(select(func.count()).select_from(Outbox)) or 0)
            events = int(s.scalar(select(func.max(AuditEvent.seq))) or 0)
            device = s.scalars(select(Device)).one()
            hq_id = str(device.hq_device_id)
            assert unsent_count(s) > rows  # the audit events count until HQ holds them
        before = _used_pages(ws)
        result = sync.sync_round(ws, options=fast_options(first_batch=20))
        assert result.pending == 0
        # HQ holds the outbox rows: they left the outbox, and their pages went back.
        assert _used_pages(ws) < before and _free_pages(ws) == 0
        # One change per outbox row (applied, or refused and parked with its reason).
        assert result.pushed + result.refused == rows
        logged, audits = _hq_counts(hq, hq_id)
        assert logged == result.pushed
        with ws.tx() as s:
            tip, last = s.execute(select(AuditEvent.hash, AuditEvent.seq)
                                  .order_by(AuditEvent.seq.desc()).limit(1)).one()
            assert s.scalars(select(Device)).one().audit_pushed_seq == last
        assert last >= events and result.audit_sent == last == audits  # the round's own too
        dev = _hq_device(hq, hq_id)
        assert (dev.audit_acked_seq, dev.audit_tip, dev.audit_broken_seq) == (last, tip, None)
        # HQ holds each event as the device reads it: the id made from the chain, the detail
        # with its references to earlier records resolved.
        with ws.tx() as s:
            ours = {e["id"]: (e["seq"], e["detail"], e["hash"]) for e in audit.events_after(s, 0)}
        with hq.hq.sessions() as hs:
            held = {r.entity_id: (r.fields["seq"][0], r.fields["detail"][0], r.fields["hash"][0])
                    for r in hs.scalars(select(Record).where(Record.entity == "audit_event"))}
        assert held == ours

        # The next round's part links to the last event HQ holds.
        demo.generate(ws, 1, seed=4)
        again = sync.sync_round(ws, options=fast_options())
        assert again.pending == 0 and again.audit_sent > 0
        dev = _hq_device(hq, hq_id)
        assert dev.audit_broken_seq is None and dev.audit_acked_seq == last + again.audit_sent
        assert _hq_counts(hq, hq_id)[1] == dev.audit_acked_seq
        ws.close()


def test_an_altered_trail_is_still_stored_and_hq_names_the_first_broken_event(
        tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")
        minor_case(ws)
        with ws.tx() as s:
            s.execute(text("UPDATE audit_event SET username = 'someone-else' WHERE seq = 3"))
            events = int(s.scalar(select(func.max(AuditEvent.seq))) or 0)
            hq_id = str(s.scalars(select(Device)).one().hq_device_id)
        result = sync.sync_round(ws, options=fast_options())
        assert result.pending == 0 and result.audit_sent >= events
        assert _hq_counts(hq, hq_id)[1] == result.audit_sent
        assert _hq_device(hq, hq_id).audit_broken_seq == 3
        (listed,) = hq.hq.devices()  # what `fieldapp-hq devices` shows HQ's staff
        assert (listed.audit_broken_seq, listed.audit_acked_seq) == (3, result.audit_sent)
        ws.close()
