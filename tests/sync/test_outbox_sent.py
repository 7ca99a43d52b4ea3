"""Outbox rows HQ acknowledged rest lean (`outbox_sent`: record kind as one byte, the
device's own post as nothing) and come back whole when HQ asks for them again."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select, text

from fieldapp.services import demo, sync
from fieldapp.store.models import Device, OutboxSent
from fieldapp.sync.outbox import rows_after
from tests.support.syncenv import fast_options, hq_running, new_device


def test_sent_rows_rest_lean_and_read_back_with_their_post(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")
        demo.generate(ws, 3, seed=5)
        assert sync.sync_round(ws, options=fast_options()).pending == 0
        with ws.tx() as s:
            raw = s.execute(text("SELECT DISTINCT typeof(entity), length(entity), "
                                 "typeof(post_code), length(post_code) FROM outbox_sent")).all()
            assert [tuple(r) for r in raw] == [("blob", 1, "blob", 0)]
            sent = set(s.scalars(select(OutboxSent.seq)))
            # As a resend to an HQ restored from a backup reads them: the post spelled out.
            again = [r for r in rows_after(s, 0) if r.seq in sent]
            assert len(again) == len(sent) > 0
            assert {r.post_code for r in again} == {s.scalar(select(Device.post_code))}
            assert {r.entity for r in again} >= {"rescue", "victim", "referral"}
        ws.close()
