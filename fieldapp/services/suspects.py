"""Suspects as persons: further cases, dated status events, identifiers, who identified them.

A suspect is recorded once, under the case where they first appeared; `link_case` adds
every further case. Status changes are dated events (append-only), so "sent to court in
year Y" counts each person once, by the date of the event, however many cases they are in
and however many suspect records a confirmed match (person_link) joins.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.enums import Role, SuspectStatus
from fieldapp.domain.errors import Code, InvalidInput, NotFound, PermissionDenied
from fieldapp.linkage.people import clusters
from fieldapp.linkage.romanise import to_latin
from fieldapp.linkage.score import normal_phone
from fieldapp.services.intake import load_rescue
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit, search
from fieldapp.store.changes import find
from fieldapp.store.models import (
    PersonLink,
    Suspect,
    SuspectCase,
    SuspectEvent,
    SuspectIdentifier,
    Victim,
)

RECORDERS = (Role.OFFICER, Role.SUPERVISOR)
#: Event kinds in the order a prosecution moves; the suspect's status follows the furthest.
EVENT_KINDS = ("identified", "arrested", "sent_to_court", "convicted")
_STATUS = {"arrested": SuspectStatus.ARRESTED, "sent_to_court": SuspectStatus.SENT_TO_COURT,
           "convicted": SuspectStatus.CONVICTED}
IDENTIFIER_KINDS = ("phone", "social", "plate", "alias")
#: HTCDS 2.0 per_RoleInProcess picklist.
HTCDS_ROLES = (
    "TravellingPartner", "Transporter", "RecruiterOrIntermediary", "BrokerTravelAgent",
    "TransferredIndividual", "HarbouredIndividual", "SoldIndividual", "BoughtIndividual",
    "ReceivedIndividual", "ControlledIndividual", "Smuggler", "Abuser", "Kidnapper",
    "Exploiter", "Other",
)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def _suspect(ws: Workspace, s: Session, suspect_id: str) -> Suspect:
    suspect = find(s, Suspect, suspect_id)
    if suspect is None:
        raise NotFound("no such suspect on this device")
    load_rescue(ws, s, suspect.rescue_id)  # role and post checks
    return suspect


def case_ids(s: Session, suspect_id: str) -> list[str]:
    """Every case the suspect is part of, the first one first."""
    first = s.scalar(select(Suspect.rescue_id).where(Suspect.id == suspect_id))
    more = s.scalars(select(SuspectCase.rescue_id).where(SuspectCase.suspect_id == suspect_id))
    return [r for r in [first, *sorted(set(more) - {first})] if r]


def link_case(ws: Workspace, suspect_id: str, rescue_id: str) -> SuspectCase | None:
    """The suspect is part of a further case too (None if they already were)."""
    ws.require(*RECORDERS)
    with ws.tx() as s:
        _suspect(ws, s, suspect_id)
        rescue = load_rescue(ws, s, rescue_id)
        if rescue.id in case_ids(s, suspect_id):
            return None
        link = SuspectCase(suspect_id=suspect_id, rescue_id=rescue.id)
        s.add(link)
        search.mark(s, rescue.id)
        audit.append(s, "suspect_case", "suspect", suspect_id, {"rescue": rescue.id})
        return link


def add_event(ws: Workspace, suspect_id: str, kind: str, on: dt.date | str,
              note: str = "") -> SuspectEvent:
    """A dated status change; the suspect's status becomes the furthest stage reached."""
    ws.require(*RECORDERS)
    if kind not in EVENT_KINDS:
        raise InvalidInput("kind: must be one of {event_kinds}", event_kinds=EVENT_KINDS)
    try:
        day = dt.date.fromisoformat(on) if isinstance(on, str) else on
    except ValueError:
        raise InvalidInput("on: a date as YYYY-MM-DD") from None
    if day > dt.date.today() + dt.timedelta(days=1):
        raise InvalidInput("on: the date is in the future")
    with ws.tx() as s:
        suspect = _suspect(ws, s, suspect_id)
        event = SuspectEvent(suspect_id=suspect_id, kind=kind, on=day, note=note.strip())
        s.add(event)
        kinds = {kind, *s.scalars(select(SuspectEvent.kind)
                                  .where(SuspectEvent.suspect_id == suspect_id))}
        furthest = max(kinds, key=EVENT_KINDS.index)
        status = _STATUS.get(furthest)
        if status is not None and suspect.status != status.value:
            suspect.status = status.value
        audit.append(s, "suspect_event", "suspect", suspect_id, {"kind": kind})
        return event


def normalise(kind: str, value: str) -> str:
    """How an identifier is matched: a phone's last 8 digits, a plate's letters and digits,
    a handle without @ and case, an alias romanised."""
    if kind == "phone":
        return normal_phone(value)
    if kind == "plate":
        return _NOT_ALNUM.sub("", value.casefold())
    if kind == "social":
        return value.strip().lstrip("@").casefold()
    return to_latin(value)


