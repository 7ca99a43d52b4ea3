"""Leaner bookkeeping (issue 16): audit events keep their hash only at checkpoints, their
action and record kind as one byte, the store's own device as nothing, hex digests in their
details (a final statement's hash) as their bytes; the sent outbox its
record kind as one byte and the device's own post as nothing (`fieldapp.store.models.AuditEvent`, `fieldapp.store.audit`); the
victims' screening index, which no query uses, goes.

Hashes are kept at every `CHECKPOINT_EVERY`-th seq and at the last event (which commit each
event was part of is not recorded), so every event is still covered by a stored hash after
it; `store.audit` recomputes the others. Values are rewritten in place: the declared column
types stay. One transaction (`store.migrate.upgrade`): a store killed midway is the store
before, and converts at its next open; a converted value is left alone, so running it
twice changes nothing.

Revision ID: 0010_h16store3_lean
Revises: 0009_h16fig2_buckets
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from alembic import op

from fieldapp.store.audit import CHECKPOINT_EVERY
from fieldapp.store.compact import CompactDetail, detail_bytes, detail_dict, id_bytes
from fieldapp.store.models import AUDIT_ACTIONS, OWN_DEVICE, OWN_POST, RECORD_NAMES

revision = "0010_h16store3_lean"
down_revision = "0009_h16fig2_buckets"


def coder(names: tuple[str, ...]) -> Callable[[Any], Any]:
    """A word of `names` as its one-byte code (`store.compact.CodedText`); else as it is."""
    codes = {name: bytes((code,)) for code, name in enumerate(names[:256])}

    def code(value: Any) -> Any:
        return codes.get(value, value) if isinstance(value, str) else value
    return code


def repack_detail(value: Any) -> Any:
    """A packed detail packed again (hex digests as their bytes); anything else as it is."""
    if isinstance(value, bytes) and value[:1] == bytes((CompactDetail.MARK,)):
        return detail_bytes(detail_dict(value)) or value
    return value


FUNCTIONS: dict[str, Callable[[Any], Any]] = {
    "fa_action": coder(AUDIT_ACTIONS), "fa_record": coder(RECORD_NAMES),
    "fa_detail": repack_detail}


def upgrade() -> None:
    conn = op.get_bind()
    raw = conn.connection.driver_connection
    for name, function in FUNCTIONS.items():
        raw.create_function(name, 1, function, deterministic=True)
    own = conn.exec_driver_sql("SELECT id FROM device").scalar()
    own_bytes = id_bytes(own) if isinstance(own, str) else None
    conn.exec_driver_sql(
        "UPDATE audit_event SET action = fa_action(action), entity = fa_record(entity), "
        "detail = fa_detail(detail), "
        "device_id = CASE WHEN device_id = ? THEN ? ELSE device_id END, "
        "hash = CASE WHEN seq % ? = 0 OR seq = (SELECT max(seq) FROM audit_event) "
        "THEN hash ELSE '' END",
        (own_bytes, OWN_DEVICE, CHECKPOINT_EVERY))
    conn.exec_driver_sql(
        "UPDATE outbox_sent SET entity = fa_record(entity), post_code = CASE WHEN post_code = "
        "(SELECT post_code FROM device) THEN ? ELSE post_code END", (OWN_POST,))
    # No query selects victims by their screening outcome.
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_victim_screening")


def downgrade() -> None:
    raise NotImplementedError("lean audit rows are not expanded again")
