"""Sync wire models (pydantic v2) shared by the device client and HQ, and request signing.

Endpoints (HQ, all under ``/v1``; every 4xx/5xx body is ``ErrorBody``):

- ``GET  /v1/health`` -> ``Health``
- ``POST /v1/enrol``  JSON ``EnrolRequest`` -> ``EnrolAnswer``. Codes are single use.
- ``POST /v1/push``   body: envelope (``application/octet-stream``) of kind PUSH, sealed to
  HQ's X25519 key, signed by the device; payload is ``PushPayload`` JSON; the header's
  seq_from/seq_to are the smallest/largest ``seq`` in it (0/0 for audit events only).
  Protocol 2 adds the device's audit events as one ``AuditPart`` (numbered apart from the
  changes); HQ answers ``audit_acked_seq`` to such a push only. -> ``PushAnswer``.
- ``POST /v1/pull``   body: envelope of kind PULL_REQUEST, payload ``PullRequest`` JSON.
  -> envelope of kind PULL_ANSWER sealed to the device's X25519 key and signed by HQ;
  payload ``PullAnswer`` JSON.
- ``POST|PATCH|HEAD /v1/attachments/{id}``: resumable upload, see ``fieldapp.hq.app``;
  requests carry the signature headers made by ``sign_request``.

A change (one outbox row)::

    {"seq": 12, "entity": "victim", "entity_id": "<uuid>", "op": "upsert",
     "post_code": "POIPET", "fields": {"name_latin": ["Sok Dara", "<hlc>"], ...}}

``fields`` maps a field name to ``[value, str(Hlc)]``. Links are ordinary fields:
victim ``rescue_id``, statement/referral ``victim_id``, referral_event ``referral_id``;
a referral's destination is its ``provider_code`` field (the transit centre's code).
Revoked devices get 403 ``{"error": "revoked", "action": "wipe", ...}`` from every call.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from operator import itemgetter
from typing import Annotated, Any, Literal

import msgspec
import pydantic_core
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PublicKey
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

from fieldapp.domain.entities import SYNCED_ENTITIES
from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput
from fieldapp.domain.hlc import Hlc

#: 2 (issue 16): a push carries the device's audit events as one `AuditPart`, not as one
#: change each. HQ accepts 1 and 2; it answers `audit_acked_seq` only to a push of 2.
PROTOCOL_VERSION = 2
PROTOCOLS = frozenset({1, 2})


def _known_entity(value: str) -> str:
    if value not in SYNCED_ENTITIES:
        raise ValueError(f"unknown entity; expected one of {', '.join(SYNCED_ENTITIES)}")
    return value


#: An entity name on the wire: one of the registry's (`fieldapp.domain.entities`).
Entity = Annotated[str, AfterValidator(_known_entity)]


MAX_FIELDS = 200
MAX_FIELD_NAME = 64
MAX_CHANGES_PER_PUSH = 5000
MAX_AUDIT_PER_PUSH = 20000
MAX_PULL_LIMIT = 2000

# Request-signature headers (attachments; push and pull are signed inside the envelope).
H_DEVICE = "x-fieldapp-device"
H_TIMESTAMP = "x-fieldapp-timestamp"
H_SIGNATURE = "x-fieldapp-signature"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Change(_Model):
    seq: int = Field(ge=1, le=2**62)
    entity: Entity
    entity_id: str = Field(min_length=1, max_length=64)
    op: Literal["upsert"] = "upsert"
    post_code: str = Field(min_length=1, max_length=32)
    fields: dict[str, tuple[Any, str]]

    @field_validator("fields")
    @classmethod
    def _check_fields(cls, value: dict[str, tuple[Any, str]]) -> dict[str, tuple[Any, str]]:
        if len(value) > MAX_FIELDS:
            raise ValueError(f"at most {MAX_FIELDS} fields per change")
        for name, (_, stamp) in value.items():
            if not name or len(name) > MAX_FIELD_NAME:
                raise ValueError("field names are 1..64 characters")
            _check_stamp(name, stamp)
        return value


def _check_stamp(name: str, stamp: str) -> None:
    try:
        canonical = str(Hlc.parse(stamp)) == stamp
    except InvalidInput as exc:
        # pydantic only turns ValueError into a validation error (a 422, not a 500).
        raise ValueError(str(exc)) from None
    if not canonical:
        # Stamps are compared as text, which is only correct in the padded form.
        raise ValueError(f"clock stamp of {name!r} is not in canonical form")


#: A clock stamp exactly as `_check_stamp` accepts it: ``str(Hlc.parse(text)) == text``, i.e.
#: the wall and counter parts in ASCII digits, padded to 13 and 5 and no more (a longer part
#: without a leading zero), then any node. For the fast reader (`read_push`); a test holds
#: the two to the same answers.
STAMP_PATTERN = r"\A(?:[0-9]{13}|[1-9][0-9]{13,})-(?:[0-9]{5}|[1-9][0-9]{5,})-"


#: One audit event on the wire, in this order: seq, id, at (ISO 8601), username, device_id,
#: action, entity, entity_id, detail, hash. The previous hash is not sent: it is the
#: previous event's (the first's is the part's `prev_hash`).
AUDIT_WIRE = ("seq", "id", "at", "username", "device_id", "action", "entity", "entity_id",
              "detail", "hash")
AuditRow = tuple[int, str, str, str, str, str, str, str, dict[str, Any], str]


class AuditPart(_Model):
    """The device's audit events after `after` (its seqs, consecutive), with the hash of
    event `after`, and one clock stamp for them all (they are stored as HQ records)."""

    after: int = Field(ge=0, le=2**62)
    prev_hash: str = Field(pattern=r"^[0-9a-f]{64}$")
    stamp: str = Field(max_length=64)
    events: list[AuditRow] = Field(max_length=MAX_AUDIT_PER_PUSH)

    @field_validator("stamp")
    @classmethod
    def _canonical(cls, value: str) -> str:
        _check_stamp("stamp", value)
        return value


class PushPayload(_Model):
    protocol: int = PROTOCOL_VERSION
    changes: list[Change] = Field(max_length=MAX_CHANGES_PER_PUSH)
    audit: AuditPart | None = None


class RefusedChange(_Model):
    """A change HQ refused and parked (acknowledged all the same: the queue moves on)."""

    seq: int
    entity: str
    entity_id: str
    code: str = Field(description="machine reason: invalid, future_stamp, not_entitled, ...")
    reason: str = Field(description="one line naming the field and the rule, never a value")


class PushAnswer(_Model):
    acked_seq: int = Field(description="every seq 1..acked_seq of this device is applied at HQ")
    highest_seq: int = Field(
        description="highest seq of this device HQ holds (may have gaps below)"
    )
    applied: int = Field(description="changes applied from this batch")
    duplicates: int = Field(description="changes in this batch HQ already had")
    hq_time_ms: int
    skew_ms: int = Field(description="envelope timestamp minus HQ time")
    clock_warning: bool = Field(description="the device clock is further off than HQ tolerates")
    refused: list[RefusedChange] = Field(
        default_factory=list,
        description="changes of this batch HQ refused and parked, with the reason",
    )
    #: Only in the answer to a push of protocol 2 (a device of protocol 1 refuses fields it
    #: does not know): every audit event 1..audit_acked_seq of the device HQ holds.
    audit_acked_seq: int | None = Field(default=None, ge=0)


class PullRequest(_Model):
    protocol: int = PROTOCOL_VERSION
    cursor: int = Field(ge=0, le=2**62, default=0)
    limit: int = Field(ge=1, le=MAX_PULL_LIMIT, default=500)
    #: The device's own clock node. A record whose every field this node wrote last is left
    #: out of the answer: the device holds exactly that already (half a pull's bytes on 2G).
    own_node: str | None = Field(default=None, min_length=1, max_length=64)


class PulledRecord(_Model):
    server_seq: int
    entity: str
    entity_id: str
    post_code: str | None
    fields: dict[str, tuple[Any, str]]


class PullAnswer(_Model):
    protocol: int = PROTOCOL_VERSION
    records: list[PulledRecord]
    next_cursor: int
    has_more: bool
    hq_time_ms: int
    revoked_devices: list[str] = Field(
        default_factory=list,
        description="devices of the same post HQ has revoked: refuse their bundles",
    )
    acked_seq: int | None = Field(
        default=None, ge=0,
        description="a return file's acknowledgement: every seq 1..acked_seq of the device "
        "it is for is at HQ (bundles imported included)",
    )


# -- the push, read fast ------------------------------------------------------------------
# HQ reads every push through these msgspec structs: the same rules as the pydantic models
# above (which stay the reference, and the reader of anything the structs refuse), checked
# in C while decoding. pydantic's per-change validators (a stamp parsed and printed again
# per field) were a fifth of HQ's push CPU.

_FieldName = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_FIELD_NAME)]
_STAMP = re.compile(STAMP_PATTERN)


class _WireChange(msgspec.Struct, forbid_unknown_fields=True):
    seq: Annotated[int, msgspec.Meta(ge=1, le=2**62)]
    entity: str
    entity_id: Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
    post_code: Annotated[str, msgspec.Meta(min_length=1, max_length=32)]
    #: The stamps are checked once per distinct stamp (`read_push`): a change's fields
    #: mostly share one, and a pattern per field was half the cost of reading a push.
    fields: Annotated[dict[_FieldName, tuple[Any, str]], msgspec.Meta(max_length=MAX_FIELDS)]
    op: Literal["upsert"] = "upsert"


class _WireAudit(msgspec.Struct, forbid_unknown_fields=True):
    after: Annotated[int, msgspec.Meta(ge=0, le=2**62)]
    # `\Z`, not `$`: pydantic's (Rust) `$` does not let a final newline through.
    prev_hash: Annotated[str, msgspec.Meta(pattern=r"\A[0-9a-f]{64}\Z")]
    stamp: Annotated[str, msgspec.Meta(max_length=64, pattern=STAMP_PATTERN)]
    events: Annotated[list[tuple[int, str, str, str, str, str, str, str, dict[str, Any], str]],
                      msgspec.Meta(max_length=MAX_AUDIT_PER_PUSH)]


class _WirePush(msgspec.Struct, forbid_unknown_fields=True):
    changes: Annotated[list[_WireChange], msgspec.Meta(max_length=MAX_CHANGES_PER_PUSH)]
    protocol: int = PROTOCOL_VERSION
    audit: _WireAudit | None = None


class _AuditOnly(msgspec.Struct):
    """A push payload read for its audit part only (the changes are skipped unbuilt)."""

    audit: _WireAudit | None = None


_PUSH_READER = msgspec.json.Decoder(_WirePush)
_AUDIT_READER = msgspec.json.Decoder(_AuditOnly)
_ENTITIES = frozenset(SYNCED_ENTITIES)
_stamp_of = itemgetter(1)


def read_push(payload: bytes) -> PushPayload:
    """``PushPayload.model_validate_json(payload)``: the same model, or the same
    ValidationError, at a fraction of the cost. What the fast structs refuse (or a number
    pydantic would convert, such as ``"seq": "12"``) is read by the model itself."""
    try:
        wire = _PUSH_READER.decode(payload)
    except msgspec.DecodeError:  # ValidationError included
        return PushPayload.model_validate_json(payload)
    stamps: set[str] = set()
    for c in wire.changes:
        stamps.update(map(_stamp_of, c.fields.values()))
    if not (all(c.entity in _ENTITIES for c in wire.changes) and all(map(_STAMP.match, stamps))):
        return PushPayload.model_validate_json(payload)  # the model names what is wrong
    changes = [Change.model_construct(seq=c.seq, entity=c.entity, entity_id=c.entity_id,
                                      op=c.op, post_code=c.post_code, fields=c.fields)
               for c in wire.changes]
    return PushPayload.model_construct(protocol=wire.protocol, changes=changes,
                                       audit=_audit_model(wire.audit))


def read_audit_part(payload: bytes) -> AuditPart | None:
    """A push payload's valid audit part as ``AuditPart`` would read it; None when it has
    none or the fast reader cannot tell (the caller's reference reader decides then)."""
    try:
        return _audit_model(_AUDIT_READER.decode(payload).audit)
    except msgspec.DecodeError:
        return None


def _audit_model(part: _WireAudit | None) -> AuditPart | None:
    if part is None:
        return None
    return AuditPart.model_construct(after=part.after, prev_hash=part.prev_hash,
                                     stamp=part.stamp, events=part.events)


#: A pulled record as the device applies it: (entity, entity_id, {field: [value, hlc]}).
PulledFields = tuple[str, str, dict[str, list[Any]]]
_RECORD_KEYS = frozenset(PulledRecord.model_fields)


@dataclass(frozen=True)
class PulledPage:
    """A pull answer (or return file) read for applying: its own fields, checked by the
    `PullAnswer` model (``records`` left empty), and its records checked as `PulledRecord`
    checks them, straight into the shape `fieldapp.sync.apply` takes."""

    answer: PullAnswer
    records: list[PulledFields]


def read_pull_answer(payload: bytes) -> PulledPage:
    """Parse and check a `PullAnswer` payload; ValueError if it is not one.

    The same rules as ``PullAnswer.model_validate_json`` (no unknown keys, every record's
    fields ``[value, hlc text]``), only stricter where the model would convert (a number in
    quotes is refused), at a tenth of its cost: pydantic's per-record checks were most of a
    device's time reading a page.
    """
    doc = loads(payload)
    if not isinstance(doc, dict) or not isinstance(doc.get("records"), list):
        raise ValueError("not a pull answer")
    records = doc["records"]
    answer = PullAnswer.model_validate({**doc, "records": []})
    out: list[PulledFields] = []
    for r in records:
        if not isinstance(r, dict) or r.keys() != _RECORD_KEYS:
            raise ValueError("a pulled record has missing or unknown keys")
        seq, entity, entity_id, post, fields = (r["server_seq"], r["entity"], r["entity_id"],
                                                r["post_code"], r["fields"])
        if (type(seq) is not int or type(entity) is not str or type(entity_id) is not str
                or not (post is None or type(post) is str) or type(fields) is not dict):
            raise ValueError("a pulled record has a value of the wrong kind")
        for entry in fields.values():
            if type(entry) is not list or len(entry) != 2 or type(entry[1]) is not str:
                raise ValueError("a pulled field is not [value, clock stamp]")
        out.append((entity, entity_id, fields))
    return PulledPage(answer, out)


class EnrolRequest(_Model):
    code: str = Field(min_length=4, max_length=64)
    ed25519_public: str = Field(
        min_length=1, max_length=128, description="base64 of the raw 32-byte key"
    )
    x25519_public: str = Field(
        min_length=1, max_length=128, description="base64 of the raw 32-byte key"
    )
    label: str = Field(default="", max_length=100)
    #: The device's own post (or centre). HQ refuses a code that does not fit it BEFORE
    #: using the code or registering the device, so a refusal leaves no device behind.
    post_code: str = Field(default="", max_length=32)


def code_fits_device(device_post: str, post_code: str, role: Role | str,
                     centre_code: str | None) -> bool:
    """Can a code for `post_code` (`role`, `centre_code`) enrol a device set up for
    `device_post`? Its own post, or, for centre staff, the centre the code names (a transit
    centre's laptop is set up for the centre; the code also names the post it serves)."""
    if device_post == post_code:
        return True
    return Role(role) is Role.CENTRE_STAFF and centre_code is not None and device_post == centre_code


class EnrolAnswer(_Model):
    device_id: str
    post_code: str
    role: Role
    centre_code: str | None
    hq_ed25519_public: str
    hq_x25519_public: str
    hq_recovery_x25519_public: str
    hq_time_ms: int
    #: SHA-256 (hex) of the TLS certificate HQ serves, when it serves TLS itself: a device
    #: that reached HQ over a self-signed certificate pins it (this answer is signed).
    hq_tls_sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")
    #: This device's case-number series at its post (one letter, unique per post).
    case_code: str | None = Field(default=None, pattern=r"^[A-Z]{1,2}$")


class Health(_Model):
    status: Literal["ok"] = "ok"
    protocol: int = PROTOCOL_VERSION
    hq_time_ms: int


class ErrorBody(_Model):
    error: str = Field(description="machine-readable reason code")
    reason: str = Field(description="one line a person can act on")
    action: str | None = None


class AttachmentCreate(_Model):
    size: int = Field(ge=0, le=2**62)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class AttachmentState(_Model):
    id: str
    offset: int
    size: int
    complete: bool


# -- helpers -------------------------------------------------------------------------


def b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def unb64(text: str, size: int = 32) -> bytes:
    """Decode standard base64 of exactly `size` bytes; ValueError otherwise."""
    raw = base64.b64decode(text.encode("ascii"), validate=True)
    if len(raw) != size:
        raise ValueError(f"expected {size} bytes")
    return raw


def public_bytes(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def dump(model: BaseModel) -> bytes:
    """Payload bytes of a model, as sealed in an envelope."""
    return model.model_dump_json().encode("utf-8")


_JSON_READER = msgspec.json.Decoder()


def loads(data: bytes | str) -> Any:
    """Parse JSON fast (msgspec) with Python's reader's results (integers beyond 64 bits stay
    exact in both): what msgspec refuses (NaN written by `json.dumps`, a lone surrogate)
    goes to Python's reader."""
    try:
        return _JSON_READER.decode(data)
    except msgspec.DecodeError:
        return json.loads(data)


def pydantic_json(value: Any) -> bytes:
    """`value` (plain JSON data) as the bytes pydantic's ``model_dump_json`` writes for it:
    pydantic's own serialiser, so a fast path that skips the models writes what they write
    (NaN and infinities as null, integers of any size, text unescaped)."""
    return pydantic_core.to_json(value, inf_nan_mode="null")


def pull_answer_json(
    records: list[dict[str, Any]], *, next_cursor: int, has_more: bool, hq_time_ms: int,
    revoked_devices: list[str] | None = None, acked_seq: int | None = None,
) -> bytes:
    """A `PullAnswer` payload written as JSON in one go (HQ's pull serves thousands of records
    a second: a pydantic model per record was a third of its time).

    `records` are `PulledRecord` dicts in field order, ``fields`` as ``{name: [value, hlc]}``
    read from HQ's own database. The bytes are those of ``dump(PullAnswer(...))`` for the
    same page (a test holds them to that, NaN and large numbers included).
    """
    answer = {"protocol": PROTOCOL_VERSION, "records": records, "next_cursor": next_cursor,
              "has_more": has_more, "hq_time_ms": hq_time_ms,
              "revoked_devices": revoked_devices or [], "acked_seq": acked_seq}
    return pydantic_json(answer)


def _signing_input(
    method: str, path: str, timestamp_ms: int, body: bytes, offset: int | None
) -> bytes:
    return b"\n".join(
        [
            b"FAR2",
            method.upper().encode(),
            path.encode(),
            str(timestamp_ms).encode(),
            b"" if offset is None else str(offset).encode(),
            hashlib.sha256(body).digest(),
        ]
    )


def sign_request(
    method: str,
    path: str,
    body: bytes,
    *,
    device_id: str,
    private: Ed25519PrivateKey,
    timestamp_ms: int,
    offset: int | None = None,
) -> dict[str, str]:
    """Headers that authenticate a plain HTTP request (method, path, time, upload offset,
    body hash). HQ accepts a timestamp only within its window and each signature once."""
    sig = private.sign(_signing_input(method, path, timestamp_ms, body, offset))
    return {H_DEVICE: device_id, H_TIMESTAMP: str(timestamp_ms), H_SIGNATURE: b64(sig)}


def verify_request(
    method: str,
    path: str,
    body: bytes,
    *,
    timestamp_ms: int,
    signature_b64: str,
    public: Ed25519PublicKey,
    offset: int | None = None,
) -> bool:
    try:
        sig = base64.b64decode(signature_b64.encode("ascii"), validate=True)
        public.verify(sig, _signing_input(method, path, timestamp_ms, body, offset))
    except (InvalidSignature, ValueError, UnicodeEncodeError):
        return False
    return True
