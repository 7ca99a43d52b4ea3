"""The sync client's contract pieces: enrolment, revocation, bundles, snapshots, parking, skew."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import random
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from sqlalchemy import select, text

from fieldapp.crypto.keystore import Keystore
from fieldapp.domain.enums import ReferralStatus, Role
from fieldapp.domain.errors import InvalidInput, SyncRejected
from fieldapp.domain.hlc import Hlc, HlcClock
from fieldapp.services import auth, intake, referrals, statements, sync
from fieldapp.store import migrate
from fieldapp.store.engine import open_engine
from fieldapp.store.models import AuditEvent, Device, Outbox, Referral, Rescue, Statement, Victim
from fieldapp.sync.apply import apply_records, local_state
from fieldapp.sync.client import DeviceRevoked, wire_change
from fieldapp.sync.merge import merge_record
from fieldapp.sync.scheduler import ProbeSchedule, backoff_delay
from tests.conftest import FAST_KDF, PASSPHRASE, add_user
from tests.support.hqserver import cli_env
from tests.support.syncenv import (
    code_for,
    fast_options,
    hq_change_log,
    hq_running,
    minor_case,
    new_device,
    outbox_of,
    unlock,
)

BIN = Path(sys.executable).parent


def run(*args: str, stdin: str = "", ok: bool = True) -> subprocess.CompletedProcess[str]:
    out = subprocess.run([str(BIN / args[0]), *args[1:]], input=stdin, capture_output=True, check=False,
                         text=True, timeout=60, env=cli_env(args))
    if ok:
        assert out.returncode == 0, out.stderr
    return out


class Recording(httpx.HTTPTransport):
    """A real transport that remembers each answer's status and error code."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[tuple[str, int, str]] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        response.read()
        error = ""
        if response.headers.get("content-type", "").startswith("application/json"):
            error = str(response.json().get("error", ""))
        self.seen.append((request.url.path, response.status_code, error))
        return response


# -- enrolment ---------------------------------------------------------------------------


