from __future__ import annotations

import datetime as dt

from sqlalchemy import select, text

from fieldapp.services import intake, maintenance
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit
from fieldapp.store.models import AUDIT_ACTIONS, RECORD_NAMES, AuditEvent, Rescue


def test_creates_updates_and_logins_are_chained(ws: Workspace, rescue: Rescue) -> None:
    intake.update_rescue(ws, rescue.id, unit="AHTJP Poipet")
    with ws.tx() as s:
        actions = list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))
        assert actions == ["init", "create", "update"]
        assert audit.verify_chain(s) == (3, None)
        detail = s.scalars(select(AuditEvent.detail).where(AuditEvent.action == "update")).one()
        assert detail == {"fields": ["unit"]}


def test_an_edited_event_breaks_the_chain_and_check_says_so(ws: Workspace, rescue: Rescue) -> None:
    with ws.tx() as s:
        s.execute(text("UPDATE audit_event SET username = 'someone-else' WHERE seq = 2"))
    report = maintenance.check(ws)
    assert report.database_ok and report.broken_at == 2 and not report.ok


def test_events_rest_lean_and_read_back_whole(ws: Workspace, rescue: Rescue) -> None:
    """No stored id (made from the chain), the time as an integer, action and record kind as
    one byte, the own device as nothing, the hash only at a commit's last event; no stored
    previous hash. Read through `audit`, each is what the chain hashed."""
    intake.update_rescue(ws, rescue.id, unit="AHTJP Poipet")
    with ws.tx() as s:
        raw = s.execute(text(
            "SELECT typeof(id), length(id), typeof(at), typeof(entity_id), length(action), "
            "length(entity), length(device_id), length(hash) FROM audit_event "
            "ORDER BY seq")).all()
        # The store's "init" names the device, a kind outside the registry: kept as its word.
        assert [tuple(r) for r in raw] == [("text", 0, "integer", "blob", 1, 6, 0, 32)] + [
            ("text", 0, "integer", "blob", 1, 1, 0, 32)] * 2
        columns = {c[1] for c in s.execute(text("PRAGMA table_info(audit_event)"))}
        assert "prev_hash" not in columns
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "create")).one()
        assert event.entity_id == rescue.id and event.entity == "rescue"
        events = list(audit.events_after(s, 0))
        assert [e["device_id"] for e in events] == [ws.store.device_id] * 3
        assert [e["prev_hash"] for e in events[1:]] == [e["hash"] for e in events[:-1]]
        assert all(audit.event_hash(e["prev_hash"], e) == e["hash"] for e in events)


def test_ids_are_made_from_the_chain_and_details_name_earlier_records_in_a_byte(
        ws: Workspace, rescue: Rescue) -> None:
    """Each event's id is a uuid7 of its time made from the hash before it: unique, the same
    read from anywhere in the chain, and changed with the event. A detail naming the record
    of an event shortly before rests as one byte; an empty detail as one byte; an event
    stored with an id (before issue 16's last round) keeps it."""
    import uuid

    _many_events(ws, rescue, 40, {"rescue": rescue.id})
    intake.update_rescue(ws, rescue.id, unit="AHTJP Poipet")
    with ws.tx() as s:
        events = list(audit.events_after(s, 0))
        ids = [uuid.UUID(e["id"]) for e in events]
        assert len(set(ids)) == len(ids) and {i.version for i in ids} == {7}
        assert all(i.int >> 80 == (e["at"] - dt.datetime(1970, 1, 1))
                   // dt.timedelta(milliseconds=1) for i, e in zip(ids, events, strict=True))
        assert all(audit.event_hash(e["prev_hash"], e) == e["hash"] for e in events)
        # Read from the middle (references reach before the window): the same events.
        assert list(audit.events_after(s, 30, 5)) == events[30:35]
        assert [e["detail"] for e in events[2:42]] == [{"rescue": rescue.id}] * 40
        sizes = dict(s.execute(text("SELECT seq, length(detail) FROM audit_event")).all())
        assert sizes[2] == 1  # "create": an empty detail
        assert {sizes[e["seq"]] for e in events[2:42]} == {1 + 1 + 6 + 2}
        # An event written with an id keeps it; the chain still verifies.
        s.execute(text("UPDATE audit_event SET id = :id WHERE seq = 1"),
                  {"id": bytes(16)})
        first = next(audit.events_after(s, 0))
        assert first["id"] == str(uuid.UUID(bytes=bytes(16)))
        s.rollback()
    with ws.tx() as s:
        s.execute(text("UPDATE audit_event SET at = at + 1000 WHERE seq = 5"))
        assert audit.verify_chain(s)[1] == 3  # the id moved with the time: caught


def _many_events(ws: Workspace, rescue: Rescue, count: int,
                 detail: dict[str, str] | None = None) -> None:
    """`count` events in one commit (the hash is stored at its last event only, and at
    least every CHECKPOINT_EVERY events)."""
    with ws.tx() as s:
        for i in range(count):
            audit.append(s, "view", "rescue", rescue.id, detail or {"n": str(i)})


def test_hashes_rest_at_checkpoints_and_are_recomputed_between(ws: Workspace,
                                                               rescue: Rescue) -> None:
    every = audit.CHECKPOINT_EVERY
    _many_events(ws, rescue, every + 10)
    with ws.tx() as s:
        stored = dict(s.execute(text("SELECT seq, length(hash) FROM audit_event")).all())
        # init, create (one commit each), then the batch: its last, and every-th before it.
        last = max(stored)
        assert {seq for seq, size in stored.items() if size} == {1, 2, last, last - every}
        events = list(audit.events_after(s, 0))
        assert len(events) == last and all(len(e["hash"]) == 64 for e in events)
        assert all(audit.event_hash(e["prev_hash"], e) == e["hash"] for e in events)
        assert [audit.hash_at(s, e["seq"]) for e in events] == [e["hash"] for e in events]
        assert audit.verify_chain(s) == (last, None)
        # Events read from the middle carry the same hashes as read from the start.
        middle = list(audit.events_after(s, 20, 5))
        assert middle == events[20:25]


def test_an_edited_event_between_checkpoints_breaks_the_chain(ws: Workspace,
                                                              rescue: Rescue) -> None:
    _many_events(ws, rescue, 30)
    with ws.tx() as s:
        assert s.scalar(text("SELECT length(hash) FROM audit_event WHERE seq = 10")) == 0
        s.execute(text("UPDATE audit_event SET username = 'someone-else' WHERE seq = 10"))
    report = maintenance.check(ws)
    # The first event after the last checkpoint that still holds (seq 2, the rescue's).
    assert report.database_ok and report.broken_at == 3 and not report.ok


def test_stored_codes_keep_their_places() -> None:
    """Record kinds and actions rest as their index in these lists (`CodedText`): a word
    moved or removed would make stored rows read as another. Append only."""
    assert RECORD_NAMES[:16] == (
        "", "rescue", "victim", "statement", "suspect", "referral", "referral_event",
        "attachment", "audit_event", "suspect_case", "suspect_event", "suspect_identifier",
        "person_link", "family_member", "follow_up", "case_transfer")
    assert AUDIT_ACTIONS[:10] == ("create", "update", "created", "sent", "accepted",
                                  "in_service", "completed", "declined", "cancelled",
                                  "finalise")
