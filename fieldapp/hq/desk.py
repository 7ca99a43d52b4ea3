"""What HQ sends beyond one post: the national desk's entitlement, and records shared with further posts.

The national desk is the desktop app enrolled with ``--role national``. It pulls what HQ
staff are entitled to: every post's cases, suspects and referrals, the match queue and the
reference data; never another device's audit trail or attachment records, and never
statement narratives or child-protocol answers (not even sealed: the fields are left out of
the page) unless `narratives_allowed` says the role may read them. What it may write is checked in
`hq.validate`: decisions on possible matches and its own audit trail.

A record normally reaches one post, the one it was filed under. A ``person_link`` joins two
people who may have been recorded at two posts: `share_link` notes the other post in
``shared_records`` so that both posts' devices pull the link, and every later decision on it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from fieldapp.domain.enums import Role
from fieldapp.hq.models import Device, Record, SharedRecord

NATIONAL = Role.NATIONAL.value

#: Statement content only the post's officers and supervisors read.
NARRATIVE_FIELDS: dict[str, frozenset[str]] = {
    "statement": frozenset({"narrative", "child_protocol"}),
}

#: Roles whose devices receive statement narratives from every post (none today: a role
#: that may read them is added here, and the desk then pulls them like a post's device).
NARRATIVE_READERS: frozenset[str] = frozenset()


def is_national(dev: Device) -> bool:
    return dev.role == NATIONAL


def narratives_allowed(role: str) -> bool:
    return role in NARRATIVE_READERS


def national_entitled() -> ColumnElement[bool]:
    """Every post's records and the reference data. Other devices' audit trails stay at HQ,
    and so do attachment records (photos of documents, statements' audio: their file keys
    serve no one without the files, which never leave HQ)."""
    return Record.entity.not_in(("audit_event", "attachment"))


def shared_with(post_code: str) -> ColumnElement[bool]:
    """Records filed under another post that this post sees too."""
    shared = select(SharedRecord.entity_id).where(SharedRecord.post_code == post_code,
                                                  SharedRecord.entity == "person_link")
    return and_(Record.entity == "person_link", Record.entity_id.in_(shared))


def withhold(dev: Device, entity: str, fields: dict[str, Any]) -> dict[str, Any]:
    """The fields of one record this device may receive (a national desk: no narratives)."""
    hidden = NARRATIVE_FIELDS.get(entity)
    if not hidden or not is_national(dev) or narratives_allowed(dev.role):
        return fields
    return {k: v for k, v in fields.items() if k not in hidden}


def share_link(s: Session, entity: str, entity_id: str, post_code: str | None,
               merged: Mapping[str, Any]) -> None:
    """Let the posts of both people a link joins pull it (called as it is merged)."""
    kind = _value(merged, "entity")
    ids = [str(x) for x in (_value(merged, "a_id"), _value(merged, "b_id")) if x]
    if kind not in ("victim", "suspect") or not ids:
        return
    posts = set(s.scalars(select(Record.post_code).where(
        Record.entity == str(kind), Record.entity_id.in_(ids), Record.post_code.is_not(None))))
    posts.discard(post_code)
    if not posts:
        return
    have = set(s.scalars(select(SharedRecord.post_code).where(
        SharedRecord.entity == entity, SharedRecord.entity_id == entity_id)))
    for post in sorted(p for p in posts - have if p):
        s.add(SharedRecord(entity=entity, entity_id=entity_id, post_code=post))


def _value(fields: Mapping[str, Any], name: str) -> Any:
    entry = fields.get(name)
    return entry[0] if entry else None
