"""Child safeguards around statements: a social worker present (or a supervisor's recorded
reason), and a warning before a child is interviewed a second time."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.domain.enums import Role, StatementStatus
from fieldapp.domain.errors import InvalidInput, StatementFinal
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit
from fieldapp.store.changes import find
from fieldapp.store.models import Statement, Victim

REPEAT_WARNING = ("this child has already given a final statement: interview again only if "
                  "it is really needed, and record an amendment where you can")


def prior_final_statements(s: Session, victim_id: str) -> int:
    """Final statements of this person that are not amendments of another."""
    return int(s.scalar(select(func.count()).select_from(Statement).where(
        Statement.victim_id == victim_id, Statement.status == StatementStatus.FINAL.value,
        Statement.amends_id.is_(None))) or 0)


def repeat_interview_warning(ws: Workspace, victim_id: str) -> str | None:
    """The warning to show before a child gives another statement, or None."""
    from fieldapp.services.intake import load_victim

    with ws.tx() as s:
        victim = load_victim(ws, s, victim_id)
        if victim.is_minor and prior_final_statements(s, victim.id) > 0:
            return REPEAT_WARNING
    return None


def waive_social_worker(ws: Workspace, statement_id: str, reason: str) -> Statement:
    """A supervisor records why no social worker could be present at a child's statement."""
    from fieldapp.services.intake import load_victim

    ws.require(Role.SUPERVISOR)
    reason = (reason or "").strip()
    if not reason:
        raise InvalidInput("reason: say why no social worker could be present")
    with ws.tx() as s:
        st = find(s, Statement, statement_id)
        if st is None:
            raise InvalidInput("no such statement on this device")
        load_victim(ws, s, st.victim_id)
        if st.status == StatementStatus.FINAL:
            raise StatementFinal("this statement is final: record an amendment instead")
        protocol: dict[str, Any] = dict(st.child_protocol or {})
        protocol.update(no_social_worker_reason=reason, social_worker_waived_by=ws.actor.username)
        st.child_protocol = protocol
        audit.append(s, "waive_social_worker", "statement", st.id)
    return st


def check_before_final(ws: Workspace, s: Session, victim: Victim, st: Statement) -> None:
    """Refuse to finalise a child's statement taken without a social worker, unless a
    supervisor recorded why; note in the audit log when a child gives a second statement."""
    if not victim.is_minor:
        return
    protocol = st.child_protocol or {}
    if protocol.get("social_worker_present") is not True and not (
            protocol.get("no_social_worker_reason") and protocol.get("social_worker_waived_by")):
        raise InvalidInput("social_worker_present: a child's statement needs a social worker "
                           "present, or a supervisor's recorded reason why none could be")
    if st.amends_id is None and prior_final_statements(s, victim.id) > 0:
        audit.append(s, "repeat_child_statement", "statement", st.id, {"victim": victim.id})
