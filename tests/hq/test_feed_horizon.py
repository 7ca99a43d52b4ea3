"""Concurrent pushes on PostgreSQL: the feed lock covers only a push's last step, and still
no pull skips a change, no record loses an edit, no resend is refused (`hq.ingest`, `hq.db`).

Real PostgreSQL, a real HQ on loopback, real threads; the pushes of one test run at once.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from fieldapp.domain.enums import Role
from fieldapp.hq import db
from fieldapp.hq.figures import HqCases
from fieldapp.hq.ingest import Batch
from fieldapp.hq.models import ChangeLog
from fieldapp.reports import counters
from fieldapp.reports.definitions import ReportFilter
from fieldapp.reports.figures import compute
from fieldapp.reports.source import JsonRecordSource
from fieldapp.sync.protocol import PushAnswer
from tests.support.hqserver import (
    RunningHq,
    TestDevice,
    database_url,
    make_settings,
    running_server,
)

OCTETS = {"content-type": "application/octet-stream"}


@pytest.fixture
def pg_hq(tmp_path: Path) -> Iterator[RunningHq]:
    data_dir = tmp_path / "hq"
    with (
        database_url("postgresql", data_dir) as url,
        running_server(make_settings(data_dir, url)) as running,
    ):
        yield running


@pytest.fixture
def device(pg_hq: RunningHq) -> Callable[[], TestDevice]:
    def make() -> TestDevice:
        code = pg_hq.hq.create_enrolment_code(post_code="POIPET", role=Role.OFFICER,
                                              centre_code=None, ttl=timedelta(days=1))
        d = TestDevice()
        with pg_hq.client() as c:
            d.enrol(c, code)
        return d

    return make


def _rescues(d: TestDevice, n: int) -> list[dict[str, Any]]:
    return [d.change("rescue", {"place": f"checkpoint {i}", "exploitation_type": "labour"})
            for i in range(n)]


def _run(*targets: Callable[[], None]) -> None:
    """Run the targets in threads at once; re-raise the first failure."""
    errors: list[BaseException] = []

    def guarded(fn: Callable[[], None]) -> Callable[[], None]:
        def run() -> None:
            try:
                fn()
            except BaseException as exc:  # noqa: BLE001 - handed to the test's thread
                errors.append(exc)
        return run

    threads = [threading.Thread(target=guarded(fn)) for fn in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    if errors:
        raise errors[0]


def test_a_push_merges_while_another_holds_the_feed_lock_and_a_pull_between_skips_nothing(
    pg_hq: RunningHq, device: Callable[[], TestDevice], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A takes its feed positions and stops before committing; B reads, merges and seals
    meanwhile (it reaches the feed lock), then waits. A pull in between sees neither and
    reports a cursor below both; after both commit, a pull from that cursor gets all of
    A's and B's records, B's positions after A's: positions commit in their order."""
    a, b, reader = device(), device(), device()
    changes_a, changes_b = _rescues(a, 20), _rescues(b, 20)
    blob_a, blob_b = a.seal_push(changes_a), b.seal_push(changes_b)
    a_holds_positions, release_a, b_at_lock = (threading.Event(), threading.Event(),
                                               threading.Event())
    allocate, lock_feed = Batch._allocate, db.lock_feed_positions

    def allocate_then_stop(self: Batch, n: int) -> list[int]:
        seqs = allocate(self, n)
        if threading.current_thread().name == "A":
            a_holds_positions.set()
            assert release_a.wait(60)
        return seqs

    merged_before_lock: list[int] = []

    def lock_feed_noted(s: Any) -> None:
        if threading.current_thread().name == "B":
            # what B's batch holds when it asks for the lock: its 20 changes, merged
            merged_before_lock.append(len(s.info["hq_batch"].logs))
            b_at_lock.set()
        lock_feed(s)

    monkeypatch.setattr(Batch, "_allocate", allocate_then_stop)
    monkeypatch.setattr(db, "lock_feed_positions", lock_feed_noted)
    answers: dict[str, PushAnswer] = {}
    hq = pg_hq.hq
    ta = threading.Thread(target=lambda: answers.update(A=hq.push(blob_a)), name="A")
    tb = threading.Thread(target=lambda: answers.update(B=hq.push(blob_b)), name="B")
    ta.start()
    try:
        assert a_holds_positions.wait(60)
        tb.start()
        assert b_at_lock.wait(60), "B did not get to the feed lock while A held it"
        assert merged_before_lock == [20]
        with pg_hq.client() as c:
            between = reader.pull(c, 0)
        assert tb.is_alive() and "B" not in answers  # B waits for A's commit
        assert between.records == [] and between.has_more is False
    finally:
        release_a.set()
        ta.join(60)
        tb.join(60)
    assert answers["A"].applied == 20 and answers["B"].applied == 20
    with pg_hq.client() as c:
        records, _ = reader.pull_all(c, between.next_cursor, limit=7)
    mine = {c["entity_id"] for c in changes_a + changes_b}
    assert {r.entity_id for r in records} == mine
    by_origin = _positions(pg_hq)
    assert max(by_origin[a.id]) < min(by_origin[b.id])


