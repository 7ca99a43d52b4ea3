"""The ingest as it was before the bulk rewrite (issue 16): one change at a time, ORM.

Kept only as the reference the bulk ingest is compared with (`tests/hq/test_ingest_same.py`):
for any sequence of pushes both must leave the same records, change log, parked changes,
conflicts and acknowledgements. The one change from the old code: re-sent records get
their new feed positions in record order (it was the database's order, unspecified).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from fieldapp.hq.base import (
    PARENT_FIELD,
    _value,
    describe_validation,
    loaded_change,
    now_utc,
    stored_change,
)
from fieldapp.hq.ingest import PARKED, RELEASED, _held_rows
from fieldapp.hq.models import ChangeLog, Device, ParkedChange, Record, ReferralConflict
from fieldapp.hq.service import Hq
from fieldapp.hq.validate import MISSING_PARENT, Held, Refused, Writer, check_change
from fieldapp.sync.merge import merge_record, referral_status
from fieldapp.sync.protocol import Change


def _record(s: Session, entity: str, entity_id: str) -> Record | None:
    return s.scalar(select(Record).where(Record.entity == entity, Record.entity_id == entity_id))


def _held(rec: Record | None) -> Held | None:
    if rec is None:
        return None
    return Held(rec.entity, rec.entity_id, rec.post_code, rec.centre_code, rec.parent_id,
                rec.fields)


class ReferenceHq(Hq):
    """HQ with the old one-change-at-a-time ingest."""

    lock_whole_push = True  # it writes the change log as it goes

    def _apply_changes(  # type: ignore[override]
        self, s: Session, dev: Device, items: list[tuple[int, Change | None, Any]], hq_now: int
    ) -> tuple[int, int]:
        items = sorted(items, key=lambda item: item[0])
        have = _held_rows(s, dev.id, [seq for seq, _, _ in items])
        applied = duplicates = 0
        horizon = hq_now + self.settings.stamp_tolerance_ms
        received = now_utc()
        arrived: set[str] = set()
        for seq, change, raw in items:
            if seq in have:
                duplicates += 1
                continue
            if change is None:
                self._ref_park(s, dev.id, seq, raw, Refused("invalid", str(raw.get("_why"))))
                continue
            try:
                self._ref_apply_one(s, dev, change, horizon, received)
            except Refused as refusal:
                self._ref_park(s, dev.id, seq, raw or change.model_dump(mode="json"), refusal)
                continue
            arrived.add(change.entity_id)
            applied += 1
        self._ref_retry_waiting(s, arrived, horizon)
        return applied, duplicates

    def _ref_apply_one(
        self, s: Session, dev: Device, change: Change, horizon: int, received: datetime
    ) -> None:
        """Validate and apply one change (raises `Refused` before writing anything)."""
        fields = {name: [value, stamp] for name, (value, stamp) in change.fields.items()}
        post_code = check_change(
            writer=Writer(dev.post_code, dev.role, dev.centre_code),
            entity=change.entity,
            entity_id=change.entity_id,
            post_code=change.post_code,
            fields=fields,
            lookup=lambda entity, entity_id: _held(_record(s, entity, entity_id)),
            horizon_ms=horizon,
        )
        log = ChangeLog(
            entity=change.entity,
            entity_id=change.entity_id,
            fields=fields,
            origin_device=dev.id,
            origin_seq=change.seq,
            received_at=received,
        )
        s.add(log)
        s.flush()
        self._ref_merge_into(s, change.entity, change.entity_id, post_code, fields, log.server_seq)

    def _ref_park(self, s: Session, device_id: str, seq: int, raw: Any, refusal: Refused) -> None:
        s.info["hq_parked_seen"] = True  # (the answer names refused changes: see Ingest.push)
        raw = raw if isinstance(raw, dict) else {}
        raw = {k: v for k, v in raw.items() if k != "_why"}
        s.add(ParkedChange(
            device_id=device_id,
            seq=seq,
            entity=str(raw.get("entity", ""))[:32],
            entity_id=str(raw.get("entity_id", ""))[:64],
            code=refusal.code,
            reason=refusal.reason,
            waiting_for=refusal.waiting_for,
            change=stored_change(raw),
            state=PARKED,
            parked_at=now_utc(),
        ))
        s.flush()

    def _ref_retry_waiting(self, s: Session, arrived: set[str], horizon: int) -> None:
        """Apply parked changes that waited for a record that has now arrived."""
        while arrived:
            ids = list(arrived)[:1000]
            arrived = set(list(arrived)[1000:])
            rows = s.scalars(
                select(ParkedChange).where(
                    ParkedChange.state == PARKED,
                    ParkedChange.code == MISSING_PARENT,
                    ParkedChange.waiting_for.in_(ids),
                ).order_by(ParkedChange.id)
            ).all()
            for row in rows:
                if self._ref_try_release(s, row, horizon) is None:
                    arrived.add(row.entity_id)

    def _ref_try_release(self, s: Session, row: ParkedChange, horizon: int) -> Refused | None:
        """Re-validate a parked change and apply it; return the refusal if it still fails."""
        dev = s.get(Device, row.device_id)
        try:
            change = Change.model_validate(loaded_change(row.change))
        except ValidationError as exc:
            return Refused("invalid", describe_validation(exc))
        if dev is None:
            return Refused("not_entitled", "the device that sent it is no longer enrolled")
        try:
            self._ref_apply_one(s, dev, change, horizon, now_utc())
        except Refused as refusal:
            row.code, row.reason, row.waiting_for = refusal.code, refusal.reason, \
                refusal.waiting_for
            return refusal
        row.state = RELEASED
        row.resolved_at = now_utc()
        return None

    def _ref_merge_into(
        self,
        s: Session,
        entity: str,
        entity_id: str,
        post_code: str | None,
        fields: dict[str, list[Any]],
        server_seq: int,
    ) -> None:
        rec = _record(s, entity, entity_id)
        if rec is None:
            merged, changed = merge_record(entity, {}, fields)
            rec = Record(
                entity=entity,
                entity_id=entity_id,
                post_code=post_code,
                fields=merged,
                server_seq=server_seq,
            )
            s.add(rec)
            old_centre = None
        else:
            merged, changed = merge_record(entity, rec.fields, fields)
            old_centre = rec.centre_code
            if changed:
                rec.fields = merged
                rec.server_seq = server_seq
        parent_field = PARENT_FIELD.get(entity)
        if parent_field and _value(merged, parent_field) is not None:
            rec.parent_id = str(_value(merged, parent_field))[:64]
        if entity == "referral":
            centre = _value(merged, "provider_code")
            rec.centre_code = str(centre)[:32] if centre is not None else None
            s.flush()
            if rec.centre_code and rec.centre_code != old_centre:
                self._ref_resend_for_referral(s, rec)
        elif entity == "referral_event" and rec.parent_id:
            s.flush()
            self._ref_check_conflict(s, rec.parent_id)
        s.flush()

    def _ref_resend_for_referral(self, s: Session, referral: Record) -> None:
        """A referral now reaches a (new) centre: give its victim and events new feed positions."""
        targets = list(
            s.scalars(
                select(Record).where(
                    or_(
                        and_(Record.entity == "victim", Record.entity_id == referral.parent_id),
                        and_(
                            Record.entity == "referral_event",
                            Record.parent_id == referral.entity_id,
                        ),
                    )
                ).order_by(Record.id)  # (the old code left the order to the database)
            )
        )
        for rec in targets:
            log = ChangeLog(
                entity=rec.entity, entity_id=rec.entity_id, fields={}, received_at=now_utc()
            )
            s.add(log)
            s.flush()
            rec.server_seq = log.server_seq

    def _ref_check_conflict(self, s: Session, referral_id: str) -> None:
        events = s.scalars(
            select(Record.fields).where(
                Record.entity == "referral_event", Record.parent_id == referral_id
            )
        ).all()
        status, conflicted = referral_status(events)
        if not conflicted:
            return
        outcomes = sorted(
            {str(_value(e, "kind")) for e in events} & {"completed", "declined", "cancelled"}
        )
        row = s.get(ReferralConflict, referral_id)
        if row is None:
            s.add(
                ReferralConflict(
                    referral_id=referral_id,
                    status=status.value if status else None,
                    outcomes=outcomes,
                    detected_at=now_utc(),
                    resolved=False,
                )
            )
        else:
            row.outcomes = outcomes
            row.status = status.value if status else None

