"""Change capture: every change to a synced record is HLC-stamped and put in the outbox.

It runs in the session's `before_flush`, so the outbox row is written in the same
transaction as the change itself — there is no way to save a record and not queue it.
The session's `info` carries the clock, device and post (set by `Store.session()`).
Changes applied from HQ set `info["remote"] = True` and are not queued again.
Ids in `info["full_snapshot"]` (see `snapshot()`) are queued with every synced field,
all under the one new stamp: finalising a statement must send its whole content.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from sqlalchemy import Select, exists, func, insert, inspect, select
from sqlalchemy.orm import Session

from fieldapp.domain.errors import CaseHandedOver, Code
from fieldapp.domain.hlc import HlcClock, min_stamp
from fieldapp.store import sealing
from fieldapp.store.codec import to_json
from fieldapp.store.models import (
    LOCAL_ONLY,
    OWN_POST,
    SYNCED_MODELS,
    Attachment,
    CaseTransfer,
    Device,
    FamilyMember,
    FollowUp,
    Outbox,
    OutboxSent,
    Referral,
    ReferralEvent,
    Rescue,
    Statement,
    Suspect,
    Synced,
    Victim,
    utcnow,
)

T = TypeVar("T")


def _apply_defaults(obj: Any) -> None:
    """Fill Python-side column defaults now, so the outbox sees the values the row gets."""
    for column in inspect(obj).mapper.columns:
        default = column.default
        if default is None or getattr(obj, column.key) is not None:
            continue
        if default.is_scalar:
            setattr(obj, column.key, default.arg)
        elif default.is_callable:
            setattr(obj, column.key, default.arg(None))


def track_pending(session: Session, obj: Any) -> None:
    """Index objects added to the session by (class, id) until they are flushed."""
    if isinstance(obj, Synced):
        session.info.setdefault("pending", {})[(type(obj), obj.id)] = obj


def find(session: Session, model: type[T], ident: str) -> T | None:
    """`session.get`, but an object added in this transaction is found without a flush.

    A batch (demo data, a pulled page) then flushes once at the end instead of before
    every lookup, which is what makes it fast.
    """
    pending = session.info.get("pending")
    if pending:
        obj = pending.get((model, ident))
        if obj is not None:
            return obj  # type: ignore[no-any-return]
    with session.no_autoflush:
        found = session.get(model, ident)
    if found is not None:
        # The identity map holds objects weakly: keep what this transaction looked up,
        # or a batch re-reads the same reference rows thousands of times.
        session.info.setdefault("held", []).append(found)
    return found


def allocate_seq(session: Session) -> int:
    """The next dense outbox sequence number; counted in the session, as rows may be unflushed."""
    seq = session.info.get("next_seq")
    if seq is None:
        conn = session.connection()
        top = conn.execute(select(func.max(Outbox.seq))).scalar() or 0
        acked = conn.execute(select(func.max(Device.acked_seq))).scalar() or 0
        seq = max(top, acked) + 1
    session.info["next_seq"] = seq + 1
    return int(seq)


def sent_row(seq: int, entity: str, entity_id: str, post: str, own_post: str | None,
             hlc: str = "") -> dict[str, Any]:
    """An `OutboxSent` row, the device's own post stored as `OWN_POST`."""
    return {"seq": seq, "entity": entity, "entity_id": entity_id, "hlc": hlc,
            "post_code": OWN_POST if post == own_post else post}


