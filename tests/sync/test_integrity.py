"""Issue 9, data integrity end to end: no record, change or clock can stall anyone's sync.

Real HQ on loopback (SQLite and PostgreSQL), real encrypted device stores.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from fieldapp.cli import hq as hq_cli
from fieldapp.domain.enums import Role
from fieldapp.domain.hlc import Hlc
from fieldapp.hq.models import ChangeLog, Device, Record
from fieldapp.services import intake, sync
from fieldapp.store.models import Rescue, Victim
from tests.support.hqserver import TestDevice, data_key_file, make_settings, running_server
from tests.support.syncenv import code_for, fast_options, hq_running, minor_case, new_device

KINDS = ["sqlite", "postgresql"]


def _raw_device(hq: Any, post: str = "POIPET", role: Role = Role.OFFICER) -> TestDevice:
    d = TestDevice()
    with hq.client() as c:
        d.enrol(c, code_for(hq, post, role))
    return d


def _count(ws: Any, model: Any) -> int:
    with ws.tx() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.mark.parametrize("db_kind", KINDS)
def test_a_bad_date_is_parked_listed_and_every_other_device_keeps_syncing(
    db_kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    opts = fast_options()
    with hq_running(db_kind, tmp_path) as hq:
        colleague = new_device(tmp_path / "a", hq, "POIPET")
        minor_case(colleague)
        sync.sync_round(colleague, options=opts)
        # A laptop of the same post pushes a victim whose date of birth is not a date.
        bad = _raw_device(hq)
        rescue = bad.change("rescue", {"place": "Poipet", "case_number": "POIPET-2026-0900",
                                       "operation_date": "2026-03-01", "province_code": "KH-1",
                                       "post_code": "POIPET", "exploitation_type": "labour"})
        victim = bad.change("victim", {"rescue_id": rescue["entity_id"], "sex": "female",
                                       "date_of_birth": "not-a-date", "name_latin": "Srey Pov"})
        with hq.client() as c:
            answer = bad.push(c, [rescue, victim])
        assert answer.acked_seq == 2 and [r.code for r in answer.refused] == ["invalid"]

        # Every device of the post keeps syncing, and receives everything else.
        reader = new_device(tmp_path / "b", hq, "POIPET")
        for _ in range(2):
            got = sync.sync_round(reader, options=opts)
            assert got.set_aside == 0
        assert _count(reader, Rescue) == 2 and _count(reader, Victim) == 1
        intake.update_rescue(colleague, _first_rescue(colleague), place="after the bad record")
        sync.sync_round(colleague, options=opts)
        assert sync.sync_round(reader, options=opts).changed == 1

        # HQ lists it (CLI), without the value, and can discard it.
        args = ["--data-dir", str(hq.settings.data_dir),
                "--data-key-file", str(data_key_file(hq.settings.data_dir))]
        if hq.settings.database_url:
            args += ["--database-url", hq.settings.database_url]
        assert hq_cli.main(["parked", "list", *args]) == 0
        out = capsys.readouterr().out
        assert "victim.date_of_birth" in out and bad.id in out and "not-a-date" not in out
        [parked] = hq.hq.parked()
        assert hq_cli.main(["parked", "release", *args, str(parked.id)]) == 2
        assert "still refused" in capsys.readouterr().err
        assert hq_cli.main(["parked", "discard", *args, str(parked.id)]) == 0
        assert hq.hq.parked() == []
        colleague.close()
        reader.close()


def _first_rescue(ws: Any) -> str:
    with ws.tx() as s:
        return str(s.scalars(select(Rescue.id).order_by(Rescue.created_at)).first())


def test_a_record_that_cannot_be_stored_is_set_aside_and_the_pull_goes_on(
    tmp_path: Path,
) -> None:
    """A bad value HQ once accepted (before validation) or a case-number clash on the
    device: the rest of the page applies, the cursor moves, the user sees a plain reason."""
    opts = fast_options()
    with hq_running("sqlite", tmp_path) as hq:
        author = new_device(tmp_path / "a", hq, "POIPET")
        ids = minor_case(author)
        sync.sync_round(author, options=opts)
        # Plant a victim with a date that is not a date, as an older HQ stored it.
        with hq.hq.sessions.begin() as s:
            rec = s.scalar(select(Record).where(Record.entity_id == ids["victim"]))
            assert rec is not None
            fields = dict(rec.fields)
            fields["date_of_birth"] = ["not-a-date", fields["name_latin"][1]]
            rec.fields = fields
        reader = new_device(tmp_path / "b", hq, "POIPET")
        got = sync.sync_round(reader, options=opts)
        assert got.set_aside == 1 and got.pulled >= 4
        assert _count(reader, Rescue) == 1 and _count(reader, Victim) == 0
        state = sync.status(reader)
        assert state.last_error is None and state.set_aside == 1
        assert "victim.date_of_birth" in state.set_aside_reasons[0]
        assert "not-a-date" not in " ".join(state.set_aside_reasons)
        # The value is corrected at the source: the set-aside victim is stored next round.
        intake.update_victim(author, ids["victim"], date_of_birth=dt.date(2011, 5, 1))
        sync.sync_round(author, options=opts)
        again = sync.sync_round(reader, options=opts)
        assert again.set_aside == 0 and _count(reader, Victim) == 1
        assert sync.status(reader).set_aside == 0
        author.close()
        reader.close()


@pytest.mark.parametrize("db_kind", KINDS)
def test_a_supervisors_cross_post_case_never_stops_the_other_posts_pulls(
    db_kind: str, tmp_path: Path
) -> None:
    """Issue 9 item 3: a POIPET supervisor's laptop records a case for PAILIN whose number
    clashes with one PAILIN's laptop issued; PAILIN (and BAVET) keep pulling."""
    opts = fast_options()
    with hq_running(db_kind, tmp_path) as hq:
        pailin = new_device(tmp_path / "pailin", hq, "PAILIN")
        own = intake.create_rescue(pailin, operation_date=dt.date(2026, 3, 1),
                                   province_code="KH-24", exploitation_type="labour")
        sync.sync_round(pailin, options=opts)
        bavet = new_device(tmp_path / "bavet", hq, "BAVET")
        sync.sync_round(bavet, options=opts)

        sup = new_device(tmp_path / "sup", hq, "POIPET", role=Role.SUPERVISOR)
        paper = intake.create_rescue(sup, operation_date=dt.date(2026, 3, 2),
                                     province_code="KH-24", exploitation_type="labour",
                                     post_code="PAILIN")
        intake.add_victim(sup, paper.id, name_latin="Sok", sex="female", estimated_age=14)
        for_bavet = intake.create_rescue(sup, operation_date=dt.date(2026, 3, 2),
                                         province_code="KH-20", exploitation_type="labour",
                                         post_code="BAVET")
        with sup.tx() as s:  # the clash itself (h9ops gives each laptop its own numbers)
            clash = s.get(Rescue, paper.id)
            assert clash is not None
            clash.case_number = own.case_number
        sync.sync_round(sup, options=opts)
        assert hq.hq.parked() == []  # HQ holds both: the clash is only on PAILIN's laptop

        got = sync.sync_round(pailin, options=opts)
        assert got.set_aside == 1
        reasons = " ".join(sync.status(pailin).set_aside_reasons)
        assert "rescue.case_number" in reasons and "internal error" not in reasons
        assert sync.status(pailin).last_error is None
        # PAILIN keeps pulling what comes after it.
        later = intake.create_rescue(sup, operation_date=dt.date(2026, 3, 3),
                                     province_code="KH-24", exploitation_type="labour",
                                     post_code="PAILIN")
        sync.sync_round(sup, options=opts)
        sync.sync_round(pailin, options=opts)
        with pailin.tx() as s:
            assert s.get(Rescue, later.id) is not None
        bavet_round = sync.sync_round(bavet, options=opts)
        assert bavet_round.set_aside == 0
        with bavet.tx() as s:
            assert s.get(Rescue, for_bavet.id) is not None
        for ws in (pailin, bavet, sup):
            ws.close()


