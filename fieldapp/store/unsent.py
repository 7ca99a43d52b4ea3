"""The one definition of "unsent": what a wipe of this device would lose, as HQ last said.

Every place that shows or acts on it calls `unsent_count`: `fieldapp stats --json`, the
revocation message, the window's status bar and Sync panel, `fieldapp sync`, bundle export.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from fieldapp.store.changes import relisted
from fieldapp.store.models import (
    SYNCED_MODELS,
    AuditEvent,
    Device,
    Outbox,
    OutboxSent,
    OutboxSentAudit,
)

#: Audit events that are not changes of their own: every unlock records one, including the
#: unlock needed to export a bundle, import HQ's return file or wipe a revoked device, so
#: counting them would never let the count reach 0 on a device anyone opens. They still
#: travel to HQ with the next push or bundle like every other audit event.
NOT_COUNTED_ACTIONS = ("login",)


def unsent_count(s: Session, *, covered_seq: int = 0) -> int:
    """Changes HQ has not acknowledged: outbox rows past HQ's acknowledgement (online push or
    a return file's), plus audit events HQ does not hold yet (they go in the next push's
    audit part, or a bundle export copies them into the outbox as one row each, so the sum
    does not change then); sign-ins are left out (NOT_COUNTED_ACTIONS). `covered_seq`:
    outbox rows up to it count as sent too (they are in a sealed bundle; see
    `services.sync.wipe_basis`)."""
    device = s.scalars(select(Device)).first()
    acked = max(device.acked_seq if device is not None else 0, covered_seq)
    audit_queued = device.audit_pushed_seq if device is not None else 0
    action = func.coalesce(func.json_extract(Outbox.fields, "$.action"), "")
    rows = s.scalar(select(func.count()).select_from(Outbox).where(
        Outbox.seq > acked,
        (Outbox.entity != "audit_event") | action.not_in(NOT_COUNTED_ACTIONS)))
    # Rows HQ had acknowledged before its acknowledgement went down (restored from a backup):
    # superseded ones kept as such, audit events as runs, the others named by their records
    # (`Synced.out_seq`).
    again = int(s.scalar(select(func.count()).select_from(OutboxSent).where(
        OutboxSent.seq > acked)) or 0)
    last = OutboxSentAudit.seq + OutboxSentAudit.count - 1
    again += int(s.scalar(select(func.sum(func.min(OutboxSentAudit.count, last - acked)))
                          .where(last > acked)) or 0)
    compacted = device.compacted_seq if device is not None else 0
    if acked < compacted:
        again += sum(int(s.scalar(select(func.count()).select_from(
            relisted(model, acked, compacted).subquery())) or 0)
            for model in SYNCED_MODELS.values())
    audit = s.scalar(select(func.count()).select_from(AuditEvent).where(
        AuditEvent.seq > audit_queued, AuditEvent.action.not_in(NOT_COUNTED_ACTIONS)))
    return int(rows or 0) + again + int(audit or 0)