def audit_runs(rows: Iterable[tuple[int, int, str]],
               runs: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """`OutboxSentAudit` rows from acknowledged outbox rows of audit events, each given as
    (outbox seq, the event's seq, the row's stamp) in seq order: one run for each stretch of
    consecutive seqs carrying consecutive events, stamped with the smallest of its stamps.
    `runs`: the run stored last, as a list of one, to go on from (it grows if they follow)."""
    runs = runs if runs is not None else []
    for seq, event_seq, stamp in rows:
        last = runs[-1] if runs else None
        if (last is not None and seq == last["seq"] + last["count"]
                and event_seq == last["audit_seq"] + last["count"]):
            last["count"] += 1
            last["hlc"] = min_stamp((last["hlc"], stamp))
        else:
            runs.append({"seq": seq, "count": 1, "audit_seq": event_seq, "hlc": stamp})
    return runs


def relisted(model: type[Synced], after: int, upto: int) -> Select[Any]:
    """The records of `model` last sent in a compacted row (seq in (after, upto], no longer
    in the outbox), in seq order: what HQ needs again when its acknowledgement went down."""
    return (select(model).where(model.out_seq > after, model.out_seq <= upto,
                                ~exists().where(Outbox.seq == model.out_seq))
            .order_by(model.out_seq))


def _keep_superseded(session: Session, superseded: list[tuple[int, Synced, str]]) -> None:
    """A record changed again after the row that last sent it was compacted away: that row's
    seq is kept in `OutboxSent` (HQ's contiguous acknowledgement needs every seq again
    after a restore), as the compaction keeps any other superseded row."""
    conn = session.connection()
    compacted = int(conn.execute(select(func.max(Device.compacted_seq))).scalar() or 0)
    gone = [item for item in superseded if item[0] <= compacted]
    if not gone:
        return
    kept = set(conn.execute(select(Outbox.seq).where(Outbox.seq.in_([g[0] for g in gone])))
               .scalars())
    own = session.info.get("post_code")
    rows = [sent_row(seq, obj.SYNC_ENTITY, obj.id, post, own) for seq, obj, post in gone
            if seq not in kept]
    if rows:
        conn.execute(insert(OutboxSent), rows)


def _parent(obj: Synced) -> tuple[type[Synced], str] | None:
    """The record a record hangs from, up towards its rescue."""
    if isinstance(obj, Victim | Suspect) and obj.rescue_id:
        return Rescue, obj.rescue_id
    if isinstance(obj, Statement | Referral | FamilyMember | FollowUp) and obj.victim_id:
        return Victim, obj.victim_id
    if isinstance(obj, CaseTransfer) and obj.rescue_id:
        return Rescue, obj.rescue_id
    if isinstance(obj, ReferralEvent) and obj.referral_id:
        return Referral, obj.referral_id
    if isinstance(obj, Attachment) and obj.owner_entity in SYNCED_MODELS:
        return SYNCED_MODELS[obj.owner_entity], obj.owner_id
    return None


def post_of(session: Session, obj: Synced) -> str:
    """The post a record belongs to, which HQ routes it by: its rescue's post.

    A supervisor may record a case for another post (paper forms from a post without a
    laptop); its victims, statements and referrals must travel with that case. Records
    with no rescue on this device (a transit centre's) belong to the device's post.
    """
    cache: dict[str, str] = session.info.setdefault("post_of", {})
    chain: list[str] = []
    current: Synced | None = obj
    post = ""
    while current is not None and len(chain) < 6:
        if current.id in cache:
            post = cache[current.id]
            break
        chain.append(current.id)
        if isinstance(current, Rescue):
            post = current.post_code
            break
        link = _parent(current)
        current = find(session, *link) if link else None
    post = post or str(session.info.get("post_code", ""))
    cache.update(dict.fromkeys(chain, post))
    return post


def rescue_of(session: Session, obj: Synced) -> str | None:
    """The id of the case (rescue) a record belongs to on this device, if it has one here."""
    current: Synced | None = obj
    for _ in range(6):
        if current is None:
            return None
        if isinstance(current, Rescue):
            return current.id
        link = _parent(current)
        current = find(session, *link) if link else None
    return None


def handed_over(session: Session, rescue_id: str) -> str:
    """The post a case was transferred to, when that is not this device's post ("" if the
    case is this device's to edit). A transfer being written now does not count yet."""
    cache: dict[str, str] = session.info.setdefault("handed_over", {})
    if rescue_id not in cache:
        new = {id(o) for o in session.new}
        with session.no_autoflush:
            rows = [t for t in session.scalars(select(CaseTransfer).where(
                CaseTransfer.rescue_id == rescue_id)) if id(t) not in new]
        latest = max(rows, key=lambda t: (t.on, t.created_at), default=None)
        here = str(session.info.get("post_code", ""))
        cache[rescue_id] = latest.to_post if latest is not None and latest.to_post != here else ""
    return cache[rescue_id]


def _refuse_handed_over(session: Session, pending: list[Synced]) -> None:
    """h13: a case transferred to another post is kept here as read-only history."""
    for obj in pending:
        rescue_id = rescue_of(session, obj)
        gone = handed_over(session, rescue_id) if rescue_id else ""
        if gone:
            raise CaseHandedOver("this case was transferred to post {gone}; it is kept here "
                                 "as history and cannot be changed here", gone=Code("posts", gone))


def snapshot(session: Session, obj: Synced) -> None:
    """Make `obj`'s next queued change carry every synced field, stamped together."""
    session.info.setdefault("full_snapshot", set()).add(obj.id)


def before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    if session.info.get("remote"):
        return
    clock: HlcClock | None = session.info.get("clock")
    if clock is None:
        return
    pending = [o for o in session.new if isinstance(o, Synced)]
    pending += [o for o in session.dirty if isinstance(o, Synced) and session.is_modified(o)]
    new = session.new  # a fresh set on every access: take it once
    full: set[str] = session.info.get("full_snapshot") or set()
    if not pending:
        return
    _refuse_handed_over(session, pending)
    rows: list[dict[str, Any]] = []
    superseded: list[tuple[int, Synced, str]] = []
    now = utcnow()
    for obj in pending:
        state = inspect(obj)
        is_new = obj in new
        if is_new:
            _apply_defaults(obj)
            obj.created_by = obj.created_by or session.info.get("username", "")
            obj.device_id = obj.device_id or session.info.get("device_id", "")
        everything = is_new or obj.id in full
        full.discard(obj.id)
        changed: dict[str, Any] = {}
        for attr in state.mapper.column_attrs:
            key = attr.key
            if key in obj.SYNC_EXCLUDE or key in LOCAL_ONLY:
                continue
            if everything or state.attrs[key].history.has_changes():
                changed[key] = getattr(obj, key)
        if not changed:
            continue
        stamp = str(clock.now())
        if everything:
            # Every synced field under the one stamp: "*" says it for all (a finalised
            # statement's stamps were ~400 bytes of the same 56 characters).
            obj.hlc = {"*": stamp}
        else:
            obj.hlc = {**(obj.hlc or {}), **{key: stamp for key in changed}}
        fields = {key: to_json(value) for key, value in changed.items()}
        # Statement content rests in the outbox sealed, like in its table (store.sealing).
        sealing.seal_outbox_fields(session, obj.SYNC_ENTITY, obj.id, fields)
        seq, post = allocate_seq(session), post_of(session, obj)
        if obj.out_seq is not None:
            superseded.append((obj.out_seq, obj, post))
        obj.out_seq = seq
        rows.append({
            "seq": seq,
            "entity": obj.SYNC_ENTITY,
            "entity_id": obj.id,
            "op": "upsert",
            "fields": fields,
            "hlc": stamp,
            "post_code": post,
            "created_at": now,
        })
    session.info.pop("pending", None)  # all flushed now; `find` falls back to the session
    if superseded:
        _keep_superseded(session, superseded)
    if rows:
        # Core executemany: the outbox is most of the rows a batch writes.
        session.connection().execute(insert(Outbox), rows)
