"""The match review queue on a device: find possible matches, link or separate them.

Nothing is merged: a decision is a `person_link` record (synced, audited); both people's
records and histories stay as they were. Only supervisors review (they see every case on
the device); the evidence shown side by side is read fresh from the two records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, NotFound
from fieldapp.linkage.match import find_matches
from fieldapp.linkage.people import count_people, link_id
from fieldapp.linkage.score import THRESHOLD, Person
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit
from fieldapp.store.changes import find
from fieldapp.store.models import PersonLink, Rescue, Suspect, SuspectIdentifier, Victim, utcnow

DECISIONS = ("link", "separate")


@dataclass(frozen=True)
class Side:
    """One person of a possible match, as a supervisor compares them."""

    id: str
    case_number: str
    post_code: str
    name_km: str
    name_latin: str
    sex: str
    date_of_birth: dt.date | None
    estimated_age: int | None
    nationality: str
    phone: str


@dataclass(frozen=True)
class MatchItem:
    id: str
    entity: str
    decision: str
    weight: float
    evidence: dict[str, str]
    a: Side | None  # None when that record is not on this device
    b: Side | None
    decided_by: str
    decided_at: dt.datetime | None


def victim_person(v: Victim, rescue: Rescue | None) -> Person:
    return Person(id=v.id, name_km=v.name_km, name_latin=v.name_latin, sex=v.sex,
                  date_of_birth=v.date_of_birth, estimated_age=v.estimated_age,
                  ref_year=rescue.operation_date.year if rescue else None,
                  nationality=v.nationality,
                  phones=(v.contact_phone,) if v.contact_phone else ())


def suspect_person(s: Suspect, identifiers: list[SuspectIdentifier]) -> Person:
    return Person(id=s.id, name_latin=s.name, sex="", nationality=s.nationality,
                  aliases=tuple([s.alias] if s.alias else []) + tuple(
                      i.value for i in identifiers if i.kind == "alias"),
                  phones=tuple(i.value for i in identifiers if i.kind == "phone"))


def _victims(s: Session) -> list[Person]:
    rows = s.execute(select(Victim, Rescue).join(Rescue, Victim.rescue_id == Rescue.id)).all()
    return [victim_person(v, r) for v, r in rows]


def _suspects(s: Session) -> list[Person]:
    idents: dict[str, list[SuspectIdentifier]] = {}
    for i in s.scalars(select(SuspectIdentifier)):
        idents.setdefault(i.suspect_id, []).append(i)
    return [suspect_person(x, idents.get(x.id, [])) for x in s.scalars(select(Suspect))]


def scan(ws: Workspace, entity: str = "victim", threshold: float = THRESHOLD) -> int:
    """Look for possible matches among this device's people; queue the new ones.

    A pair already in the queue or decided is left alone. Returns how many were queued.
    """
    ws.require(Role.SUPERVISOR)
    if entity not in ("victim", "suspect"):
        raise InvalidInput("entity: victim or suspect")
    with ws.tx() as s:
        people = _victims(s) if entity == "victim" else _suspects(s)
        known = {frozenset((a, b)) for a, b in s.execute(
            select(PersonLink.a_id, PersonLink.b_id).where(PersonLink.entity == entity))}
        added = 0
        for c in find_matches(people, threshold, skip=known):
            a, b = sorted((c.a, c.b))
            s.add(PersonLink(id=link_id(entity, a, b), entity=entity, a_id=a, b_id=b,
                             decision="pending", weight=c.weight, evidence=dict(c.levels)))
            added += 1
        audit.append(s, "match_scan", entity, "", {"people": len(people), "queued": added})
    return added


def _side(s: Session, entity: str, ident: str) -> Side | None:
    if entity == "victim":
        v = find(s, Victim, ident)
        if v is None:
            return None
        r = find(s, Rescue, v.rescue_id) if v.rescue_id else None
        return Side(v.id, r.case_number if r else "", r.post_code if r else "", v.name_km,
                    v.name_latin, v.sex, v.date_of_birth, v.estimated_age, v.nationality,
                    v.contact_phone)
    x = find(s, Suspect, ident)
    if x is None:
        return None
    r = find(s, Rescue, x.rescue_id)
    return Side(x.id, r.case_number if r else "", r.post_code if r else "", "", x.name, "",
                None, None, x.nationality, "")


def _item(s: Session, link: PersonLink) -> MatchItem:
    return MatchItem(link.id, link.entity, link.decision, link.weight, dict(link.evidence),
                     _side(s, link.entity, link.a_id), _side(s, link.entity, link.b_id),
                     link.decided_by, link.decided_at)


def queue(ws: Workspace, decided: bool = False) -> list[MatchItem]:
    """Possible matches still to review, strongest first (`decided`: the decided ones too)."""
    ws.require(Role.SUPERVISOR)
    with ws.tx() as s:
        q = select(PersonLink).order_by(PersonLink.weight.desc(), PersonLink.id)
        if not decided:
            q = q.where(PersonLink.decision == "pending")
        return [_item(s, link) for link in s.scalars(q)]


def decide(ws: Workspace, match_id: str, decision: str) -> MatchItem:
    """Link the two records as one person, or keep them apart. Changing one's mind is a new
    decision (unlinking = separating a linked pair); the audit log keeps every one."""
    ws.require(Role.SUPERVISOR)
    if decision not in DECISIONS:
        raise InvalidInput("decision: link or separate")
    with ws.tx() as s:
        link = find(s, PersonLink, match_id)
        if link is None:
            raise NotFound("no such possible match on this device")
        previous = link.decision
        link.decision = decision
        link.decided_by = ws.actor.username
        link.decided_at = utcnow()
        audit.append(s, f"match_{decision}", "person_link", link.id,
                     {"entity": link.entity, "a": link.a_id, "b": link.b_id, "was": previous})
        return _item(s, link)


def link(ws: Workspace, match_id: str) -> MatchItem:
    return decide(ws, match_id, "link")


def separate(ws: Workspace, match_id: str) -> MatchItem:
    return decide(ws, match_id, "separate")


def linked_pairs(s: Session, entity: str) -> list[tuple[str, str]]:
    return [(a, b) for a, b in s.execute(select(PersonLink.a_id, PersonLink.b_id).where(
        PersonLink.entity == entity, PersonLink.decision == "link"))]


def victims_counted_once(ws: Workspace, victim_ids: list[str] | None = None) -> int:
    """How many people the victims on this device are, linked records counted once."""
    with ws.tx() as s:
        ids = victim_ids if victim_ids is not None else list(s.scalars(select(Victim.id)))
        return count_people(ids, linked_pairs(s, "victim"))


def as_dict(item: MatchItem) -> dict[str, Any]:
    """For the command line (--json): everything but names goes out as is."""
    return {"id": item.id, "entity": item.entity, "decision": item.decision,
            "weight": item.weight, "evidence": item.evidence,
            "a": item.a.id if item.a else None, "b": item.b.id if item.b else None,
            "decided_by": item.decided_by}
