"""A case transferred between posts (issue 13): HQ moves the whole case to the receiving post.

A device records a `case_transfer` for a case of its post. HQ then re-homes the case: the
rescue and every record under it (victims, statements, suspects, referrals and their
events, attachments, family, follow-ups, the transfer itself) now belong to the receiving
post, with new feed positions so its devices pull them; the rescue's ``post_code`` is set to
that post with the transfer's own clock stamp. The sending post's devices keep what they had
as read-only history (fieldapp.store.changes refuses edits there) and stop receiving it.

The moving itself is done by the ingest batch (`fieldapp.hq.ingest.Batch.rehome`), which
holds the records of the transaction; this module finds what hangs under a case.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.hq import db
from fieldapp.hq.models import Record

#: How deep records hang under a rescue (rescue > victim > referral > event > attachment).
MAX_DEPTH = 6


def children_of(s: Session, parent_ids: Iterable[str]) -> list[tuple[str, str]]:
    """(entity, id) of the stored records whose parent is one of `parent_ids` (audit
    trails stay where they are)."""
    ids = sorted(set(parent_ids))
    out: list[tuple[str, str]] = []
    for i in range(0, len(ids), 1000):
        out += [(e, i_) for e, i_ in s.execute(
            select(Record.entity, Record.entity_id).where(
                db.among(s, Record.parent_id, ids[i:i + 1000]),
                Record.entity != "audit_event"))]
    return out
