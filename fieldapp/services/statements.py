"""Victim statements: drafts, finalising (then immutable), amendments, and audited reading."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from sqlalchemy import select

from fieldapp.domain.enums import StatementStatus
from fieldapp.domain.errors import Field, InvalidInput, StatementFinal
from fieldapp.services import access
from fieldapp.services.intake import RECORDERS, load_victim
from fieldapp.services.records import assign
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit, changes
from fieldapp.store.codec import to_json
from fieldapp.store.models import Statement, utcnow

STATEMENT_FIELDS: dict[str, type] = {
    "interview_date": dt.datetime, "interviewer": str, "interpreter": str, "language": str,
    "place": str, "child_protocol": dict, "narrative": str,
}
#: What the child-sensitive protocol must record before a minor's statement is final.
CHILD_PROTOCOL = (
    "guardian_present", "social_worker_present", "child_friendly_room", "trained_interviewer",
    "breaks_taken", "guardian_consent", "interpreter_present",
)
HASHED = ("id", "victim_id", "amends_id", "interview_date", "interviewer", "interpreter",
          "language", "place", "child_protocol", "narrative", "finalised_by", "finalised_at")


def content_hash(st: Statement) -> str:
    """SHA-256 over the statement's content, shown with a final statement as its seal."""
    body = {k: to_json(getattr(st, k)) for k in HASHED}
    return hashlib.sha256(json.dumps(body, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _load(ws: Workspace, s: Any, statement_id: str) -> Statement:
    # Writers audit their own action; reading alone goes through view_statement.
    return access.statement(ws, s, statement_id, audited=False)


def record_statement(ws: Workspace, victim_id: str, **values: Any) -> Statement:
    """Start a statement (a draft until finalised)."""
    ws.require(*RECORDERS)
    values.setdefault("interview_date", utcnow())
    with ws.tx() as s:
        victim = load_victim(ws, s, victim_id)
        st = Statement(victim_id=victim.id, status=StatementStatus.DRAFT.value)
        assign(st, STATEMENT_FIELDS, values)
        s.add(st)
        audit.append(s, "create", "statement", st.id, {"victim": victim.id})
    return st


def update_statement(ws: Workspace, statement_id: str, **values: Any) -> Statement:
    with ws.tx() as s:
        st = _load(ws, s, statement_id)
        if st.status == StatementStatus.FINAL:
            raise StatementFinal("this statement is final: record an amendment instead")
        changed = assign(st, STATEMENT_FIELDS, values)
        if changed:
            audit.append(s, "update", "statement", st.id, {"fields": changed})
    return st


def finalise_statement(ws: Workspace, statement_id: str) -> Statement:
    """Seal a statement: from now on it cannot change (service and database both refuse)."""
    with ws.tx() as s:
        st = _load(ws, s, statement_id)
        if st.status == StatementStatus.FINAL:
            raise StatementFinal("this statement is already final")
        if not st.narrative.strip():
            raise InvalidInput("narrative: a final statement needs the statement text")
        victim = load_victim(ws, s, st.victim_id)
        if victim.is_minor:
            missing = [k for k in CHILD_PROTOCOL if k not in (st.child_protocol or {})]
            if missing:
                raise InvalidInput("child-sensitive protocol: record {missing} before finalising",
                                   missing=[Field(k) for k in missing])
            from fieldapp.services import safeguards  # h13: social worker, repeat interviews

            safeguards.check_before_final(ws, s, victim, st)
        st.finalised_at = utcnow()
        st.finalised_by = ws.actor.username
        st.final_hash = content_hash(st)
        st.status = StatementStatus.FINAL.value
        # HQ's merge rule: the finalising change carries the whole statement under one
        # stamp, so the final statement is exactly this snapshot on every replica.
        changes.snapshot(s, st)
        audit.append(s, "finalise", "statement", st.id, {"hash": st.final_hash})
    return st


def amend_statement(ws: Workspace, statement_id: str, **values: Any) -> Statement:
    """A correction to a final statement: a new draft statement linked to the original."""
    with ws.tx() as s:
        original = _load(ws, s, statement_id)
        if original.status != StatementStatus.FINAL:
            raise InvalidInput("only a final statement is amended; edit the draft instead")
        base = {k: getattr(original, k) for k in STATEMENT_FIELDS}
        base.update(values)
        st = Statement(victim_id=original.victim_id, status=StatementStatus.DRAFT.value,
                       amends_id=original.id)
        assign(st, STATEMENT_FIELDS, base)
        s.add(st)
        audit.append(s, "amend", "statement", st.id, {"amends": original.id})
    return st


def view_statement(ws: Workspace, statement_id: str) -> Statement:
    """Read a statement with its narrative; every reading is in the audit log."""
    with ws.tx() as s:
        return access.statement(ws, s, statement_id)


def statements_of(ws: Workspace, victim_id: str) -> list[Statement]:
    with ws.tx() as s:
        load_victim(ws, s, victim_id)
        rows = list(s.scalars(select(Statement).where(Statement.victim_id == victim_id)
                              .order_by(Statement.interview_date)))
        for st in rows:
            s.expunge(st)
            access.hide_content(st)
        return rows


