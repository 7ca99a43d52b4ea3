"""A pull leaves out what the asking device wrote itself: half the bytes on a 2G link."""

from __future__ import annotations

from pathlib import Path

from fieldapp.services import intake, sync
from tests.support.syncenv import fast_options, hq_running, minor_case, new_device


def test_a_device_is_not_sent_its_own_records_but_its_colleague_is(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        first = new_device(tmp_path / "a", hq, "POIPET")
        ids = minor_case(first)
        sent = sync.sync_round(first, options=fast_options())  # pushes, then pulls
        assert sent.pushed > 0
        assert sent.pulled == 0  # nothing of what it had just pushed came back

        second = new_device(tmp_path / "b", hq, "POIPET")
        got = sync.sync_round(second, options=fast_options())
        assert got.pulled >= 4  # rescue, victim, referral and its events
        case = intake.get_case(second, ids["rescue"])
        assert [v.id for v in case.victims] == [ids["victim"]]

        # The colleague edits the case: now the first device must receive that record.
        intake.update_rescue(second, ids["rescue"], place="Checkpoint on NR5")
        sync.sync_round(second, options=fast_options())
        back = sync.sync_round(first, options=fast_options())
        assert back.pulled == back.changed == 1  # the edited rescue, and no audit trail
        assert intake.get_case(first, ids["rescue"]).rescue.place == "Checkpoint on NR5"
        first.close()
        second.close()
