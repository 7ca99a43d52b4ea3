"""Who may see what at HQ: the pull entitlement of each device role.

Writing is checked per change by `fieldapp.hq.validate`; this is the read side.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, or_, select

from fieldapp.domain.entities import REFERENCE_ENTITIES
from fieldapp.domain.enums import Role
from fieldapp.hq import desk
from fieldapp.hq.models import Device, Record

#: What a transit centre may see of a victim referred to it (need to know).
VICTIM_ESSENTIALS = frozenset(
    {
        "name_latin",
        "name_km",
        "sex",
        "estimated_age",
        "date_of_birth",
        "is_minor",
        "nationality",
        "languages",
        # h13: what the centre needs to refer onward within the person's consent
        "interpreter_needed",
        "consents",
        "consent_status",
        "age_disputed",
        # family tracing and the return need the home address and the social worker
        "home_province",
        "home_district",
        "home_commune",
        "home_village",
        "home_address_detail",
        "social_worker",
    }
)


def entitled(dev: Device) -> ColumnElement[bool]:
    """The records `dev` may pull (a WHERE clause over `Record`)."""
    reference = Record.entity.in_(REFERENCE_ENTITIES)
    if desk.is_national(dev):
        return desk.national_entitled()
    if dev.role != Role.CENTRE_STAFF.value:
        # Audit trails go up to HQ and stay there: a device never applies another's.
        return and_(Record.entity != "audit_event",
                    or_(Record.post_code == dev.post_code, reference,
                        desk.shared_with(dev.post_code)))
    referrals = select(Record.entity_id).where(
        Record.entity == "referral", Record.centre_code == dev.centre_code
    )
    referred_victims = select(Record.parent_id).where(
        Record.entity == "referral", Record.centre_code == dev.centre_code
    )
    return or_(
        reference,
        and_(Record.entity == "referral", Record.centre_code == dev.centre_code),
        and_(Record.entity == "referral_event", Record.parent_id.in_(referrals)),
        and_(Record.entity == "victim", Record.entity_id.in_(referred_victims)),
        # the family a centre traces and returns the person to
        and_(Record.entity == "family_member", Record.parent_id.in_(referred_victims)),
    )