def _positions(pg_hq: RunningHq) -> dict[str, list[int]]:
    """Each device's feed positions in HQ's change log."""
    out: dict[str, list[int]] = {}
    with pg_hq.hq.sessions() as s:
        for seq, origin in s.execute(select(ChangeLog.server_seq, ChangeLog.origin_device)):
            out.setdefault(str(origin), []).append(int(seq))
    return out


def test_a_device_pulling_while_many_push_at_once_misses_nothing(
    pg_hq: RunningHq, device: Callable[[], TestDevice]
) -> None:
    """Six devices push five batches each at once over HTTP; a seventh pulls small pages
    all the while, moving its cursor as a device does. It ends with every record."""
    pushers = [device() for _ in range(6)]
    reader = device()
    sent: set[str] = set()
    batches: list[list[bytes]] = []
    for d in pushers:
        blobs = []
        for _ in range(5):
            changes = _rescues(d, 30)
            sent |= {c["entity_id"] for c in changes}
            blobs.append(d.seal_push(changes))
        batches.append(blobs)
    done = threading.Event()
    seen: set[str] = set()
    pulls = [0]

    def push(blobs: list[bytes]) -> Callable[[], None]:
        def run() -> None:
            with pg_hq.client() as c:
                for blob in blobs:
                    r = c.post("/v1/push", content=blob, headers=OCTETS)
                    assert r.status_code == 200, r.text
        return run

    def pull() -> None:
        cursor = 0
        with pg_hq.client() as c:
            while True:
                finished = done.is_set()  # read before the pull: the last pull sees all
                answer = reader.pull(c, cursor, limit=9)
                pulls[0] += 1
                seen.update(r.entity_id for r in answer.records)
                cursor = answer.next_cursor
                if finished and not answer.has_more:
                    return

    def pushes() -> None:
        try:
            _run(*(push(blobs) for blobs in batches))
        finally:
            done.set()

    _run(pushes, pull)
    assert pulls[0] > 5  # it pulled while the pushes went on
    assert seen == sent


def test_a_resend_while_the_first_send_is_applied_counts_as_duplicates(
    pg_hq: RunningHq, device: Callable[[], TestDevice]
) -> None:
    """The same changes in two envelopes at once (a device that gave up waiting and sent
    again): one applies them, the other finds them held; neither is refused."""
    d = device()
    changes = _rescues(d, 200)
    blobs = [d.seal_push(changes), d.seal_push(changes)]
    answers: list[PushAnswer] = []

    def send(blob: bytes) -> Callable[[], None]:
        def run() -> None:
            with pg_hq.client() as c:
                r = c.post("/v1/push", content=blob, headers=OCTETS)
                assert r.status_code == 200, r.text
                answers.append(PushAnswer.model_validate(r.json()))
        return run

    _run(*(send(b) for b in blobs))
    assert sorted((x.applied, x.duplicates) for x in answers) == [(0, 200), (200, 0)]
    assert all(x.acked_seq == 200 for x in answers)


