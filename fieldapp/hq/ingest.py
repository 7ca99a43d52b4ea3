"""HQ ingest: applying pushes and bundles, parking refused changes, releasing them.

One push is one transaction. Its changes are applied in seq order, exactly as one by one,
but against an in-memory `Batch`: every record the push touches (and the parents the rules
look up) is read with one ``IN`` query per record type, merged in memory, and at the end
the change log and the records are written in bulk (a block of feed positions, one
multi-row insert, one executemany update).

Pushes run in parallel (several request threads, several HQ processes on one PostgreSQL):
- the global feed lock (`db.lock_feed_positions`) covers only a push's last step: taking
  its block of feed positions, writing the change log and the records, and the commit.
  Positions therefore commit in their order, and a pull never moves its cursor past a
  position that commits later. Opening, parsing, reading, merging, sealing and the
  figures' rows run before it, in parallel;
- every record a push reads is locked (``FOR UPDATE``, `db.locking`) until it commits, so
  two pushes touching one record, or adding children under one parent, merge one after the
  other, each against what the other wrote; PostgreSQL breaks a rare deadlock between two
  pushes by rolling one back, and that push runs again (`Ingest.push`);
- one device's pushes run one at a time (`db.enter_push`): a resend arriving while the
  first send is applied finds its changes held;
- HQ's own feed writers (reference data, matches, enrolment, the figures' repair) take
  `db.lock_feed`, which waits for every push under way and keeps new ones out.

A change that breaks a rule (`fieldapp.hq.validate`) is parked with its reason and
acknowledged like an applied one: no single change can stall a device's queue.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import (
    Table,
    bindparam,
    func,
    select,
    text,
    union,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from fieldapp.crypto.envelope import EnvelopeKind
from fieldapp.hq import atrest, auditpart, base, db, desk, transfer
from fieldapp.hq.base import (
    PARENT_FIELD,
    HqBase,
    HqRejected,
    ParkedInfo,
    ParkedStillRefused,
    PayloadInvalid,
    UnknownParked,
    _aware,
    _parse_changes,
    _value,
    describe_validation,
    loaded_change,
    now_utc,
    stored_change,
)
from fieldapp.hq.figures import RowWriter
from fieldapp.hq.models import ChangeLog, Device, ParkedChange, Record, ReferralConflict
from fieldapp.hq.validate import MISSING_PARENT, Held, Refused, Writer, check_change
from fieldapp.sync.merge import merge_record, referral_status
from fieldapp.sync.protocol import AuditPart, Change, PushAnswer, RefusedChange
from fieldapp.sync.schema import field_specs, links

PARKED, RELEASED, DISCARDED = "parked", "released", "discarded"

_RECORDS: Table = Record.__table__  # type: ignore[assignment]
_LOG: Table = ChangeLog.__table__  # type: ignore[assignment]
_CHUNK = 1000  # ids per IN list
_BATCH = "hq_batch"  # Session.info: the push's batch
_DEADLOCK_RETRIES = 3


class LogRef:
    """A change-log entry of the batch; its feed position is known once written."""

    __slots__ = ("entity", "entity_id", "fields", "origin_device", "origin_seq", "received_at",
                 "seq")

    def __init__(self, entity: str, entity_id: str, fields: dict[str, Any],
                 origin_device: str | None, origin_seq: int | None, received_at: datetime,
                 seq: int | None = None) -> None:
        self.entity, self.entity_id, self.fields = entity, entity_id, fields
        self.origin_device, self.origin_seq = origin_device, origin_seq
        self.received_at, self.seq = received_at, seq


@dataclass(eq=False)
class Rec:
    """One HQ record as the batch holds it (fields in the clear)."""

    entity: str
    entity_id: str
    post_code: str | None
    centre_code: str | None
    parent_id: str | None
    fields: dict[str, Any]
    server_seq: int | LogRef
    id: int | None = None
    order: int = 0
    written: dict[str, Any] = field(default_factory=dict)  # the columns as read

    def held(self) -> Held:
        return Held(self.entity, self.entity_id, self.post_code, self.centre_code,
                    self.parent_id, self.fields)

    def seq(self) -> int:
        return self.server_seq if isinstance(self.server_seq, int) else int(self.server_seq.seq or 0)


Key = tuple[str, str]


_COLUMNS = (Record.id, Record.entity, Record.entity_id, Record.post_code, Record.centre_code,
            Record.parent_id, Record.fields, Record.server_seq)


class Batch:
    """The records one transaction touches, read in bulk, changed in memory, written in bulk.

    Everything that reads records in the transaction reads them through the batch, so
    what it sees is what a one-by-one application would have seen after each flush.
    """

    def __init__(self, s: Session, data_key: bytes | None, *, lock_feed: bool = False) -> None:
        self.s = s
        self.key = data_key
        #: Take the feed lock in `write`, just before the feed positions are taken (a push:
        #: `db.lock_feed_positions`); False: the caller holds `db.lock_feed` already.
        self.lock_feed = lock_feed
        self.recs: dict[Key, Rec | None] = {}
        self.logs: list[LogRef] = []
        self.children: dict[str, set[Key]] = defaultdict(set)  # referral id -> its events
        self._children_read: set[str] = set()
        self._under_read: set[str] = set()  # parents whose stored children are loaded
        self._order = itertools.count(1 << 62)  # new records sort after every stored one

    # -- reading -----------------------------------------------------------------------

    def _take(self, row: Any) -> Rec:
        rid, entity, entity_id, post, centre, parent, fields, seq = row
        rec = Rec(entity, entity_id, post, centre, parent,
                  atrest.open_fields(self.key, entity, entity_id, fields or {}), seq, id=rid,
                  order=rid)
        rec.written = {"post_code": post, "centre_code": centre, "parent_id": parent,
                       "fields": rec.fields, "server_seq": seq}
        return rec

    def _remember(self, rec: Rec) -> Rec:
        """Keep a record read from the database, unless the batch already holds it."""
        key = (rec.entity, rec.entity_id)
        held = self.recs.get(key)
        if held is not None:
            return held
        self.recs[key] = rec
        if rec.entity == "referral_event" and rec.parent_id:
            self.children[rec.parent_id].add(key)
        return rec

    def load(self, keys: Iterable[Key]) -> None:
        """Read every record of `keys` the batch does not hold yet (one query per type)."""
        wanted: dict[str, set[str]] = defaultdict(set)
        for entity, entity_id in keys:
            if (entity, entity_id) not in self.recs:
                wanted[entity].add(entity_id)
        for entity, ids in sorted(wanted.items()):  # rows locked in one order: fewer deadlocks
            ordered = sorted(ids)
            for i in range(0, len(ordered), _CHUNK):
                part = ordered[i:i + _CHUNK]
                for row in self.s.execute(db.locking(self.s, select(*_COLUMNS).where(
                        Record.entity == entity, db.among(self.s, Record.entity_id, part))
                        .order_by(Record.entity_id))):
                    self._remember(self._take(row))
                for entity_id in part:
                    self.recs.setdefault((entity, entity_id), None)

    def load_children(self, referral_ids: Iterable[str]) -> None:
        """Read the events of these referrals (for their status and re-sends)."""
        ids = sorted(set(referral_ids) - self._children_read)
        for i in range(0, len(ids), _CHUNK):
            part = ids[i:i + _CHUNK]
            for row in self.s.execute(db.locking(self.s, select(*_COLUMNS).where(
                    Record.entity == "referral_event", db.among(self.s, Record.parent_id, part))
                    .order_by(Record.entity_id))):
                self._remember(self._take(row))
        self._children_read.update(ids)

    def assume_new(self, keys: Iterable[Key]) -> None:
        """Records the caller knows HQ does not hold (bulk loads): no query for them."""
        for entity, entity_id in keys:
            self.recs.setdefault((entity, entity_id), None)
            if entity == "referral":
                self._children_read.add(entity_id)

    def get(self, entity: str, entity_id: str) -> Rec | None:
        key = (entity, entity_id)
        if key not in self.recs:
            self.load([key])
        return self.recs[key]

    def held(self, entity: str, entity_id: str) -> Held | None:
        rec = self.get(entity, entity_id)
        return rec.held() if rec is not None else None

    def events_of(self, referral_id: str) -> list[Rec]:
        self.load_children([referral_id])
        found = (self.recs[k] for k in self.children.get(referral_id, ()))
        return sorted((r for r in found if r is not None and r.parent_id == referral_id),
                      key=lambda r: r.order)

    def preload(self, changes: Sequence[Change]) -> None:
        """Read in bulk what applying `changes` will look up: the records, their parents,
        and for referrals their victims and events."""
        keys: set[Key] = set()
        for c in changes:
            keys.add((c.entity, c.entity_id))
            for name, parent in links(c.entity).items():
                value = c.fields.get(name)
                if value is not None and value[0] is not None:
                    keys.add((parent, str(value[0])))
            if c.entity == "attachment":
                owner, owner_id = c.fields.get("owner_entity"), c.fields.get("owner_id")
                if owner and owner_id and isinstance(owner[0], str) and field_specs(owner[0]):
                    keys.add((owner[0], str(owner_id[0])))
        self.load(keys)
        referrals = {c.entity_id for c in changes if c.entity == "referral"}
        victims: set[Key] = set()
        resent: set[str] = set()  # victims whose referral may reach a (new) centre
        for c in changes:
            rec = self.recs.get((c.entity, c.entity_id))
            if c.entity == "referral_event":
                ref = c.fields.get("referral_id")
                if ref is not None and ref[0] is not None:
                    referrals.add(str(ref[0]))
                elif rec is not None and rec.parent_id:
                    referrals.add(rec.parent_id)
            if c.entity == "referral":
                its: set[str] = set()
                victim = c.fields.get("victim_id")
                if victim is not None and victim[0] is not None:
                    its.add(str(victim[0]))
                if rec is not None and rec.parent_id:
                    its.add(rec.parent_id)
                victims |= {("victim", v) for v in its}
                if "provider_code" in c.fields:
                    resent |= its
        self.load(victims | {("referral", r) for r in referrals})
        self.load_children(referrals)
        # A referral reaching a centre re-sends its victim's family (`_resend_for_referral`).
        self.load_under(resent)

    # -- changing ----------------------------------------------------------------------

    def log(self, entity: str, entity_id: str, fields: dict[str, Any], *,
            origin_device: str | None = None, origin_seq: int | None = None,
            received_at: datetime | None = None) -> LogRef:
        ref = LogRef(entity, entity_id, fields, origin_device, origin_seq,
                     received_at or now_utc())
        self.logs.append(ref)
        return ref

    def merge(self, entity: str, entity_id: str, post_code: str | None,
              fields: dict[str, list[Any]], server_seq: int | LogRef) -> None:
        """Merge one change into the record (what `_merge_into` did, one change at a time)."""
        rec = self.get(entity, entity_id)
        if rec is None:
            merged, _ = merge_record(entity, {}, fields)
            rec = Rec(entity, entity_id, post_code, None, None, merged, server_seq,
                      order=next(self._order))
            self.recs[(entity, entity_id)] = rec
            old_centre = None
            changed = set(merged)
        else:
            merged, changed = merge_record(entity, rec.fields, fields)
            old_centre = rec.centre_code
            if changed:
                rec.fields = merged
                rec.server_seq = server_seq
        parent_field = PARENT_FIELD.get(entity)
        if parent_field and _value(merged, parent_field) is not None:
            self._set_parent(rec, str(_value(merged, parent_field))[:64])
        if entity == "referral":
            centre = _value(merged, "provider_code")
            rec.centre_code = str(centre)[:32] if centre is not None else None
            if rec.centre_code and rec.centre_code != old_centre:
                self._resend_for_referral(rec)
        elif entity == "referral_event" and rec.parent_id:
            self._check_conflict(rec.parent_id)
        elif entity == "person_link":
            desk.share_link(self.s, rec.entity, rec.entity_id, rec.post_code, merged)
        elif entity == "case_transfer" and changed:
            self.rehome(merged)  # the receiving post gets the whole case

    def _set_parent(self, rec: Rec, parent_id: str) -> None:
        if rec.entity == "referral_event":
            if rec.parent_id:
                self.children[rec.parent_id].discard((rec.entity, rec.entity_id))
            self.children[parent_id].add((rec.entity, rec.entity_id))
        rec.parent_id = parent_id

    def load_under(self, parent_ids: set[str]) -> None:
        """Read the stored records under these parents (once per parent and batch)."""
        missing = parent_ids - self._under_read
        if missing:
            self.load(transfer.children_of(self.s, missing))
            self._under_read |= missing

    def _under(self, parent_ids: set[str]) -> list[Rec]:
        """The records (stored or in this batch) whose parent is one of `parent_ids`."""
        self.load_under(parent_ids)
        return [r for r in self.recs.values()
                if r is not None and r.parent_id in parent_ids and r.entity != "audit_event"]

    def rehome(self, fields: dict[str, Any]) -> None:
        """Move a transferred case (the rescue and everything under it) to the receiving
        post, each record with a new feed position (`fieldapp.hq.transfer`)."""
        rescue_id, to_post = _value(fields, "rescue_id"), _value(fields, "to_post")
        if not rescue_id or not to_post:
            return
        rescue = self.get("rescue", str(rescue_id))
        if rescue is None:
            return
        merged, changed = merge_record("rescue", rescue.fields,
                                       {"post_code": [to_post, str(fields["to_post"][1])]})
        if changed:
            rescue.fields = merged
        moved, frontier = [rescue], {rescue.entity_id}
        for _ in range(transfer.MAX_DEPTH):
            if not frontier:
                break
            found = [r for r in self._under(frontier) if r not in moved]
            moved += found
            frontier = {r.entity_id for r in found}
        for rec in sorted(moved, key=lambda r: r.order):
            rec.post_code = str(to_post)[:32]
            rec.server_seq = self.log(rec.entity, rec.entity_id, {})

    def _resend_for_referral(self, referral: Rec) -> None:
        """A referral now reaches a (new) centre: give its victim, the victim's family and the
        referral's events new feed positions."""
        targets = []
        victim = self.get("victim", referral.parent_id) if referral.parent_id else None
        if victim is not None:
            targets.append(victim)
            # the family a centre traces and returns the person to
            targets.extend(r for r in self._under({victim.entity_id})
                           if r.entity == "family_member")
        targets.extend(self.events_of(referral.entity_id))
        for rec in sorted(targets, key=lambda r: r.order):
            rec.server_seq = self.log(rec.entity, rec.entity_id, {})

    def _check_conflict(self, referral_id: str) -> None:
        events = [r.fields for r in self.events_of(referral_id)]
        status, conflicted = referral_status(events)
        if not conflicted:
            return
        outcomes = sorted(
            {str(_value(e, "kind")) for e in events} & {"completed", "declined", "cancelled"}
        )
        row = self.s.get(ReferralConflict, referral_id)
        if row is None:
            self.s.add(ReferralConflict(referral_id=referral_id,
                                        status=status.value if status else None,
                                        outcomes=outcomes, detected_at=now_utc(), resolved=False))
        else:
            row.outcomes = outcomes
            row.status = status.value if status else None

    # -- writing -----------------------------------------------------------------------

    def _allocate(self, n: int) -> list[int]:
        """A block of `n` feed positions (the caller holds the feed lock)."""
        if self.s.get_bind().dialect.name == "postgresql":
            return sorted(self.s.scalars(text(
                "SELECT nextval(pg_get_serial_sequence('change_log', 'server_seq')) "
                "FROM generate_series(1, :n)"), {"n": n}))
        top = self.s.scalar(select(func.max(ChangeLog.server_seq))) or 0
        return list(range(top + 1, top + 1 + n))

    def write(self) -> None:
        """Write the change log and the records in bulk (then the batch starts afresh).

        Everything that does not need a feed position (the ORM's rows, sealing, the rows
        to write) is made first; the feed lock, when the batch takes it, covers only the
        positions, the writes and the commit that follows.
        """
        self.s.flush()  # the ORM's own rows first (devices, parked changes, conflicts)
        sealed: atrest.Sealed = {}  # a change's values, sealed once for log and record
        logs = [ref for ref in self.logs if ref.seq is None]
        # Each entry's fields sealed and written as JSON once: a new record made by one
        # change (most of a push) stores that same text (`_new_fields`).
        texts = {id(ref): db.JsonText(db.json_text(
            atrest.seal_fields(self.key, ref.entity, ref.entity_id, ref.fields, sealed)))
            for ref in logs if ref.fields}
        log_rows = [
            {"server_seq": 0, "entity": ref.entity, "entity_id": ref.entity_id,
             "fields": texts.get(id(ref), ref.fields),
             "origin_device": ref.origin_device, "origin_seq": ref.origin_seq,
             "received_at": ref.received_at} for ref in logs]
        new: list[tuple[Rec, dict[str, Any]]] = []
        changed: list[tuple[Rec, dict[str, Any]]] = []
        reported: list[tuple[str, str, dict[str, Any]]] = []
        fresh = sorted((r for r in self.recs.values() if r is not None), key=lambda r: r.order)
        for rec in fresh:
            if rec.id is not None and rec.fields is rec.written["fields"] \
                    and not isinstance(rec.server_seq, LogRef) \
                    and rec.server_seq == rec.written["server_seq"] \
                    and (rec.post_code, rec.centre_code, rec.parent_id) == (
                        rec.written["post_code"], rec.written["centre_code"],
                        rec.written["parent_id"]):
                continue  # untouched
            if rec.id is None or rec.fields is not rec.written["fields"]:
                reported.append((rec.entity, rec.entity_id, rec.fields))
            row = {"post_code": rec.post_code, "centre_code": rec.centre_code,
                   "parent_id": rec.parent_id, "fields": rec.fields, "server_seq": 0}
            if rec.id is None:
                row["fields"] = self._new_fields(rec, texts, sealed)
                new.append((rec, {"entity": rec.entity, "entity_id": rec.entity_id, **row}))
            else:
                fields = (atrest.seal_fields(self.key, rec.entity, rec.entity_id, rec.fields,
                                             sealed)
                          if rec.fields is not rec.written["fields"] else None)
                changed.append((rec, {"b_id": rec.id, **row, "fields": fields}))
        # The figures' rows need no feed position: written before the lock, in parallel with
        # other pushes (`reports.counters` locks each case's row, so two pushes refreshing
        # one case take turns; the records these rows come from are locked by `load`).
        RowWriter(self.s).write(reported, fresh={(rec.entity, rec.entity_id) for rec, _ in new})
        if self.lock_feed and (logs or new or changed):
            db.lock_feed_positions(self.s)  # to the commit: positions commit in order
        if logs:
            for ref, seq, log_row in zip(logs, self._allocate(len(logs)), log_rows,
                                         strict=True):
                ref.seq = log_row["server_seq"] = seq
            db.bulk_insert(self.s, _LOG, log_rows)
        for rec, row in itertools.chain(new, changed):
            row["server_seq"] = rec.seq()
        if new:
            db.bulk_insert(self.s, _RECORDS, [row for _, row in new])
        for with_fields in (True, False):
            group = [c for _, c in changed if (c["fields"] is not None) == with_fields]
            if not group:
                continue
            values: dict[str, Any] = {k: bindparam(k) for k in ("post_code", "centre_code", "parent_id",
                                                "server_seq")}
            if with_fields:
                values["fields"] = bindparam("fields")
            else:
                group = [{k: v for k, v in c.items() if k != "fields"} for c in group]
            self.s.execute(update(_RECORDS).where(_RECORDS.c.id == bindparam("b_id"))
                           .values(**values), group)
        self._expire_orm_records()
        # What was written is read again if the transaction goes on with this batch.
        self.recs.clear()
        self.logs.clear()
        self.children.clear()
        self._children_read.clear()
        self._under_read.clear()

    def _new_fields(self, rec: Rec, texts: dict[int, db.JsonText],
                    sealed: atrest.Sealed) -> Any:
        """A new record's stored fields: the text of the change that made it when the record
        is that change's fields as they came (their stamps as text), else sealed anew."""
        ref = rec.server_seq
        if isinstance(ref, LogRef) and ref.entity_id == rec.entity_id \
                and ref.entity == rec.entity and id(ref) in texts and ref.fields == rec.fields:
            return texts[id(ref)]
        return atrest.seal_fields(self.key, rec.entity, rec.entity_id, rec.fields, sealed)

    def _expire_orm_records(self) -> None:
        """ORM `Record` objects in the session (callers that read some) no longer hold the truth."""
        for obj in list(self.s.identity_map.values()):
            if isinstance(obj, Record | ChangeLog):
                self.s.expire(obj)


