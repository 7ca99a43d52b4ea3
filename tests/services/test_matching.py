"""The match review queue on a supervisor's device (services.matching), on a real store."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import PermissionDenied
from fieldapp.services import auth, intake, matching
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import AuditEvent, Outbox, PersonLink, Victim
from tests.conftest import PASSPHRASE, add_user


def _four(ws: Workspace) -> list[Victim]:
    """The issue's four spellings of one girl, at two posts, and her sister."""
    poipet = intake.create_rescue(ws, operation_date=dt.date(2026, 3, 14), province_code="KH-1",
                                  exploitation_type="labour")
    bavet = intake.create_rescue(ws, operation_date=dt.date(2025, 8, 2), province_code="KH-20",
                                 post_code="BAVET", exploitation_type="labour")
    return [
        intake.add_victim(ws, poipet.id, name_latin="Sok Sreymom", sex="female", estimated_age=19,
                          nationality="KHM"),
        intake.add_victim(ws, bavet.id, name_latin="Sok Srey Mom", sex="female", estimated_age=18,
                          nationality="KHM", contact_phone="012 345 678"),
        intake.add_victim(ws, bavet.id, name_km="សុខ ស្រីមុំ", sex="female",
                          date_of_birth=dt.date(2007, 3, 14), nationality="KHM"),
        intake.add_victim(ws, poipet.id, name_km="សុខ ស្រីមំ", sex="female", nationality="KHM",
                          contact_phone="+855 12345678"),
        intake.add_victim(ws, poipet.id, name_latin="Sok Sreypov", sex="female", estimated_age=16,
                          nationality="KHM", contact_phone="012 345 678"),
    ]


def test_four_spellings_queue_link_and_count_once(ws: Workspace) -> None:
    victims = _four(ws)
    assert matching.scan(ws) == 6
    assert matching.scan(ws) == 0  # already queued: nothing twice
    items = matching.queue(ws)
    four = {v.id for v in victims[:4]}
    assert all({i.a.id, i.b.id} <= four for i in items if i.a and i.b)
    # Side by side: both records' facts, the levels that matched.
    first = items[0]
    assert first.a is not None and first.b is not None
    assert first.a.case_number and first.b.case_number and first.evidence["name"]
    for item in items[:3]:
        matching.link(ws, item.id)
    for item in items[3:]:
        matching.separate(ws, item.id)
    assert matching.queue(ws) == []
    linked = {frozenset((i.a.id, i.b.id)) for i in matching.queue(ws, decided=True)  # type: ignore[union-attr]
              if i.decision == "link"}
    assert len(linked) == 3
    # Figures count a person once: five records, two people (if the links join all four).
    with ws.tx() as s:
        pairs = matching.linked_pairs(s, "victim")
    from fieldapp.linkage.people import clusters
    roots = clusters([v.id for v in victims], pairs)
    expected = len({roots[v.id] for v in victims})
    assert matching.victims_counted_once(ws) == expected
    assert expected < 5
    # Both records are untouched; every decision is audited and queued for HQ.
    with ws.tx() as s:
        names = {v.name_latin or v.name_km for v in s.scalars(select(Victim))}
        assert {"Sok Sreymom", "Sok Srey Mom", "សុខ ស្រីមុំ", "សុខ ស្រីមំ"} <= names
        actions = [a for (a,) in s.execute(select(AuditEvent.action))]
        assert actions.count("match_link") == 3 and actions.count("match_separate") == 3
        details = " ".join(str(d) for (d,) in s.execute(select(AuditEvent.detail)))
        assert "Sok" not in details and "សុខ" not in details
        assert s.scalar(select(Outbox).where(Outbox.entity == "person_link")) is not None


def test_unlinking_is_a_new_decision(ws: Workspace) -> None:
    _four(ws)
    matching.scan(ws)
    item = matching.queue(ws)[0]
    matching.link(ws, item.id)
    before = matching.victims_counted_once(ws)
    matching.separate(ws, item.id)
    assert matching.victims_counted_once(ws) == before + 1
    with ws.tx() as s:
        link = s.get(PersonLink, item.id)
        assert link is not None and link.decision == "separate" and link.decided_by == "sup"


def test_the_same_pair_has_one_id_everywhere() -> None:
    assert matching.link_id("victim", "b", "a") == matching.link_id("victim", "a", "b")


def test_only_supervisors_review(ws: Workspace, store_dir) -> None:  # type: ignore[no-untyped-def]
    add_user(ws, "vichet", Role.OFFICER)
    ws.close()
    with auth.unlock(store_dir, "vichet", PASSPHRASE) as officer:
        with pytest.raises(PermissionDenied):
            matching.scan(officer)
        with pytest.raises(PermissionDenied):
            matching.queue(officer)


def test_figures_count_a_linked_person_once_on_the_device_and_at_hq(ws: Workspace) -> None:
    from fieldapp.reports import ReportFilter
    from fieldapp.reports.source import JsonRecordSource
    from fieldapp.services.figures import figures_for

    victims = _four(ws)
    year = ReportFilter(dt.date(2025, 1, 1), dt.date(2026, 12, 31))
    before = figures_for(ws, year).table("victims_by_sex").as_dict()
    matching.scan(ws)
    for item in matching.queue(ws):
        matching.link(ws, item.id)  # the four spellings: one girl; her sister stays apart
    after = figures_for(ws, year).table("victims_by_sex").as_dict()
    assert sum(before.values()) == 5 and sum(after.values()) == 2
    # HQ's source reads the same links from the synced person_link records.
    with ws.tx() as s:
        records = [("person_link", {"entity": [p.entity, "x"], "a_id": [p.a_id, "x"],
                                    "b_id": [p.b_id, "x"], "decision": [p.decision, "x"]})
                   for p in s.scalars(select(PersonLink))]
    persons = JsonRecordSource(records).persons()
    assert len({persons[v.id] for v in victims[:4]}) == 1 and victims[4].id not in persons