def test_two_devices_editing_one_record_at_once_lose_no_edit(
    pg_hq: RunningHq, device: Callable[[], TestDevice]
) -> None:
    """Two officers of a post edit different fields of one rescue, push after push, at the
    same time: the record ends with each one's last value (each push merged against what
    the other had written, not against a stale read)."""
    a, b, reader = device(), device(), device()
    rescue = a.change("rescue", {"place": "start", "exploitation_type": "labour"})
    with pg_hq.client() as c:
        a.push(c, [rescue])
    rid = rescue["entity_id"]
    rounds = 25

    def edits(d: TestDevice, name: str) -> Callable[[], None]:
        blobs = [d.seal_push([d.change("rescue", {name: f"{name} {i}"}, entity_id=rid)])
                 for i in range(rounds)]

        def run() -> None:
            with pg_hq.client() as c:
                for blob in blobs:
                    r = c.post("/v1/push", content=blob, headers=OCTETS)
                    assert r.status_code == 200, r.text
        return run

    _run(edits(a, "place"), edits(b, "unit"))
    with pg_hq.client() as c:
        records, _ = reader.pull_all(c)
    (record,) = [r for r in records if r.entity_id == rid]
    assert record.fields["place"][0] == f"place {rounds - 1}"
    assert record.fields["unit"][0] == f"unit {rounds - 1}"


