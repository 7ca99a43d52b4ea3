"""HQ use-cases: enrolment, applying pushes, entitled pulls, bundles, reference data, admin.

Both the ASGI app and the admin CLI call these; every refusal is a SyncRejected subclass
with a short ``reason`` code and an HTTP ``status``. Nothing here logs record contents.

Pulls send the *merged state* of every entitled record whose ``server_seq`` (the change
feed position of its latest change) is above the cursor, rather than each raw change:
under per-field LWW that is equivalent, and a device that was away for a month gets one
row per record instead of its whole history. When a record becomes visible to a new
audience (a referral addressed to a centre), the records that audience now needs
(the victim, the referral's events) are re-sent by giving them a new feed position.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from pydantic import ValidationError
from sqlalchemy import and_, delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from fieldapp.crypto.envelope import (
    EnvelopeHeader,
    EnvelopeKind,
    EnvelopeMalformed,
    EnvelopeReplayed,
    open_envelope,
    seal,
)
from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, SyncRejected
from fieldapp.domain.hlc import Hlc, HlcClock
from fieldapp.domain.ids import uuid7
from fieldapp.hq import db
from fieldapp.hq.keys import HqKeys, load_keys
from fieldapp.hq.models import (
    ChangeLog,
    Device,
    EnrolmentCode,
    Record,
    ReferralConflict,
    SeenEnvelope,
)
from fieldapp.hq.settings import HqSettings
from fieldapp.sync.merge import merge_record, referral_status
from fieldapp.sync.protocol import (
    REFERENCE_ENTITIES,
    SYNCED_ENTITIES,
    Change,
    EnrolAnswer,
    EnrolRequest,
    PullAnswer,
    PulledRecord,
    PullRequest,
    PushAnswer,
    PushPayload,
    b64,
    dump,
    unb64,
)

#: What a transit centre may see of a victim referred to it (need to know).
VICTIM_ESSENTIALS = frozenset(
    {
        "name_latin",
        "name_km",
        "sex",
        "estimated_age",
        "date_of_birth",
        "is_minor",
        "nationality",
        "languages",
    }
)

#: The field that links a record to its parent, per entity.
PARENT_FIELD = {
    "victim": "rescue_id",
    "suspect": "rescue_id",
    "statement": "victim_id",
    "referral": "victim_id",
    "referral_event": "referral_id",
    "attachment": "owner_id",
    "suspect_case": "suspect_id",
    "suspect_event": "suspect_id",
    "suspect_identifier": "suspect_id",
}

STATS_KEYS = {
    "rescue": "rescues",
    "victim": "victims",
    "statement": "statements",
    "suspect": "suspects",
    "referral": "referrals",
    "referral_event": "referral_events",
    "attachment": "attachments",
    "audit_event": "audit_events",
}

_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: read aloud by phone


# -- errors ----------------------------------------------------------------------------


class HqRejected(SyncRejected):
    reason = "rejected"
    status = 400
    action: str | None = None

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class DeviceRevoked(HqRejected):
    reason = "revoked"
    status = 403
    action = "wipe"


class NotEntitled(HqRejected):
    reason = "not_entitled"
    status = 403


class EnrolmentRefused(HqRejected):
    reason = "enrolment_refused"
    status = 403


class PayloadInvalid(HqRejected):
    reason = "invalid_payload"
    status = 422


class UnknownDevice(HqRejected):
    reason = "unknown_device"
    status = 404


def now_utc() -> datetime:
    return datetime.now(UTC)


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes even for timezone=True columns.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def describe_validation(exc: ValidationError) -> str:
    """A one-line reason naming the field, never echoing the input (it may name a victim)."""
    err = exc.errors(include_input=False, include_url=False)[0]
    loc = ".".join(str(p) for p in err.get("loc", ())) or "body"
    return f"{loc}: {err.get('msg', 'invalid')}"[:300]


def normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def hash_code(code: str) -> str:
    return hashlib.sha256(normalise_code(code).encode()).hexdigest()


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    post_code: str
    role: str
    centre_code: str | None
    label: str
    revoked: bool
    enrolled_at: datetime
    last_seen: datetime | None
    last_skew_ms: int | None
    acked_seq: int


class Hq:
    """The headquarters: keys, database and limits. Stateless across requests."""

    def __init__(
        self, settings: HqSettings, keys: HqKeys | None = None, *, migrate: bool = True
    ) -> None:
        self.settings = settings
        self.keys = keys or load_keys(settings.data_dir)
        self.engine = db.make_engine(settings.url)
        if migrate:
            db.migrate(self.engine)
        self.sessions: sessionmaker[Session] = db.session_factory(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    # -- enrolment -------------------------------------------------------------------

    def create_enrolment_code(
        self, *, post_code: str, role: Role, centre_code: str | None, ttl: timedelta
    ) -> str:
        if role is Role.CENTRE_STAFF and not centre_code:
            raise InvalidInput("a centre_staff code needs --centre")
        raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
        code = "-".join(raw[i : i + 4] for i in range(0, 12, 4))
        now = now_utc()
        with self.sessions.begin() as s:
            s.add(
                EnrolmentCode(
                    code_hash=hash_code(code),
                    post_code=post_code,
                    role=role.value,
                    centre_code=centre_code,
                    created_at=now,
                    expires_at=now + ttl,
                )
            )
        return code

    def enrol(self, req: EnrolRequest) -> EnrolAnswer:
        try:
            ed_raw = unb64(req.ed25519_public)
            x_raw = unb64(req.x25519_public)
            Ed25519PublicKey.from_public_bytes(ed_raw)
            X25519PublicKey.from_public_bytes(x_raw)
        except ValueError:
            raise PayloadInvalid("device public keys must be base64 of 32 raw bytes") from None
        now = now_utc()
        device_id = uuid7()
        with self.sessions.begin() as s:
            code = s.get(EnrolmentCode, hash_code(req.code))
            if code is None:
                raise EnrolmentRefused("this enrolment code is not known; ask HQ for a new one")
            if code.used_at is not None:
                raise EnrolmentRefused("this enrolment code was already used; ask HQ for a new one")
            if _aware(code.expires_at) <= now:
                raise EnrolmentRefused("this enrolment code has expired; ask HQ for a new one")
            # Conditional update: of two simultaneous enrolments only one can win the code.
            won = _rowcount(
                s.execute(
                    update(EnrolmentCode)
                    .where(
                        EnrolmentCode.code_hash == code.code_hash, EnrolmentCode.used_at.is_(None)
                    )
                    .values(used_at=now, used_by=device_id)
                )
            )
            if won != 1:
                raise EnrolmentRefused("this enrolment code was already used; ask HQ for a new one")
            s.add(
                Device(
                    id=device_id,
                    post_code=code.post_code,
                    role=code.role,
                    centre_code=code.centre_code,
                    label=req.label,
                    ed25519_public=ed_raw,
                    x25519_public=x_raw,
                    revoked=False,
                    enrolled_at=now,
                    acked_seq=0,
                )
            )
            post_code, role, centre_code = code.post_code, code.role, code.centre_code
        return EnrolAnswer(
            device_id=device_id,
            post_code=post_code,
            role=Role(role),
            centre_code=centre_code,
            hq_ed25519_public=b64(_raw(self.keys.signing_public)),
            hq_x25519_public=b64(_raw(self.keys.hpke_public)),
            hq_recovery_x25519_public=b64(_raw(self.keys.recovery_public)),
            hq_time_ms=now_ms(),
        )

    # -- devices ---------------------------------------------------------------------

    def devices(self) -> list[DeviceInfo]:
        with self.sessions() as s:
            rows = s.scalars(select(Device).order_by(Device.enrolled_at)).all()
            return [
                DeviceInfo(
                    d.id,
                    d.post_code,
                    d.role,
                    d.centre_code,
                    d.label,
                    d.revoked,
                    _aware(d.enrolled_at),
                    _aware(d.last_seen) if d.last_seen else None,
                    d.last_skew_ms,
                    d.acked_seq,
                )
                for d in rows
            ]

    def revoke(self, device_id: str) -> None:
        with self.sessions.begin() as s:
            dev = s.get(Device, device_id)
            if dev is None:
                raise UnknownDevice(f"no device {device_id[:64]!r}")
            dev.revoked = True
            dev.revoked_at = now_utc()

    def _open(
        self, s: Session, blob: bytes, kinds: Sequence[EnvelopeKind], *,
        accept_revoked: bool = False,
    ) -> tuple[Device, EnvelopeHeader, bytes]:
        found: list[Device] = []

        def lookup(header: EnvelopeHeader) -> Ed25519PublicKey | None:
            dev = s.get(Device, header.device_id)
            if dev is None:
                return None
            found.append(dev)
            return Ed25519PublicKey.from_public_bytes(dev.ed25519_public)

        header, payload = open_envelope(
            blob,
            recipient_x25519_private=self.keys.hpke,
            sender_public_lookup=lookup,
            max_size=self.settings.max_envelope_bytes,
        )
        dev = found[0]
        # Checked after the signature, so only the device itself learns it is revoked.
        # A revoked device's last changes may still arrive as a bundle that an HQ officer
        # chose to import by hand (the device's "export, then wipe"); never over the network.
        if dev.revoked and not (accept_revoked and header.kind is EnvelopeKind.BUNDLE):
            raise DeviceRevoked("this device has been revoked by HQ; its data must be wiped")
        if header.kind not in kinds:
            raise EnvelopeMalformed(f"a {header.kind.name.lower()} envelope is not accepted here")
        return dev, header, payload

    def _remember(self, s: Session, header: EnvelopeHeader) -> None:
        """Refuse an envelope id seen before (the transaction rolls back on refusal)."""
        seen = s.get(SeenEnvelope, header.envelope_id_hex)
        if seen is not None:
            raise EnvelopeReplayed("this envelope was already received (replay)")
        s.add(
            SeenEnvelope(
                envelope_id=header.envelope_id_hex,
                device_id=header.device_id,
                kind=int(header.kind),
                received_at=now_utc(),
            )
        )
        s.flush()

    # -- push ------------------------------------------------------------------------

    def push(
        self, blob: bytes, *, kinds: Sequence[EnvelopeKind] = (EnvelopeKind.PUSH,),
        accept_revoked: bool = False,
    ) -> PushAnswer:
        """Apply a push (or bundle) envelope: each (device, seq) at most once, one transaction."""
        hq_now = now_ms()
        try:
            with self.sessions.begin() as s:
                dev, header, payload = self._open(s, blob, kinds, accept_revoked=accept_revoked)
                self._remember(s, header)
                try:
                    batch = PushPayload.model_validate_json(payload)
                except ValidationError as exc:
                    raise PayloadInvalid(describe_validation(exc)) from None
                seqs = [c.seq for c in batch.changes]
                if seqs and (min(seqs) != header.seq_from or max(seqs) != header.seq_to):
                    raise PayloadInvalid("the envelope's seq range does not match its changes")
                if len(set(seqs)) != len(seqs):
                    raise PayloadInvalid("a seq appears twice in one batch")
                db.lock_feed(s)
                applied, duplicates, future = self._apply_changes(s, dev, batch.changes, hq_now)
                acked = self._advance_ack(s, dev)
                highest = s.scalar(
                    select(func.max(ChangeLog.origin_seq)).where(ChangeLog.origin_device == dev.id)
                )
                skew = header.timestamp_ms - hq_now if header.kind is EnvelopeKind.PUSH else 0
                dev.last_seen = now_utc()
                if header.kind is EnvelopeKind.PUSH:
                    dev.last_skew_ms = skew
                warn = abs(skew) > self.settings.skew_tolerance_ms or future > 0
                return PushAnswer(
                    acked_seq=acked,
                    highest_seq=highest or 0,
                    applied=applied,
                    duplicates=duplicates,
                    hq_time_ms=hq_now,
                    skew_ms=skew,
                    clock_warning=warn,
                )
        except IntegrityError:
            # Another worker applied one of these seqs between our check and insert: the
            # batch rolled back whole, and a resend will count those as duplicates.
            raise HqRejected("a concurrent push of the same changes won; send again") from None

    def _apply_changes(
        self, s: Session, dev: Device, changes: Iterable[Change], hq_now: int
    ) -> tuple[int, int, int]:
        changes = sorted(changes, key=lambda c: c.seq)
        have = (
            set(
                s.scalars(
                    select(ChangeLog.origin_seq).where(
                        ChangeLog.origin_device == dev.id,
                        ChangeLog.origin_seq.in_([c.seq for c in changes]),
                    )
                )
            )
            if changes
            else set()
        )
        applied = duplicates = future = 0
        horizon = hq_now + self.settings.skew_tolerance_ms
        received = now_utc()
        for change in changes:
            if change.seq in have:
                duplicates += 1
                continue
            fields = {name: [value, stamp] for name, (value, stamp) in change.fields.items()}
            future += sum(1 for _, stamp in fields.values() if Hlc.parse(stamp).wall_ms > horizon)
            post_code = self._check_entitled(s, dev, change, fields)
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
            self._merge_into(s, change.entity, change.entity_id, post_code, fields, log.server_seq)
            applied += 1
        return applied, duplicates, future

    def _check_entitled(
        self, s: Session, dev: Device, change: Change, fields: dict[str, list[Any]]
    ) -> str:
        """Return the post_code the record belongs to, or raise NotEntitled."""
        existing = _record(s, change.entity, change.entity_id)
        if dev.role == Role.CENTRE_STAFF.value:
            if change.entity == "audit_event":
                return dev.post_code
            if change.entity != "referral_event":
                raise NotEntitled(
                    f"change {change.seq}: a transit-centre device may only add referral events"
                )
            ref_id = _value(fields, "referral_id")
            referral = _record(s, "referral", str(ref_id)) if ref_id is not None else None
            if referral is None or referral.centre_code != dev.centre_code:
                raise NotEntitled(
                    f"change {change.seq}: the referral is not addressed to this centre"
                )
            if existing is not None and existing.parent_id != referral.entity_id:
                raise NotEntitled(f"change {change.seq}: an event cannot move to another referral")
            # Events belong to the referral's post, so the post's devices see them too.
            return referral.post_code or dev.post_code
        # Officers write their own post's records. A supervisor's device may also record
        # cases for other posts (paper forms from a post without a laptop); each record
        # names its post, and a record never moves from one post to another.
        post = change.post_code if dev.role == Role.SUPERVISOR.value else dev.post_code
        if change.post_code != post:
            raise NotEntitled(
                f"change {change.seq}: this device belongs to post {dev.post_code}, not {change.post_code[:32]}"
            )
        if existing is not None and existing.post_code != post:
            raise NotEntitled(f"change {change.seq}: the record belongs to another post")
        if change.entity == "referral_event":
            ref_id = _value(fields, "referral_id")
            referral = _record(s, "referral", str(ref_id)) if ref_id is not None else None
            if referral is not None and referral.post_code != post:
                raise NotEntitled(f"change {change.seq}: the referral belongs to another post")
        return post

    def _merge_into(
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
                self._resend_for_referral(s, rec)
        elif entity == "referral_event" and rec.parent_id:
            s.flush()
            self._check_conflict(s, rec.parent_id)
        s.flush()

    def _resend_for_referral(self, s: Session, referral: Record) -> None:
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
                )
            )
        )
        for rec in targets:
            log = ChangeLog(
                entity=rec.entity, entity_id=rec.entity_id, fields={}, received_at=now_utc()
            )
            s.add(log)
            s.flush()
            rec.server_seq = log.server_seq

    def _check_conflict(self, s: Session, referral_id: str) -> None:
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

    def _advance_ack(self, s: Session, dev: Device) -> int:
        """Move the device's contiguous watermark: every seq 1..acked is applied."""
        acked = dev.acked_seq
        following = s.scalars(
            select(ChangeLog.origin_seq)
            .where(ChangeLog.origin_device == dev.id, ChangeLog.origin_seq > acked)
            .order_by(ChangeLog.origin_seq)
        )
        for seq in following:
            if seq != acked + 1:
                break
            acked = seq
        dev.acked_seq = acked
        return acked

    # -- pull ------------------------------------------------------------------------

    def pull(self, blob: bytes) -> bytes:
        """Answer a signed pull request with a page sealed to the requesting device."""
        with self.sessions.begin() as s:
            dev, header, payload = self._open(s, blob, (EnvelopeKind.PULL_REQUEST,))
            self._remember(s, header)
            try:
                req = PullRequest.model_validate_json(payload)
            except ValidationError as exc:
                raise PayloadInvalid(describe_validation(exc)) from None
            limit = min(req.limit, self.settings.page_size)
            answer = self._page(s, dev, req.cursor, limit, own_node=req.own_node)
            dev.last_seen = now_utc()
            x_pub = X25519PublicKey.from_public_bytes(dev.x25519_public)
            device_id = dev.id
        hdr = EnvelopeHeader(
            kind=EnvelopeKind.PULL_ANSWER,
            device_id=device_id,
            seq_from=req.cursor,
            seq_to=answer.next_cursor,
        )
        return seal(
            dump(answer),
            recipient_x25519_public=x_pub,
            sender_ed25519_private=self.keys.signing,
            header=hdr,
        )

    def _entitled(self, dev: Device):  # type: ignore[no-untyped-def]
        reference = Record.entity.in_(REFERENCE_ENTITIES)
        if dev.role != Role.CENTRE_STAFF.value:
            # Audit trails go up to HQ and stay there: a device never applies another's.
            return and_(Record.entity != "audit_event",
                        or_(Record.post_code == dev.post_code, reference))
        referrals = select(Record.entity_id).where(
            Record.entity == "referral", Record.centre_code == dev.centre_code
        )
        referred_victims = select(Record.parent_id).where(
            Record.entity == "referral", Record.centre_code == dev.centre_code
        )
        return or_(
            reference,
            and_(Record.entity == "referral", Record.centre_code == dev.centre_code),
            and_(Record.entity == "referral_event", Record.parent_id.in_(referrals)),
            and_(Record.entity == "victim", Record.entity_id.in_(referred_victims)),
        )

    def _page(self, s: Session, dev: Device, cursor: int, limit: int,
              own_node: str | None = None) -> PullAnswer:
        rows = s.scalars(
            select(Record)
            .where(Record.server_seq > cursor, self._entitled(dev))
            .order_by(Record.server_seq)
            .limit(limit + 1)
        ).all()
        has_more = len(rows) > limit
        rows = rows[:limit]
        centre = dev.role == Role.CENTRE_STAFF.value
        out = []
        mine = f"-{own_node}" if own_node else None
        for r in rows:
            fields = r.fields
            if mine and fields and all(str(v[1]).endswith(mine) for v in fields.values()):
                continue  # every winning value came from the asking device: it has them
            if centre and r.entity == "victim":
                fields = {k: v for k, v in fields.items() if k in VICTIM_ESSENTIALS}
            out.append(
                PulledRecord(
                    server_seq=r.server_seq,
                    entity=r.entity,
                    entity_id=r.entity_id,
                    post_code=r.post_code,
                    fields={k: (v[0], v[1]) for k, v in fields.items()},
                )
            )
        next_cursor = rows[-1].server_seq if rows else cursor
        if not has_more:
            # Nothing entitled beyond: jump to the feed head so the next pull starts there.
            head = s.scalar(select(func.max(ChangeLog.server_seq))) or 0
            next_cursor = max(next_cursor, head)
        revoked = s.scalars(
            select(Device.id).where(Device.post_code == dev.post_code, Device.revoked.is_(True))
        ).all()
        return PullAnswer(
            records=out,
            next_cursor=next_cursor,
            has_more=has_more,
            hq_time_ms=now_ms(),
            revoked_devices=list(revoked),
        )

    # -- bundles ---------------------------------------------------------------------

    def import_bundle(self, blob: bytes) -> PushAnswer:
        """Apply a bundle brought on a USB stick, also from a device revoked since it was made."""
        return self.push(blob, kinds=(EnvelopeKind.BUNDLE, EnvelopeKind.PUSH), accept_revoked=True)

    def export_bundle(self, device_id: str, *, since: int = 0) -> bytes:
        """Everything the device is entitled to since `since`, sealed to it (a return file)."""
        with self.sessions() as s:
            dev = s.get(Device, device_id)
            if dev is None:
                raise UnknownDevice(f"no device {device_id[:64]!r}")
            if dev.revoked:
                raise DeviceRevoked("this device has been revoked; no bundle is made for it")
            answer = self._page(s, dev, since, 10_000_000)
            x_pub = X25519PublicKey.from_public_bytes(dev.x25519_public)
        hdr = EnvelopeHeader(
            kind=EnvelopeKind.RETURN_BUNDLE,
            device_id=device_id,
            seq_from=since,
            seq_to=answer.next_cursor,
        )
        return seal(
            dump(answer),
            recipient_x25519_public=x_pub,
            sender_ed25519_private=self.keys.signing,
            header=hdr,
        )

    # -- reference data and figures --------------------------------------------------

    def load_reference(self, data: dict[str, Any]) -> dict[str, int]:
        """Upsert posts/centres/providers/provinces: ``{"posts": [{"code": ..., ...}], ...}``."""
        kinds = {
            "posts": "post",
            "centres": "centre",
            "providers": "provider",
            "provinces": "province",
        }
        unknown = set(data) - set(kinds)
        if unknown:
            raise InvalidInput(f"unknown reference section(s): {', '.join(sorted(unknown))[:100]}")
        counts: dict[str, int] = {}
        clock = HlcClock("hq")
        with self.sessions.begin() as s:
            db.lock_feed(s)
            for section, entity in kinds.items():
                items = data.get(section) or []
                if not isinstance(items, list):
                    raise InvalidInput(f"{section} must be a list")
                for i, item in enumerate(items):
                    if (
                        not isinstance(item, dict)
                        or not isinstance(item.get("code"), str)
                        or not item["code"]
                    ):
                        raise InvalidInput(f"{section}[{i}] needs a text 'code'")
                    existing = _record(s, entity, item["code"])
                    if existing:
                        for _, stamp in existing.fields.values():
                            clock.observe(stamp)
                    stamp = str(clock.now())
                    fields = {k: [v, stamp] for k, v in item.items()}
                    if existing and all(
                        existing.fields.get(k, [None])[0] == v for k, v in item.items()
                    ):
                        continue  # unchanged: do not make every device download it again
                    log = ChangeLog(
                        entity=entity, entity_id=item["code"], fields=fields, received_at=now_utc()
                    )
                    s.add(log)
                    s.flush()
                    self._merge_into(s, entity, item["code"], None, fields, log.server_seq)
                counts[section] = len(items)
        return counts

    def stats(self) -> dict[str, int]:
        with self.sessions() as s:
            rows = dict(
                s.execute(
                    select(Record.entity, func.count())
                    .where(Record.entity.in_(SYNCED_ENTITIES))
                    .group_by(Record.entity)
                ).all()
            )
            conflicts = s.scalar(
                select(func.count())
                .select_from(ReferralConflict)
                .where(ReferralConflict.resolved.is_(False))
            )
        out = {key: int(rows.get(entity, 0)) for entity, key in STATS_KEYS.items()}
        out["referral_conflicts"] = int(conflicts or 0)
        return out

    def report_records(self, entity: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """Every merged record of one kind, streamed: what `fieldapp.reports` computes from."""
        with self.sessions() as s:
            yield from s.execute(
                select(Record.entity, Record.entity_id, Record.fields).where(Record.entity == entity)
            ).yield_per(5000)

    def prune_seen(self) -> int:
        cutoff = now_utc() - timedelta(days=self.settings.seen_envelope_days)
        with self.sessions.begin() as s:
            return _rowcount(
                s.execute(delete(SeenEnvelope).where(SeenEnvelope.received_at < cutoff))
            )


def _rowcount(result: object) -> int:
    # DML results are CursorResults; the Result annotation of Session.execute hides it.
    return int(getattr(result, "rowcount", 0))


def _record(s: Session, entity: str, entity_id: str) -> Record | None:
    return s.scalar(select(Record).where(Record.entity == entity, Record.entity_id == entity_id))


def _value(fields: dict[str, Any], name: str) -> Any:
    entry = fields.get(name)
    return entry[0] if entry else None


def _raw(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    from fieldapp.hq.keys import public_raw

    return public_raw(key)
