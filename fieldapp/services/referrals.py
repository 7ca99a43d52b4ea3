"""Referrals to services: created by officers, worked by transit-centre staff, status from events."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.enums import ReferralStatus, Role, Service, Urgency
from fieldapp.domain.errors import Code, InvalidInput, NotFound, PermissionDenied
from fieldapp.domain.referrals import TERMINAL, check_transition
from fieldapp.services import consent
from fieldapp.services.intake import RECORDERS, load_victim
from fieldapp.services.records import assign, coerce
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit
from fieldapp.store.changes import find
from fieldapp.store.models import Referral, ReferralEvent, ServiceProvider, Victim

REFERRAL_FIELDS: dict[str, type] = {
    "service": Service, "provider_code": str, "urgency": Urgency, "due_date": dt.date, "notes": str,
}


@dataclass(frozen=True)
class VictimEssentials:
    """What a transit centre needs to receive a person: never the statement or the case."""

    id: str
    name_km: str
    name_latin: str
    sex: str
    age: int | None
    is_minor: bool
    nationality: str
    languages: list[str]


@dataclass(frozen=True)
class ReferralCard:
    referral: Referral
    victim: VictimEssentials
    events: list[ReferralEvent]
    overdue: bool


def essentials(victim: Victim, today: dt.date | None = None) -> VictimEssentials:
    from fieldapp.services.intake import age_on

    today = today or dt.date.today()
    age = age_on(victim.date_of_birth, today) if victim.date_of_birth else victim.estimated_age
    return VictimEssentials(victim.id, victim.name_km, victim.name_latin, victim.sex, age,
                            victim.is_minor, victim.nationality, list(victim.languages or []))


def _append(s: Session, referral: Referral, kind: ReferralStatus, reason: str = "",
            services_given: list[str] | None = None) -> ReferralEvent:
    """Append an event here; `status` follows it at once. Merging events from other
    devices (sync) recomputes status and conflicts with `derive_status` instead."""
    check_transition(ReferralStatus(referral.status) if referral.status else None, kind)
    event = ReferralEvent(referral_id=referral.id, kind=kind.value, reason=reason,
                          services_given=services_given or [])
    s.add(event)
    referral.status = kind.value
    audit.append(s, kind.value, "referral", referral.id)
    return event


def _load_for_centre(ws: Workspace, s: Session, referral_id: str) -> Referral:
    referral = find(s, Referral, referral_id)
    if referral is None:
        raise NotFound("no such referral on this device")
    if ws.actor.role is Role.CENTRE_STAFF:
        if referral.provider_code != ws.actor.centre_code:
            raise PermissionDenied("this referral is addressed to another centre")
    else:
        load_victim(ws, s, referral.victim_id)
    return referral


# -- officers ----------------------------------------------------------------------------
class ConsentMissing(PermissionDenied):
    """The person has not consented to their details going to this kind of provider."""


def create_referral(ws: Workspace, victim_id: str, *, override_reason: str = "",
                    **values: Any) -> Referral:
    """Refer a victim to a service provider; it is sent at once (through sync when online).

    Without the person's consent to share with that kind of provider the referral is
    refused (`ConsentMissing`), unless a supervisor overrides it with a reason, which is
    kept on the referral and in the audit log.
    """
    ws.require(*RECORDERS)
    with ws.tx() as s:
        victim = load_victim(ws, s, victim_id)
        return _refer(ws, s, victim, values, override_reason)


def _refer(ws: Workspace, s: Session, victim: Victim, values: dict[str, Any],
           override_reason: str) -> Referral:
    referral = Referral(victim_id=victim.id, status="")
    assign(referral, REFERRAL_FIELDS, values, required=("service", "provider_code"))
    provider = find(s, ServiceProvider, referral.provider_code)
    if provider is None:
        raise InvalidInput("provider_code: unknown service provider")
    if referral.service not in provider.services:
        raise InvalidInput("provider_code: {provider} does not offer {service}",
                           provider=Code("providers", provider.code),
                           service=Code("service", referral.service))
    problem = consent.sharing_problem(victim, provider)
    reason = (override_reason or "").strip()
    if problem and not reason:
        raise ConsentMissing("referral refused: {problem}. Record the consent, or a supervisor "
                             "may override with a reason", problem=problem)
    if problem:
        if ws.actor.role is not Role.SUPERVISOR:
            raise PermissionDenied("only a supervisor may refer without the person's consent")
        referral.consent_override_reason = reason
        referral.consent_override_by = ws.actor.username
    s.add(referral)
    audit.append(s, "create", "referral", referral.id, {"victim": victim.id})
    if problem:
        audit.append(s, "consent_override", "referral", referral.id,
                     {"victim": victim.id, "provider_kind": provider.kind})
    _append(s, referral, ReferralStatus.CREATED)
    _append(s, referral, ReferralStatus.SENT)
    return referral


@dataclass(frozen=True)
class BulkReferral:
    """What one bulk referral did: referral ids made, and the people left out (no consent)."""

    created: list[str]
    refused: dict[str, str]
    #: People who already have an open referral for this service to this provider.
    already: list[str] = field(default_factory=list)


def refer_many(ws: Workspace, victim_ids: list[str], *, override_reason: str = "",
               **values: Any) -> BulkReferral:
    """Refer several people to one provider in ONE transaction (a raid: 200 to an embassy).

    People whose consent is missing are left out and listed with the reason (no names);
    the others are referred. Bad input (provider, service) refuses the whole batch.
    """
    ws.require(*RECORDERS)
    if not victim_ids:
        raise InvalidInput("victims: select the people to refer")
    created: list[str] = []
    refused: dict[str, str] = {}
    already: list[str] = []
    with ws.tx() as s:
        open_now = set(s.execute(select(Referral.victim_id).where(
            Referral.victim_id.in_(list(victim_ids)),
            Referral.service == values.get("service"),
            Referral.provider_code == values.get("provider_code"),
            Referral.status.notin_([x.value for x in TERMINAL]))).scalars())
        for vid in dict.fromkeys(victim_ids):
            victim = load_victim(ws, s, vid)
            if vid in open_now:  # a second click refers nobody twice
                already.append(vid)
                continue
            try:  # refused before anything is added to the session: nothing to undo
                created.append(_refer(ws, s, victim, dict(values), override_reason).id)
            except ConsentMissing as exc:
                refused[vid] = str(exc)
        audit.append(s, "refer_many", "referral", "", {"created": len(created),
                                                      "refused": len(refused),
                                                      "already": len(already)})
    return BulkReferral(created, refused, already)


def cancel_referral(ws: Workspace, referral_id: str, reason: str) -> Referral:
    ws.require(*RECORDERS)
    with ws.tx() as s:
        referral = _load_for_centre(ws, s, referral_id)
        _append(s, referral, ReferralStatus.CANCELLED, reason=coerce("reason", str, reason))
    return referral


# -- transit centres ---------------------------------------------------------------------
def _centre_action(ws: Workspace, referral_id: str, kind: ReferralStatus, reason: str = "",
                   services_given: list[str] | None = None) -> Referral:
    ws.require(Role.CENTRE_STAFF, Role.SUPERVISOR)
    with ws.tx() as s:
        referral = _load_for_centre(ws, s, referral_id)
        _append(s, referral, kind, reason, services_given)
    return referral


def accept_referral(ws: Workspace, referral_id: str) -> Referral:
    return _centre_action(ws, referral_id, ReferralStatus.ACCEPTED)


def decline_referral(ws: Workspace, referral_id: str, reason: str) -> Referral:
    if not reason or not reason.strip():
        raise InvalidInput("reason: say why the referral is declined")
    return _centre_action(ws, referral_id, ReferralStatus.DECLINED, reason.strip())


def start_service(ws: Workspace, referral_id: str, services_given: list[str]) -> Referral:
    given = [Service(x).value for x in services_given]
    return _centre_action(ws, referral_id, ReferralStatus.IN_SERVICE, services_given=given)


def complete_referral(ws: Workspace, referral_id: str, services_given: list[str] | None = None,
                      notes: str = "") -> Referral:
    given = [Service(x).value for x in services_given or []]
    return _centre_action(ws, referral_id, ReferralStatus.COMPLETED, notes, given)


def referral_queue(ws: Workspace, status: ReferralStatus | None = None,
                   today: dt.date | None = None) -> list[ReferralCard]:
    """Referrals this user may work on, with the victim essentials, oldest due first."""
    today = today or dt.date.today()
    with ws.tx() as s:
        q = select(Referral, Victim).join(Victim, Victim.id == Referral.victim_id)
        if ws.actor.role is Role.CENTRE_STAFF:
            q = q.where(Referral.provider_code == ws.actor.centre_code)
        elif ws.actor.role is Role.OFFICER:
            from fieldapp.store.models import Rescue

            q = q.join(Rescue, Rescue.id == Victim.rescue_id).where(
                Rescue.post_code == ws.actor.post_code)
        if status is not None:
            q = q.where(Referral.status == status.value)
        rows = s.execute(q.order_by(Referral.due_date.is_(None), Referral.due_date)).all()
        ids = [r.id for r, _ in rows]
        events: dict[str, list[ReferralEvent]] = {i: [] for i in ids}
        for ev in s.scalars(select(ReferralEvent).where(ReferralEvent.referral_id.in_(ids))
                            .order_by(ReferralEvent.at)):
            events[ev.referral_id].append(ev)
        return [
            ReferralCard(
                r, essentials(v, today), events[r.id],
                overdue=bool(r.due_date and r.due_date < today
                             and ReferralStatus(r.status) not in TERMINAL),
            )
            for r, v in rows
        ]
