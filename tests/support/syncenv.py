"""Device-side sync test helpers: enrolled encrypted stores against a real HQ on loopback."""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from fieldapp.domain.enums import Role
from fieldapp.hq.models import ChangeLog
from fieldapp.services import auth, casework, sync
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Rescue
from fieldapp.sync.client import SyncOptions
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.support.hqserver import RunningHq, database_url, make_settings, running_server


def fast_options(**kw: Any) -> SyncOptions:
    """Retries that wait milliseconds, not seconds (the faults are the point, not the wait)."""
    base: dict[str, Any] = dict(retry_base=0.01, retry_cap=0.2, attempts=40, deadline_s=60,
                                io_timeout=10, connect_timeout=5)
    base.update(kw)
    return SyncOptions(**base)


@contextlib.contextmanager
def hq_running(kind: str, tmp_path: Path, **settings: Any) -> Iterator[RunningHq]:
    data_dir = tmp_path / "hq"
    with database_url(kind, data_dir) as url, running_server(
        make_settings(data_dir, url, **settings)
    ) as running:
        yield running


def code_for(hq: RunningHq, post: str, role: Role = Role.OFFICER, centre: str | None = None) -> str:
    return hq.hq.create_enrolment_code(post_code=post, role=role, centre_code=centre,
                                       ttl=timedelta(days=1))


def new_device(root: Path, hq: RunningHq | None, post: str = "POIPET", *,
               role: Role = Role.OFFICER, centre: str | None = None,
               url: str | None = None) -> Workspace:
    """A fresh store for `post` (user "sup", supervisor), enrolled with HQ if given."""
    ws = auth.initialise(root, post_code=post, username="sup", passphrase=PASSPHRASE,
                         kdf=FAST_KDF)
    if hq is not None:
        sync.enrol(ws, url or hq.base_url, code_for(hq, post, role, centre))
    return ws


def unlock(root: Path, user: str = "sup") -> Workspace:
    return auth.unlock(root, user, PASSPHRASE)


def repoint(ws: Workspace, hq: RunningHq) -> str:
    """A fixture store's device talks to `hq` (it listens on another port than when the
    store was made); returns HQ's id of the device."""
    from fieldapp.store.models import Device

    with ws.tx() as s:
        device = s.scalars(select(Device)).one()
        device.hq_url = hq.base_url
        return str(device.hq_device_id)


def minor_case(ws: Workspace, *, provider: str = "PTC") -> dict[str, str]:
    """A rescue with a minor victim, her final statement, a suspect and a referral."""
    from fieldapp.services import intake, referrals, statements

    rescue = intake.create_rescue(ws, operation_date=dt.date(2026, 3, 14), province_code="KH-1",
                                  exploitation_type="labour", place="Poipet market")
    victim = intake.add_victim(ws, rescue.id, name_latin="Sok Dara", name_km="សុខ ដារា",
                               sex="female", estimated_age=15, nationality="KHM",
                               contact_phone="012 345 678")
    st = statements.record_statement(
        ws, victim.id, interviewer="officer", language="km", narrative="what happened ...",
        child_protocol={k: True for k in statements.CHILD_PROTOCOL})
    statements.finalise_statement(ws, st.id)
    suspect = intake.add_suspect(ws, rescue.id, name="broker", role="broker")
    referral = referrals.create_referral(ws, victim.id, service="shelter", provider_code=provider)
    return {"rescue": rescue.id, "victim": victim.id, "statement": st.id,
            "suspect": suspect.id, "referral": referral.id}


def hq_change_log(hq: RunningHq, device_id: str) -> list[tuple[int, str, str]]:
    with hq.hq.sessions() as s:
        rows = s.execute(
            select(ChangeLog.origin_seq, ChangeLog.entity, ChangeLog.entity_id)
            # Its audit events are logged without a seq (a push's audit part, protocol 2).
            .where(ChangeLog.origin_device == device_id, ChangeLog.origin_seq.is_not(None))
            .order_by(ChangeLog.origin_seq)
        ).all()
    return [(int(a), b, c) for a, b, c in rows]


def outbox_of(ws: Workspace) -> list[tuple[int, str, str]]:
    """Every change the device queued, in seq order: those waiting or kept in the outbox,
    and those HQ acknowledged (named by their records' `out_seq`, or kept in `outbox_sent`)."""
    from fieldapp.sync.outbox import rows_after

    with ws.tx() as s:
        return [(r.seq, r.entity, r.entity_id) for r in rows_after(s, 0)]


def wait_for(predicate: Any, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.02)


def officer_demo(ws: Workspace, rescues: int, seed: int = 1) -> None:
    """Synthetic cases recorded by an officer of the device's post (a supervisor's demo data
    includes other posts' rescues, which HQ refuses from this device)."""
    from fieldapp.services import demo
    from tests.conftest import add_user

    root = ws.store.data_dir.root
    with ws.tx() as s:
        from fieldapp.store.models import User

        exists = s.scalars(select(User).where(User.username == "off")).first() is not None
    if not exists:
        add_user(ws, "off", Role.OFFICER)
    user = ws.actor.username
    ws.close()
    officer = unlock(root, "off")
    demo.generate(officer, rescues, seed=seed)
    officer.close()
    reopened = unlock(root, user)
    ws._store, ws.actor = reopened._store, reopened.actor  # the caller's handle stays valid


def case_numbers(ws: Workspace) -> dict[str, str]:
    """{rescue id: case number} of every case in the store."""
    with ws.tx() as s:
        return {r.id: r.case_number for r in s.scalars(select(Rescue))}


def colleague_closes_one(root: Path, hq: RunningHq, ours: dict[str, str]) -> str:
    """A second device at the post pulls every case `ours` ({rescue id: case number}, what
    a device at `root` pushed), closes the first and pushes: the id of the closed case."""
    other = new_device(root, hq, "POIPET")
    try:
        sync.sync_round(other, options=fast_options())
        assert case_numbers(other) == ours
        first = sorted(ours)[0]
        casework.close_case(other, first, "other")
        assert sync.sync_round(other, options=fast_options()).pending == 0
    finally:
        other.close()
    return first
