"""Case numbers stay unique across a post's laptops without a network (issue 9, item 10)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.domain import ids
from fieldapp.domain.enums import Role
from fieldapp.services import intake, sync
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Rescue
from tests.support.cases import case_code
from tests.support.syncenv import fast_options, hq_running, new_device

PROVINCE = {"POIPET": "KH-1", "PAILIN": "KH-24", "BAVET": "KH-20"}


def _cases(ws: Workspace, n: int, post: str | None = None) -> list[str]:
    post = post or ws.actor.post_code
    return [
        intake.create_rescue(ws, operation_date=dt.date(2026, 3, 1 + i), province_code=PROVINCE[post],
                             post_code=post, exploitation_type="labour").case_number
        for i in range(n)
    ]


def _numbers(ws: Workspace) -> dict[str, str]:
    with ws.tx() as s:
        return {str(i): str(n) for i, n in s.execute(select(Rescue.id, Rescue.case_number))}


@pytest.mark.parametrize("db_kind", ["sqlite", "postgresql"])
def test_two_offline_laptops_at_one_post_never_issue_the_same_number(db_kind: str,
                                                                    tmp_path: Path) -> None:
    with hq_running(db_kind, tmp_path) as hq:
        first = new_device(tmp_path / "a", hq, "POIPET")
        second = new_device(tmp_path / "b", hq, "POIPET")
        # HQ handed each a one-letter series of its own at enrolment.
        assert (case_code(first), case_code(second)) == ("A", "B")
        assert sorted(d.case_code or "" for d in hq.hq.devices()) == ["A", "B"]
        # Offline, both record cases on the same days: numbers differ by their series.
        made_a, made_b = _cases(first, 3), _cases(second, 3)
        assert made_a == [f"POIPET-2026-A-000{i}" for i in (1, 2, 3)]
        assert made_b == [f"POIPET-2026-B-000{i}" for i in (1, 2, 3)]
        for _ in range(2):  # both reach HQ and both keep pulling, round after round
            for ws in (first, second):
                result = sync.sync_round(ws, options=fast_options())
                assert result.pending == 0
        assert hq.hq.stats()["rescues"] == 6
        assert set(_numbers(first).values()) == set(_numbers(second).values()) == {
            *made_a, *made_b}
        # A laptop that was behind records a case after pulling its peer's: still its series.
        later = _cases(second, 1)
        assert later == ["POIPET-2026-B-0004"]
        sync.sync_round(second, options=fast_options())
        sync.sync_round(first, options=fast_options())
        assert later[0] in _numbers(first).values() and len(_numbers(first)) == 7
        assert sync.status(first).last_error is None and sync.status(second).last_error is None
        first.close()
        second.close()


def test_a_supervisors_cases_for_other_posts_never_collide_with_theirs(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        poipet = new_device(tmp_path / "poipet", hq, "POIPET", role=Role.SUPERVISOR)
        pailin = new_device(tmp_path / "pailin", hq, "PAILIN")
        bavet = new_device(tmp_path / "bavet", hq, "BAVET")
        # Every post's first device holds the letter A.
        assert case_code(poipet) == case_code(pailin) == case_code(bavet) == "A"
        paper = _cases(poipet, 2, "PAILIN") + _cases(poipet, 2, "BAVET")
        assert paper == ["PAILIN-2026-POIPET.A-0001", "PAILIN-2026-POIPET.A-0002",
                         "BAVET-2026-POIPET.A-0001", "BAVET-2026-POIPET.A-0002"]
        own = _cases(pailin, 2) + _cases(bavet, 2)
        assert own == ["PAILIN-2026-A-0001", "PAILIN-2026-A-0002",
                       "BAVET-2026-A-0001", "BAVET-2026-A-0002"]
        for _ in range(2):
            for ws in (poipet, pailin, bavet):
                sync.sync_round(ws, options=fast_options())
        assert hq.hq.stats()["rescues"] == 8
        pailin_numbers = set(_numbers(pailin).values())
        assert pailin_numbers == {*paper[:2], *own[:2]}
        assert set(_numbers(bavet).values()) == {*paper[2:], *own[2:]}
        for ws in (poipet, pailin, bavet):
            assert sync.status(ws).last_error is None
            ws.close()
        # Every number still reads as a number of its post and year.
        for number in pailin_numbers:
            parsed = ids.parse_case_number(number)
            assert parsed is not None and (parsed.post, parsed.year) == ("PAILIN", 2026)
