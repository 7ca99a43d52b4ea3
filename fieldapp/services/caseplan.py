"""A person's case plan: follow-up steps due on dates, and the ones overdue (h13)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from fieldapp.domain.enums import FollowUpAction, Role
from fieldapp.domain.errors import InvalidInput, NotFound, PermissionDenied
from fieldapp.services import family, referrals
from fieldapp.services.intake import load_victim
from fieldapp.services.records import coerce
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit
from fieldapp.store.changes import find, handed_over
from fieldapp.store.models import FollowUp, Referral, Rescue, Victim


@dataclass(frozen=True)
class Step:
    """One follow-up as views show it (plain values)."""

    id: str
    victim_id: str
    rescue_id: str | None
    case_number: str
    person: str
    action: str
    due_on: dt.date
    assigned_to: str
    note: str
    done_on: dt.date | None
    outcome: str

    def overdue_on(self, today: dt.date) -> int:
        """Days overdue on ``today`` (0: not overdue, or done)."""
        return 0 if self.done_on is not None else max(0, (today - self.due_on).days)


def plan_follow_up(ws: Workspace, victim_id: str, *, action: str, due_on: dt.date | str,
                   assigned_to: str = "", note: str = "",
                   referral_id: str | None = None) -> FollowUp:
    """Add a step to a person's case plan. Centre staff plan for a person referred to them
    (naming that referral); the post plans for its own cases."""
    ws.require(Role.OFFICER, Role.SUPERVISOR, Role.CENTRE_STAFF)
    what = coerce("action", FollowUpAction, action)
    due = coerce("due_on", dt.date, due_on)
    if not what or due is None:
        raise InvalidInput("follow-up: say what is to be done and by which date")
    with ws.tx() as s:
        _check_access(ws, s, victim_id, referral_id)
        step = FollowUp(victim_id=victim_id, referral_id=referral_id, action=what, due_on=due,
                        assigned_to=(assigned_to or "").strip(), note=(note or "").strip())
        s.add(step)
        audit.append(s, "plan_follow_up", "victim", victim_id,
                     {"follow_up": step.id, "action": what, "due_on": due.isoformat()})
    return step


def complete_follow_up(ws: Workspace, follow_up_id: str, *, done_on: dt.date | str | None = None,
                       outcome: str = "") -> FollowUp:
    """Mark a follow-up done (it leaves the overdue list), with what came of it."""
    ws.require(Role.OFFICER, Role.SUPERVISOR, Role.CENTRE_STAFF)
    day = coerce("done_on", dt.date, done_on) or dt.date.today()
    with ws.tx() as s:
        step = find(s, FollowUp, follow_up_id)
        if step is None:
            raise NotFound("no such follow-up on this device")
        _check_access(ws, s, step.victim_id, step.referral_id)
        if step.done_on is not None:
            raise InvalidInput("this follow-up is already done")
        step.done_on = day
        step.done_by = ws.actor.username
        step.outcome = (outcome or "").strip()
        audit.append(s, "complete_follow_up", "victim", step.victim_id, {"follow_up": step.id})
    return step


def case_plan(ws: Workspace, victim_id: str) -> list[Step]:
    """Every follow-up of one person, by due date."""
    with ws.tx() as s:
        if ws.actor.role is Role.CENTRE_STAFF:
            rows = [f for f in _rows(s, FollowUp.victim_id == victim_id)
                    if _centre_may(ws, s, f.referral_id)]
        else:
            load_victim(ws, s, victim_id)
            rows = list(_rows(s, FollowUp.victim_id == victim_id))
        return _steps(s, rows)


def overdue(ws: Workspace, today: dt.date | None = None, limit: int | None = None) -> list[Step]:
    """Follow-ups not done by their date that this user may see, the longest overdue first
    (at most ``limit``): an officer's post, a supervisor's every post, a centre's own
    referred people."""
    with ws.tx() as s:
        q = _overdue_query(ws, select(FollowUp), today)
        q = q.order_by(FollowUp.due_on, FollowUp.id)
        return _steps(s, list(s.scalars(q.limit(limit) if limit else q)))


def overdue_count(ws: Workspace, today: dt.date | None = None) -> int:
    """How many follow-ups `overdue` would list."""
    with ws.tx() as s:
        return int(s.scalar(_overdue_query(ws, select(func.count(FollowUp.id)), today)) or 0)


def _overdue_query(ws: Workspace, q: Select[Any], today: dt.date | None) -> Select[Any]:
    ws.require(Role.OFFICER, Role.SUPERVISOR, Role.CENTRE_STAFF)
    q = q.where(FollowUp.done_on.is_(None), FollowUp.due_on < (today or dt.date.today()))
    if ws.actor.role is Role.CENTRE_STAFF:
        q = q.join(Referral, Referral.id == FollowUp.referral_id).where(
            Referral.provider_code == ws.actor.centre_code)
    elif ws.actor.role is Role.OFFICER:
        q = q.join(Victim, Victim.id == FollowUp.victim_id).join(
            Rescue, Rescue.id == Victim.rescue_id).where(Rescue.post_code == ws.actor.post_code)
    return q


def _rows(s: Session, *where: object) -> list[FollowUp]:
    return list(s.scalars(select(FollowUp).where(*where)  # type: ignore[arg-type]
                          .order_by(FollowUp.due_on, FollowUp.id)))


def _check_access(ws: Workspace, s: Session, victim_id: str, referral_id: str | None) -> None:
    if ws.actor.role is not Role.CENTRE_STAFF:
        load_victim(ws, s, victim_id)
        return
    if not referral_id:
        raise PermissionDenied("a centre plans follow-ups for a person referred to it: "
                               "open the referral first")
    referral = referrals._load_for_centre(ws, s, referral_id)
    if referral.victim_id != victim_id:
        raise InvalidInput("this referral is for another person")


def _centre_may(ws: Workspace, s: Session, referral_id: str | None) -> bool:
    referral = find(s, Referral, referral_id) if referral_id else None
    return referral is not None and referral.provider_code == ws.actor.centre_code


def _steps(s: Session, rows: list[FollowUp]) -> list[Step]:
    """Follow-ups with their person and case number, read in two queries (not one per step)."""
    ids = list({f.victim_id for f in rows})
    people: dict[str, tuple[str, str | None]] = {}
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        for vid, km, latin, rescue_id in s.execute(
                select(Victim.id, Victim.name_km, Victim.name_latin, Victim.rescue_id)
                .where(Victim.id.in_(chunk))):
            people[vid] = (" / ".join(x for x in (km, latin) if x), rescue_id)
    rescue_ids = list({r for _, r in people.values() if r})
    numbers = {rid: number for rid, number in s.execute(
        select(Rescue.id, Rescue.case_number).where(Rescue.id.in_(rescue_ids)))}
    out = []
    for f in rows:
        person, rescue_id = people.get(f.victim_id, ("", None))
        out.append(Step(f.id, f.victim_id, rescue_id, numbers.get(rescue_id or "", ""), person,
                        f.action, f.due_on, f.assigned_to, f.note, f.done_on, f.outcome))
    return out


@dataclass(frozen=True)
class Person:
    """One person of a case as the case-work tab shows them."""

    victim_id: str
    label: str
    home_en: str
    home_km: str
    social_worker: str
    #: The latest family-tracing outcome ({outcome, on, by}), if any.
    tracing: dict[str, str] | None
    family: list[family.Member]


@dataclass(frozen=True)
class CaseWork:
    """A case's work after the rescue: people with home and family, the plan, the closure."""

    people: list[Person]
    steps: list[Step]
    closed_on: dt.date | None
    closure_reason: str
    #: (from post, to post, date) of each transfer, oldest first.
    transfers: list[tuple[str, str, dt.date]]
    #: The post the case was transferred to when this device keeps it read-only ("" if not).
    handed_to: str


def for_case(ws: Workspace, rescue_id: str) -> CaseWork:
    """Everything the case view's "Family and plan" tab shows (officers of the post, supervisors)."""
    from fieldapp.services import casework
    from fieldapp.services.intake import load_rescue

    with ws.tx() as s:
        rescue = load_rescue(ws, s, rescue_id)
        victims = list(s.scalars(select(Victim).where(Victim.rescue_id == rescue.id)
                                 .order_by(Victim.created_at)))
        people = [Person(v.id, " / ".join(x for x in (v.name_km, v.name_latin) if x),
                         family.address_of(v, "en"), family.address_of(v, "km"), v.social_worker,
                         casework.tracing_of(ws, v.id), family.family_of(ws, v.id))
                  for v in victims]
        ids = [v.id for v in victims]
        steps = _steps(s, _rows(s, FollowUp.victim_id.in_(ids)))
        moves = [(t.from_post, t.to_post, t.on) for t in casework.transfers_of(ws, rescue.id)]
        return CaseWork(people, steps, rescue.closed_on, rescue.closure_reason, moves,
                        handed_over(s, rescue.id))