def test_a_device_never_adopts_a_far_future_stamp(tmp_path: Path) -> None:
    """Issue 9 item 5, device side: a stamp from an older HQ far in the future applies but
    does not drag this laptop's clock along (its later edits still win elsewhere)."""
    opts = fast_options()
    with hq_running("sqlite", tmp_path) as hq:
        author = new_device(tmp_path / "a", hq, "POIPET")
        ids = minor_case(author)
        sync.sync_round(author, options=opts)
        with hq.hq.sessions.begin() as s:
            rec = s.scalar(select(Record).where(Record.entity_id == ids["rescue"]))
            assert rec is not None
            fields = dict(rec.fields)
            fields["place"] = ["far", "10000000000000-00000-x"]
            rec.fields = fields
            rec.server_seq = (s.scalar(select(func.max(ChangeLog.server_seq))) or 0) + 1
            s.add(ChangeLog(entity="rescue", entity_id=ids["rescue"], fields={},
                            received_at=dt.datetime.now(dt.UTC)))
        reader = new_device(tmp_path / "b", hq, "POIPET")
        sync.sync_round(reader, options=opts)
        stamp = reader.store.clock.now()
        assert stamp.wall_ms < Hlc.parse("10000000000000-00000-x").wall_ms
        assert abs(stamp.wall_ms - dt.datetime.now(dt.UTC).timestamp() * 1000) < 60_000
        author.close()
        reader.close()