def _held_rows(s: Session, device_id: str, seqs: list[int]) -> set[int]:
    """Seqs of this device HQ holds: applied (change log) or parked."""
    if not seqs:
        return set()
    low, high, wanted = min(seqs), max(seqs), set(seqs)
    have = {int(seq or 0) for seq in s.scalars(select(ChangeLog.origin_seq).where(
        ChangeLog.origin_device == device_id, ChangeLog.origin_seq.between(low, high)))}
    parked = set(s.scalars(select(ParkedChange.seq).where(
        ParkedChange.device_id == device_id, ParkedChange.seq.between(low, high))))
    # Whether the answer can name refused changes (`Ingest._refused_of` skips its query).
    s.info["hq_parked_seen"] = bool(parked & wanted)
    return (have | parked) & wanted


def _batch_of(s: Session, data_key: bytes | None) -> Batch:
    """The push's batch (`Ingest._push_once` makes it), else a new one."""
    batch = s.info.get(_BATCH)
    return batch if isinstance(batch, Batch) else Batch(s, data_key)


class Ingest(HqBase):
    """Pushes, bundles brought by hand, and the parked changes supervisors look after."""

    #: Take the feed lock for the whole push (the old one-by-one ingest of the tests and
    #: benchmarks writes the feed as it goes).
    lock_whole_push = False

    def push(
        self, blob: bytes, *, kinds: Sequence[EnvelopeKind] = (EnvelopeKind.PUSH,),
        accept_revoked: bool = False,
    ) -> PushAnswer:
        """Apply a push (or bundle) envelope: each (device, seq) at most once, one transaction.

        A change that breaks a rule (`fieldapp.hq.validate`) is parked with its reason and
        acknowledged like an applied one: no single change can stall a device's queue.
        Only a batch HQ cannot read at all (not JSON, a change without a seq) is refused.
        """
        for attempt in range(_DEADLOCK_RETRIES + 1):
            try:
                return self._push_once(blob, kinds, accept_revoked)
            except IntegrityError:
                # Another worker applied one of these seqs between our check and insert: the
                # batch rolled back whole, and a resend will count those as duplicates.
                raise HqRejected("a concurrent push of the same changes won; send again") \
                    from None
            except Exception as exc:  # the driver's own errors too (`db.bulk_insert`'s COPY)
                if db.is_unique_violation(exc):
                    raise HqRejected("a concurrent push of the same changes won; send again") \
                        from None
                # Two pushes locked shared records in opposite orders and PostgreSQL rolled
                # this one back: nothing of it was written, so it runs again.
                if not db.is_deadlock(exc) or attempt == _DEADLOCK_RETRIES:
                    raise
        raise AssertionError("unreachable")  # pragma: no cover

    def _push_once(self, blob: bytes, kinds: Sequence[EnvelopeKind],
                   accept_revoked: bool) -> PushAnswer:
        """One attempt at `push`: a transaction whose feed lock covers only its last step.

        The envelope is opened, checked and parsed, the device's earlier seqs and every
        record the batch touches are read (rows locked: `db.locking`), merged and sealed in
        parallel with other pushes; the feed positions, the writes and the commit come last,
        under the feed lock (`Batch.write`).
        """
        hq_now = base.now_ms()
        with self.sessions.begin() as s:
            dev, header, payload = self._open(s, blob, kinds, accept_revoked=accept_revoked)
            db.enter_push(s, dev.id)
            s.refresh(dev)  # as the device's previous push left it
            self._remember(s, header)
            items = _parse_changes(payload)
            seqs = [seq for seq, _, _ in items]
            if seqs and (min(seqs) != header.seq_from or max(seqs) != header.seq_to):
                raise PayloadInvalid("the envelope's seq range does not match its changes")
            if len(set(seqs)) != len(seqs):
                raise PayloadInvalid("a seq appears twice in one batch")
            part = auditpart.parse_part(payload)
            if self.lock_whole_push:
                db.lock_feed_positions(s)
            batch = Batch(s, self.data_key, lock_feed=True)
            s.info[_BATCH] = batch
            applied, duplicates = self._apply_changes(s, dev, items, hq_now)
            if part is not None:
                self._apply_audit(s, dev, part, hq_now)
            # Every seq of this push is held once it commits (applied, parked or a duplicate).
            acked, highest = self._advance_ack(s, dev, set(seqs))
            refused = self._refused_of(s, dev.id, seqs)
            skew = header.timestamp_ms - hq_now if header.kind is EnvelopeKind.PUSH else 0
            dev.last_seen = now_utc()
            if header.kind is EnvelopeKind.PUSH:
                dev.last_skew_ms = skew
            batch.write()
            future = any(r.code == "future_stamp" for r in refused)
            warn = abs(skew) > self.settings.skew_tolerance_ms or future
            return PushAnswer(
                acked_seq=acked,
                highest_seq=highest,
                applied=applied,
                duplicates=duplicates,
                hq_time_ms=hq_now,
                skew_ms=skew,
                clock_warning=warn,
                refused=refused,
                audit_acked_seq=dev.audit_acked_seq if part is not None else None,
            )

    def import_bundle(self, blob: bytes) -> PushAnswer:
        """Apply a bundle brought on a USB stick, also from a device revoked since it was made."""
        return self.push(blob, kinds=(EnvelopeKind.BUNDLE, EnvelopeKind.PUSH), accept_revoked=True)

    def _apply_changes(
        self, s: Session, dev: Device, items: list[tuple[int, Change | None, Any]], hq_now: int
    ) -> tuple[int, int]:
        """Apply the changes in seq order; returns (applied, duplicates)."""
        items = sorted(items, key=lambda item: item[0])
        have = _held_rows(s, dev.id, [seq for seq, _, _ in items])
        batch = _batch_of(s, self.data_key)
        batch.preload([c for seq, c, _ in items if c is not None and seq not in have])
        applied = duplicates = 0
        horizon = hq_now + self.settings.stamp_tolerance_ms
        received = now_utc()
        arrived: set[str] = set()
        for seq, change, raw in items:
            if seq in have:
                duplicates += 1
                continue
            if change is None:
                self._park(s, dev.id, seq, raw, Refused("invalid", str(raw.get("_why"))))
                continue
            try:
                self._apply_one(batch, dev, change, horizon, received)
            except Refused as refusal:
                self._park(s, dev.id, seq, raw or change.model_dump(mode="json"), refusal)
                continue
            arrived.add(change.entity_id)
            applied += 1
        self._retry_waiting(batch, arrived, horizon)
        return applied, duplicates

    def _apply_audit(self, s: Session, dev: Device, part: AuditPart, hq_now: int) -> None:
        """Store the audit events of a push's audit part HQ does not hold (`hq.auditpart`),
        each as a change of protocol 1 would have; one that breaks a rule is parked under
        the negative of its seq (audit events are numbered apart from changes)."""
        events = auditpart.new_events(dev, part)
        if not events:
            return
        batch = _batch_of(s, self.data_key)
        batch.load(("audit_event", e.entity_id) for e in events)
        horizon = hq_now + self.settings.stamp_tolerance_ms
        received = now_utc()
        writer = Writer(dev.post_code, dev.role, dev.centre_code)
        for event in events:
            try:
                # Logged without a seq: an audit event's seq is not the outbox's.
                self._apply_fields(batch, writer, dev.id, "audit_event", event.entity_id,
                                   dev.post_code, event.fields, None, horizon, received)
            except Refused as refusal:
                change = Change.model_construct(
                    seq=event.seq, entity="audit_event", entity_id=event.entity_id,
                    op="upsert", post_code=dev.post_code,
                    fields={k: tuple(v) for k, v in event.fields.items()})
                self._park(s, dev.id, -event.seq, change.model_dump(mode="json"), refusal)
        auditpart.acknowledge(dev, events)

    def _apply_one(
        self, batch: Batch, dev: Device, change: Change, horizon: int, received: datetime,
        *, audit_part: bool = False,
    ) -> None:
        """Validate and apply one change (raises `Refused` before changing anything). An
        audit event of an audit part is logged without a seq: its seq is not the outbox's."""
        fields = {name: [value, stamp] for name, (value, stamp) in change.fields.items()}
        self._apply_fields(batch, Writer(dev.post_code, dev.role, dev.centre_code), dev.id,
                           change.entity, change.entity_id, change.post_code, fields,
                           None if audit_part else change.seq, horizon, received)

    @staticmethod
    def _apply_fields(
        batch: Batch, writer: Writer, device_id: str, entity: str, entity_id: str,
        post_code: str, fields: dict[str, list[Any]], seq: int | None, horizon: int,
        received: datetime,
    ) -> None:
        """`_apply_one` of a change given as its parts (`fields`: ``{name: [value, stamp]}``,
        kept by the log and the record as they are)."""
        post_code = check_change(
            writer=writer,
            entity=entity,
            entity_id=entity_id,
            post_code=post_code,
            fields=fields,
            lookup=batch.held,
            horizon_ms=horizon,
        )
        log = batch.log(entity, entity_id, fields, origin_device=device_id, origin_seq=seq,
                        received_at=received)
        batch.merge(entity, entity_id, post_code, fields, log)

    def _park(self, s: Session, device_id: str, seq: int, raw: Any, refusal: Refused) -> None:
        s.info["hq_parked_seen"] = True
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

    def _retry_waiting(self, batch: Batch, arrived: set[str], horizon: int) -> None:
        """Apply parked changes that waited for a record that has now arrived."""
        s = batch.s
        while arrived:
            # Few changes wait at any time: what they wait for, then only those rows.
            waiting = set(s.scalars(select(ParkedChange.waiting_for).distinct().where(
                ParkedChange.state == PARKED, ParkedChange.code == MISSING_PARENT)))
            arrived &= waiting
            if not arrived:
                return
            ids = list(arrived)[:_CHUNK]
            arrived = set(list(arrived)[_CHUNK:])
            rows = s.scalars(
                select(ParkedChange).where(
                    ParkedChange.state == PARKED,
                    ParkedChange.code == MISSING_PARENT,
                    ParkedChange.waiting_for.in_(ids),
                ).order_by(ParkedChange.id)
            ).all()
            for row in rows:
                if self._try_release(batch, row, horizon) is None:
                    arrived.add(row.entity_id)

    def _try_release(self, batch: Batch, row: ParkedChange, horizon: int) -> Refused | None:
        """Re-validate a parked change and apply it; return the refusal if it still fails."""
        dev = batch.s.get(Device, row.device_id)
        try:
            change = Change.model_validate(loaded_change(row.change))
        except ValidationError as exc:
            return Refused("invalid", describe_validation(exc))
        if dev is None:
            return Refused("not_entitled", "the device that sent it is no longer enrolled")
        try:
            # A parked audit event of an audit part (negative seq) is logged without a seq.
            self._apply_one(batch, dev, change, horizon, now_utc(), audit_part=row.seq < 0)
        except Refused as refusal:
            row.code, row.reason, row.waiting_for = refusal.code, refusal.reason, \
                refusal.waiting_for
            return refusal
        row.state = RELEASED
        row.resolved_at = now_utc()
        return None

    def _advance_ack(self, s: Session, dev: Device, arriving: set[int]) -> tuple[int, int]:
        """Move the device's contiguous watermark: every seq 1..acked is applied or parked.

        `arriving`: the seqs of this transaction, held once it commits (read before its
        change log is written, so that this runs before the feed lock). Returns (acked, the
        highest seq HQ holds from the device): every seq up to the old watermark is held,
        so the highest is the last one above it, if any.
        """
        acked = dev.acked_seq
        held = union(
            select(ChangeLog.origin_seq.label("seq")).where(
                ChangeLog.origin_device == dev.id, ChangeLog.origin_seq > acked),
            select(ParkedChange.seq.label("seq")).where(
                ParkedChange.device_id == dev.id, ParkedChange.seq > acked),
        ).subquery()
        following = sorted(set(s.scalars(select(held.c.seq)))
                           | {seq for seq in arriving if seq > acked})
        highest = following[-1] if following else acked
        for seq in following:
            if seq != acked + 1:
                break
            acked = seq
        dev.acked_seq = acked
        return acked, highest

    def _refused_of(self, s: Session, device_id: str, seqs: list[int]) -> list[RefusedChange]:
        if not seqs or not s.info.get("hq_parked_seen", True):
            return []
        rows = s.scalars(
            select(ParkedChange).where(
                ParkedChange.device_id == device_id,
                ParkedChange.state == PARKED,
                ParkedChange.seq.between(min(seqs), max(seqs)),
            ).order_by(ParkedChange.seq)
        ).all()
        wanted = set(seqs)
        return [
            RefusedChange(seq=r.seq, entity=r.entity, entity_id=r.entity_id, code=r.code,
                          reason=r.reason)
            for r in rows if r.seq in wanted
        ]

    # -- HQ-made changes (reference data, matches) --------------------------------------

    def _merge_into(
        self,
        s: Session,
        entity: str,
        entity_id: str,
        post_code: str | None,
        fields: dict[str, list[Any]],
        server_seq: int,
    ) -> None:
        """Merge one change already in the change log (at `server_seq`) into its record."""
        batch = Batch(s, self.data_key)
        batch.merge(entity, entity_id, post_code, fields, server_seq)
        batch.write()

    # -- parked changes (supervisors at HQ) --------------------------------------------

    def parked(self, *, state: str | None = PARKED, device_id: str | None = None,
               limit: int = 1000) -> list[ParkedInfo]:
        with self.sessions() as s:
            q = select(ParkedChange).order_by(ParkedChange.id).limit(limit)
            if state:
                q = q.where(ParkedChange.state == state)
            if device_id:
                q = q.where(ParkedChange.device_id == device_id)
            return [
                ParkedInfo(r.id, r.device_id, r.seq, r.entity, r.entity_id, r.code, r.reason,
                           r.state, _aware(r.parked_at), r.waiting_for)
                for r in s.scalars(q)
            ]

    def release_parked(self, parked_id: int) -> None:
        """Apply a parked change after a fix (it is checked again: a change that still
        breaks a rule stays parked and the reason says why)."""
        with self.sessions.begin() as s:
            db.lock_feed(s)
            row = self._parked_row(s, parked_id)
            batch = Batch(s, self.data_key)
            horizon = base.now_ms() + self.settings.stamp_tolerance_ms
            refusal = self._try_release(batch, row, horizon)
            if refusal is None:
                self._retry_waiting(batch, {row.entity_id}, horizon)
            batch.write()
        if refusal is not None:
            with self.sessions.begin() as s:
                row = self._parked_row(s, parked_id)
                row.code, row.reason, row.waiting_for = (refusal.code, refusal.reason,
                                                         refusal.waiting_for)
            raise ParkedStillRefused("parked change {parked_id} is still refused: {reason}",
                                     parked_id=parked_id, reason=refusal.reason)

    def discard_parked(self, parked_id: int) -> None:
        """Drop a parked change for good (it stays listed as discarded; the device's
        acknowledgement does not move back)."""
        with self.sessions.begin() as s:
            row = self._parked_row(s, parked_id)
            row.state = DISCARDED
            row.resolved_at = now_utc()

    def _parked_row(self, s: Session, parked_id: int) -> ParkedChange:
        row = s.get(ParkedChange, parked_id)
        if row is None:
            raise UnknownParked("no parked change {parked_id}", parked_id=parked_id)
        if row.state != PARKED:
            raise UnknownParked("parked change {parked_id} was already {state}",
                                parked_id=parked_id, state=row.state)
        return row
