"""Centre and post case work after the rescue: the structured return (safety first)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select

from fieldapp.domain.enums import ReferralStatus, Role
from fieldapp.domain.errors import InvalidInput, PermissionDenied
from fieldapp.services import referrals
from fieldapp.services.records import coerce
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit
from fieldapp.store.models import Referral

RETURN_SERVICES = ("reintegration", "repatriation")
OPEN = (ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_SERVICE)
FAMILY_SAFETY = ("safe", "unsafe", "not_assessed")


def open_return_referral(ws: Workspace, victim_id: str) -> Referral:
    """The victim's open reintegration (else repatriation) referral the return completes."""
    with ws.tx() as s:
        refs = [r for r in s.scalars(select(Referral).where(Referral.victim_id == victim_id)
                                     .order_by(Referral.created_at))
                if r.service in RETURN_SERVICES and r.status in OPEN]
        for r in refs:
            referrals._load_for_centre(ws, s, r.id)  # the same access rule as the queue
    if not refs:
        raise InvalidInput("refer the victim for reintegration or repatriation first; "
                           "the return is recorded on that referral")
    return min(refs, key=lambda r: r.service != "reintegration")


def record_return(ws: Workspace, referral_id: str, *, return_date: dt.date | str,
                  province_code: str, family_safety: str, alternative_care_plan: str = "",
                  follow_up_plan: str = "", services_given: list[str] | None = None) -> Referral:
    """Record a return on its referral, with the family's safety assessment.

    An unsafe family needs an alternative-care plan approved by a supervisor (the person
    recording it must be one); the outcome is then "alternative_care", which the figures
    never count as "returned home". A return without any assessment also needs a supervisor.
    """
    ws.require(Role.OFFICER, Role.SUPERVISOR, Role.CENTRE_STAFF)
    if family_safety not in FAMILY_SAFETY:
        raise InvalidInput("family_safety: must be one of safe, unsafe, not_assessed")
    day = coerce("return_date", dt.date, return_date)
    if day is None:
        raise InvalidInput("return_date: required")
    plan = (alternative_care_plan or "").strip()
    if family_safety == "unsafe" and not plan:
        raise InvalidInput("alternative_care_plan: the family was judged unsafe; "
                           "write where the person goes instead")
    if family_safety != "safe" and ws.actor.role is not Role.SUPERVISOR:
        raise PermissionDenied("a return to a family not assessed as safe needs a "
                               "supervisor's approval; ask a supervisor to record it")
    with ws.tx() as s:
        referral = referrals._load_for_centre(ws, s, referral_id)
        if referral.service not in RETURN_SERVICES:
            raise InvalidInput("this referral is not for reintegration or repatriation")
        if referral.status == ReferralStatus.SENT:
            referrals._append(s, referral, ReferralStatus.ACCEPTED)
        details: dict[str, Any] = {
            "return_date": day.isoformat(), "province": province_code,
            "family_safety": family_safety, "alternative_care_plan": plan,
            "follow_up_plan": (follow_up_plan or "").strip(),
        }
        if family_safety != "safe":
            details["approved_by"] = ws.actor.username
        referral.return_details = details
        referral.outcome = "alternative_care" if family_safety == "unsafe" else "returned_home"
        given = [coerce("services_given", str, x) for x in services_given or []] or [referral.service]
        summary = "\n".join([  # the event's note, as returns were written before (no names)
            "Return and reintegration", f"Return date: {day.isoformat()}",
            f"Province returned to: {province_code}", f"Family safety: {family_safety}",
            f"Follow-up plan: {details['follow_up_plan']}"])
        referrals._append(s, referral, ReferralStatus.COMPLETED, summary, given)
        audit.append(s, "return", "referral", referral.id,
                     {"outcome": referral.outcome, "family_safety": family_safety})
    return referral


def refer_onward(ws: Workspace, referral_id: str, *, override_reason: str = "",
                 **values: Any) -> Referral:
    """Centre staff refer a person they have received to another provider (onward referral).

    The same rules as a post's referral apply: the provider must offer the service, and the
    person's consent to share with that kind of provider is needed (or a supervisor's
    recorded override). The referral held by the centre must have been accepted first.
    """
    from fieldapp.store.changes import find
    from fieldapp.store.models import Victim

    ws.require(Role.CENTRE_STAFF, Role.SUPERVISOR)
    with ws.tx() as s:
        held = referrals._load_for_centre(ws, s, referral_id)
        if held.status not in (ReferralStatus.ACCEPTED, ReferralStatus.IN_SERVICE,
                               ReferralStatus.COMPLETED):
            raise InvalidInput("accept the referral before referring the person onward")
        victim = find(s, Victim, held.victim_id)
        if victim is None:
            raise InvalidInput("this person's details are not on this device yet; sync first")
        new = referrals._refer(ws, s, victim, dict(values), override_reason)
        audit.append(s, "refer_onward", "referral", new.id, {"from": held.id})
    return new