def test_pull_cursors_never_skip_on_postgresql(tmp_path: Path) -> None:
    """Issue 9 item 11: pulls racing concurrent pushes on PostgreSQL, 0 records skipped."""
    with hq_running("postgresql", tmp_path) as hq:
        pushers = [_raw_device(hq) for _ in range(3)]
        reader = _raw_device(hq)
        per_pusher = 240
        pushed: set[str] = set()
        lock = threading.Lock()
        done = threading.Event()
        errors: list[BaseException] = []

        def push(d: TestDevice) -> None:
            try:
                for _ in range(per_pusher // 8):
                    batch = [d.change("rescue", {"place": "x"}) for _ in range(8)]
                    hq.hq.push(d.seal_push(batch))
                    with lock:
                        pushed.update(c["entity_id"] for c in batch)
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

        seen: set[str] = set()
        cursor = 0
        rounds = 0

        def pull_once() -> bool:
            nonlocal cursor, rounds
            _, answer = reader.open_answer(hq.hq.pull(reader.seal_pull(cursor, limit=50)))
            rounds += 1
            seen.update(r.entity_id for r in answer.records)
            cursor = answer.next_cursor
            return answer.has_more

        threads = [threading.Thread(target=push, args=(d,)) for d in pushers]
        for t in threads:
            t.start()
        watcher = threading.Thread(target=lambda: ([t.join() for t in threads], done.set()))
        watcher.start()
        while not done.is_set():
            pull_once()
        while pull_once():
            pass
        watcher.join()
        assert errors == []
        assert len(pushed) == 3 * per_pusher and rounds > 20
        missing = pushed - seen
        assert len(missing) == 0, f"{len(missing)} of {len(pushed)} skipped in {rounds} pulls"
        # Every record is at HQ, so a fresh pull from 0 sees them all as well.
        with hq.hq.sessions() as s:
            assert s.scalar(select(func.count()).select_from(Record)) == len(pushed)
            assert s.scalar(select(func.count()).select_from(Device)) == 4


def test_hq_tolerance_is_documented_and_settable(tmp_path: Path) -> None:
    settings = make_settings(tmp_path / "hq", None, stamp_tolerance_ms=1000)
    with running_server(settings) as running, running.client() as c:
        d = TestDevice()
        d.enrol(c, code_for(running, "POIPET"))
        change = d.change("rescue", {"place": "x"})
        ahead = Hlc(Hlc.parse(change["fields"]["place"][1]).wall_ms + 60_000, 0, "n")
        change["fields"]["place"][1] = str(ahead)
        assert [r.code for r in d.push(c, [change]).refused] == ["future_stamp"]
