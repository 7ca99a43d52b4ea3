"""Health checks of a device store: page integrity and the audit hash chain."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from fieldapp.domain.enums import Role
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit


@dataclass(frozen=True)
class CheckReport:
    database_ok: bool
    audit_events: int
    broken_at: int | None

    @property
    def ok(self) -> bool:
        return self.database_ok and self.broken_at is None


def check(ws: Workspace) -> CheckReport:
    """Verify every page (SQLCipher HMACs, SQLite structure) and the audit chain; audited."""
    ws.require(Role.SUPERVISOR, Role.OFFICER)
    with ws.tx() as s:
        cipher = s.execute(text("PRAGMA cipher_integrity_check")).all()
        quick = s.execute(text("PRAGMA integrity_check")).scalar()
        count, broken = audit.verify_chain(s)
        audit.append(s, "check", "device", ws.store.device_id,
                     {"ok": not cipher and quick == "ok" and broken is None})
    return CheckReport(database_ok=not cipher and quick == "ok", audit_events=count, broken_at=broken)
