"""A case transferred between posts (h13): HQ moves the whole case to the receiving post.

A device records a `case_transfer` for a case of its post. HQ then re-homes the case: the
rescue and every record under it (victims, statements, suspects, referrals and their
events, attachments, family, follow-ups, the transfer itself) now belong to the receiving
post, with new feed positions so its devices pull them; the rescue's ``post_code`` is set to
that post with the transfer's own clock stamp. The sending post's devices keep what they had
as read-only history (fieldapp.store.changes refuses edits there) and stop receiving it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.hq.models import ChangeLog, Record
from fieldapp.sync.merge import merge_record

#: How deep records hang under a rescue (rescue > victim > referral > event > attachment).
MAX_DEPTH = 6


def rehome_case(s: Session, transfer: Record) -> int:
    """Move the transfer's case to its ``to_post``; returns how many records moved."""
    fields: dict[str, Any] = transfer.fields
    rescue_id = _value(fields, "rescue_id")
    to_post = _value(fields, "to_post")
    if not rescue_id or not to_post:
        return 0
    rescue = s.scalar(select(Record).where(Record.entity == "rescue",
                                           Record.entity_id == str(rescue_id)))
    if rescue is None:
        return 0
    stamp = str(fields["to_post"][1])
    merged, changed = merge_record("rescue", rescue.fields, {"post_code": [to_post, stamp]})
    if changed:
        rescue.fields = merged
    moved = [rescue]
    frontier = {rescue.entity_id}
    for _ in range(MAX_DEPTH):
        if not frontier:
            break
        rows = list(s.scalars(select(Record).where(Record.parent_id.in_(frontier),
                                                   Record.entity != "audit_event")))
        moved += rows
        frontier = {r.entity_id for r in rows}
    now = datetime.now(UTC)
    for rec in moved:
        rec.post_code = str(to_post)
        log = ChangeLog(entity=rec.entity, entity_id=rec.entity_id, fields={}, received_at=now)
        s.add(log)
        s.flush()
        rec.server_seq = log.server_seq
    return len(moved)


def _value(fields: dict[str, Any], name: str) -> Any:
    entry = fields.get(name)
    return entry[0] if entry else None
