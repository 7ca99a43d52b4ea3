"""Pull: need-to-know enforced at HQ — post devices, centre devices, paging, reference data."""

from __future__ import annotations

from typing import Any

import httpx

from fieldapp.domain.enums import Role
from tests.support.hqserver import RunningHq, TestDevice

OCTETS = {"content-type": "application/octet-stream"}


def _case(d: TestDevice, centre: str = "PTC") -> dict[str, Any]:
    """A rescue with one victim, a statement, a suspect and a referral to `centre`."""
    rescue = d.change("rescue", {"place": "Poipet", "exploitation_type": "labour"})
    victim = d.change(
        "victim",
        {
            "rescue_id": rescue["entity_id"],
            "name_latin": "Sok Dara",
            "name_km": "សុខ ដារ៉ា",
            "sex": "female",
            "estimated_age": 15,
            "is_minor": True,
            "nationality": "KH",
            "languages": ["km"],
            "contact_phone": "+855 12 345 678",
            "vulnerabilities": ["unaccompanied minor"],
        },
    )
    statement = d.change(
        "statement", {"victim_id": victim["entity_id"], "narrative": "SECRET NARRATIVE"}
    )
    suspect = d.change("suspect", {"rescue_id": rescue["entity_id"], "alias": "SECRET BROKER"})
    referral = d.change(
        "referral",
        {"victim_id": victim["entity_id"], "service": "shelter", "provider_code": centre},
    )
    event = d.change("referral_event", {"referral_id": referral["entity_id"], "kind": "created"})
    changes = [rescue, victim, statement, suspect, referral, event]
    return {c["entity"]: c for c in changes} | {"all": changes}


