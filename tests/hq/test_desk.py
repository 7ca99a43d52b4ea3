"""The national desk end to end, on SQLite and PostgreSQL: enrol, pull every post, search
across posts, no narratives received, the desk's national report equal to HQ's; and an
HQ link that reaches both posts involved."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fieldapp.domain.enums import Role
from fieldapp.hq import matching as hq_matching
from fieldapp.hq.models import Device
from fieldapp.reports.hq_report import make_report
from fieldapp.services import caselist, exports, intake, matching, sync
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import PersonLink, Rescue, Statement
from fieldapp.sync.protocol import PullAnswer
from tests.support.syncenv import fast_options, hq_running, minor_case, new_device, officer_demo

KINDS = ["sqlite", "postgresql"]
YEAR = 2025


def _statements(ws: Workspace) -> list[tuple[str, dict[str, object]]]:
    with ws.tx() as s:
        return [(st.narrative, dict(st.child_protocol or {})) for st in s.scalars(select(Statement))]


@pytest.mark.parametrize("kind", KINDS)
def test_national_desk_end_to_end(kind: str, tmp_path: Path) -> None:
    opts = fast_options()
    with hq_running(kind, tmp_path) as hq:
        posts = {}
        for n, post in enumerate(("POIPET", "PAILIN")):
            ws = new_device(tmp_path / post, hq, post)
            officer_demo(ws, 25, seed=3 + n)
            minor_case(ws)  # a child's final statement, with its narrative
            sync.sync_round(ws, options=opts)
            posts[post] = ws
        desk = new_device(tmp_path / "desk", hq, "HQ", role=Role.NATIONAL)
        with hq.hq.sessions() as s:
            dev = s.scalars(select(Device).where(Device.post_code == "HQ")).one()
            assert dev.role == "national"
            # What HQ sends the desk: statements without their narrative, sealed or not.
            sent_bytes = hq.hq._page(s, dev, 0, 10_000_000).payload
        page = PullAnswer.model_validate_json(sent_bytes)
        sent = sent_bytes.decode()
        statements = [r for r in page.records if r.entity == "statement"]
        assert len(statements) >= 2
        assert all("narrative" not in r.fields and "child_protocol" not in r.fields
                   for r in statements)
        assert "what happened" not in sent and "hq-sealed" not in sent
        assert not any(r.entity in ("audit_event", "attachment") for r in page.records)

        sync.sync_round(desk, options=opts)
        # Every post's cases arrived, and nothing of the statements' text.
        with desk.tx() as s:
            on_desk = dict(s.execute(select(Rescue.post_code, func.count())
                                     .group_by(Rescue.post_code)).all())
        for post, ws in posts.items():
            with ws.tx() as s:
                mine = s.scalar(select(func.count()).select_from(Rescue)
                                .where(Rescue.post_code == post))
            assert on_desk.get(post) == mine
        assert _statements(desk) and all(n == "" and c == {} for n, c in _statements(desk))
        # A search on the desk finds a person recorded at either post.
        for post in posts:
            page_ = caselist.case_page(desk, caselist.CaseFilter(text="Sok Dara"))
            assert post in {r.post_code for r in page_.rows}
        # The desk's national report is HQ's, figure for figure.
        ours, theirs = tmp_path / "desk.json", tmp_path / "hq.json"
        exports.export_report(desk, _year(), "json", ours)
        make_report(hq.hq.report_records, YEAR, None, "json", theirs)
        assert json.loads(ours.read_text()) == json.loads(theirs.read_text())
        assert json.loads(ours.read_text())["tables"]["cases_by_type"]["total"] > 0
        # The desk works the match queue across posts: the girl recorded at both posts.
        assert matching.scan(desk) >= 1
        item = matching.queue(desk)[0]
        matching.link(desk, item.id)
        sync.sync_round(desk, options=opts)
        assert hq.hq.parked() == []
        assert hq_matching.listing(hq.hq, decided=True)[0]["decision"] == "link"
        for ws in (*posts.values(), desk):
            ws.close()


def _year():  # type: ignore[no-untyped-def]
    from fieldapp.reports import ReportFilter

    return ReportFilter.year(YEAR)


def _person(ws: Workspace, name: str) -> str:
    rescue = intake.create_rescue(ws, operation_date=dt.date(2025, 6, 1), province_code="KH-1",
                                  exploitation_type="labour")
    return intake.add_victim(ws, rescue.id, name_latin=name, sex="female", estimated_age=19,
                             nationality="KHM").id


@pytest.mark.parametrize("kind", KINDS)
def test_an_hq_link_reaches_both_posts(kind: str, tmp_path: Path) -> None:
    opts = fast_options()
    with hq_running(kind, tmp_path) as hq:
        poipet = new_device(tmp_path / "p", hq, "POIPET")
        pailin = new_device(tmp_path / "l", hq, "PAILIN")
        a = _person(poipet, "Sok Sreymom")
        b = _person(pailin, "Sok Srey Mom")
        for ws in (poipet, pailin):
            sync.sync_round(ws, options=opts)
        assert hq_matching.scan(hq.hq) >= 1
        lid = matching.link_id("victim", a, b)
        hq_matching.decide(hq.hq, lid, "link", "analyst")

        def decision(ws: Workspace) -> str | None:
            sync.sync_round(ws, options=opts)
            with ws.tx() as s:
                link = s.get(PersonLink, lid)
                return link.decision if link else None

        assert decision(poipet) == "link" and decision(pailin) == "link"
        # Unlinking reaches both too; so does a decision made on either post's device.
        hq_matching.decide(hq.hq, lid, "separate", "analyst")
        assert decision(poipet) == "separate" and decision(pailin) == "separate"
        matching.link(pailin, lid)
        assert decision(pailin) == "link"
        assert decision(poipet) == "link"
        with hq.hq.sessions() as s:
            from fieldapp.hq.models import ParkedChange

            assert s.scalar(select(func.count()).select_from(ParkedChange)) == 0
        for ws in (poipet, pailin):
            ws.close()
