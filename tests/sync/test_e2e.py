"""End to end over a real HQ (SQLite and PostgreSQL): a border post refers a minor to a centre."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fieldapp.domain.enums import ReferralStatus, Role
from fieldapp.services import referrals, sync
from fieldapp.store.models import Referral, ReferralEvent, Rescue, Statement, Suspect, Victim
from tests.conftest import PASSPHRASE, add_user
from tests.support.hqserver import cli_env
from tests.support.syncenv import fast_options, hq_running, minor_case, new_device, unlock

BIN = Path(sys.executable).parent


def _count(ws, model) -> int:  # type: ignore[no-untyped-def]
    with ws.tx() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _cli(*args: str, stdin: str = "") -> str:
    out = subprocess.run([str(BIN / args[0]), *args[1:]], input=stdin, capture_output=True, check=False,
                         text=True, timeout=60, env=cli_env(args))
    assert out.returncode == 0, out.stderr
    return out.stdout


@pytest.mark.parametrize("db_kind", ["sqlite", "postgresql"])
def test_post_refers_minor_to_centre_and_sees_completion(db_kind: str, tmp_path: Path) -> None:
    opts = fast_options()
    with hq_running(db_kind, tmp_path) as hq:
        post_root, centre_root = tmp_path / "poipet", tmp_path / "ptc"
        post = new_device(post_root, hq, "POIPET")
        ids = minor_case(post)
        first = sync.sync_round(post, options=opts)
        assert first.pushed > 0 and first.pending == 0
        post.close()

        centre = new_device(centre_root, hq, "PTC", role=Role.CENTRE_STAFF, centre="PTC")
        add_user(centre, "staff", Role.CENTRE_STAFF, centre="PTC")
        centre.close()
        staff = unlock(centre_root, "staff")
        got = sync.sync_round(staff, options=opts)
        assert got.pulled > 0 and got.parked == 0

        # Need to know: the referral and the victim's essentials, nothing of the case.
        queue = referrals.referral_queue(staff)
        assert [c.referral.id for c in queue] == [ids["referral"]]
        assert queue[0].referral.status == ReferralStatus.SENT
        assert queue[0].victim.is_minor and queue[0].victim.name_latin == "Sok Dara"
        for model in (Rescue, Statement, Suspect):
            assert _count(staff, model) == 0
        with staff.tx() as s:
            victim = s.get(Victim, ids["victim"])
            assert victim is not None and victim.rescue_id is None
            assert victim.contact_phone == ""  # not among the essentials

        referrals.accept_referral(staff, ids["referral"])
        referrals.complete_referral(staff, ids["referral"], ["shelter"])
        done = sync.sync_round(staff, options=opts)
        assert done.pending == 0
        staff.close()

        post = unlock(post_root)
        back = sync.sync_round(post, options=opts)
        assert back.pulled > 0
        with post.tx() as s:
            referral = s.get(Referral, ids["referral"])
            assert referral is not None
            assert referral.status == ReferralStatus.COMPLETED and not referral.conflicted
            kinds = sorted(e.kind for e in s.scalars(select(ReferralEvent)))
        assert kinds == ["accepted", "completed", "created", "sent"]
        # A second round moves nothing new and changes nothing.
        again = sync.sync_round(post, options=opts)
        assert again.pushed == 0 and again.changed == 0
        status = sync.status(post)
        assert status.enrolled and status.pending == 0 and status.last_error is None
        assert status.last_success_at is not None and status.skew_ms is not None
        post.close()

        device_stats = json.loads(_cli("fieldapp", "stats", "--json", "--passphrase-stdin",
                                       "--data-dir", str(post_root), "--user", "sup",
                                       stdin=PASSPHRASE + "\n"))
        hq_args = ["--data-dir", str(hq.settings.data_dir)]
        if hq.settings.database_url:
            hq_args += ["--database-url", hq.settings.database_url]
        hq_stats = json.loads(_cli("fieldapp-hq", "stats", "--json", *hq_args))
    for key in ("rescues", "victims", "statements", "suspects", "referrals", "referral_events"):
        assert hq_stats[key] == device_stats[key], key
    assert (hq_stats["rescues"], hq_stats["victims"], hq_stats["referral_events"]) == (1, 1, 4)
    assert device_stats["unsent_changes"] == 0 and hq_stats["referral_conflicts"] == 0
