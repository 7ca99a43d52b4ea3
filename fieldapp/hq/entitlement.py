"""Who may see what at HQ: the pull entitlement of each device role.

Writing is checked per change by `fieldapp.hq.validate`; this is the read side.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, select

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


def entitled_parts(dev: Device) -> list[ColumnElement[bool]]:
    """The records `dev` may pull: those matching any of these WHERE clauses over `Record`.

    Kept as parts, each of which an index reads in feed order (a post's own records by post
    and feed position): the pull reads a page of each part and merges them (`hq.feed`)
    rather than gathering every record of the post for each page."""
    reference = Record.entity.in_(REFERENCE_ENTITIES)
    if desk.is_national(dev):
        return [desk.national_entitled()]
    if dev.role != Role.CENTRE_STAFF.value:
        # Audit trails go up to HQ and stay there: a device never applies another's.
        return [and_(Record.post_code == dev.post_code, Record.entity != "audit_event"),
                reference, desk.shared_with(dev.post_code)]
    referrals = select(Record.entity_id).where(
        Record.entity == "referral", Record.centre_code == dev.centre_code
    )
    referred_victims = select(Record.parent_id).where(
        Record.entity == "referral", Record.centre_code == dev.centre_code
    )
    return [
        reference,
        and_(Record.entity == "referral", Record.centre_code == dev.centre_code),
        and_(Record.entity == "referral_event", Record.parent_id.in_(referrals)),
        and_(Record.entity == "victim", Record.entity_id.in_(referred_victims)),
        # the family a centre traces and returns the person to
        and_(Record.entity == "family_member", Record.parent_id.in_(referred_victims)),
    ]
