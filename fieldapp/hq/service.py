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
import json
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from pydantic import ValidationError
from sqlalchemy import and_, delete, func, or_, select, union, update
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
from fieldapp.domain.hlc import HlcClock
from fieldapp.domain.ids import next_free_case_code, uuid7
from fieldapp.hq import atrest, db
from fieldapp.hq.keys import HqKeys, load_keys
from fieldapp.hq.models import (
    ChangeLog,
    Device,
    EnrolmentCode,
    ParkedChange,
    Record,
    ReferralConflict,
    SeenEnvelope,
)
from fieldapp.hq.settings import HqSettings
from fieldapp.hq.validate import MISSING_PARENT, Held, Refused, Writer, check_change
from fieldapp.sync import trust
from fieldapp.sync.merge import merge_record, referral_status
from fieldapp.sync.protocol import (
    MAX_CHANGES_PER_PUSH,
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
    RefusedChange,
    b64,
    code_fits_device,
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
        # h13: what the centre needs to refer onward within the person's consent
        "interpreter_needed",
        "consents",
        "consent_status",
        "age_disputed",
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


def _code_place(post_code: str, centre_code: str | None) -> str:
    return f"post {post_code}, centre {centre_code}" if centre_code else f"post {post_code}"


class EnrolmentRefused(HqRejected):
    reason = "enrolment_refused"
    status = 403


class WrongPost(EnrolmentRefused):
    """The code is for another post or centre than the device is set up for."""

    reason = "wrong_post"


class PayloadInvalid(HqRejected):
    reason = "invalid_payload"
    status = 422


class UnknownDevice(HqRejected):
    reason = "unknown_device"
    status = 404


class UnknownParked(HqRejected):
    reason = "unknown_parked"
    status = 404


class ParkedStillRefused(HqRejected):
    reason = "still_refused"
    status = 409


PARKED, RELEASED, DISCARDED = "parked", "released", "discarded"


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
    return trust.normalise_code(code)


def hash_code(code: str) -> str:
    """Hash of the code's secret part (a device sends only that; the rest is HQ's key check)."""
    return hashlib.sha256(trust.code_secret(code).encode()).hexdigest()


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
    #: The case-number series HQ handed the device (None: enrolled before series existed).
    case_code: str | None = None


@dataclass(frozen=True)
class ParkedInfo:
    id: int
    device_id: str
    seq: int
    entity: str
    entity_id: str
    code: str
    reason: str
    state: str
    parked_at: datetime
    waiting_for: str | None


def stored_change(change: dict[str, Any]) -> dict[str, Any]:
    """How a parked change is kept (the one place to seal it at rest)."""
    return change


def loaded_change(stored: dict[str, Any]) -> dict[str, Any]:
    """Inverse of `stored_change`."""
    return stored


def _parse_changes(payload: bytes) -> list[tuple[int, Change | None, Any]]:
    """(seq, Change or None if it is invalid, the change as sent) for every change.

    The whole batch is refused only when HQ cannot tell which seqs it holds; a change
    that does not fit the protocol is parked with the reason instead (`_why`).
    """
    try:
        batch = PushPayload.model_validate_json(payload)
        return [(c.seq, c, None) for c in batch.changes]  # dumped only if parked
    except ValidationError:
        pass
    try:
        doc = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        raise PayloadInvalid("the push is not JSON") from None
    changes = doc.get("changes") if isinstance(doc, dict) else None
    if not isinstance(changes, list) or len(changes) > MAX_CHANGES_PER_PUSH:
        raise PayloadInvalid(f"changes: a list of at most {MAX_CHANGES_PER_PUSH} is needed")
    out: list[tuple[int, Change | None, Any]] = []
    for i, item in enumerate(changes):
        seq = item.get("seq") if isinstance(item, dict) else None
        if isinstance(seq, bool) or not isinstance(seq, int) or not 1 <= seq <= 2**62:
            raise PayloadInvalid(f"changes.{i}.seq: every change needs a seq 1..2^62")
        try:
            out.append((seq, Change.model_validate(item), item))
        except ValidationError as exc:
            out.append((seq, None, {**item, "_why": describe_validation(exc)}))
    return out


def _held(rec: Record | None) -> Held | None:
    if rec is None:
        return None
    return Held(rec.entity, rec.entity_id, rec.post_code, rec.centre_code, rec.parent_id,
                rec.fields)


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
        # At rest (hq.atrest): records and the change log are sealed under the data key.
        self.data_key = settings.data_key
        if self.data_key is None and atrest.is_configured(settings.data_dir):
            self.data_key = atrest.unlock(settings.data_dir)  # $FIELDAPP_HQ_DATA_KEY_FILE, or a plain error
        self.sessions.configure(info={atrest.INFO: self.data_key})

    def close(self) -> None:
        self.engine.dispose()

    # -- enrolment -------------------------------------------------------------------

    def create_enrolment_code(
        self, *, post_code: str, role: Role, centre_code: str | None, ttl: timedelta
    ) -> str:
        if role is Role.CENTRE_STAFF and not centre_code:
            raise InvalidInput("a centre_staff code needs --centre")
        code = trust.new_code(self.keys.signing_public)
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
            if req.post_code and not code_fits_device(req.post_code, code.post_code, code.role,
                                                      code.centre_code):
                # Refused before the code is used or a device registered: no ghost device.
                raise WrongPost(
                    f"this code is for {_code_place(code.post_code, code.centre_code)}, "
                    f"but this device is set up for {req.post_code}; ask HQ for a code for "
                    f"{req.post_code} (this one stays valid)")
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
            case_code = self._free_case_code(s, code.post_code)
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
                    case_code=case_code,
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
            case_code=case_code,
        )

    def _free_case_code(self, s: Session, post_code: str) -> str:
        """The post's first case-number series no device holds (see `domain.ids`)."""
        db.lock_feed(s)  # two enrolments for one post at once must not get the same letter
        used = set(s.scalars(select(Device.case_code).where(
            Device.post_code == post_code, Device.case_code.is_not(None))))
        return next_free_case_code({c for c in used if c})

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
                    d.case_code,
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
            recipient_x25519_private=self.keys.hpke_all,
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
        """Apply a push (or bundle) envelope: each (device, seq) at most once, one transaction.

        A change that breaks a rule (`fieldapp.hq.validate`) is parked with its reason and
        acknowledged like an applied one: no single change can stall a device's queue.
        Only a batch HQ cannot read at all (not JSON, a change without a seq) is refused.
        """
        hq_now = now_ms()
        try:
            with self.sessions.begin() as s:
                dev, header, payload = self._open(s, blob, kinds, accept_revoked=accept_revoked)
                self._remember(s, header)
                items = _parse_changes(payload)
                seqs = [seq for seq, _, _ in items]
                if seqs and (min(seqs) != header.seq_from or max(seqs) != header.seq_to):
                    raise PayloadInvalid("the envelope's seq range does not match its changes")
                if len(set(seqs)) != len(seqs):
                    raise PayloadInvalid("a seq appears twice in one batch")
                db.lock_feed(s)
                applied, duplicates = self._apply_changes(s, dev, items, hq_now)
                acked = self._advance_ack(s, dev)
                highest = max(
                    s.scalar(select(func.max(ChangeLog.origin_seq))
                             .where(ChangeLog.origin_device == dev.id)) or 0,
                    s.scalar(select(func.max(ParkedChange.seq))
                             .where(ParkedChange.device_id == dev.id)) or 0,
                )
                refused = self._refused_of(s, dev.id, seqs)
                skew = header.timestamp_ms - hq_now if header.kind is EnvelopeKind.PUSH else 0
                dev.last_seen = now_utc()
                if header.kind is EnvelopeKind.PUSH:
                    dev.last_skew_ms = skew
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
                )
        except IntegrityError:
            # Another worker applied one of these seqs between our check and insert: the
            # batch rolled back whole, and a resend will count those as duplicates.
            raise HqRejected("a concurrent push of the same changes won; send again") from None

    def _held_seqs(self, s: Session, device_id: str, seqs: list[int]) -> set[int]:
        """Seqs of this device HQ holds: applied (change log) or parked."""
        if not seqs:
            return set()
        have: set[int] = set()
        for i in range(0, len(seqs), 1000):
            part = seqs[i : i + 1000]
            have.update(s.scalars(select(ChangeLog.origin_seq).where(
                ChangeLog.origin_device == device_id, ChangeLog.origin_seq.in_(part))))
            have.update(s.scalars(select(ParkedChange.seq).where(
                ParkedChange.device_id == device_id, ParkedChange.seq.in_(part))))
        return have

    def _apply_changes(
        self, s: Session, dev: Device, items: list[tuple[int, Change | None, Any]], hq_now: int
    ) -> tuple[int, int]:
        items = sorted(items, key=lambda item: item[0])
        have = self._held_seqs(s, dev.id, [seq for seq, _, _ in items])
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
                self._apply_one(s, dev, change, horizon, received)
            except Refused as refusal:
                self._park(s, dev.id, seq, raw or change.model_dump(mode="json"), refusal)
                continue
            arrived.add(change.entity_id)
            applied += 1
        self._retry_waiting(s, arrived, horizon)
        return applied, duplicates

    def _apply_one(
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
        self._merge_into(s, change.entity, change.entity_id, post_code, fields, log.server_seq)

    def _park(self, s: Session, device_id: str, seq: int, raw: Any, refusal: Refused) -> None:
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

    def _retry_waiting(self, s: Session, arrived: set[str], horizon: int) -> None:
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
                if self._try_release(s, row, horizon) is None:
                    arrived.add(row.entity_id)

    def _try_release(self, s: Session, row: ParkedChange, horizon: int) -> Refused | None:
        """Re-validate a parked change and apply it; return the refusal if it still fails."""
        dev = s.get(Device, row.device_id)
        try:
            change = Change.model_validate(loaded_change(row.change))
        except ValidationError as exc:
            return Refused("invalid", describe_validation(exc))
        if dev is None:
            return Refused("not_entitled", "the device that sent it is no longer enrolled")
        try:
            self._apply_one(s, dev, change, horizon, now_utc())
        except Refused as refusal:
            row.code, row.reason, row.waiting_for = refusal.code, refusal.reason, \
                refusal.waiting_for
            return refusal
        row.state = RELEASED
        row.resolved_at = now_utc()
        return None

    def _refused_of(self, s: Session, device_id: str, seqs: list[int]) -> list[RefusedChange]:
        if not seqs:
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
            refusal = self._try_release(s, row, now_ms() + self.settings.stamp_tolerance_ms)
            if refusal is None:
                self._retry_waiting(s, {row.entity_id}, now_ms() + self.settings.stamp_tolerance_ms)
        if refusal is not None:
            with self.sessions.begin() as s:
                row = self._parked_row(s, parked_id)
                row.code, row.reason, row.waiting_for = (refusal.code, refusal.reason,
                                                         refusal.waiting_for)
            raise ParkedStillRefused(f"parked change {parked_id} is still refused: "
                                     f"{refusal.reason}")

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
            raise UnknownParked(f"no parked change {parked_id}")
        if row.state != PARKED:
            raise UnknownParked(f"parked change {parked_id} was already {row.state}")
        return row

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
        """Move the device's contiguous watermark: every seq 1..acked is applied or parked."""
        acked = dev.acked_seq
        held = union(
            select(ChangeLog.origin_seq.label("seq")).where(
                ChangeLog.origin_device == dev.id, ChangeLog.origin_seq > acked),
            select(ParkedChange.seq.label("seq")).where(
                ParkedChange.device_id == dev.id, ParkedChange.seq > acked),
        ).subquery()
        following = s.scalars(select(held.c.seq).order_by(held.c.seq))
        for seq in following:
            if seq != acked + 1:
                break
            acked = seq
        dev.acked_seq = acked
        return acked

    # -- pull ------------------------------------------------------------------------

    def pull(self, blob: bytes) -> bytes:
        """Answer a signed pull request with a page sealed to the requesting device.

        The page and the cursor it reports are read in one snapshot (REPEATABLE READ on
        PostgreSQL, where each statement of a READ COMMITTED transaction would have its
        own): a change committed between the two reads could otherwise be jumped over.
        """
        with self.sessions.begin() as s:
            dev, header, payload = self._open(s, blob, (EnvelopeKind.PULL_REQUEST,))
            self._remember(s, header)
            try:
                req = PullRequest.model_validate_json(payload)
            except ValidationError as exc:
                raise PayloadInvalid(describe_validation(exc)) from None
            dev.last_seen = now_utc()
            x_pub = X25519PublicKey.from_public_bytes(dev.x25519_public)
            device_id = dev.id
        limit = min(req.limit, self.settings.page_size)
        with self._snapshot() as s:
            reader = s.get(Device, device_id)
            if reader is None:  # pragma: no cover - devices are never deleted
                raise UnknownDevice("this device is not known")
            answer = self._page(s, reader, req.cursor, limit, own_node=req.own_node)
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

    def _snapshot(self) -> Session:
        """A read-only session whose statements all see one snapshot."""
        if self.engine.dialect.name == "postgresql":
            bind = self.engine.execution_options(isolation_level="REPEATABLE READ")
            # From the same factory, so it carries the data key (hq.atrest opens on load).
            return self.sessions(bind=bind)
        # SQLite: a read transaction in WAL mode sees one snapshot from its first read.
        return self.sessions()

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
        """Everything the device is entitled to since `since`, sealed to it (a return file).

        The file also acknowledges (signed, like every answer) what HQ holds from the
        device, bundles imported included, so the device counts those changes as sent. A
        revoked device gets that acknowledgement only, no records: it can then see that its
        last bundle arrived and be wiped without losing anything.
        """
        with self.sessions() as s:
            dev = s.get(Device, device_id)
            if dev is None:
                raise UnknownDevice(f"no device {device_id[:64]!r}")
            if dev.revoked:
                answer = PullAnswer(records=[], next_cursor=since, has_more=False,
                                    hq_time_ms=now_ms())
            else:
                answer = self._page(s, dev, since, 10_000_000)
            answer.acked_seq = dev.acked_seq
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
            for rec_entity, rec_id, fields in s.execute(
                select(Record.entity, Record.entity_id, Record.fields).where(Record.entity == entity)
            ).yield_per(5000):
                yield rec_entity, rec_id, atrest.open_fields(self.data_key, rec_entity, rec_id, fields)

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
