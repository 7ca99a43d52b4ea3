from __future__ import annotations

from sqlalchemy import select, text

from fieldapp.services import intake, maintenance
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit
from fieldapp.store.models import AuditEvent, Rescue


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
    """Ids as 16 bytes, the time as an integer, the hash as 32 bytes; no stored previous
    hash. Read through the model, each is what the chain hashed."""
    with ws.tx() as s:
        raw = s.execute(text(
            "SELECT typeof(id), length(id), typeof(at), typeof(entity_id), length(hash) "
            "FROM audit_event WHERE action = 'create'")).one()
        assert tuple(raw) == ("blob", 16, "integer", "blob", 32)
        columns = {c[1] for c in s.execute(text("PRAGMA table_info(audit_event)"))}
        assert "prev_hash" not in columns
        event = s.scalars(select(AuditEvent).where(AuditEvent.action == "create")).one()
        assert event.entity_id == rescue.id and len(event.hash) == 64
        events = list(audit.events_after(s, 0))
        assert [e["prev_hash"] for e in events[1:]] == [e["hash"] for e in events[:-1]]
        assert all(audit.event_hash(e["prev_hash"], e) == e["hash"] for e in events)