def test_enrolment_keeps_keys_in_the_store_and_escrows_the_key(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")
        with ws.tx() as s:
            device = s.scalars(select(Device)).one()
            assert device.hq_device_id and len(device.signing_key or b"") == 32
            assert len(device.hpke_key or b"") == 32
            assert set(device.hq_keys) >= {"ed25519", "x25519", "recovery", "role"}
            actions = list(s.scalars(select(AuditEvent.action)))
        assert "escrow_set" in actions and "enrol" in actions
        pem = (hq.settings.data_dir / "hq-recovery.pem").read_bytes()
        recovery = serialization.load_pem_private_key(pem, password=None)
        assert Keystore.load(ws.store.data_dir.keystore).recover_key(recovery) == ws.store.key
        with pytest.raises(InvalidInput, match="already enrolled"):
            sync.enrol(ws, hq.base_url, code_for(hq, "POIPET"))
        ws.close()

        other = new_device(tmp_path / "e", None, "BAVET")
        with pytest.raises(SyncRejected, match="this code is for post POIPET, but this device is set up for BAVET"):
            sync.enrol(other, hq.base_url, code_for(hq, "POIPET"))
        with pytest.raises(SyncRejected, match="not known"):
            sync.enrol(other, hq.base_url, "ABCD-EFGH-JKMN-PQRS-TVWX")
        assert not sync.status(other).enrolled
        with pytest.raises(sync.NotEnrolled):
            sync.sync_round(other)
        other.close()


def test_unreachable_hq_is_reported_and_kept(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")
    # HQ is gone now.
    with pytest.raises(sync.HqUnreachable, match="nothing is lost"):
        sync.sync_round(ws, options=fast_options(attempts=3))
    status = sync.status(ws)
    assert status.last_error and "could not be reached" in status.last_error
    assert status.last_success_at is None and status.pending > 0
    ws.close()


@contextlib.contextmanager
def black_hole() -> Iterator[str]:
    """A loopback address whose connections are never accepted: a listening socket with a
    full accept queue, so Linux drops every further SYN (as a dead route or firewall does)."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    port = server.getsockname()[1]
    fillers = []
    for _ in range(3):  # fill the accept queue (backlog 0 still queues one)
        c = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        c.setblocking(False)
        c.connect_ex(("127.0.0.1", port))
        fillers.append(c)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        for c in fillers:
            c.close()
        server.close()


@pytest.mark.parametrize("where", ["closed port", "black hole"])
def test_hq_down_fails_at_once_without_retrying(tmp_path: Path, where: str) -> None:
    """HQ down: the round ends on the first refused or unanswered connection, with the
    default options (8 attempts, 15 s connect timeout); no back-off, no 30 s progress bar.
    The connect wait is capped by `first_contact_timeout` (5 s); the seconds are measured
    in the report, not asserted here."""
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")
        closed = hq.base_url
    slept: list[float] = []
    options = sync.SyncOptions(sleep=slept.append, first_contact_timeout=1.0)
    with contextlib.ExitStack() as stack:
        url = closed if where == "closed port" else stack.enter_context(black_hole())
        with pytest.raises(sync.HqUnreachable) as caught:
            sync.sync_round(ws, hq_url=url, options=options)
    reason = "connection refused" if where == "closed port" else "no answer to the connection"
    assert reason in str(caught.value) and "nothing is lost" in str(caught.value)
    assert slept == []  # no retries, no back-off
    status = sync.status(ws)
    assert status.last_error and "could not be reached" in status.last_error
    ws.close()


def test_a_link_that_drops_after_hq_answered_is_still_retried(tmp_path: Path) -> None:
    """Fail-fast applies only before HQ's first answer: a round that has reached HQ keeps
    its retries (a 2G link drops mid-round)."""
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")
        intake.create_rescue(ws, operation_date=dt.date(2026, 3, 1), province_code="KH-1",
                             exploitation_type="labour")
        calls = {"n": 0}
        real = httpx.HTTPTransport()

        class DropsOnce(httpx.BaseTransport):
            def handle_request(self, request: httpx.Request) -> httpx.Response:
                calls["n"] += 1
                if calls["n"] == 2:
                    raise httpx.ConnectError("connection refused", request=request)
                return real.handle_request(request)

        slept: list[float] = []
        result = sync.sync_round(ws, transport=DropsOnce(),
                                 options=sync.SyncOptions(sleep=slept.append, retry_base=0.01))
    assert result.retries >= 1 and len(slept) >= 1
    assert sync.status(ws).last_error is None
    ws.close()


def test_centre_laptop_enrols_with_the_code_the_readme_shows(tmp_path: Path) -> None:
    """README: `fieldapp-hq enrolment-code --post POIPET --role centre_staff --centre PTC`;
    the centre's laptop was set up for PTC in the first-run wizard. A laptop set up for
    another post is refused BEFORE HQ registers anything: no ghost device, the code still
    valid for the right laptop."""
    with hq_running("sqlite", tmp_path) as hq:
        code = code_for(hq, "POIPET", Role.CENTRE_STAFF, "PTC")
        wrong = auth.initialise(tmp_path / "bavet", post_code="BAVET", username="sup",
                                passphrase=PASSPHRASE, kdf=FAST_KDF)
        with pytest.raises(sync.HqRefused) as refused:
            sync.enrol(wrong, hq.base_url, code)
        assert refused.value.error == "wrong_post" and "BAVET" in str(refused.value)
        assert not sync.status(wrong).enrolled
        assert hq.hq.devices() == []  # nothing registered: no ghost active device
        wrong.close()

        centre = auth.initialise(tmp_path / "ptc", post_code="PTC", username="sup",
                                 passphrase=PASSPHRASE, kdf=FAST_KDF)
        answer = sync.enrol(centre, hq.base_url, code)  # the same code still works
        assert (answer.role, answer.centre_code) == (Role.CENTRE_STAFF, "PTC")
        status = sync.status(centre)
        assert status.enrolled and status.role == "centre_staff"
        (device,) = hq.hq.devices()
        assert not device.revoked
        sync.sync_round(centre)  # and it syncs
        centre.close()


# -- revocation --------------------------------------------------------------------------


def test_revoked_device_is_refused_and_told_to_export_then_wipe(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        root = tmp_path / "d"
        ws = new_device(root, hq, "POIPET")
        minor_case(ws)
        sync.sync_round(ws, options=fast_options())
        intake.create_rescue(ws, operation_date=dt.date(2026, 4, 1), province_code="KH-1",
                             exploitation_type="begging")
        device_id = sync.status(ws).device_id
        assert device_id
        hq.hq.revoke(device_id)

        recorder = Recording()
        with pytest.raises(DeviceRevoked) as caught:
            sync.sync_round(ws, transport=recorder, options=fast_options())
        assert ("/v1/push", 403, "revoked") in recorder.seen
        assert caught.value.has_unsent and caught.value.unsent >= 2
        assert "bundle export" in str(caught.value) and "wipe" in str(caught.value)
        assert sync.status(ws).revoked
        ws.close()

        out = run("fieldapp", "sync", "--passphrase-stdin", "--data-dir", str(root),
                  "--user", "sup", stdin=PASSPHRASE + "\n", ok=False)
        assert out.returncode == 2
        assert "revoked" in out.stderr and "bundle export" in out.stderr and "wipe" in out.stderr
        assert len(out.stderr.strip().splitlines()) == 1

        ws = unlock(root)
        paths, count = sync.export_bundle(ws, tmp_path / "unsent.bundle")
        assert count >= 2 and paths[0].stat().st_size > 0
        sync.wipe_revoked(ws)
        assert not root.exists() and not ws.is_open
        # The stick reaches HQ: an officer there imports it by hand; nothing was lost.
        before = hq.hq.stats()["rescues"]
        shown = run("fieldapp-hq", "import-bundle", str(paths[0]), "--data-dir",
                    str(hq.settings.data_dir)).stdout
        assert "applied" in shown and hq.hq.stats()["rescues"] == before + 1


def test_wipe_refuses_a_device_that_is_not_revoked(ws: Any) -> None:
    with pytest.raises(InvalidInput, match="not revoked"):
        sync.wipe_revoked(ws)
    assert ws.store.data_dir.exists()


# -- bundles -----------------------------------------------------------------------------


def test_bundles_carry_a_referral_both_ways_without_network(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        hq_dir = ["--data-dir", str(hq.settings.data_dir)]
        post_root, centre_root = tmp_path / "post", tmp_path / "centre"
        post = new_device(post_root, hq, "POIPET")
        centre = new_device(centre_root, hq, "PTC", role=Role.CENTRE_STAFF, centre="PTC")
        add_user(centre, "staff", Role.CENTRE_STAFF, centre="PTC")
        centre_id = sync.status(centre).device_id
        centre.close()
        # From here on, no network: files only.
        ids = minor_case(post)
        post_id = sync.status(post).device_id
        post.close()
        out_bundle = tmp_path / "poipet.bundle"
        run("fieldapp", "bundle", "export", "--out", str(out_bundle), "--passphrase-stdin",
            "--data-dir", str(post_root), "--user", "sup", stdin=PASSPHRASE + "\n")
        shown = run("fieldapp-hq", "import-bundle", str(out_bundle), *hq_dir).stdout
        assert "applied" in shown
        assert post_id and len(hq_change_log(hq, post_id)) > 0

        to_centre = tmp_path / "ptc.return"
        assert centre_id
        to_centre.write_bytes(hq.hq.export_bundle(centre_id))
        shown = run("fieldapp", "bundle", "import", str(to_centre), "--passphrase-stdin",
                    "--data-dir", str(centre_root), "--user", "staff",
                    stdin=PASSPHRASE + "\n").stdout
        assert "Applied" in shown
        staff = unlock(centre_root, "staff")
        assert [c.referral.id for c in referrals.referral_queue(staff)] == [ids["referral"]]
        assert sync.import_bundle(staff, to_centre).changed == 0  # twice changes nothing
        referrals.accept_referral(staff, ids["referral"])
        paths, count = sync.export_bundle(staff, tmp_path / "ptc.bundle")
        assert count > 0 and paths == [tmp_path / "ptc.bundle"]
        with pytest.raises(InvalidInput, match="already exists"):
            sync.export_bundle(staff, tmp_path / "ptc.bundle")
        staff.close()
        hq.hq.import_bundle(paths[0].read_bytes())

        post = unlock(post_root)
        assert post_id
        (tmp_path / "poipet.return").write_bytes(hq.hq.export_bundle(post_id))
        with pytest.raises(SyncRejected, match="another device"):
            sync.import_bundle(post, to_centre)
        sync.import_bundle(post, tmp_path / "poipet.return")
        with post.tx() as s:
            referral = s.get(Referral, ids["referral"])
            assert referral is not None and referral.status == ReferralStatus.ACCEPTED
            assert s.scalars(select(Device)).one().pull_cursor > 0
        # Back online later: HQ acknowledges what the bundle carried, and nothing repeats.
        result = sync.sync_round(post, options=fast_options())
        assert result.pushed >= 0 and result.pending == 0
        assert [r for r in hq_change_log(hq, post_id)] == outbox_of(post)
        post.close()


# -- what goes on the wire ---------------------------------------------------------------


def test_finalising_sends_the_whole_statement_under_one_stamp(ws: Any, rescue: Any) -> None:
    victim = intake.add_victim(ws, rescue.id, name_latin="A", sex="female", estimated_age=30)
    st = statements.record_statement(ws, victim.id, narrative="first", language="km")
    statements.update_statement(ws, st.id, narrative="second", place="Poipet")
    statements.finalise_statement(ws, st.id)
    with ws.tx() as s:
        rows = list(s.scalars(select(Outbox).where(Outbox.entity_id == st.id)
                              .order_by(Outbox.seq)))
        stored = s.get(Statement, st.id)
        assert stored is not None
        local = local_state(stored)
    last = rows[-1]
    assert last.fields["status"] == "final"
    assert set(last.fields) == set(local)  # every synced field
    # HQ merges the rows in any order: the result is exactly the final local statement.
    # As sent (statement content rests sealed in the outbox and is opened for the envelope).
    wire = [wire_change(r, ws.store.statement_key)["fields"] for r in rows]
    for order in (wire, wire[::-1]):
        state: dict[str, Any] = {}
        for change in order:
            state, _ = merge_record("statement", state, change)
        assert state == local
    assert {stored.stamp_of(k) for k in local} == {last.hlc}


def test_audit_events_reach_hq_once_in_the_push_audit_part_not_the_outbox(
        tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")
        minor_case(ws)
        sync.sync_round(ws, options=fast_options())
        with ws.tx() as s:
            events = s.scalar(select(text("count(*)")).select_from(AuditEvent)) or 0
            queued = s.scalars(select(Outbox).where(Outbox.entity == "audit_event")).all()
            assert s.scalars(select(Device)).one().audit_pushed_seq == events
        assert queued == []  # not copied into the outbox
        assert hq.hq.stats()["audit_events"] == events  # every event so far, once
        ws.close()


# -- applying pulls ----------------------------------------------------------------------


def _state(**fields: Any) -> dict[str, list[Any]]:
    stamp = str(Hlc(1_700_000_000_000, 0, "other"))
    return {k: [v, stamp] for k, v in fields.items()}


def test_children_that_arrive_before_their_parent_wait_for_it(ws: Any) -> None:
    rescue_id, victim_id = "r-1", "v-1"
    victim = _state(rescue_id=rescue_id, sex="female", name_latin="B", estimated_age=12,
                    is_minor=True, created_by="x", device_id="x",
                    created_at="2026-01-01T00:00:00")
    rescue = _state(case_number="BAVET-2026-0001", operation_date="2026-01-01",
                    province_code="KH-20", post_code="POIPET", exploitation_type="labour",
                    created_by="x", device_id="x", created_at="2026-01-01T00:00:00")
    with ws.store.session("sup", remote=True) as s:
        stats = apply_records(s, [("victim", victim_id, victim)])
        assert stats.parked == 1
    with ws.tx() as s:
        assert s.get(Victim, victim_id) is None
    with ws.store.session("sup", remote=True) as s:
        stats = apply_records(s, [("rescue", rescue_id, rescue)])
        assert stats.parked == 0
    with ws.tx() as s:
        got = s.get(Victim, victim_id)
        assert got is not None and got.rescue_id == rescue_id and got.is_minor
        assert s.get(Rescue, rescue_id) is not None
        assert not s.scalars(select(Outbox).where(Outbox.entity_id == victim_id)).all()


def test_a_pulled_edit_never_reopens_a_final_statement(ws: Any, rescue: Any) -> None:
    victim = intake.add_victim(ws, rescue.id, name_latin="A", sex="female", estimated_age=30)
    st = statements.record_statement(ws, victim.id, narrative="as told")
    statements.finalise_statement(ws, st.id)
    later = str(Hlc(9_999_999_999_999, 0, "zz"))
    with ws.store.session("sup", remote=True) as s:
        apply_records(s, [("statement", st.id, {"narrative": ["rewritten", later]})])
    with ws.tx() as s:
        stored = s.get(Statement, st.id)
        assert stored is not None and stored.narrative == "as told" and stored.status == "final"


def test_pulled_events_decide_the_status_and_keep_conflicts(ws: Any, rescue: Any) -> None:
    victim = intake.add_victim(ws, rescue.id, name_latin="A", sex="female", estimated_age=30)
    referral = referrals.create_referral(ws, victim.id, service="shelter", provider_code="PTC")
    t = 1_800_000_000_000
    events = [
        ("referral_event", f"e{i}", {"referral_id": [referral.id, str(Hlc(t + i, 0, n))],
                                     "kind": [k, str(Hlc(t + i, 0, n))],
                                     "at": ["2026-05-01T00:00:00", str(Hlc(t + i, 0, n))]})
        for i, (k, n) in enumerate([("accepted", "c"), ("completed", "c"), ("declined", "d")])
    ]
    with ws.store.session("sup", remote=True) as s:
        apply_records(s, events)
    with ws.tx() as s:
        stored = s.get(Referral, referral.id)
        assert stored is not None
        assert stored.status == ReferralStatus.COMPLETED and stored.conflicted


# -- clocks and scheduling ---------------------------------------------------------------


def test_a_clock_days_ahead_is_reported(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")
        days = 3 * 86_400_000
        real = ws.store.clock._now_ms
        ws.store.clock = HlcClock(ws.store.device_id, now_ms=lambda: real() + days)
        minor_case(ws)
        result = sync.sync_round(ws, options=fast_options())
        # Its stamps are days in HQ's future: HQ notices, the round and the status say so.
        assert result.clock_warning and result.skew_ms is not None
        assert sync.status(ws).clock_warning
        ws.close()


def test_backoff_grows_with_jitter_up_to_the_cap() -> None:
    rng = random.Random(4)
    assert backoff_delay(0, base=1, cap=60, rng=rng) == 0
    for failures in range(1, 12):
        for _ in range(20):
            d = backoff_delay(failures, base=1, cap=60, rng=rng)
            assert 0 <= d <= min(60, 2 ** (failures - 1))
    big = [backoff_delay(10, base=1, cap=60, rng=rng) for _ in range(200)]
    assert max(big) > 45 and min(big) < 15  # spread out: posts do not return in lockstep
    sched = ProbeSchedule(interval=300, busy_interval=60, base=10, cap=600, rng=rng)
    assert sched.next_delay() == 300 and sched.next_delay(pending=3) == 60
    for _ in range(5):
        sched.failed()
    assert 1 <= sched.next_delay() <= 160
    sched.sync_now()
    assert sched.next_delay() == 300


def test_a_change_hq_refuses_is_listed_and_the_queue_moves_on(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")
        # A rescue of another post on an officer's laptop: HQ refuses that one change.
        intake.create_rescue(ws, operation_date=dt.date(2026, 4, 1), province_code="KH-9",
                             exploitation_type="labour", post_code="KOHKONG")
        intake.create_rescue(ws, operation_date=dt.date(2026, 4, 1), province_code="KH-9",
                             exploitation_type="labour")
        result = sync.sync_round(ws, options=fast_options())
        assert result.refused == 1 and result.pending == 0 and result.pushed >= 1
        state = sync.status(ws)
        assert state.refused == 1 and "belongs to post POIPET" in state.refused_reasons[0]
        assert state.last_error is None
        assert hq.hq.stats()["rescues"] == 1
        ws.close()


# -- the schema --------------------------------------------------------------------------


def test_migration_0003_keeps_data_and_lets_centre_victims_have_no_rescue(tmp_path: Path) -> None:
    key = os.urandom(32)
    path = tmp_path / "old.db"
    engine = open_engine(path, key)
    migrate.upgrade(engine, "0002")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO province VALUES ('KH-1', 'BMC', 'x')")
        conn.exec_driver_sql("INSERT INTO post VALUES ('POIPET', 'P', 'p', 'border_post', 'KH-1')")
        conn.exec_driver_sql("INSERT INTO device (id, post_code, created_at, hq_keys, acked_seq, "
                             "pull_cursor, last_hlc) VALUES ('d', 'POIPET', '2026-01-01', '{}', "
                             "0, 0, '')")
        cols = ("id, created_by, device_id, created_at, updated_at, hlc")
        vals = "'x', '2026-01-01', '2026-01-01', '{}'"
        conn.exec_driver_sql(
            f"INSERT INTO rescue (case_number, operation_date, place, province_code, post_code, "
            f"unit, exploitation_type, notes, {cols}) VALUES ('P-1', '2026-01-01', '', 'KH-1', "
            f"'POIPET', '', 'labour', '', 'r1', 'u', {vals})")
        conn.exec_driver_sql(
            f"INSERT INTO victim (rescue_id, name_km, name_latin, sex, is_minor, nationality, "
            f"languages, documents, contact_phone, vulnerabilities, consent_given, {cols}) "
            f"VALUES ('r1', '', 'A', 'female', 0, '', '[]', '[]', '', '[]', 0, 'v1', 'u', {vals})")
        conn.exec_driver_sql(
            f"INSERT INTO statement (victim_id, status, interview_date, interviewer, interpreter, "
            f"language, place, child_protocol, narrative, {cols}) VALUES ('v1', 'final', "
            f"'2026-01-01', '', '', '', '', '{{}}', 'n', 's1', 'u', {vals})")
    engine.dispose()
    engine = open_engine(path, key)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.begin() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        assert conn.exec_driver_sql("SELECT rescue_id FROM victim").scalar() == "r1"
        assert conn.exec_driver_sql("SELECT audit_pushed_seq, revoked FROM device").one() == (0, 0)
        conn.exec_driver_sql(
            f"INSERT INTO victim (rescue_id, name_km, name_latin, sex, is_minor, nationality, "
            f"languages, documents, contact_phone, vulnerabilities, consent_given, {cols}) "
            f"VALUES (NULL, '', 'B', 'male', 1, '', '[]', '[]', '', '[]', 0, 'v2', 'u', {vals})")
        # The final-statement trigger survived.
        with pytest.raises(Exception, match="immutable"):
            conn.exec_driver_sql("UPDATE statement SET narrative = 'x' WHERE id = 's1'")
    engine.dispose()
