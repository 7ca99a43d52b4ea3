"""What every part of HQ shares: the refusals, small helpers, and admitting an envelope.

`fieldapp.hq.service.Hq` is a thin facade over the parts, one module per job:
`devices` (enrolment, devices), `ingest` (pushes, bundles in, parked changes),
`entitlement` (who may pull what), `feed` (pulls, return bundles), `admin` (reference
data, figures, housekeeping). Each part is a mixin over `HqBase`.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from fieldapp.crypto.envelope import (
    EnvelopeHeader,
    EnvelopeKind,
    EnvelopeMalformed,
    EnvelopeReplayed,
    open_envelope,
)
from fieldapp.domain import entities
from fieldapp.domain.errors import SyncRejected
from fieldapp.hq.keys import HqKeys
from fieldapp.hq.models import Device, SeenEnvelope
from fieldapp.hq.settings import HqSettings
from fieldapp.sync import trust
from fieldapp.sync.protocol import MAX_CHANGES_PER_PUSH, Change, read_push

#: The field that links a record to its parent, per entity (from the entity registry).
PARENT_FIELD = entities.PARENT_FIELD


# -- errors ----------------------------------------------------------------------------


class HqRejected(SyncRejected):
    reason = "rejected"
    status = 400
    action: str | None = None

    def __init__(self, template: str, /, **params: object) -> None:
        super().__init__(template, **params)
        self.message = str(self)


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


class WrongPost(EnrolmentRefused):
    """The code is for another post or centre than the device is set up for."""

    reason = "wrong_post"


def code_place(post_code: str, centre_code: str | None) -> str:
    return f"post {post_code}, centre {centre_code}" if centre_code else f"post {post_code}"


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
    #: Its audit trail at HQ: events 1..audit_acked_seq held (a push's audit part), and
    #: the first whose hash did not verify (the laptop's trail was altered), if any.
    audit_acked_seq: int = 0
    audit_broken_seq: int | None = None


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
        batch = read_push(payload)  # PushPayload.model_validate_json, fast
        return [(c.seq, c, None) for c in batch.changes]  # dumped only if parked
    except ValidationError:
        pass
    try:
        doc = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        raise PayloadInvalid("the push is not JSON") from None
    changes = doc.get("changes") if isinstance(doc, dict) else None
    if not isinstance(changes, list) or len(changes) > MAX_CHANGES_PER_PUSH:
        raise PayloadInvalid("changes: a list of at most {max_changes_per_push} is needed",
                             max_changes_per_push=MAX_CHANGES_PER_PUSH)
    out: list[tuple[int, Change | None, Any]] = []
    for i, item in enumerate(changes):
        seq = item.get("seq") if isinstance(item, dict) else None
        if isinstance(seq, bool) or not isinstance(seq, int) or not 1 <= seq <= 2**62:
            raise PayloadInvalid("changes.{i}.seq: every change needs a seq 1..2^62", i=i)
        try:
            out.append((seq, Change.model_validate(item), item))
        except ValidationError as exc:
            out.append((seq, None, {**item, "_why": describe_validation(exc)}))
    return out




class HqBase:
    """The state every part of HQ works with (set by `fieldapp.hq.service.Hq`)."""

    settings: HqSettings
    keys: HqKeys
    engine: Engine
    sessions: sessionmaker[Session]
    data_key: bytes | None

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
            raise EnvelopeMalformed("a {value} envelope is not accepted here",
                                    value=header.kind.name.lower())
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
        try:
            # The same envelope arriving twice at once (a duplicating link): the second
            # waits for the first's write and finds its id taken — a replay, not a bug.
            s.flush()
        except IntegrityError:
            raise EnvelopeReplayed("this envelope was already received (replay)") from None


def _rowcount(result: object) -> int:
    # DML results are CursorResults; the Result annotation of Session.execute hides it.
    return int(getattr(result, "rowcount", 0))



def _value(fields: dict[str, Any], name: str) -> Any:
    entry = fields.get(name)
    return entry[0] if entry else None


def _raw(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    from fieldapp.hq.keys import public_raw

    return public_raw(key)
