"""Migration 0012_h16s5audit on a store at revision 0011 (the committed 0007 store of
`tests/data/stores/compact_0007`, brought to 0011): every row reads back as it did, the sent
outbox lists the same changes though most rows are gone (the records name them:
`Synced.out_seq`), the audit chain still verifies, and an HQ restored from a backup gets
every change again from the converted store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.orm import Session

from fieldapp.hq.models import ChangeLog
from fieldapp.hq.models import Device as HqDevice
from fieldapp.services import auth, sync
from fieldapp.store import audit
from fieldapp.store.engine import open_engine
from fieldapp.store.models import SYNCED_MODELS, Device, OutboxSent
from tests.conftest import PASSPHRASE
from tests.support.fixturestore import fixture_at, upgrade
from tests.support.hqserver import make_settings, running_server
from tests.support.storedump import dump
from tests.support.syncenv import fast_options, hq_change_log, outbox_of, repoint, unlock

BEFORE = "0011_h16fig3_rollup"
#: This migration; the later ones convert other columns, tested in their own files.
AFTER = "0012_h16s5audit"


def _state(root: Path) -> tuple[dict[str, Any], tuple[int, int | None], int, list[int]]:
    """(every row, the chain's check, rows in outbox_sent, records' out_seq)."""
    engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", PASSPHRASE))
    try:
        with Session(engine) as s:
            sent = int(s.scalar(select(func.count()).select_from(OutboxSent)) or 0)
            columns = {r[1] for r in s.execute(text("PRAGMA table_info(victim)"))}
            named = sorted(seq for model in SYNCED_MODELS.values()
                           for seq in s.scalars(select(model.out_seq).where(
                               model.out_seq.is_not(None)))) if "out_seq" in columns else []
            return dump(s), audit.verify_chain(s), sent, named
    finally:
        engine.dispose()


def test_0011_converts_row_for_row(tmp_path: Path) -> None:
    root = fixture_at(tmp_path, BEFORE, "device")
    rows, chain, sent, named = _state(root)
    assert chain[1] is None and sent > 0 and named == []
    upgrade(root, AFTER)
    after = _state(root)
    assert after[0] == rows and after[1] == chain
    # Most sent rows went: the records name them; those left no record names.
    assert 0 < len(after[3]) and after[2] < sent - len(after[3]) // 2
    engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", PASSPHRASE))
    try:
        with Session(engine) as s:
            kept = set(s.scalars(select(OutboxSent.seq)))
            assert not kept & set(after[3])
            device = s.scalars(select(Device)).one()
            assert device.compacted_seq >= device.acked_seq > 0
    finally:
        engine.dispose()
    upgrade(root, AFTER)  # again: nothing changes
    assert _state(root) == after


def test_hq_restored_from_a_backup_gets_every_change_of_a_converted_store(
        tmp_path: Path) -> None:
    root = fixture_at(tmp_path, BEFORE, "device", "hq", "hq-keymedia")
    with running_server(make_settings(tmp_path / "hq", None)) as hq:
        ws = unlock(root)  # converts
        try:
            hq_id = repoint(ws, hq)
            assert sync.sync_round(ws, options=fast_options()).pending == 0
            held = hq_change_log(hq, hq_id)
            assert held == outbox_of(ws)
            with hq.hq.sessions() as hs, hs.begin():
                hs.execute(delete(ChangeLog).where(ChangeLog.origin_device == hq_id,
                                                   ChangeLog.origin_seq.is_not(None)))
                dev = hs.get(HqDevice, hq_id)
                assert dev is not None
                dev.acked_seq = 0
            with ws.tx() as s:
                s.scalars(select(Device)).one().acked_seq = 0  # as HQ's next answer says
            result = sync.sync_round(ws, options=fast_options())
            assert result.pending == 0 and result.refused == 0
            assert hq_change_log(hq, hq_id) == held
            with ws.tx() as s:
                assert audit.verify_chain(s)[1] is None
        finally:
            ws.close()
