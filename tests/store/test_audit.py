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
