"""A victim's family and guardian, and home addresses coded to Cambodia's gazetteer."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.enums import Relationship
from fieldapp.domain.errors import InvalidInput, NotFound
from fieldapp.services.intake import load_victim
from fieldapp.services.records import assign
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit, gazetteer
from fieldapp.store.changes import find
from fieldapp.store.models import FamilyMember, Victim

ADDRESS_FIELDS = ("home_province", "home_district", "home_commune", "home_village")
MEMBER_FIELDS: dict[str, type] = {
    "name": str, "relationship": Relationship, "is_guardian": bool, "phone": str,
    **{f: str for f in ADDRESS_FIELDS}, "home_address_detail": str,
}
#: The victim form's guardian questions (bound as ``guardian.<field>``).
GUARDIAN_FIELDS = ("name", "relationship", "phone", "same_address")


@dataclass(frozen=True)
class Member:
    """A family member as views show them (plain values, the address in words)."""

    id: str
    name: str
    relationship: str
    is_guardian: bool
    phone: str
    address_en: str
    address_km: str


def check_address(record: Victim | FamilyMember, changed: list[str] | None = None) -> None:
    """Gazetteer codes, each inside the level above (services accept what the forms offer)."""
    if changed is not None and not set(ADDRESS_FIELDS) & set(changed):
        return
    gazetteer.check_address({f[5:]: getattr(record, f) or "" for f in ADDRESS_FIELDS})


def address_of(record: Victim | FamilyMember, lang: str = "en") -> str:
    return gazetteer.describe({f[5:]: getattr(record, f) or "" for f in ADDRESS_FIELDS}, lang)


def save_member(ws: Workspace, victim_id: str, member_id: str | None = None,
                **values: Any) -> FamilyMember:
    """Add (or edit) a family member or guardian of a victim (officers of the post)."""
    with ws.tx() as s:
        victim = load_victim(ws, s, victim_id)
        member = _save(s, victim, member_id, values)
    return member


def _save(s: Session, victim: Victim, member_id: str | None,
          values: Mapping[str, Any]) -> FamilyMember:
    member = find(s, FamilyMember, member_id) if member_id else None
    if member_id and (member is None or member.victim_id != victim.id):
        raise NotFound("no such family member of this person")
    if member is None:
        member = FamilyMember(victim_id=victim.id)
        s.add(member)
    changed = assign(member, MEMBER_FIELDS, values, required=("relationship",))
    if not member.name.strip():
        raise InvalidInput("name: give the family member's or guardian's name")
    check_address(member, changed)
    if changed:
        audit.append(s, "family_member", "victim", victim.id,
                     {"member": member.id, "fields": changed})
    return member


def save_guardian(s: Session, victim: Victim, answers: Mapping[str, Any]) -> list[str]:
    """The victim form's guardian questions: one guardian record per victim, kept current.

    ``same_address`` (yes) copies the victim's home address codes. Nothing is stored when
    no name is given (an adult's form leaves the questions out)."""
    given = {k: v for k, v in answers.items() if v not in (None, "")}
    unknown = set(given) - set(GUARDIAN_FIELDS)
    if unknown:
        raise InvalidInput("unknown guardian field(s): {unknown}", unknown=sorted(unknown))
    if not str(given.get("name") or "").strip():
        return []
    values: dict[str, Any] = {k: given.get(k, "") for k in ("name", "relationship", "phone")}
    values["relationship"] = values["relationship"] or Relationship.LEGAL_GUARDIAN.value
    values["is_guardian"] = True
    if str(given.get("same_address", "")).lower() in ("yes", "true", "1"):
        values.update({f: getattr(victim, f) for f in (*ADDRESS_FIELDS, "home_address_detail")})
    current = guardian_row(s, victim.id)
    _save(s, victim, current.id if current is not None else None, values)
    return ["guardian"]


def guardian_row(s: Session, victim_id: str) -> FamilyMember | None:
    return s.scalars(select(FamilyMember).where(FamilyMember.victim_id == victim_id,
                                                FamilyMember.is_guardian.is_(True))
                     .order_by(FamilyMember.created_at)).first()


def guardian_answers(s: Session, victim: Victim) -> dict[str, Any]:
    """The guardian questions' answers as the victim form shows them again."""
    g = guardian_row(s, victim.id)
    if g is None:
        return {}
    same = all(getattr(g, f) == getattr(victim, f) for f in ADDRESS_FIELDS)
    return {"name": g.name, "relationship": g.relationship, "phone": g.phone,
            "same_address": "yes" if same else "no"}


def family_of(ws: Workspace, victim_id: str) -> list[Member]:
    """A victim's family members and guardians, guardians first."""
    with ws.tx() as s:
        load_victim(ws, s, victim_id)
        rows = s.scalars(select(FamilyMember).where(FamilyMember.victim_id == victim_id)
                         .order_by(FamilyMember.is_guardian.desc(), FamilyMember.created_at))
        return [Member(m.id, m.name, m.relationship, m.is_guardian, m.phone,
                       address_of(m, "en"), address_of(m, "km")) for m in rows]