def add_identifier(ws: Workspace, suspect_id: str, kind: str, value: str) -> SuspectIdentifier:
    ws.require(*RECORDERS)
    if kind not in IDENTIFIER_KINDS:
        raise InvalidInput("kind: must be one of {identifier_kinds}",
                           identifier_kinds=IDENTIFIER_KINDS)
    norm = normalise(kind, value)
    if not value.strip() or not norm:
        if kind == "phone":
            raise InvalidInput("value: not a usable phone number (at least 6 digits)")
        raise InvalidInput("value: not a usable {kind}", kind=Code("identifier_kind", kind))
    with ws.tx() as s:
        _suspect(ws, s, suspect_id)
        ident = SuspectIdentifier(suspect_id=suspect_id, kind=kind, value=value.strip()[:200],
                                  normalised=norm[:200])
        s.add(ident)
        for rid in case_ids(s, suspect_id):
            search.mark(s, rid)
        audit.append(s, "suspect_identifier", "suspect", suspect_id, {"kind": kind})
        return ident


def set_roles(ws: Workspace, suspect_id: str, roles: list[str],
              complicit_official: bool = False) -> Suspect:
    """HTCDS per_RoleInProcess values, and whether an official took part."""
    ws.require(*RECORDERS)
    unknown = [r for r in roles if r not in HTCDS_ROLES]
    if unknown:
        raise InvalidInput("roles: not HTCDS per_RoleInProcess values ({count})",
                           count=len(unknown))
    with ws.tx() as s:
        suspect = _suspect(ws, s, suspect_id)
        suspect.htcds_roles = sorted(set(roles))
        suspect.complicit_official = bool(complicit_official)
        audit.append(s, "update", "suspect", suspect_id,
                     {"fields": ["htcds_roles", "complicit_official"]})
        return suspect


def set_identified_by(ws: Workspace, suspect_id: str, victim_ids: list[str]) -> Suspect:
    """Who identified the suspect: only victims of the suspect's cases."""
    ws.require(*RECORDERS)
    with ws.tx() as s:
        suspect = _suspect(ws, s, suspect_id)
        check_identified_by(s, suspect_id, victim_ids)
        suspect.identified_by = sorted(set(victim_ids))
        audit.append(s, "update", "suspect", suspect_id, {"fields": ["identified_by"]})
        return suspect


def check_identified_by(s: Session, suspect_id: str, victim_ids: list[str],
                        first_case: str | None = None) -> None:
    """Refuse victims outside the suspect's cases (and made-up ids), naming no one."""
    if not victim_ids:
        return
    with s.no_autoflush:
        cases = set(case_ids(s, suspect_id)) | ({first_case} if first_case else set())
    # `find` sees victims added earlier in this transaction too (a batch flushes at the end).
    victims = [find(s, Victim, v) for v in victim_ids]
    wrong = [v for v in victims if v is None or v.rescue_id not in cases]
    if wrong:
        raise InvalidInput("identified_by: {count} of the victims given are not in this suspect's "
                           "cases; link the case first",
                           count=len(wrong))


def cases_with_identifier(ws: Workspace, kind: str, value: str) -> list[str]:
    """Every case (rescue id) where a phone, handle, plate or alias appears: suspects' and,
    for a phone, victims' contact numbers too."""
    ws.require(*RECORDERS)
    norm = normalise(kind, value)
    if not norm:
        raise InvalidInput("value: not a usable {kind}", kind=kind)
    with ws.tx() as s:
        found: set[str] = set()
        for sid in s.scalars(select(SuspectIdentifier.suspect_id).where(
                SuspectIdentifier.kind == kind, SuspectIdentifier.normalised == norm)):
            found.update(case_ids(s, sid))
        if kind == "phone":
            for rid, phone in s.execute(select(Victim.rescue_id, Victim.contact_phone)
                                        .where(Victim.contact_phone != "")):
                if rid and normal_phone(phone) == norm:
                    found.add(rid)
        visible = []
        for rid in sorted(found):
            try:
                load_rescue(ws, s, rid)
            except (NotFound, PermissionDenied):
                continue
            visible.append(rid)
        return visible


def people_with_event(ws: Workspace, kind: str, year: int) -> int:
    """Suspects (as persons) with an event of `kind` dated in `year`, each counted once:
    one suspect in three cases, or two records linked as one person, count one."""
    with ws.tx() as s:
        ids = set(s.scalars(select(SuspectEvent.suspect_id).where(
            SuspectEvent.kind == kind,
            SuspectEvent.on >= dt.date(year, 1, 1), SuspectEvent.on <= dt.date(year, 12, 31))))
        links = [(a, b) for a, b in s.execute(select(PersonLink.a_id, PersonLink.b_id).where(
            PersonLink.entity == "suspect", PersonLink.decision == "link"))]
        roots = clusters(ids, links)
        return len({roots[i] for i in ids})


def summary(ws: Workspace, suspect_id: str) -> dict[str, Any]:
    """The suspect as a person: cases, events in date order, identifiers (for a case view)."""
    with ws.tx() as s:
        suspect = _suspect(ws, s, suspect_id)
        events = s.scalars(select(SuspectEvent).where(SuspectEvent.suspect_id == suspect_id)
                           .order_by(SuspectEvent.on))
        idents = s.scalars(select(SuspectIdentifier)
                           .where(SuspectIdentifier.suspect_id == suspect_id))
        return {"id": suspect.id, "status": suspect.status, "cases": case_ids(s, suspect_id),
                "events": [(e.kind, e.on.isoformat()) for e in events],
                "identifiers": [(i.kind, i.value) for i in idents],
                "htcds_roles": list(suspect.htcds_roles),
                "complicit_official": suspect.complicit_official}
