"""The match queue at HQ, end to end on SQLite and PostgreSQL: two posts record the issue's
four spellings of one girl; HQ flags them as one person; a link made at HQ reaches the post's
device at its next sync, and so does unlinking; figures count her once."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.cli.hq import main
from fieldapp.hq import matching
from fieldapp.services import caselist, intake, sync
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import PersonLink
from tests.support.hqserver import data_key_file
from tests.support.syncenv import fast_options, hq_running, new_device


def _record(ws: Workspace, post: str, province: str, day: dt.date,
            victims: list[dict[str, object]]) -> None:
    rescue = intake.create_rescue(ws, operation_date=day, province_code=province, post_code=post,
                                  exploitation_type="labour")
    for v in victims:
        intake.add_victim(ws, rescue.id, **v)


@pytest.mark.parametrize("db_kind", ["sqlite", "postgresql"])
def test_four_spellings_at_two_posts_are_one_person_at_hq(
        db_kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    opts = fast_options()
    with hq_running(db_kind, tmp_path) as running:
        poipet = new_device(tmp_path / "poipet", running, "POIPET")
        _record(poipet, "POIPET", "KH-1", dt.date(2026, 3, 14), [
            {"name_latin": "Sok Sreymom", "sex": "female", "estimated_age": 19, "nationality": "KHM"},
            {"name_km": "សុខ ស្រីមំ", "sex": "female", "nationality": "KHM",
             "contact_phone": "+855 12345678"},
            {"name_latin": "Sok Sreypov", "sex": "female", "estimated_age": 15, "nationality": "KHM",
             "contact_phone": "012 345 678"},  # her sister: same phone, not her
        ])
        bavet = new_device(tmp_path / "bavet", running, "BAVET")
        _record(bavet, "BAVET", "KH-20", dt.date(2025, 8, 2), [
            {"name_latin": "Sok Srey Mom", "sex": "female", "estimated_age": 18, "nationality": "KHM",
             "contact_phone": "012 345 678"},
            {"name_km": "សុខ ស្រីមុំ", "sex": "female", "date_of_birth": dt.date(2007, 3, 14),
             "nationality": "KHM"},
        ])
        for ws in (poipet, bavet):
            assert sync.sync_round(ws, options=opts).pending == 0
        hq = running.hq

        assert matching.scan(hq) == 6
        assert matching.scan(hq) == 0
        rows = matching.listing(hq)
        assert len(rows) == 6
        posts = {r["a"]["post"] for r in rows} | {r["b"]["post"] for r in rows}
        assert posts == {"POIPET", "BAVET"}
        assert all("name_latin" not in r["a"] for r in rows)  # names only when asked
        assert matching.victims_counted_once(hq) == 5

        # Link through the command line, as HQ staff would.
        args = ["--data-dir", str(running.settings.data_dir),
                "--data-key-file", str(data_key_file(running.settings.data_dir))]
        if running.settings.database_url:
            args += ["--database-url", running.settings.database_url]
        linked = [r["id"] for r in rows[:3]]
        for mid in linked:
            assert main(["matches", "link", mid, "--by", "hq-anna", *args]) == 0
        assert main(["matches", "list", "--all", "--json", *args]) == 0
        listed = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
        assert sorted(r["decided_by"] for r in listed if r["decision"] == "link") == ["hq-anna"] * 3
        assert main(["matches", "link", "no-such-id", "--by", "x", *args]) == 2
        assert "no such possible match" in capsys.readouterr().err
        counted = matching.victims_counted_once(hq)
        assert counted < 5

        # The decisions reach the posts' devices; both records stay as they were.
        sync.sync_round(poipet, options=opts)
        with poipet.tx() as s:
            got = {p.id: p.decision for p in s.scalars(select(PersonLink))}
        mine = {r["id"] for r in rows
                if matching.people(hq)[r["a"]["id"]].post_code == "POIPET"}
        assert mine and set(got) == mine  # the first person's post holds the link
        assert all(got[i] == ("link" if i in linked else "pending") for i in mine)

        # Unlinking is a new decision, synced the same way.
        back = next(i for i in linked if i in mine)
        matching.decide(hq, back, "separate", "hq-anna")
        sync.sync_round(poipet, options=opts)
        with poipet.tx() as s:
            link = s.get(PersonLink, back)
            assert link is not None and link.decision == "separate"
        assert matching.victims_counted_once(hq) >= counted
        poipet.close()
        bavet.close()


def _hq_victims(hq: object) -> int:
    from fieldapp.reports import ReportFilter, compute
    from fieldapp.reports.source import JsonRecordSource

    figs = compute(JsonRecordSource(hq.report_records), ReportFilter.year(2026))  # type: ignore[attr-defined]
    return sum(figs.table("victims_by_sex").as_dict().values())


def test_a_link_made_on_a_supervisor_device_reaches_hq(tmp_path: Path) -> None:
    from fieldapp.services import matching as device_matching

    opts = fast_options()
    with hq_running("sqlite", tmp_path) as running:
        ws = new_device(tmp_path / "poipet", running, "POIPET")
        _record(ws, "POIPET", "KH-1", dt.date(2026, 3, 14), [
            {"name_latin": "Sok Sreymom", "sex": "female", "estimated_age": 19},
            {"name_km": "សុខ ស្រីមុំ", "sex": "female", "estimated_age": 19},
        ])
        assert device_matching.scan(ws) == 1
        item = device_matching.queue(ws)[0]
        device_matching.link(ws, item.id)
        assert sync.sync_round(ws, options=opts).pending == 0
        rows = matching.listing(running.hq, decided=True)
        assert [(r["id"], r["decision"], r["decided_by"]) for r in rows] == [(item.id, "link", "sup")]
        assert matching.victims_counted_once(running.hq) == 1
        assert _hq_victims(running.hq) == 1  # the national figures count her once
        assert matching.scan(running.hq) == 0  # HQ knows the pair: nothing queued twice
        # Unlinked on the device: HQ follows.
        device_matching.separate(ws, item.id)
        sync.sync_round(ws, options=opts)
        assert matching.listing(running.hq, decided=True)[0]["decision"] == "separate"
        assert matching.victims_counted_once(running.hq) == 2
        assert _hq_victims(running.hq) == 2
        ws.close()


def test_a_suspect_as_a_person_syncs_to_another_device_of_the_post(tmp_path: Path) -> None:
    from fieldapp.services import suspects
    from fieldapp.store.models import SuspectCase, SuspectEvent, SuspectIdentifier

    opts = fast_options()
    with hq_running("sqlite", tmp_path) as running:
        one = new_device(tmp_path / "one", running, "POIPET")
        first = intake.create_rescue(one, operation_date=dt.date(2026, 1, 3), province_code="KH-1",
                                     exploitation_type="labour")
        second = intake.create_rescue(one, operation_date=dt.date(2026, 2, 3), province_code="KH-1",
                                      exploitation_type="labour")
        broker = intake.add_suspect(one, first.id, alias="Boss Heng", role="broker")
        suspects.link_case(one, broker.id, second.id)
        suspects.add_event(one, broker.id, "sent_to_court", dt.date(2026, 4, 1))
        suspects.add_identifier(one, broker.id, "phone", "097 555 1234")
        assert sync.sync_round(one, options=opts).pending == 0
        two = new_device(tmp_path / "two", running, "POIPET")
        sync.sync_round(two, options=opts)
        with two.tx() as s:
            assert s.scalar(select(SuspectCase.rescue_id)) == second.id
            assert s.scalar(select(SuspectEvent.kind)) == "sent_to_court"
            assert s.scalar(select(SuspectIdentifier.normalised)) == "75551234"
        assert suspects.cases_with_identifier(two, "phone", "+855 97 555 1234") == sorted(
            [first.id, second.id])
        assert suspects.people_with_event(two, "sent_to_court", 2026) == 1
        found = caselist.case_page(two, caselist.CaseFilter(text="0975551234")).rows
        assert {r.id for r in found} == {first.id, second.id}  # the pulled records are indexed
        one.close()
        two.close()
