"""Health checks of a device store: page integrity, the audit hash chain, the report counters."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from fieldapp.domain.enums import Role
from fieldapp.reports import counters, store_counts
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit


@dataclass(frozen=True)
class CheckReport:
    database_ok: bool
    audit_events: int
    broken_at: int | None
    #: Report counters that differ from a recomputation (0: they agree; see rebuild_figures).
    figure_differences: int = 0

    @property
    def ok(self) -> bool:
        return self.database_ok and self.broken_at is None and not self.figure_differences


def check(ws: Workspace) -> CheckReport:
    """Verify every page (SQLCipher HMACs, SQLite structure) and the audit chain; audited."""
    ws.require(Role.SUPERVISOR, Role.OFFICER)
    with ws.tx() as s:
        cipher = s.execute(text("PRAGMA cipher_integrity_check")).all()
        quick = s.execute(text("PRAGMA integrity_check")).scalar()
        count, broken = audit.verify_chain(s)
        store_counts.drain(s)
        differences = len(counters.check(s.connection(), store_counts.StoreCases(s)))
        audit.append(s, "check", "device", ws.store.device_id,
                     {"ok": not cipher and quick == "ok" and broken is None,
                      "figure_differences": differences})
    return CheckReport(database_ok=not cipher and quick == "ok", audit_events=count,
                       broken_at=broken, figure_differences=differences)


def rebuild_figures(ws: Workspace) -> int:
    """Make the report counters again from the records (a repair); returns the cases counted.
    Supervisors; audited."""
    ws.require(Role.SUPERVISOR)
    with ws.tx() as s:
        cases = store_counts.rebuild(s)
        audit.append(s, "rebuild_figures", "device", ws.store.device_id, {"cases": cases})
    return cases
