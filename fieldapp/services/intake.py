"""Rescues, victims and suspects: recording and editing them, and reading a case."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain import ids
from fieldapp.domain.enums import (
    ConsentStatus,
    ExploitationType,
    IntakeKind,
    IntakeStage,
    Role,
    Sex,
    SuspectRole,
    SuspectStatus,
)
from fieldapp.domain.errors import Field, InvalidInput, NotFound, PermissionDenied
from fieldapp.services.records import assign
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit, reference, sealing, search
from fieldapp.store.changes import find
from fieldapp.store.models import (
    CaseCounter,
    Device,
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
    # a cross-border handover (forms/handover.yaml) is a case with these filled in
    "intake_kind": IntakeKind, "referring_agency": str, "referring_country": str,
    "foreign_case_number": str, "handover_date": dt.date, "crossing_point": str,
    "documents_received": list, "countries_recruitment": list, "countries_transit": list,
    "countries_exploitation": list,
}
COUNTRY_FIELDS = ("referring_country", "countries_recruitment", "countries_transit",
                  "countries_exploitation")
VICTIM_FIELDS: dict[str, type] = {
    "name_km": str, "name_latin": str, "sex": Sex, "date_of_birth": dt.date,
    "estimated_age": int, "nationality": str, "languages": list, "documents": list,
    "contact_phone": str, "vulnerabilities": list, "consent_given": bool,
    "interpreter_needed": bool, "consent_status": ConsentStatus, "age_disputed": bool,
    # {ConsentKind: given|refused}: merged into the recorded consents (services.consent)
    "consents": dict,
    # h13: home address coded to the gazetteer, the assigned social worker
    "home_province": str, "home_district": str, "home_commune": str, "home_village": str,
    "home_address_detail": str, "social_worker": str,
    # {name, relationship, phone, same_address}: the guardian record (services.family)
    "guardian": dict,
}
#: Answers only the full victim form asks for: giving them completes a quick-listed person.
FULL_FORM_ONLY = ("documents", "contact_phone", "vulnerabilities", "date_of_birth")
SUSPECT_FIELDS: dict[str, type] = {
    "name": str, "alias": str, "role": SuspectRole, "nationality": str, "description": str,
    "status": SuspectStatus, "identified_by": list,
}
ADULT_AGE = 18


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def derive_minor(victim: Victim, on: dt.date) -> bool:
    if victim.age_disputed:  # "age disputed - treat as a child" until shown otherwise
        return True
    if victim.date_of_birth is not None:
        return age_on(victim.date_of_birth, on) < ADULT_AGE
    return victim.estimated_age is not None and victim.estimated_age < ADULT_AGE


def next_case_number(s: Session, post_code: str, year: int) -> str:
    """The next number of this device's own series: unique across the post's laptops offline.

    `<POST>-<YYYY>-<SERIES>-<NNNN>` (see `domain.ids`); a device that has no series yet (not
    enrolled, or a store made before series existed) picks two random letters now.
    """
    cache = s.info.setdefault("case_counters", {})
    series = s.info.get("case_series")
    if series is None:
        with s.no_autoflush:
            device = s.scalars(select(Device)).first()
        if device is None:  # a store without its device row: only in plain-SQLite benchmarks
            home, code = post_code, ids.random_case_code()
        else:
            if not device.case_code:
                device.case_code = ids.random_case_code()
            home, code = device.post_code, device.case_code
        series = s.info["case_series"] = (home, code)
    home, code = series
    with s.no_autoflush:
        counter = cache.get((post_code, year)) or s.get(CaseCounter, (post_code, year))
    if counter is None:
        counter = CaseCounter(post_code=post_code, year=year, last=0)
        s.add(counter)
    cache[(post_code, year)] = counter
    counter.last += 1
    return ids.format_case_number(post_code, year, ids.case_series(code, home, post_code),
                                  counter.last)


def check_codes(record: Victim | Suspect, changed: list[str] | None = None) -> None:
    """The same codes the forms offer (resources/reference/*.yaml), nothing else.

    With `changed`, only those fields are checked (an old record's code stays readable)."""
    if changed is not None and not {"nationality", "languages"} & set(changed):
        return
    if reference.bad_nationality(record.nationality or ""):
        raise InvalidInput("nationality: not a country code from the list "
                           "(ISO 3166-1 alpha-3, XXA stateless, XXX not known)")
    bad = reference.bad_languages(list(getattr(record, "languages", None) or []))
    if bad:
        raise InvalidInput("languages: not in the list of languages: {bad}", bad=sorted(bad))


def check_handover(s: Session, rescue: Rescue) -> None:
    """Country codes from the same list as nationalities; a handover names who handed over."""
    for name in COUNTRY_FIELDS:
        value = getattr(rescue, name) or ([] if name.startswith("countries") else "")
        codes = value if isinstance(value, list) else [value]
        if any(reference.bad_nationality(c) for c in codes):
            raise InvalidInput("{name}: not a country code from the list (ISO 3166-1 alpha-3)",
                               name=Field(name))
    if rescue.crossing_point and find(s, Post, rescue.crossing_point) is None:
        raise InvalidInput("crossing_point: unknown border post")
    if rescue.intake_kind == IntakeKind.HANDOVER and not (
            rescue.referring_agency and rescue.referring_country and rescue.handover_date):
        raise InvalidInput("referring_agency, referring_country, handover_date: a handover "
                           "needs who handed the people over, from which country, and when")


def _consents(victim: Victim, answers: Any) -> list[str]:
    if not answers:
        return []
    if not isinstance(answers, dict):
        raise InvalidInput("consents: give each consent as given or refused")
    from fieldapp.services import consent  # consent builds on this module

    return ["consents"] if consent.apply(victim, answers) else []


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
        check_handover(s, rescue)
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
        check_handover(s, rescue)
        if changed:
            audit.append(s, "update", "rescue", rescue.id, {"fields": changed})
    return rescue


# -- victims -----------------------------------------------------------------------------
def add_victim(ws: Workspace, rescue_id: str, **values: Any) -> Victim:
    with ws.tx() as s:
        rescue = load_rescue(ws, s, rescue_id)
        victim = Victim(rescue_id=rescue.id)
        answers = values.pop("consents", None) or {}
        guardian = values.pop("guardian", None) or {}
        assign(victim, VICTIM_FIELDS, values, required=("sex",))
        _consents(victim, answers)
        if not (victim.name_km or victim.name_latin):
            raise InvalidInput("name: give the name in Khmer or Latin script (or both)")
        check_codes(victim)
        victim.is_minor = derive_minor(victim, rescue.operation_date)
        s.add(victim)
        _family(s, victim, guardian, None)
        search.mark(s, rescue.id)
        audit.append(s, "create", "victim", victim.id, {"rescue": rescue.id})
    return victim


def update_victim(ws: Workspace, victim_id: str, **values: Any) -> Victim:
    with ws.tx() as s:
        victim = load_victim(ws, s, victim_id)
        rescue = load_rescue(ws, s, str(victim.rescue_id))
        answers = values.pop("consents", None) or {}
        guardian = values.pop("guardian", None) or {}
        changed = assign(victim, VICTIM_FIELDS, values)
        changed += _consents(victim, answers)
        check_codes(victim, changed)
        changed += _family(s, victim, guardian, changed)
        victim.is_minor = derive_minor(victim, rescue.operation_date)
        if victim.intake_stage == IntakeStage.QUICK and any(values.get(k) for k in FULL_FORM_ONLY):
            # The full form completes the quick-listed person: same record, never a second.
            victim.intake_stage = IntakeStage.COMPLETE.value
            changed.append("intake_stage")
        if changed:
            search.mark(s, rescue.id)
            audit.append(s, "update", "victim", victim.id, {"fields": changed})
    return victim


def _family(s: Session, victim: Victim, guardian: dict[str, Any],
            changed: list[str] | None) -> list[str]:
    """The home address checked against the gazetteer; the form's guardian kept (h13)."""
    from fieldapp.services import family  # family builds on this module's loaders

    family.check_address(victim, changed)
    return family.save_guardian(s, victim, guardian)


# -- suspects ----------------------------------------------------------------------------
def add_suspect(ws: Workspace, rescue_id: str, **values: Any) -> Suspect:
    with ws.tx() as s:
        rescue = load_rescue(ws, s, rescue_id)
        suspect = Suspect(rescue_id=rescue.id)
        values.setdefault("status", SuspectStatus.AT_LARGE)
        assign(suspect, SUSPECT_FIELDS, values, required=("role",))
        if not (suspect.name or suspect.alias):
            raise InvalidInput("name: give a name or an alias")
        check_codes(suspect)
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
        check_codes(suspect, changed)
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
            # Read through statements.view_statement(), which audits it.
            sealing.blank(st)
        referrals = list(s.scalars(select(Referral).where(Referral.victim_id.in_(ids))))
        events = list(s.scalars(select(ReferralEvent).where(
            ReferralEvent.referral_id.in_([r.id for r in referrals])).order_by(ReferralEvent.at)))
        suspects = list(s.scalars(select(Suspect).where(Suspect.rescue_id == rescue.id)))
        # The case file names its suspects: opening it is a reading, audited (services.access).
        audit.append(s, "view", "rescue", rescue.id)
        return CaseFile(rescue, victims, suspects, statements, referrals, events)
