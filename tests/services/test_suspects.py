"""Suspects as persons (services.suspects): further cases, dated events, identifiers."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.domain.errors import InvalidInput
from fieldapp.services import caselist, intake, matching, suspects
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import PersonLink


def _case(ws: Workspace, day: dt.date, post: str = "POIPET") -> str:
    return intake.create_rescue(ws, operation_date=day, province_code="KH-1", post_code=post,
                                exploitation_type="online_scam").id


def test_broker_in_three_cases_counts_once_for_sent_to_court(ws: Workspace) -> None:
    cases = [_case(ws, dt.date(2026, m, 3)) for m in (1, 2, 3)]
    broker = intake.add_suspect(ws, cases[0], name="Heng Vuthy", role="broker")
    for rid in cases[1:]:
        assert suspects.link_case(ws, broker.id, rid) is not None
    assert suspects.link_case(ws, broker.id, cases[1]) is None  # once is enough
    suspects.add_event(ws, broker.id, "arrested", dt.date(2026, 3, 20))
    suspects.add_event(ws, broker.id, "sent_to_court", "2026-05-02")
    other = intake.add_suspect(ws, cases[1], name="Chan Sokha", role="transporter")
    suspects.add_event(ws, other.id, "sent_to_court", dt.date(2025, 12, 30))  # last year
    assert suspects.people_with_event(ws, "sent_to_court", 2026) == 1
    assert suspects.people_with_event(ws, "sent_to_court", 2025) == 1
    assert _headline(ws, 2026) == 1 and _headline(ws, 2025) == 1  # the published figure too
    summary = suspects.summary(ws, broker.id)
    assert summary["cases"][0] == cases[0] and sorted(summary["cases"]) == sorted(cases)
    assert summary["status"] == "sent_to_court"
    assert [k for k, _ in summary["events"]] == ["arrested", "sent_to_court"]
    # The same broker recorded again at another case, confirmed as one person: still one.
    again = intake.add_suspect(ws, cases[2], name="Heng Vuthy", role="broker")
    suspects.add_event(ws, again.id, "sent_to_court", dt.date(2026, 6, 1))
    assert suspects.people_with_event(ws, "sent_to_court", 2026) == 2
    assert _headline(ws, 2026) == 2
    assert matching.scan(ws, "suspect") >= 1
    with ws.tx() as s:
        pending = s.query(PersonLink).filter_by(entity="suspect").all()
        ids = [p.id for p in pending if {p.a_id, p.b_id} == {broker.id, again.id}]
    matching.link(ws, ids[0])
    assert suspects.people_with_event(ws, "sent_to_court", 2026) == 1
    assert _headline(ws, 2026) == 1
    # HQ computes the same from the synced records (suspect_case, suspect_event, person_link).
    assert _headline_at_hq(ws, 2026) == 1 and _headline_at_hq(ws, 2025) == 1


def _headline(ws: Workspace, year: int) -> int:
    from fieldapp.reports import ReportFilter
    from fieldapp.services.figures import figures_for

    return figures_for(ws, ReportFilter.year(year)).yoy["suspects_sent_to_court"].current


def _headline_at_hq(ws: Workspace, year: int) -> int:
    """The figure from the records as HQ holds them: `{name: [value, hlc]}` per record."""
    from fieldapp.reports import ReportFilter
    from fieldapp.reports.figures import compute
    from fieldapp.reports.source import JsonRecordSource
    from fieldapp.store.models import Rescue, Suspect, SuspectCase, SuspectEvent
    from fieldapp.sync.apply import local_state

    with ws.tx() as s:
        records = [(m.SYNC_ENTITY, o.id, local_state(o))
                   for m in (Rescue, Suspect, SuspectCase, SuspectEvent, PersonLink)
                   for o in s.query(m)]
    return compute(JsonRecordSource(records), ReportFilter.year(year)).yoy[
        "suspects_sent_to_court"].current


def test_searching_a_phone_finds_every_case_it_appears_in(ws: Workspace) -> None:
    a, b, c, d = (_case(ws, dt.date(2026, 4, day)) for day in (1, 2, 3, 4))
    broker = intake.add_suspect(ws, a, alias="Boss Heng", role="recruiter")
    suspects.link_case(ws, broker.id, b)
    suspects.add_identifier(ws, broker.id, "phone", "+855 (0)97 555 1234")
    suspects.add_identifier(ws, broker.id, "social", "@BossHeng99")
    suspects.add_identifier(ws, broker.id, "plate", "PP 2AB-1234")
    intake.add_victim(ws, c, name_latin="Keo Dara", sex="male", contact_phone="097 555 1234")
    intake.add_victim(ws, d, name_latin="Ly Na", sex="female", contact_phone="012 000 111")
    assert suspects.cases_with_identifier(ws, "phone", "0975551234") == sorted([a, b, c])
    assert suspects.cases_with_identifier(ws, "social", "bossheng99") == sorted([a, b])
    assert suspects.cases_with_identifier(ws, "plate", "pp2ab1234") == sorted([a, b])
    # And the case list's search box finds the same cases by the number as typed.
    found = {row.id for row in caselist.case_page(ws, caselist.CaseFilter(text="97 555 1234")).rows}
    assert found == {a, b, c}


def test_identified_by_accepts_only_victims_of_the_suspects_cases(ws: Workspace) -> None:
    mine, other = _case(ws, dt.date(2026, 1, 1)), _case(ws, dt.date(2026, 1, 2))
    v_mine = intake.add_victim(ws, mine, name_latin="Sok Dara", sex="male")
    v_other = intake.add_victim(ws, other, name_latin="Chan Thy", sex="female")
    s = intake.add_suspect(ws, mine, name="X", role="broker", identified_by=[v_mine.id])
    with pytest.raises(InvalidInput, match="not in this suspect's cases"):
        intake.update_suspect(ws, s.id, identified_by=[v_mine.id, v_other.id])
    with pytest.raises(InvalidInput, match="not in this suspect's cases"):
        intake.add_suspect(ws, mine, name="Y", role="broker", identified_by=["made-up-id"])
    with pytest.raises(InvalidInput):
        suspects.set_identified_by(ws, s.id, [v_other.id])
    suspects.link_case(ws, s.id, other)  # now the other case is the suspect's too
    assert suspects.set_identified_by(ws, s.id, [v_mine.id, v_other.id]).identified_by


def test_roles_follow_htcds_and_events_are_checked(ws: Workspace) -> None:
    rid = _case(ws, dt.date(2026, 2, 2))
    s = intake.add_suspect(ws, rid, name="Officer Z", role="other")
    got = suspects.set_roles(ws, s.id, ["Transporter", "Exploiter"], complicit_official=True)
    assert got.htcds_roles == ["Exploiter", "Transporter"] and got.complicit_official
    with pytest.raises(InvalidInput, match="per_RoleInProcess"):
        suspects.set_roles(ws, s.id, ["Boss"])
    with pytest.raises(InvalidInput, match="kind"):
        suspects.add_event(ws, s.id, "escaped", dt.date(2026, 2, 3))
    with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
        suspects.add_event(ws, s.id, "arrested", "3/2/2026")
    with pytest.raises(InvalidInput, match="phone"):
        suspects.add_identifier(ws, s.id, "phone", "12")
