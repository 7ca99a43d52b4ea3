"""Rescues, victims and suspects: recording and editing them, and reading a case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.enums import ExploitationType, Role, Sex, SuspectRole, SuspectStatus
from fieldapp.domain.errors import InvalidInput, NotFound, PermissionDenied
from fieldapp.services.records import assign
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit, search
from fieldapp.store.changes import find
from fieldapp.store.models import (
    CaseCounter,
    Post,
    Province,
    Referral,
    ReferralEvent,
    Rescue,
    Statement,
    Suspect,
    Victim,
)

RECORDERS = (Role.OFFICER, Role.SUPERVISOR)

RESCUE_FIELDS: dict[str, type] = {
    "operation_date": dt.date, "place": str, "province_code": str, "post_code": str,
    "unit": str, "exploitation_type": ExploitationType, "notes": str,
}
VICTIM_FIELDS: dict[str, type] = {
    "name_km": str, "name_latin": str, "sex": Sex, "date_of_birth": dt.date,
    "estimated_age": int, "nationality": str, "languages": list, "documents": list,
    "contact_phone": str, "vulnerabilities": list, "consent_given": bool,
}
SUSPECT_FIELDS: dict[str, type] = {
    "name": str, "alias": str, "role": SuspectRole, "nationality": str, "description": str,
    "status": SuspectStatus, "identified_by": list,
}
ADULT_AGE = 18


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def derive_minor(victim: Victim, on: dt.date) -> bool:
    if victim.date_of_birth is not None:
        return age_on(victim.date_of_birth, on) < ADULT_AGE
    return victim.estimated_age is not None and victim.estimated_age < ADULT_AGE


def next_case_number(s: Session, post_code: str, year: int) -> str:
    cache = s.info.setdefault("case_counters", {})
    with s.no_autoflush:
        counter = cache.get((post_code, year)) or s.get(CaseCounter, (post_code, year))
    if counter is None:
        counter = CaseCounter(post_code=post_code, year=year, last=0)
        s.add(counter)
    cache[(post_code, year)] = counter
    counter.last += 1
    return f"{post_code}-{year:04d}-{counter.last:04d}"


# -- access ------------------------------------------------------------------------------
def load_rescue(ws: Workspace, s: Session, rescue_id: str) -> Rescue:
    """The rescue, if this user may see it: officers their post's, supervisors all."""
    ws.require(*RECORDERS)
    rescue = find(s, Rescue, rescue_id)
    if rescue is None:
        raise NotFound("no such case on this device")
    if ws.actor.role is Role.OFFICER and rescue.post_code != ws.actor.post_code:
        raise PermissionDenied("this case belongs to another post")
    return rescue


def load_victim(ws: Workspace, s: Session, victim_id: str) -> Victim:
    victim = find(s, Victim, victim_id)
    if victim is None:
        raise NotFound("no such victim on this device")
    if victim.rescue_id is None:  # a referred person on a transit centre's device
        raise NotFound("this person's case file is not on this device")
    load_rescue(ws, s, victim.rescue_id)
    return victim


# -- rescues -----------------------------------------------------------------------------
def create_rescue(ws: Workspace, **values: Any) -> Rescue:
    """Record a rescue operation; gives it the post's next case number."""
    ws.require(*RECORDERS)
    values.setdefault("post_code", ws.actor.post_code)
    with ws.tx() as s:
        rescue = Rescue()
        assign(rescue, RESCUE_FIELDS, values,
               required=("operation_date", "province_code", "post_code", "exploitation_type"))
        if ws.actor.role is Role.OFFICER and rescue.post_code != ws.actor.post_code:
            raise PermissionDenied("officers record rescues for their own post only")
        if find(s, Province, rescue.province_code) is None:
            raise InvalidInput("province_code: unknown province")
        if find(s, Post, rescue.post_code) is None:
            raise InvalidInput("post_code: unknown post")
        rescue.case_number = next_case_number(s, rescue.post_code, rescue.operation_date.year)
        s.add(rescue)
        search.mark(s, rescue.id)
        audit.append(s, "create", "rescue", rescue.id)
    return rescue


def update_rescue(ws: Workspace, rescue_id: str, **values: Any) -> Rescue:
    with ws.tx() as s:
        rescue = load_rescue(ws, s, rescue_id)
        values.pop("post_code", None)  # a case never moves post
        changed = assign(rescue, RESCUE_FIELDS, values)
        if changed:
            audit.append(s, "update", "rescue", rescue.id, {"fields": changed})
    return rescue


