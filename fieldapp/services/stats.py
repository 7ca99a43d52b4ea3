"""Record counts for `fieldapp stats --json`; HQ's `fieldapp-hq stats --json` has the same shape."""

from __future__ import annotations

from sqlalchemy import func, select

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


def counts(ws: Workspace) -> dict[str, int]:
    ws.require(Role.SUPERVISOR, Role.OFFICER)
    models = (Rescue, Victim, Statement, Suspect, Referral, ReferralEvent)
    with ws.tx() as s:
        result = {
            key: int(s.scalar(select(func.count()).select_from(model)) or 0)
            for key, model in zip(STAT_KEYS, models, strict=True)
        }
        result["minors"] = int(s.scalar(select(func.count()).where(Victim.is_minor)) or 0)
        result["unsent_changes"] = unsent_count(s)
    return result