def test_pull_is_not_held_up_by_a_push_holding_the_feed_lock(
    pg_hq: RunningHq, device: Callable[[], TestDevice], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pulls take no lock: one answers while a push sits in its last step."""
    a, reader = device(), device()
    with pg_hq.client() as c:
        a.push(c, _rescues(a, 3))
    stopped, release = threading.Event(), threading.Event()
    allocate = Batch._allocate

    def allocate_then_stop(self: Batch, n: int) -> list[int]:
        seqs = allocate(self, n)
        stopped.set()
        assert release.wait(60)
        return seqs

    monkeypatch.setattr(Batch, "_allocate", allocate_then_stop)
    blob = a.seal_push(_rescues(a, 3))
    t = threading.Thread(target=lambda: pg_hq.hq.push(blob))
    t.start()
    try:
        assert stopped.wait(60)
        with pg_hq.client() as c:
            answer = reader.pull(c, 0)
        assert len(answer.records) == 3
    finally:
        release.set()
        t.join(60)


def test_figures_stay_right_when_pushes_to_the_same_cases_run_at_once(
    pg_hq: RunningHq, device: Callable[[], TestDevice]
) -> None:
    """The figures' rows are written before the feed lock, in parallel: four officers add
    victims to the same rescues and move those rescues' dates and provinces at the same
    time; the report counters then equal a recomputation, and the figures equal those
    computed from every record."""
    officers = [device() for _ in range(4)]
    first = officers[0]
    rescues = [first.change("rescue", {"operation_date": "2025-03-0" + str(i + 1),
                                       "province_code": "KH-1", "exploitation_type": "labour"})
               for i in range(4)]
    with pg_hq.client() as c:
        first.push(c, rescues)
    ids = [r["entity_id"] for r in rescues]

    def work(k: int, d: TestDevice) -> Callable[[], None]:
        blobs = []
        for i in range(6):
            changes = [d.change("victim", {"rescue_id": ids[(i + j) % 4], "sex": "female",
                                           "screening": "presumed_victim",
                                           "estimated_age": 10 + i + j})
                       for j in range(8)]
            changes.append(d.change("rescue", {"operation_date": f"202{5 + i % 2}-0{k + 1}-1{i}",
                                               "province_code": f"KH-{1 + (i + k) % 3}"},
                                    entity_id=ids[(i + k) % 4]))
            blobs.append(d.seal_push(changes))

        def run() -> None:
            with pg_hq.client() as c:
                for blob in blobs:
                    r = c.post("/v1/push", content=blob, headers=OCTETS)
                    assert r.status_code == 200, r.text
        return run

    _run(*(work(k, d) for k, d in enumerate(officers)))
    hq = pg_hq.hq
    as_of = dt.date(2026, 12, 1)
    with hq.report_source() as rows:
        assert counters.check(rows.s.connection(), HqCases(rows.s)) == []
        counted = [rows.figures(flt, as_of) for flt in FILTERS]
    assert counted == [compute(JsonRecordSource(hq.report_records), flt, as_of)
                       for flt in FILTERS]


FILTERS = [ReportFilter.year(2025), ReportFilter.year(2026),
           ReportFilter.year(2025, province="KH-2")]


def test_a_push_chosen_as_a_deadlock_victim_runs_again(
    pg_hq: RunningHq, device: Callable[[], TestDevice], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A push holds a rescue's row and waits for a victim's that another transaction holds,
    which then asks for the rescue: PostgreSQL rolls the push back as the deadlock's victim,
    HQ runs it again, and it applies whole."""
    d = device()
    rescue = d.change("rescue", {"place": "a", "exploitation_type": "labour"})
    victim = d.change("victim", {"rescue_id": rescue["entity_id"], "sex": "female"})
    with pg_hq.client() as c:
        d.push(c, [rescue, victim])
    rid, vid = rescue["entity_id"], victim["entity_id"]
    # both rows, rescue first (the ingest locks record types in name order)
    blob = d.seal_push([d.change("rescue", {"place": "b"}, entity_id=rid),
                        d.change("victim", {"sex": "male"}, entity_id=vid)])
    attempts = [0]
    push_once = pg_hq.hq._push_once

    def counted(*args: Any) -> PushAnswer:
        attempts[0] += 1
        return push_once(*args)

    monkeypatch.setattr(pg_hq.hq, "_push_once", counted)
    answers: list[PushAnswer] = []
    hq = pg_hq.hq
    with hq.engine.connect() as other:
        other.execute(text("SET deadlock_timeout = '20s'"))  # the push detects it first
        other_pid = int(other.scalar(text("SELECT pg_backend_pid()")) or 0)
        other.execute(text("SELECT id FROM records WHERE entity_id = :v FOR UPDATE"),
                      {"v": vid})
        t = threading.Thread(target=lambda: answers.append(hq.push(blob)))
        t.start()
        try:
            _wait_until_blocked_by(hq, other_pid)
            # the push holds the rescue and waits for the victim: now ask for the rescue
            other.execute(text("SELECT id FROM records WHERE entity_id = :r FOR UPDATE"),
                          {"r": rid})
            other.commit()
        finally:
            t.join(60)
    assert attempts[0] == 2
    assert answers and answers[0].applied == 2
    with pg_hq.client() as c:
        records, _ = device().pull_all(c)
    fields = {r.entity_id: r.fields for r in records}
    assert fields[rid]["place"][0] == "b" and fields[vid]["sex"][0] == "male"


def _wait_until_blocked_by(hq: Any, pid: int) -> None:
    """Until some session waits for a lock that the session `pid` holds."""
    for _ in range(600):
        with hq.engine.connect() as c:
            if c.scalar(text("SELECT count(*) FROM pg_stat_activity "
                             "WHERE :p = ANY(pg_blocking_pids(pid))"), {"p": pid}):
                return
        threading.Event().wait(0.05)
    raise AssertionError("the push never waited for the row")


def test_hq_s_own_feed_writers_wait_for_the_pushes_under_way(
    pg_hq: RunningHq, device: Callable[[], TestDevice], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The figures' repair (`db.lock_feed`) starts only once a push that has read and merged
    its records (and holds no feed lock yet) has committed, and then counts it."""
    d = device()
    merged, release = threading.Event(), threading.Event()
    retry_waiting = pg_hq.hq._retry_waiting

    def merged_then_stop(*args: Any) -> None:
        retry_waiting(*args)
        merged.set()
        assert release.wait(60)

    monkeypatch.setattr(pg_hq.hq, "_retry_waiting", merged_then_stop)
    rescue = d.change("rescue", {"operation_date": "2025-05-05", "province_code": "KH-1"})
    victims = [d.change("victim", {"rescue_id": rescue["entity_id"], "sex": "female",
                                   "screening": "presumed_victim"}) for _ in range(3)]
    blob = d.seal_push([rescue, *victims])
    hq = pg_hq.hq
    repaired: list[int] = []
    pusher = threading.Thread(target=lambda: hq.push(blob))
    repair = threading.Thread(target=lambda: repaired.append(hq.rebuild_figures()))
    pusher.start()
    try:
        assert merged.wait(60)
        repair.start()
        repair.join(2)
        assert repair.is_alive() and repaired == []  # waits for the push under way
    finally:
        release.set()
        pusher.join(60)
        repair.join(60)
    assert repaired == [1]  # the pushed case, counted
    with hq.report_source() as rows:
        assert counters.check(rows.s.connection(), HqCases(rows.s)) == []
