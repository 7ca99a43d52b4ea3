"""Record counts for `fieldapp stats --json`; HQ's `fieldapp-hq stats --json` has the same shape."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select

from fieldapp.domain.enums import Role
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import (
    Referral,
    ReferralEvent,
    Rescue,
    Statement,
    Suspect,
    Victim,
)
from fieldapp.store.unsent import unsent_count

#: The keys both sides print, in this order.
STAT_KEYS = ("rescues", "victims", "statements", "suspects", "referrals", "referral_events")


def _scoped(post: str | None) -> dict[str, Select[Any]]:
    """One count query per key; with `post`, only records of that post's rescues."""
    q = {
        "rescues": select(func.count(Rescue.id)),
        "victims": select(func.count(Victim.id)),
        "statements": select(func.count(Statement.id)),
        "suspects": select(func.count(Suspect.id)),
        "referrals": select(func.count(Referral.id)),
        "referral_events": select(func.count(ReferralEvent.id)),
        "minors": select(func.count(Victim.id)).where(Victim.is_minor),
    }
    if post is None:
        return q
    rescues = select(Rescue.id).where(Rescue.post_code == post)
    victims = select(Victim.id).where(Victim.rescue_id.in_(rescues))
    referrals = select(Referral.id).where(Referral.victim_id.in_(victims))
    return {
        "rescues": q["rescues"].where(Rescue.post_code == post),
        "victims": q["victims"].where(Victim.rescue_id.in_(rescues)),
        "statements": q["statements"].where(Statement.victim_id.in_(victims)),
        "suspects": q["suspects"].where(Suspect.rescue_id.in_(rescues)),
        "referrals": q["referrals"].where(Referral.victim_id.in_(victims)),
        "referral_events": q["referral_events"].where(ReferralEvent.referral_id.in_(referrals)),
        "minors": q["minors"].where(Victim.rescue_id.in_(rescues)),
    }


def counts(ws: Workspace) -> dict[str, int]:
    """Supervisors count everything on the device; officers only their own post's cases."""
    ws.require(Role.SUPERVISOR, Role.OFFICER)
    post = ws.actor.post_code if ws.actor.role is Role.OFFICER else None
    with ws.tx() as s:
        queries = _scoped(post)
        result = {key: int(s.scalar(queries[key]) or 0) for key in STAT_KEYS}
        result["minors"] = int(s.scalar(queries["minors"]) or 0)
        result["unsent_changes"] = unsent_count(s)
    return result
