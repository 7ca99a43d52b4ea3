"""Push: at-most-once per (device, seq), out-of-order batches, ack watermark, revocation, skew."""

from __future__ import annotations

import json
import time

import httpx
import pytest
from sqlalchemy import func, select

from fieldapp.domain.enums import Role
from fieldapp.hq.models import ChangeLog, Record
from tests.support.hqserver import RunningHq

OCTETS = {"content-type": "application/octet-stream"}


def _count(hq_server: RunningHq, model: type) -> int:
    with hq_server.hq.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_resending_a_batch_applies_it_once(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    d = enrolled()
    rescue = d.change("rescue", {"place": "Poipet market", "exploitation_type": "labour"})
    victim = d.change("victim", {"name_latin": "Sok Dara", "rescue_id": rescue["entity_id"]})
    batch = [rescue, victim]
    first = d.push(client, batch)
    assert (first.applied, first.duplicates, first.acked_seq, first.highest_seq) == (2, 0, 2, 2)
    for _ in range(5):  # a flaky link: the device resends, sealed afresh each time
        again = d.push(client, batch)
        assert (again.applied, again.duplicates, again.acked_seq) == (0, 2, 2)
    assert _count(hq_server, ChangeLog) == 2 and _count(hq_server, Record) == 2
    assert hq_server.hq.stats()["victims"] == 1


def test_out_of_order_batches_and_watermark(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    d = enrolled()
    rid = "01900000-0000-7000-8000-000000000001"
    changes = [d.change("rescue", {"place": f"p{i}"}, entity_id=rid) for i in range(1, 7)]
    late = d.push(client, changes[3:])  # seqs 4..6 arrive first
    assert late.acked_seq == 0 and late.highest_seq == 6 and late.applied == 3
    early = d.push(client, changes[:3])
    assert early.acked_seq == 6 and early.applied == 3
    # Per-field LWW: the last edit (seq 6, largest HLC) wins although it arrived first.
    with hq_server.hq.sessions() as s:
        rec = s.scalar(select(Record).where(Record.entity_id == rid))
        assert rec is not None and rec.fields["place"][0] == "p6"


def test_revoked_device_is_told_to_wipe(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    d = enrolled()
    d.push(client, [d.change("rescue", {"place": "x"})])
    hq_server.hq.revoke(d.id)
    r = client.post(
        "/v1/push", content=d.seal_push([d.change("rescue", {"place": "y"})]), headers=OCTETS
    )
    assert r.status_code == 403
    assert r.json() == {"error": "revoked", "reason": r.json()["reason"], "action": "wipe"}
    r = client.post("/v1/pull", content=d.seal_pull(0), headers=OCTETS)
    assert r.status_code == 403 and r.json()["action"] == "wipe"
    assert _count(hq_server, ChangeLog) == 1


def test_clock_skew_is_reported(hq_server: RunningHq, client: httpx.Client, enrolled) -> None:  # type: ignore[no-untyped-def]
    d = enrolled()
    blob = d.seal_push(
        [d.change("rescue", {"place": "x"})], timestamp_ms=int(time.time() * 1000) - 3 * 86_400_000
    )
    r = client.post("/v1/push", content=blob, headers=OCTETS)
    body = r.json()
    assert (
        r.status_code == 200 and body["clock_warning"] is True and body["skew_ms"] < -2 * 86_400_000
    )
    [dev] = hq_server.hq.devices()
    assert dev.last_skew_ms is not None and dev.last_skew_ms < 0
    ok = d.push(client, [d.change("rescue", {"place": "y"})])
    assert ok.clock_warning is False and abs(ok.skew_ms) < 60_000


def test_writing_another_posts_records_is_refused(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    poipet, pailin = enrolled("POIPET"), enrolled("PAILIN")
    rescue = pailin.change("rescue", {"place": "Pailin"})
    pailin.push(client, [rescue])
    bad = poipet.change("rescue", {"place": "hijack"}, entity_id=rescue["entity_id"])
    answer = poipet.push(client, [bad])
    assert answer.acked_seq == 1 and answer.applied == 0
    assert [(r.seq, r.code) for r in answer.refused] == [(1, "not_entitled")]
    answer = poipet.push(client, [poipet.change("rescue", {"place": "x"}, post_code="PAILIN")])
    assert answer.acked_seq == 2 and "POIPET" in answer.refused[0].reason
    centre = enrolled("POIPET", Role.CENTRE_STAFF, "PTC")
    answer = centre.push(client, [centre.change("victim", {"name_latin": "x"})])
    assert answer.refused[0].code == "not_entitled" and answer.acked_seq == 1
    assert hq_server.hq.stats()["rescues"] == 1
    assert len(hq_server.hq.parked()) == 3


def test_a_supervisor_device_records_for_other_posts_but_never_moves_a_record(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    supervisor = enrolled("POIPET", Role.SUPERVISOR)
    paper_form = supervisor.change("rescue", {"place": "Bavet"}, post_code="BAVET")
    supervisor.push(client, [paper_form])
    assert hq_server.hq.stats()["rescues"] == 1
    moved = supervisor.change("rescue", {"place": "x"}, entity_id=paper_form["entity_id"],
                              post_code="POIPET")
    answer = supervisor.push(client, [moved])
    assert answer.acked_seq == 2 and "another post" in answer.refused[0].reason


def _seal_raw(d, changes: list[dict]) -> bytes:  # type: ignore[no-untyped-def,type-arg]
    """Seal changes as a device could, bypassing the protocol model (which would refuse them)."""
    from fieldapp.crypto.envelope import EnvelopeHeader, EnvelopeKind, seal

    seqs = [c["seq"] for c in changes]
    header = EnvelopeHeader(kind=EnvelopeKind.PUSH, device_id=d.id, seq_from=min(seqs),
                            seq_to=max(seqs))
    return seal(json.dumps({"changes": changes}).encode(), recipient_x25519_public=d.hq_x25519,
                sender_ed25519_private=d.ed25519, header=header)


def test_invalid_changes_are_parked_and_the_unreadable_batch_is_422(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    d = enrolled()
    good = d.change("rescue", {"place": "x"})
    bad_stamp = d.change("rescue", {"place": "Sok"})
    bad_stamp["fields"]["place"][1] = "5-0-x"  # not the padded, canonical form
    r = client.post("/v1/push", content=_seal_raw(d, [good, bad_stamp]), headers=OCTETS)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["acked_seq"] == 2 and body["applied"] == 1
    assert [(x["seq"], x["code"]) for x in body["refused"]] == [(2, "invalid")]
    assert "Sok" not in r.text
    from fieldapp.crypto.envelope import EnvelopeHeader, EnvelopeKind, seal

    blob = seal(
        b"\xff not json",
        recipient_x25519_public=d.hq_x25519,
        sender_ed25519_private=d.ed25519,
        header=EnvelopeHeader(kind=EnvelopeKind.PUSH, device_id=d.id),
    )
    assert client.post("/v1/push", content=blob, headers=OCTETS).status_code == 422
    no_seq = {"entity": "rescue", "entity_id": "x", "post_code": "POIPET", "fields": {}}
    blob = seal(
        json.dumps({"changes": [no_seq]}).encode(),
        recipient_x25519_public=d.hq_x25519,
        sender_ed25519_private=d.ed25519,
        header=EnvelopeHeader(kind=EnvelopeKind.PUSH, device_id=d.id),
    )
    assert client.post("/v1/push", content=blob, headers=OCTETS).status_code == 422
    assert _count(hq_server, ChangeLog) == 1


def statement_snapshot(d, victim_id: str, narrative: str, stamp: str) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """Every field of a final statement stamped together (what a device sends on finalising)."""
    values = {
        "victim_id": victim_id, "status": "final", "interview_date": "2026-03-14T10:00:00",
        "interviewer": "officer", "interpreter": "", "language": "km", "place": "post",
        "child_protocol": {}, "narrative": narrative, "amends_id": None, "final_hash": "0" * 64,
        "finalised_at": "2026-03-14T11:00:00", "finalised_by": "sup", "created_by": "sup",
        "device_id": "dev", "created_at": "2026-03-14T10:00:00", "extra": {},
    }
    return {name: [value, stamp] for name, value in values.items()}


def _victim(d, client: httpx.Client) -> str:  # type: ignore[no-untyped-def]
    rescue = d.change("rescue", {"place": "Poipet"})
    victim = d.change("victim", {"rescue_id": rescue["entity_id"], "name_latin": "Sok Dara"})
    d.push(client, [rescue, victim])
    return str(victim["entity_id"])


def test_final_statement_is_not_changed_by_a_later_push(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    d = enrolled()
    victim_id = _victim(d, client)
    sid = "01900000-0000-7000-8000-0000000000aa"
    stamp = str(d.clock.now())
    final = d.change("statement", {}, entity_id=sid)
    final["fields"] = statement_snapshot(d, victim_id, "as told", stamp)
    assert d.push(client, [final]).refused == []
    answer = d.push(client, [d.change("statement", {"narrative": "edited"}, entity_id=sid)])
    assert [r.code for r in answer.refused] == ["final_statement"]
    with hq_server.hq.sessions() as s:
        rec = s.scalar(select(Record).where(Record.entity_id == sid))
        assert rec is not None and rec.fields["narrative"] == ["as told", stamp]


def test_a_forged_early_finalisation_cannot_rewrite_a_final_statement(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    """Issue 9 item 6: status=final with a new narrative stamped 1 ms after 1970."""
    d, forger = enrolled(), enrolled()
    victim_id = _victim(d, client)
    sid = "01900000-0000-7000-8000-0000000000ab"
    stamp = str(d.clock.now())
    final = d.change("statement", {}, entity_id=sid)
    final["fields"] = statement_snapshot(d, victim_id, "as told", stamp)
    d.push(client, [final])
    early = "0000000000001-00000-forger"
    partial = forger.change("statement", {}, entity_id=sid)
    partial["fields"] = {"status": ["final", early], "narrative": ["forged", early]}
    whole = forger.change("statement", {}, entity_id=sid)
    whole["fields"] = statement_snapshot(forger, victim_id, "forged", early)
    answer = forger.push(client, [partial, whole])
    assert answer.acked_seq == 2 and [r.code for r in answer.refused] == ["final_statement"] * 2
    with hq_server.hq.sessions() as s:
        rec = s.scalar(select(Record).where(Record.entity_id == sid))
        assert rec is not None and rec.fields["narrative"] == ["as told", stamp]
        assert len(rec.fields) == len(final["fields"])


def test_a_refused_change_never_blocks_the_fifty_after_it(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    """Issue 9 item 4: an officer's device with another post's case at change 1."""
    d = enrolled("POIPET")
    foreign = d.change("rescue", {"place": "Bavet"}, post_code="BAVET")
    good = [d.change("rescue", {"place": f"p{i}"}) for i in range(50)]
    first = d.push(client, [foreign] + good[:10])
    assert first.acked_seq == 11 and first.applied == 10 and len(first.refused) == 1
    rest = d.push(client, good[10:])
    assert rest.acked_seq == 51 and rest.applied == 40 and rest.refused == []
    assert hq_server.hq.stats()["rescues"] == 50
    # Resending the refused change is answered with the same refusal (the answer was lost).
    again = d.push(client, [foreign])
    assert again.duplicates == 1 and [r.seq for r in again.refused] == [1]


def test_bad_types_dates_and_vocabularies_are_parked_and_listed(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    d = enrolled()
    rescue = d.change("rescue", {"place": "Poipet"})
    bad = [
        d.change("victim", {"rescue_id": rescue["entity_id"], "date_of_birth": "not-a-date"}),
        d.change("victim", {"rescue_id": rescue["entity_id"], "estimated_age": "ten"}),
        d.change("victim", {"rescue_id": rescue["entity_id"], "sex": "robot"}),
        d.change("victim", {"rescue_id": rescue["entity_id"], "name_latin": "x" * 201}),
        d.change("victim", {"rescue_id": rescue["entity_id"], "shoe_size": 42}),
        d.change("rescue", {"operation_date": "2026-02-30"}),
    ]
    answer = d.push(client, [rescue, *bad])
    assert answer.acked_seq == 7 and answer.applied == 1
    reasons = [r.reason for r in answer.refused]
    assert [r.code for r in answer.refused] == ["invalid"] * 6
    assert "victim.date_of_birth" in reasons[0] and "victim.estimated_age" in reasons[1]
    assert "victim.sex" in reasons[2] and "victim.name_latin" in reasons[3]
    assert "shoe_size" in reasons[4] and "rescue.operation_date" in reasons[5]
    assert "not-a-date" not in " ".join(reasons)
    listed = hq_server.hq.parked()
    assert [(p.device_id, p.seq) for p in listed] == [(d.id, n) for n in range(2, 8)]


def test_far_future_stamps_are_parked(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    """Issue 9 item 5: `9999999999999-99999-~` and a 14-digit stamp never win at HQ."""
    d = enrolled()
    rescue = d.change("rescue", {"place": "right"})
    d.push(client, [rescue])
    rid = rescue["entity_id"]
    far = d.change("rescue", {"place": "far"}, entity_id=rid)
    far["fields"]["place"][1] = "9999999999999-99999-~"
    beyond = d.change("rescue", {"place": "beyond"}, entity_id=rid)
    beyond["fields"]["place"][1] = "10000000000000-00000-x"
    answer = d.push(client, [far, beyond])
    assert [r.code for r in answer.refused] == ["future_stamp"] * 2 and answer.clock_warning
    later = d.change("rescue", {"place": "corrected"}, entity_id=rid)
    assert d.push(client, [later]).applied == 1
    with hq_server.hq.sessions() as s:
        rec = s.scalar(select(Record).where(Record.entity_id == rid))
        assert rec is not None and rec.fields["place"][0] == "corrected"


def test_a_referral_of_another_posts_victim_is_refused(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    """Issue 9 item 7: a centre can never be sent another post's victim."""
    pailin, poipet = enrolled("PAILIN"), enrolled("POIPET")
    victim_id = _victim(pailin, client)
    referral = poipet.change("referral", {"victim_id": victim_id, "service": "shelter",
                                          "provider_code": "PTC"})
    answer = poipet.push(client, [referral])
    assert [r.code for r in answer.refused] == ["wrong_post"] and answer.acked_seq == 1
    assert hq_server.hq.stats()["referrals"] == 0


def test_parked_change_released_after_a_fix_or_discarded(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.hq.service import ParkedStillRefused

    d = enrolled()
    orphan_rescue = "01900000-0000-7000-8000-0000000000cc"
    victim = d.change("victim", {"rescue_id": orphan_rescue, "name_latin": "y"})
    bad = d.change("rescue", {"place": 5})
    answer = d.push(client, [victim, bad])
    assert [r.code for r in answer.refused] == ["missing_parent", "invalid"]
    [waiting, invalid] = hq_server.hq.parked()
    try:
        hq_server.hq.release_parked(invalid.id)
        raise AssertionError("released a change that still breaks a rule")
    except ParkedStillRefused as exc:
        assert "rescue.place" in str(exc)
    hq_server.hq.discard_parked(invalid.id)
    # The parent arrives (another device of the post): the waiting change applies by itself.
    other = enrolled()
    other.push(client, [other.change("rescue", {"place": "p"}, entity_id=orphan_rescue)])
    assert hq_server.hq.parked() == [] and hq_server.hq.stats()["victims"] == 1
    states = sorted(p.state for p in hq_server.hq.parked(state=None))
    assert states == ["discarded", "released"]
    assert d.push(client, [d.change("rescue", {"place": "q"})]).acked_seq == 3


def test_the_national_desk_decides_matches_but_never_writes_cases(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    poipet, pailin, bavet = enrolled("POIPET"), enrolled("PAILIN"), enrolled("BAVET")
    desk = enrolled("HQ", Role.NATIONAL)
    rescue = poipet.change("rescue", {"place": "Poipet"})
    poipet.push(client, [rescue])
    answer = desk.push(client, [desk.change("rescue", {"place": "x"},
                                            entity_id=rescue["entity_id"], post_code="POIPET"),
                                desk.change("rescue", {"place": "HQ"})])
    assert [r.code for r in answer.refused] == ["not_entitled", "not_entitled"]
    assert "possible matches only" in answer.refused[1].reason
    victims = []
    for d in (poipet, pailin):
        r = d.change("rescue", {"place": "p"})
        v = d.change("victim", {"rescue_id": r["entity_id"], "name_latin": "Sok"})
        d.push(client, [r, v])
        victims.append(v["entity_id"])
    link = {"entity": "victim", "a_id": victims[0], "b_id": victims[1], "decision": "pending"}
    made = pailin.change("person_link", link)
    assert pailin.push(client, [made]).refused == []
    decided = {"decision": "link", "decided_by": "analyst"}
    for d in (desk, poipet):  # the desk and the other person's post may decide it
        answer = d.push(client, [d.change("person_link", decided, entity_id=made["entity_id"],
                                          post_code=d.post)])
        assert answer.refused == [], answer.refused
    answer = bavet.push(client, [bavet.change("person_link", decided,
                                              entity_id=made["entity_id"])])
    assert [r.code for r in answer.refused] == ["not_entitled"]


def test_identified_by_names_only_victims_of_the_suspects_post(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    poipet, pailin = enrolled("POIPET"), enrolled("PAILIN")
    ids = {}
    for d in (poipet, pailin):
        r = d.change("rescue", {"place": "p"})
        v = d.change("victim", {"rescue_id": r["entity_id"], "name_latin": "x"})
        d.push(client, [r, v])
        ids[d.post] = (r["entity_id"], v["entity_id"])
    rescue, own = ids["POIPET"]
    made_up = "0190f0f0-0000-7000-8000-000000000000"
    changes = [poipet.change("suspect", {"rescue_id": rescue, "role": "broker",
                                         "identified_by": named})
               for named in ([own], [ids["PAILIN"][1]], [made_up])]
    answer = poipet.push(client, changes)
    assert [(r.seq - changes[0]["seq"], r.code) for r in answer.refused] == [
        (1, "wrong_post"), (2, "missing_parent")]
    assert answer.applied == 1


def test_a_centre_writes_only_its_own_referrals_returns_and_follow_ups(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    """h13: a centre may record a return (outcome, safety assessment) on a referral addressed
    to it and plan follow-ups for that referral's person; nothing else, and never for another
    centre's referral. Refused changes are parked and the centre's queue moves on."""
    post = enrolled("POIPET")
    rescue = post.change("rescue", {"place": "Poipet"})
    victim = post.change("victim", {"name_latin": "Sok Dara", "rescue_id": rescue["entity_id"]})
    other = post.change("victim", {"name_latin": "Chan Srey", "rescue_id": rescue["entity_id"]})
    ref = post.change("referral", {"victim_id": victim["entity_id"], "provider_code": "PTC",
                                   "service": "reintegration"})
    elsewhere = post.change("referral", {"victim_id": other["entity_id"], "provider_code": "PMTC",
                                         "service": "reintegration"})
    assert post.push(client, [rescue, victim, other, ref, elsewhere]).applied == 5
    ptc = enrolled("POIPET", Role.CENTRE_STAFF, "PTC")
    ok = [ptc.change("referral", {"outcome": "returned_home",
                                  "return_details": {"family_safety": "safe"}},
                     entity_id=ref["entity_id"]),
          ptc.change("follow_up", {"victim_id": victim["entity_id"], "action": "home_visit",
                                   "due_on": "2026-05-01", "referral_id": ref["entity_id"]})]
    answer = ptc.push(client, ok)
    assert answer.applied == 2 and answer.refused == []
    bad = [ptc.change("referral", {"outcome": "returned_home"}, entity_id=elsewhere["entity_id"]),
           ptc.change("referral", {"service": "shelter"}, entity_id=ref["entity_id"]),
           ptc.change("follow_up", {"victim_id": other["entity_id"], "action": "home_visit",
                                    "due_on": "2026-05-01", "referral_id": ref["entity_id"]}),
           ptc.change("follow_up", {"victim_id": other["entity_id"], "action": "home_visit",
                                    "due_on": "2026-05-01",
                                    "referral_id": elsewhere["entity_id"]}),
           ptc.change("family_member", {"victim_id": victim["entity_id"], "name": "x",
                                        "relationship": "mother"})]
    answer = ptc.push(client, bad)
    assert answer.applied == 0 and answer.acked_seq == 7
    assert [r.code for r in answer.refused] == ["not_entitled"] * 5


# -- audit events: one part per push (protocol 2), or changes (protocol 1) -----------------

#: Every key of the answer a device of protocol 1 knows (its model refuses any other).
PROTOCOL_1_ANSWER = {"acked_seq", "highest_seq", "applied", "duplicates", "hq_time_ms",
                     "skew_ms", "clock_warning", "refused"}


def _audit_events(d, first: int, n: int, prev: str) -> tuple[list[list], str]:  # type: ignore[no-untyped-def]
    from fieldapp.domain.auditchain import event_hash
    from fieldapp.domain.ids import uuid7

    rows = []
    for seq in range(first, first + n):
        event = {"id": uuid7(), "at": "2026-03-14T10:00:00.000001", "username": "sup",
                 "device_id": d.id, "action": "view", "entity": "rescue",
                 "entity_id": uuid7(), "detail": {"fields": ["place"]}}
        event["hash"] = event_hash(prev, event)
        prev = event["hash"]
        rows.append([seq, *event.values()])
    return rows, prev


def _push_raw(client: httpx.Client, d, changes: list, **kw) -> dict:  # type: ignore[no-untyped-def]
    r = client.post("/v1/push", content=d.seal_push(changes, **kw), headers=OCTETS)
    assert r.status_code == 200, r.text
    return dict(r.json())


def test_a_device_of_protocol_1_still_pushes_audit_events_as_changes(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    d = enrolled()
    rescue = d.change("rescue", {"place": "Poipet market", "exploitation_type": "labour"})
    (event,), _tip = _audit_events(d, 1, 1, "0" * 64)
    fields = dict(zip(("seq", "id", "at", "username", "device_id", "action", "entity",
                       "entity_id", "detail", "hash"), event, strict=True))
    event_id = fields.pop("id")
    audit_change = d.change("audit_event", {**fields, "prev_hash": "0" * 64}, entity_id=event_id)
    answer = _push_raw(client, d, [rescue, audit_change], protocol=1)
    assert set(answer) == PROTOCOL_1_ANSWER  # nothing an old device would refuse
    assert (answer["applied"], answer["acked_seq"], answer["refused"]) == (2, 2, [])
    with hq_server.hq.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Record).where(
            Record.entity == "audit_event", Record.entity_id == event_id)) == 1


def test_an_audit_part_is_taken_once_and_a_broken_sequence_is_not_acknowledged(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.hq.models import Device

    d = enrolled()
    stamp = str(d.clock.now())
    events, tip = _audit_events(d, 1, 5, "0" * 64)
    part = {"after": 0, "prev_hash": "0" * 64, "stamp": stamp, "events": events}
    answer = _push_raw(client, d, [], audit=part)
    assert answer["audit_acked_seq"] == 5 and answer["applied"] == 0
    assert _push_raw(client, d, [], audit=part)["audit_acked_seq"] == 5  # a resend: once
    assert _count(hq_server, Record) == 5

    more, _ = _audit_events(d, 6, 3, tip)
    gap = {"after": 5, "prev_hash": tip, "stamp": stamp, "events": [more[0], more[2]]}
    rescue = d.change("rescue", {"place": "Poipet market", "exploitation_type": "labour"})
    answer = _push_raw(client, d, [rescue], audit=gap)
    # The changes are applied all the same; the part is not taken, and is sent again whole.
    assert (answer["applied"], answer["acked_seq"], answer["audit_acked_seq"]) == (1, 1, 5)
    whole = {"after": 5, "prev_hash": tip, "stamp": stamp, "events": more}
    assert _push_raw(client, d, [], audit=whole)["audit_acked_seq"] == 8
    with hq_server.hq.sessions() as s:
        dev = s.get(Device, d.id)
        assert dev is not None and dev.audit_broken_seq is None
    assert _count(hq_server, Record) == 9


def test_an_audit_event_that_breaks_a_rule_is_parked_apart_and_acknowledged(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.hq.base import ParkedStillRefused

    d = enrolled()
    rescue = d.change("rescue", {"place": "Poipet market", "exploitation_type": "labour"})
    events, _tip = _audit_events(d, 1, 3, "0" * 64)
    events[1][3] = "x" * 100  # a username longer than the field allows (the hash still fits)
    from fieldapp.domain.auditchain import event_hash

    prev = "0" * 64
    for row in events:  # re-chain after the edit: the chain is intact, the value is not
        event = dict(zip(("id", "at", "username", "device_id", "action", "entity",
                          "entity_id", "detail"), row[1:9], strict=True))
        row[9] = prev = event_hash(prev, event)
    part = {"after": 0, "prev_hash": "0" * 64, "stamp": str(d.clock.now()), "events": events}
    answer = _push_raw(client, d, [rescue], audit=part)
    assert (answer["acked_seq"], answer["audit_acked_seq"], answer["refused"]) == (1, 3, [])
    (parked,) = hq_server.hq.parked(device_id=d.id)
    assert (parked.seq, parked.entity, parked.code) == (-2, "audit_event", "invalid")
    with pytest.raises(ParkedStillRefused):
        hq_server.hq.release_parked(parked.id)  # still too long: stays parked, apart
    assert _push_raw(client, d, [], audit=part)["audit_acked_seq"] == 3
    assert _count(hq_server, Record) == 3  # the rescue and the two valid events