def close_case(ws: Workspace, rescue_id: str, reason: str, on: dt.date | str | None = None) -> Any:
    """Close a case with its reason (officers of its post, supervisors); audited."""
    from fieldapp.domain.enums import ClosureReason
    from fieldapp.services.intake import load_rescue

    why = coerce("closure_reason", ClosureReason, reason)
    if not why:
        raise InvalidInput("closure_reason: say why the case is closed")
    day = coerce("closed_on", dt.date, on) or dt.date.today()
    with ws.tx() as s:
        rescue = load_rescue(ws, s, rescue_id)
        if rescue.closed_on is not None:
            raise InvalidInput("this case is already closed")
        rescue.closed_on = day
        rescue.closure_reason = why
        audit.append(s, "close", "rescue", rescue.id, {"reason": why})
    return rescue


# -- family tracing (h13) -----------------------------------------------------------------
def record_tracing(ws: Workspace, referral_id: str, outcome: str, *,
                   on: dt.date | str | None = None, by: str = "", note: str = "") -> Referral:
    """Record what family tracing found, on the person's family-tracing referral.

    Centre staff (or the post) record it as an event of that referral, so it syncs the way
    every centre's work does; a final outcome (traced, not found, declined) completes the
    referral, "in progress" keeps it in service. ``by`` is who traced (blank: the user)."""
    from fieldapp.domain.enums import TRACING_FINAL, Service, TracingOutcome

    ws.require(Role.OFFICER, Role.SUPERVISOR, Role.CENTRE_STAFF)
    what = coerce("tracing_outcome", TracingOutcome, outcome)
    if not what:
        raise InvalidInput("tracing_outcome: say what the tracing found")
    day = coerce("traced_on", dt.date, on) or dt.date.today()
    with ws.tx() as s:
        referral = referrals._load_for_centre(ws, s, referral_id)
        if referral.service != Service.FAMILY_TRACING:
            raise InvalidInput("this referral is not for family tracing")
        if referral.status not in OPEN:
            raise InvalidInput("this referral is no longer open; tracing is recorded on an "
                               "open family-tracing referral")
        if referral.status == ReferralStatus.SENT:
            referrals._append(s, referral, ReferralStatus.ACCEPTED)
        kind = (ReferralStatus.COMPLETED if what in TRACING_FINAL else ReferralStatus.IN_SERVICE)
        event = referrals._append(s, referral, kind, (note or "").strip(), [referral.service])
        event.extra = {"tracing": {"outcome": what, "on": day.isoformat(),
                                   "by": (by or "").strip() or ws.actor.username}}
        audit.append(s, "tracing", "referral", referral.id, {"outcome": what})
    return referral


def tracing_of(ws: Workspace, victim_id: str) -> dict[str, str] | None:
    """The latest tracing outcome recorded for a person ({outcome, on, by}), or None."""
    from fieldapp.domain.enums import Service
    from fieldapp.store.models import ReferralEvent

    with ws.tx() as s:
        refs = [r for r in s.scalars(select(Referral).where(
            Referral.victim_id == victim_id, Referral.service == Service.FAMILY_TRACING))]
        for r in refs:
            referrals._load_for_centre(ws, s, r.id)
        events = s.scalars(select(ReferralEvent).where(
            ReferralEvent.referral_id.in_([r.id for r in refs])).order_by(ReferralEvent.at))
        found = [dict(e.extra["tracing"]) for e in events if (e.extra or {}).get("tracing")]
    return max(found, key=lambda t: t["on"]) if found else None


# -- transfer between posts (h13) ---------------------------------------------------------
def transfer_case(ws: Workspace, rescue_id: str, to_post: str, reason: str,
                  on: dt.date | str | None = None) -> Any:
    """Hand a case to another post (officers of its post, supervisors).

    HQ gives the receiving post the whole case (store of its devices); this device keeps
    it as read-only history: every later change to it is refused here (store.changes)."""
    from fieldapp.services.intake import load_rescue
    from fieldapp.store.changes import find, handed_over
    from fieldapp.store.models import CaseTransfer, Post

    ws.require(Role.OFFICER, Role.SUPERVISOR)
    why = (reason or "").strip()
    if not why:
        raise InvalidInput("reason: say why the case goes to the other post")
    day = coerce("transferred_on", dt.date, on) or dt.date.today()
    with ws.tx() as s:
        rescue = load_rescue(ws, s, rescue_id)
        target = find(s, Post, to_post)
        if target is None:
            raise InvalidInput("to_post: not a post in the reference list")
        if handed_over(s, rescue.id):
            raise InvalidInput("this case was already transferred from here")
        if to_post == rescue.post_code:
            raise InvalidInput("to_post: the case is already at that post")
        move = CaseTransfer(rescue_id=rescue.id, from_post=rescue.post_code, to_post=to_post,
                            on=day, reason=why)
        s.add(move)
        audit.append(s, "transfer", "rescue", rescue.id, {"from": rescue.post_code,
                                                           "to": to_post})
    return move


def transfers_of(ws: Workspace, rescue_id: str) -> list[Any]:
    """A case's transfers, oldest first (its history between posts)."""
    from fieldapp.services.intake import load_rescue
    from fieldapp.store.models import CaseTransfer

    with ws.tx() as s:
        load_rescue(ws, s, rescue_id)
        return list(s.scalars(select(CaseTransfer).where(CaseTransfer.rescue_id == rescue_id)
                              .order_by(CaseTransfer.on, CaseTransfer.created_at)))