# -- victims -----------------------------------------------------------------------------
def add_victim(ws: Workspace, rescue_id: str, **values: Any) -> Victim:
    with ws.tx() as s:
        rescue = load_rescue(ws, s, rescue_id)
        victim = Victim(rescue_id=rescue.id)
        assign(victim, VICTIM_FIELDS, values, required=("sex",))
        if not (victim.name_km or victim.name_latin):
            raise InvalidInput("name: give the name in Khmer or Latin script (or both)")
        victim.is_minor = derive_minor(victim, rescue.operation_date)
        s.add(victim)
        search.mark(s, rescue.id)
        audit.append(s, "create", "victim", victim.id, {"rescue": rescue.id})
    return victim


def update_victim(ws: Workspace, victim_id: str, **values: Any) -> Victim:
    with ws.tx() as s:
        victim = load_victim(ws, s, victim_id)
        rescue = load_rescue(ws, s, str(victim.rescue_id))
        changed = assign(victim, VICTIM_FIELDS, values)
        victim.is_minor = derive_minor(victim, rescue.operation_date)
        if changed:
            search.mark(s, rescue.id)
            audit.append(s, "update", "victim", victim.id, {"fields": changed})
    return victim


# -- suspects ----------------------------------------------------------------------------
def add_suspect(ws: Workspace, rescue_id: str, **values: Any) -> Suspect:
    with ws.tx() as s:
        rescue = load_rescue(ws, s, rescue_id)
        suspect = Suspect(rescue_id=rescue.id)
        values.setdefault("status", SuspectStatus.AT_LARGE)
        assign(suspect, SUSPECT_FIELDS, values, required=("role",))
        if not (suspect.name or suspect.alias):
            raise InvalidInput("name: give a name or an alias")
        _check_identified_by(s, suspect, rescue.id)
        s.add(suspect)
        search.mark(s, rescue.id)
        audit.append(s, "create", "suspect", suspect.id, {"rescue": rescue.id})
    return suspect


def update_suspect(ws: Workspace, suspect_id: str, **values: Any) -> Suspect:
    with ws.tx() as s:
        suspect = find(s, Suspect, suspect_id)
        if suspect is None:
            raise NotFound("no such suspect on this device")
        load_rescue(ws, s, suspect.rescue_id)
        changed = assign(suspect, SUSPECT_FIELDS, values)
        if "identified_by" in changed:
            _check_identified_by(s, suspect, suspect.rescue_id)
        if changed:
            search.mark(s, suspect.rescue_id)
            audit.append(s, "update", "suspect", suspect.id, {"fields": changed})
    return suspect


def _check_identified_by(s: Session, suspect: Suspect, rescue_id: str) -> None:
    """`identified_by` names only victims of the suspect's cases."""
    from fieldapp.services.suspects import check_identified_by

    check_identified_by(s, suspect.id, list(suspect.identified_by or []), rescue_id)


# -- reading a case ----------------------------------------------------------------------
@dataclass
class CaseFile:
    """A rescue and everything recorded under it (statements without their narrative)."""

    rescue: Rescue
    victims: list[Victim] = field(default_factory=list)
    suspects: list[Suspect] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    referrals: list[Referral] = field(default_factory=list)
    events: list[ReferralEvent] = field(default_factory=list)


def get_case(ws: Workspace, rescue_id: str) -> CaseFile:
    with ws.tx() as s:
        rescue = load_rescue(ws, s, rescue_id)
        victims = list(s.scalars(select(Victim).where(Victim.rescue_id == rescue.id)
                                 .order_by(Victim.created_at)))
        ids = [v.id for v in victims]
        statements = list(s.scalars(select(Statement).where(Statement.victim_id.in_(ids))
                                    .order_by(Statement.interview_date)))
        for st in statements:
            s.expunge(st)
            st.narrative = ""  # read through statements.view_statement(), which audits it
        referrals = list(s.scalars(select(Referral).where(Referral.victim_id.in_(ids))))
        events = list(s.scalars(select(ReferralEvent).where(
            ReferralEvent.referral_id.in_([r.id for r in referrals])).order_by(ReferralEvent.at)))
        suspects = list(s.scalars(select(Suspect).where(Suspect.rescue_id == rescue.id)))
        return CaseFile(rescue, victims, suspects, statements, referrals, events)