def test_post_device_sees_only_its_post(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    poipet, poipet2, pailin = enrolled("POIPET"), enrolled("POIPET"), enrolled("PAILIN")
    a = _case(poipet)
    poipet.push(client, a["all"])
    b = _case(pailin)
    pailin.push(client, b["all"])
    records, cursor = poipet2.pull_all(client)
    ids = {r.entity_id for r in records}
    assert ids == {c["entity_id"] for c in a["all"]}
    assert all(r.post_code == "POIPET" for r in records)
    # Statements and suspects reach devices of the same post, intact.
    stmt = next(r for r in records if r.entity == "statement")
    assert stmt.fields["narrative"][0] == "SECRET NARRATIVE"
    # Nothing new: an empty page at the same cursor.
    again = poipet2.pull(client, cursor)
    assert again.records == [] and again.has_more is False and again.next_cursor == cursor


def test_centre_device_sees_referrals_and_victim_essentials_only(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    officer = enrolled("POIPET")
    centre = enrolled("POIPET", Role.CENTRE_STAFF, "PTC")
    other_centre = enrolled("PAILIN", Role.CENTRE_STAFF, "PMTC")
    mine = _case(officer, "PTC")
    elsewhere = _case(officer, "PMTC")
    officer.push(client, mine["all"] + elsewhere["all"])
    records, _ = centre.pull_all(client)
    by_entity: dict[str, list[Any]] = {}
    for r in records:
        by_entity.setdefault(r.entity, []).append(r)
    assert set(by_entity) == {"referral", "referral_event", "victim"}
    assert [r.entity_id for r in by_entity["referral"]] == [mine["referral"]["entity_id"]]
    [victim] = by_entity["victim"]
    assert victim.entity_id == mine["victim"]["entity_id"]
    assert set(victim.fields) <= {
        "name_latin",
        "name_km",
        "sex",
        "estimated_age",
        "date_of_birth",
        "is_minor",
        "nationality",
        "languages",
    }
    assert "contact" not in victim.fields and "rescue_id" not in victim.fields
    text = repr(records)
    assert "SECRET NARRATIVE" not in text and "SECRET BROKER" not in text
    other, _ = other_centre.pull_all(client)
    assert {r.entity_id for r in other if r.entity == "referral"} == {
        elsewhere["referral"]["entity_id"]
    }


def test_centre_records_events_and_the_post_sees_them(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    officer = enrolled("POIPET")
    centre = enrolled("POIPET-TC", Role.CENTRE_STAFF, "PTC")
    case = _case(officer, "PTC")
    officer.push(client, case["all"])
    rid = case["referral"]["entity_id"]
    accepted = centre.change(
        "referral_event", {"referral_id": rid, "kind": "accepted"}, post_code="POIPET"
    )
    assert centre.push(client, [accepted]).applied == 1
    records, _ = officer.pull_all(client)
    assert accepted["entity_id"] in {r.entity_id for r in records}
    # The same referral completed at one place and declined at another is flagged.
    done = centre.change(
        "referral_event", {"referral_id": rid, "kind": "completed"}, post_code="POIPET"
    )
    sent = officer.change("referral_event", {"referral_id": rid, "kind": "sent"})
    declined = officer.change("referral_event", {"referral_id": rid, "kind": "declined"})
    officer.push(client, [sent])
    centre.push(client, [done])
    officer.push(client, [declined])
    assert hq_server.hq.stats()["referral_conflicts"] == 1
    # A centre cannot add events to a referral addressed elsewhere.
    foreign = _case(officer, "PMTC")
    officer.push(client, foreign["all"])
    answer = centre.push(client, [
        centre.change("referral_event",
                      {"referral_id": foreign["referral"]["entity_id"], "kind": "accepted"})
    ])
    assert [r.code for r in answer.refused] == ["not_entitled"]


def test_redirected_referral_brings_its_victim_to_the_new_centre(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    officer = enrolled("POIPET")
    pmtc = enrolled("PAILIN", Role.CENTRE_STAFF, "PMTC")
    case = _case(officer, "PTC")
    officer.push(client, case["all"])
    _, cursor = pmtc.pull_all(client)
    redirect = officer.change(
        "referral", {"provider_code": "PMTC"}, entity_id=case["referral"]["entity_id"]
    )
    officer.push(client, [redirect])
    records, _ = pmtc.pull_all(client, cursor)
    assert {r.entity for r in records} == {"referral", "referral_event", "victim"}


def test_paging_and_reference_data(hq_server: RunningHq, client: httpx.Client, enrolled) -> None:  # type: ignore[no-untyped-def]
    hq_server.hq.load_reference(
        {
            "posts": [{"code": "POIPET", "name_en": "Poipet"}],
            "centres": [{"code": "PTC", "name_en": "Poipet Transit Centre"}],
        }
    )
    d, reader = enrolled("POIPET"), enrolled("POIPET")
    d.push(client, [d.change("rescue", {"place": f"p{i}"}) for i in range(25)])
    seen: list[Any] = []
    cursor, pages = 0, 0
    while True:
        page = reader.pull(client, cursor, limit=10)
        pages += 1
        seen.extend(page.records)
        assert page.next_cursor >= cursor
        cursor = page.next_cursor
        if not page.has_more:
            break
    assert pages == 3 and len(seen) == 27
    assert [r.server_seq for r in seen] == sorted(r.server_seq for r in seen)
    assert {r.entity for r in seen} == {"rescue", "post", "centre"}
    # Reloading unchanged reference data does not make everyone download it again.
    hq_server.hq.load_reference({"posts": [{"code": "POIPET", "name_en": "Poipet"}]})
    assert reader.pull(client, cursor).records == []


def _reference_page(hq: Any, dev: Any, cursor: int, limit: int) -> list[Any]:
    """The records of a page as the feed chose them before issue 16: one query with the
    entitlement as one OR, ORM objects opened on load, the same withholding."""
    from sqlalchemy import or_, select

    from fieldapp.hq import desk
    from fieldapp.hq.entitlement import VICTIM_ESSENTIALS, entitled_parts
    from fieldapp.hq.models import Record

    with hq.sessions() as s:
        rows = s.scalars(select(Record).where(Record.server_seq > cursor,
                                              or_(*entitled_parts(dev)))
                         .order_by(Record.server_seq).limit(limit)).all()
        out = []
        for r in rows:
            fields = dict(r.fields)
            if dev.role == Role.CENTRE_STAFF.value and r.entity == "victim":
                fields = {k: v for k, v in fields.items() if k in VICTIM_ESSENTIALS}
            fields = desk.withhold(dev, r.entity, fields)
            out.append((r.server_seq, r.entity, r.entity_id, r.post_code,
                        {k: (v[0], v[1]) for k, v in fields.items()}))
        return out


def test_pages_are_those_of_one_query_over_the_whole_entitlement(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    """The feed reads each part of a device's entitlement on its own and merges them: every
    page, for every kind of device and page size, holds what one query would have."""
    from fieldapp.hq.models import Device
    from fieldapp.sync.protocol import PullAnswer

    hq = hq_server.hq
    hq.load_reference({"posts": [{"code": "POIPET", "name_en": "Poipet"}],
                       "centres": [{"code": "PTC", "name_en": "Poipet Transit Centre"}]})
    poipet, pailin = enrolled("POIPET"), enrolled("PAILIN")
    for i in range(4):
        poipet.push(client, _case(poipet)["all"])
        pailin.push(client, _case(pailin, centre="PTC" if i % 2 else "OTHER")["all"])
        hq.load_reference({"posts": [{"code": f"P{i}", "name_en": f"Post {i}"}]})
    readers = [enrolled("POIPET"), enrolled("POIPET", Role.CENTRE_STAFF, "PTC"),
               enrolled("HQ", Role.NATIONAL)]
    for reader in readers:
        with hq.sessions() as s:
            dev = s.get(Device, reader.id)
            assert dev is not None
            s.expunge(dev)
        for limit in (1, 4, 500):
            cursor, pages = 0, 0
            while True:
                with hq._snapshot() as s:
                    page = hq._page(s, dev, cursor, limit)
                answer = PullAnswer.model_validate_json(page.payload)
                got = [(r.server_seq, r.entity, r.entity_id, r.post_code, r.fields)
                       for r in answer.records]
                assert got == _reference_page(hq, dev, cursor, limit), (dev.role, limit)
                pages += 1
                if not answer.has_more:
                    break
                cursor = answer.next_cursor
            assert pages > 1 or limit == 500


def _spoil_sealed(hq: Any, entity_id: str, name: str) -> None:
    """Make one stored sealed value of a record unopenable (a byte of its ciphertext flipped),
    through Core so no ORM event seals or opens anything on the way."""
    import base64

    from sqlalchemy import Text, cast, select, update

    from fieldapp.hq import atrest
    from fieldapp.hq.models import Record
    from fieldapp.sync.protocol import loads

    with hq.sessions.begin() as s:
        stored = loads(s.scalar(select(cast(Record.fields, Text))
                                .where(Record.entity_id == entity_id)))
        value = stored[name][0]
        assert value.startswith(atrest.PREFIX)
        raw = bytearray(base64.b64decode(value[len(atrest.PREFIX):]))
        raw[-1] ^= 1
        stored[name][0] = atrest.PREFIX + base64.b64encode(bytes(raw)).decode()
        s.execute(update(Record.__table__).where(Record.__table__.c.entity_id == entity_id)
                  .values(fields=stored))


def test_an_echo_is_skipped_unopened_and_a_mixed_record_is_sent_whole(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    """A record whose every winning value is the asking device's own is told from the clear
    stamps and left out without opening it (a value that would not open does not matter);
    a record another device also wrote is opened and sent with all its fields."""
    import pytest

    from fieldapp.hq.atrest import DataKeyError
    from fieldapp.hq.models import Device
    from fieldapp.sync.protocol import PullAnswer

    hq = hq_server.hq
    first, second = enrolled("POIPET"), enrolled("POIPET")
    case = _case(first)
    first.push(client, case["all"])
    rescue = case["rescue"]
    second.clock.observe(rescue["fields"]["exploitation_type"][1])  # its edit comes later
    second.push(client, [second.change("rescue", {"exploitation_type": "online_scam"},
                                       entity_id=rescue["entity_id"])])
    victim_id = case["victim"]["entity_id"]
    _spoil_sealed(hq, victim_id, "name_latin")

    def page(reader: TestDevice, own_node: str | None) -> list[Any]:
        with hq.sessions() as s:
            dev = s.get(Device, reader.id)
            assert dev is not None
            s.expunge(dev)
        with hq._snapshot() as s:
            payload = hq._page(s, dev, 0, 500, own_node=own_node).payload
        return PullAnswer.model_validate_json(payload).records

    got = page(first, first.clock.node)
    # Only the record the colleague also wrote comes back; the spoilt victim was not opened.
    assert [r.entity_id for r in got] == [rescue["entity_id"]]
    fields = got[0].fields
    assert fields["place"][0] == "Poipet" and fields["place"][1].endswith(first.clock.node)
    assert fields["exploitation_type"][0] == "online_scam"
    assert fields["exploitation_type"][1].endswith(second.clock.node)
    # What is sent is opened: the colleague's page holds the victim, which does not open.
    with pytest.raises(DataKeyError):
        page(second, second.clock.node)
    # Without own_node nothing is an echo: the first device is sent the victim too.
    with pytest.raises(DataKeyError):
        page(first, None)


def test_echoes_take_no_room_in_a_page(
    hq_server: RunningHq, client: httpx.Client, enrolled, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """After its own push a device's feed is mostly echoes: one page crosses them (each
    page read for nothing was a round trip and a commit), a page still holds at most
    `limit` records, and paging from any cursor gives exactly the records that are not
    echoes, each once."""
    from fieldapp.hq import feed
    from fieldapp.hq.models import Device
    from fieldapp.sync.protocol import PullAnswer

    hq = hq_server.hq
    first, second = enrolled("POIPET"), enrolled("POIPET")
    for _ in range(5):
        first.push(client, _case(first)["all"])  # 30 echoes for `first`
    theirs = [second.change("rescue", {"place": "Pailin", "exploitation_type": "labour"})
              for _ in range(7)]
    second.push(client, theirs)
    for _ in range(2):
        first.push(client, _case(first)["all"])  # 12 more echoes after the colleague's

    def pages(limit: int) -> list[tuple[list[str], bool]]:
        with hq.sessions() as s:
            dev = s.get(Device, first.id)
            assert dev is not None
            s.expunge(dev)
        out, cursor = [], 0
        while True:
            with hq._snapshot() as s:
                page = hq._page(s, dev, cursor, limit, own_node=first.clock.node)
            answer = PullAnswer.model_validate_json(page.payload)
            out.append(([r.entity_id for r in answer.records], answer.has_more))
            assert len(answer.records) <= limit
            if not answer.has_more:
                return out
            assert page.next_cursor > cursor
            cursor = page.next_cursor

    wanted = [c["entity_id"] for c in theirs]
    # All 49 rows cross in two pages of 5 (the colleague's 7 records, 5 then 2).
    got = pages(5)
    assert got == [(wanted[:5], True), (wanted[5:], False)]
    # A page of 50: one answer, the echoes skipped.
    assert pages(50) == [(wanted, False)]
    # With the scan capped at 2 pages' worth of rows, more answers, the same records.
    monkeypatch.setattr(feed, "ECHO_SCAN_PAGES", 2)
    capped = pages(5)
    assert [i for ids, _ in capped for i in ids] == wanted and len(capped) > 2
