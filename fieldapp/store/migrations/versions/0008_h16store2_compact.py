"""Compact records (issue 16): ids as 16 bytes, times as integer microseconds, clock stamps
packed, sealed statement text as its bytes, audit details packed (`fieldapp.store.compact`).

Every synced table's id (an attachment's excepted), device id, links to other records, times and per-field stamps,
the search documents' rescue id, a statement's sealed fields and final hash, each audit
event's detail, and the clock stamps of the outbox and the device are rewritten in place: the declared column types stay (SQLite keeps
each value's own type), the models read every value back as it was. A value that has no compact form (not a
canonical uuid, a stamp of another shape) is kept as it is.

One transaction (`store.migrate.upgrade`): a store killed midway is still the store before,
and converts at its next open. Every conversion leaves a converted value alone, so running
it twice changes nothing. Triggers on these tables (a final statement's guard, the search
index's) are set aside for the rewrite, which changes no content, and put back.

Revision ID: 0008_h16store2_compact
Revises: 0007_h16fig_counters
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from typing import Any

from alembic import op

from fieldapp.crypto.sealed import sealed_bytes
from fieldapp.store.compact import (
    detail_bytes,
    digest_bytes,
    id_bytes,
    micros,
    sealed_json_bytes,
    stamp_bytes,
    stamps_bytes,
)

revision = "0008_h16store2_compact"
down_revision = "0007_h16fig_counters"

_SYNCED = ("rescue", "victim", "statement", "suspect", "suspect_case", "suspect_event",
           "suspect_identifier", "person_link", "family_member", "follow_up", "case_transfer",
           "referral", "referral_event", "attachment")
_ID, _TIME, _DIGEST, _SEALED = "fa_id", "fa_time", "fa_digest", "fa_sealed"
_STAMP, _STAMPS, _DETAIL, _SEALED_JSON = "fa_stamp", "fa_stamps", "fa_detail", "fa_sealed_json"
#: Beyond every synced table's id, device_id, created_at, updated_at and hlc.
_MORE: dict[str, dict[str, str]] = {
    "victim": {"rescue_id": _ID},
    "statement": {"victim_id": _ID, "amends_id": _ID, "interview_date": _TIME,
                  "finalised_at": _TIME, "final_hash": _DIGEST, "narrative": _SEALED,
                  "child_protocol": _SEALED_JSON,
                  "interviewer": _SEALED, "interpreter": _SEALED, "place": _SEALED},
    "suspect": {"rescue_id": _ID},
    "suspect_case": {"suspect_id": _ID, "rescue_id": _ID},
    "suspect_event": {"suspect_id": _ID},
    "suspect_identifier": {"suspect_id": _ID},
    "person_link": {"a_id": _ID, "b_id": _ID, "decided_at": _TIME},
    "family_member": {"victim_id": _ID},
    "follow_up": {"victim_id": _ID, "referral_id": _ID},
    "case_transfer": {"rescue_id": _ID},
    "referral": {"victim_id": _ID},
    "referral_event": {"referral_id": _ID, "at": _TIME},
    "attachment": {"owner_id": _ID},
    "search_doc": {"rescue_id": _ID},
    "audit_event": {"detail": _DETAIL},
    "outbox": {"hlc": _STAMP},
    "outbox_sent": {"hlc": _STAMP},
    "device": {"last_hlc": _STAMP},
}


def _text_only(convert: Callable[[str], Any]) -> Callable[[Any], Any]:
    """`convert` on text, anything else (already compact, NULL) as it is."""
    def apply(value: Any) -> Any:
        if not isinstance(value, str):
            return value
        out = convert(value)
        return value if out is None else out
    return apply


def _time(text: str) -> int | None:
    try:
        return micros(dt.datetime.fromisoformat(text))
    except ValueError:
        return None


def _from_json(pack: Callable[[Any], bytes | None]) -> Callable[[str], bytes | None]:
    def convert(text: str) -> bytes | None:
        try:
            return pack(json.loads(text))
        except ValueError:
            return None
    return convert


FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    _ID: _text_only(id_bytes), _TIME: _text_only(_time), _DIGEST: _text_only(digest_bytes),
    _SEALED: _text_only(sealed_bytes), _STAMP: _text_only(stamp_bytes), _STAMPS: _text_only(_from_json(stamps_bytes)),
    _DETAIL: _text_only(_from_json(detail_bytes)),
    _SEALED_JSON: _text_only(_from_json(sealed_json_bytes))}


def conversions() -> dict[str, dict[str, str]]:
    """Table -> {column: SQL function} this revision applies."""
    out = {t: {"id": _ID, "device_id": _ID, "created_at": _TIME, "updated_at": _TIME,
               "hlc": _STAMPS, **_MORE.get(t, {})} for t in _SYNCED}
    del out["attachment"]["id"]  # names its file and `sync_upload`'s rows: stays text
    out.update((t, _MORE[t]) for t in ("search_doc", "audit_event", "outbox", "outbox_sent",
                                       "device"))
    return out


def upgrade() -> None:
    conn = op.get_bind()
    raw = conn.connection.driver_connection
    for name, function in FUNCTIONS.items():
        raw.create_function(name, 1, function, deterministic=True)
    # Children are rewritten after their parents: foreign keys are checked at COMMIT.
    conn.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    tables = conversions()
    quoted = ", ".join(f"'{t}'" for t in tables)
    triggers = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ({quoted})"
    ).fetchall()
    for trigger, _sql in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{trigger}"')
    for table, columns in tables.items():
        sets = ", ".join(f'"{c}" = {f}("{c}")' for c, f in columns.items())
        conn.exec_driver_sql(f'UPDATE "{table}" SET {sets}')
    for _trigger, sql in triggers:
        conn.exec_driver_sql(sql)


def downgrade() -> None:
    raise NotImplementedError("compact records are not expanded again")
