"""The device's sync client (Qt-free, httpx): enrol, push the outbox, pull and apply, upload files.

Built for links that drop every few seconds: every request is retried with back-off and
jitter and sealed afresh each time (HQ refuses a replayed envelope), batches shrink when
attempts fail and grow again when they succeed, and progress is committed as it is made
(the acknowledged outbox seq, the pull cursor, the upload offset at HQ), so a round cut
anywhere — even by killing the process — resumes where it stopped, losing and repeating
nothing. Nothing here logs names or payloads.
"""

from __future__ import annotations

import base64
import contextlib
import dataclasses
import functools
import hashlib
import json
import random
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from pydantic import ValidationError
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from fieldapp.crypto.envelope import (
    EnvelopeHeader,
    EnvelopeKind,
    EnvelopeRejected,
    open_envelope,
    seal,
)
from fieldapp.domain.errors import FieldAppError, InvalidInput, SyncRejected
from fieldapp.domain.hlc import Hlc
from fieldapp.store import sealing
from fieldapp.store.changes import allocate_seq
from fieldapp.store.codec import to_json
from fieldapp.store.models import Attachment, AuditEvent, Device, Outbox, utcnow
from fieldapp.store.store import Store
from fieldapp.store.unsent import unsent_count
from fieldapp.sync.apply import ApplyStats, apply_records, refused_table, upload_table
from fieldapp.sync.protocol import (
    MAX_CHANGES_PER_PUSH,
    AttachmentState,
    EnrolAnswer,
    EnrolRequest,
    PullAnswer,
    PullRequest,
    PushAnswer,
    PushPayload,
    RefusedChange,
    b64,
    code_fits_device,
    dump,
    public_bytes,
    sign_request,
    unb64,
)
from fieldapp.sync.scheduler import backoff_delay
from fieldapp.sync.trust import (
    H_ANSWER_SIGNATURE,
    H_HQ_HPKE,
    H_REQUEST_SIGNATURE,
    UntrustedAnswer,
    binding,
    check_fingerprint,
    check_hq_url,
    check_x25519_public,
    split_code,
    verify_answer,
)

T = TypeVar("T")
OCTETS = {"content-type": "application/octet-stream"}


# -- errors ------------------------------------------------------------------------------


class NotEnrolled(FieldAppError):
    def __init__(self) -> None:
        super().__init__(
            "this device is not enrolled with HQ: a supervisor runs 'fieldapp enrol' with the "
            "code HQ issued"
        )


class HqUnreachable(FieldAppError):
    """HQ did not answer (link down, timeouts, resets); nothing is lost, try again later."""


class HqRefused(SyncRejected):
    """HQ answered with a refusal; `error` is its machine code, the message its reason."""

    def __init__(self, message: str, *, error: str = "refused", status: int = 400) -> None:
        super().__init__(message)
        self.error = error
        self.status = status


class WrongPostEnrolled(SyncRejected):
    """HQ registered this device for another post than it is set up for (an older HQ that
    does not check): HQ must revoke that registration; nothing was kept here."""

    def __init__(self, device_post: str, code_post: str, device_id: str) -> None:
        super().__init__(
            f"HQ issued this code for {code_post}, but this device is set up for {device_post}; "
            f"ask HQ to revoke device {device_id} and issue a code for {device_post}")
        self.device_post, self.code_post, self.device_id = device_post, code_post, device_id


class DeviceRevoked(SyncRejected):
    """HQ has revoked this device. `unsent` changes never reached HQ: export them first."""

    def __init__(self, unsent: int) -> None:
        self.unsent = unsent
        if unsent:
            text = (
                f"HQ has revoked this device. {unsent} change(s) never reached HQ: export them "
                "with 'fieldapp bundle export --out FILE', hand the file to HQ, then wipe this "
                "device with 'fieldapp wipe'"
            )
        else:
            text = (
                "HQ has revoked this device and holds all of its changes: wipe it now with "
                "'fieldapp wipe'"
            )
        super().__init__(text)

    @property
    def has_unsent(self) -> bool:
        return self.unsent > 0


class _Transient(Exception):
    """An answer that arrived damaged (cut short, altered): worth asking again."""


class _Revoked(Exception):
    pass


# -- settings and results ----------------------------------------------------------------


@dataclass
class SyncOptions:
    """Knobs of one round. The defaults suit a 2G link; tests shrink the waits."""

    #: Changes per push: starts small, doubles after each success, halves on a failure.
    first_batch: int = 100
    #: Capped so no single parse or seal holds the GIL long (the window shares it) and a
    #: dropped 2G connection loses little.
    max_batch: int = 500
    max_batch_bytes: int = 1024 * 1024
    pull_limit: int = 500
    upload_chunk: int = 64 * 1024
    connect_timeout: float = 15.0
    #: Until HQ has answered once in this round, a connection that is refused or not
    #: accepted within this many seconds ends the round at once (HqUnreachable): HQ is down
    #: or the address is unreachable, and retrying for minutes only keeps the officer waiting.
    first_contact_timeout: float = 5.0
    io_timeout: float = 60.0
    attempts: int = 8
    retry_base: float = 0.5
    retry_cap: float = 20.0
    #: A round gives up (HqUnreachable) after this long; progress made so far is kept.
    deadline_s: float = 600.0
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = field(default_factory=random.Random)


@dataclass
class SyncResult:
    """What one round moved. `skew_ms` is this device's clock minus HQ's (None if unknown)."""

    pushed: int = 0
    duplicates: int = 0
    acked_seq: int = 0
    pulled: int = 0
    changed: int = 0
    parked: int = 0
    #: Pulled records that could not be stored here (kept aside with a reason).
    set_aside: int = 0
    #: Changes of this device HQ refused and parked, in this round.
    refused: int = 0
    uploaded: int = 0
    pending: int = 0
    skew_ms: int | None = None
    clock_warning: bool = False
    requests: int = 0
    retries: int = 0
    bytes_sent: int = 0
    bytes_received: int = 0
    duration_s: float = 0.0


@dataclass(frozen=True)
class DeviceKeys:
    hq_url: str
    device_id: str  # HQ's id for this device (envelopes carry it)
    post_code: str
    signing: Ed25519PrivateKey
    hpke: X25519PrivateKey
    hq_signing: Ed25519PublicKey
    hq_hpke: X25519PublicKey
    node: str = ""  # this store's clock node (its local device id): see PullRequest.own_node
    #: HQ's self-signed TLS certificate (DER), pinned at enrolment (None: CA-verified).
    tls_cert: bytes | None = None


def load_keys(s: Session) -> DeviceKeys:
    device = s.scalars(select(Device)).one()
    if not device.hq_device_id or not device.signing_key or not device.hpke_key:
        raise NotEnrolled()
    keys = device.hq_keys or {}
    return DeviceKeys(
        hq_url=device.hq_url or "",
        device_id=device.hq_device_id,
        post_code=device.post_code,
        signing=Ed25519PrivateKey.from_private_bytes(device.signing_key),
        hpke=X25519PrivateKey.from_private_bytes(device.hpke_key),
        hq_signing=Ed25519PublicKey.from_public_bytes(unb64(keys["ed25519"])),
        hq_hpke=X25519PublicKey.from_public_bytes(unb64(keys["x25519"])),
        node=device.id,
        tls_cert=base64.b64decode(keys["tls_cert"]) if keys.get("tls_cert") else None,
    )


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())


def _hq_reason(response: httpx.Response) -> tuple[str, str]:
    try:
        body = response.json()
        return str(body.get("error", "refused")), str(body.get("reason", ""))[:300]
    except (ValueError, AttributeError):
        return "refused", ""


@functools.cache
def _tls_context() -> ssl.SSLContext:
    # Loading the CA bundle takes ~35 ms; the background sync makes a client every round.
    return httpx.create_ssl_context()


@functools.cache
def _pinned_context(cert_der: bytes) -> ssl.SSLContext:
    """Trust exactly HQ's own certificate, pinned at enrolment: any other fails the TLS
    handshake, before a byte of the request is sent. (The host name is not checked: HQ's
    self-signed certificate may not name the address a post reaches it by.)"""
    ctx = ssl.create_default_context(cadata=cert_der)
    ctx.check_hostname = False
    return ctx


@functools.cache
def _unverified_context() -> ssl.SSLContext:
    """Only for the enrolment request to a self-signed HQ: the signed answer must then name
    the certificate that was presented (see `enrol`)."""
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    return ctx


def peer_certificate(response: httpx.Response) -> bytes | None:
    """The TLS certificate (DER) the answer came over (None: plain HTTP)."""
    stream = response.extensions.get("network_stream")
    ssl_object = stream.get_extra_info("ssl_object") if stream is not None else None
    if ssl_object is None:
        return None
    der = ssl_object.getpeercert(True)  # (an _ssl socket: positional only)
    return bytes(der) if der else None


class CertificateNotTrusted(SyncRejected):
    """HQ's TLS certificate is neither CA-verified nor the one pinned at enrolment."""


# -- HTTP with retries -------------------------------------------------------------------


class Http:
    """One httpx client; `send` retries transient failures and re-makes the body each time."""

    RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})

    def __init__(
        self,
        base_url: str,
        options: SyncOptions,
        transport: httpx.BaseTransport | None = None,
        result: SyncResult | None = None,
        *,
        hq_signing: Ed25519PublicKey | None = None,
        tls_cert: bytes | None = None,
        unverified_tls: bool = False,
    ) -> None:
        if not base_url:
            raise InvalidInput("no HQ address: enrol first or give --hq URL")
        base_url = check_hq_url(base_url)
        self.options = options
        self.result = result or SyncResult()
        self.deadline = time.monotonic() + options.deadline_s
        #: Answers are verified with this key (None only while enrolling: see `enrol`).
        self.hq_signing = hq_signing
        #: HQ's current HPKE key as named by the last verified answer (base64).
        self.hq_hpke: str | None = None
        #: Has HQ answered anything in this round? Until then a dead link fails fast.
        self.reached = False
        self.base_url = base_url
        timeout = httpx.Timeout(options.io_timeout, connect=options.connect_timeout)
        self.client = httpx.Client(base_url=base_url, timeout=timeout, transport=transport,
                                   verify=_pinned_context(tls_cert) if tls_cert else
                                   _unverified_context() if unverified_tls else _tls_context())

    def check_answer(self, response: httpx.Response, content: bytes,
                     headers: dict[str, str], what: str) -> None:
        """Raise UntrustedAnswer unless HQ signed this answer to this very request."""
        if self.hq_signing is None:
            return
        hpke = response.headers.get(H_HQ_HPKE, "")
        if not verify_answer(self.hq_signing, response.status_code,
                             binding(content, headers.get(H_REQUEST_SIGNATURE)), hpke,
                             response.content, response.headers.get(H_ANSWER_SIGNATURE)):
            raise UntrustedAnswer(what)
        self.hq_hpke = hpke or None

    def _timeout(self) -> httpx.Timeout | httpx._client.UseClientDefault:
        if self.reached:
            return httpx.USE_CLIENT_DEFAULT
        return httpx.Timeout(self.options.io_timeout,
                             connect=min(self.options.connect_timeout,
                                         self.options.first_contact_timeout))

    def close(self) -> None:
        self.client.close()

    def send(
        self,
        method: str,
        path: str,
        body: Callable[[int], tuple[bytes, dict[str, str]]],
        parse: Callable[[httpx.Response], T],
        *,
        accept: frozenset[int] = frozenset({200}),
    ) -> T:
        """Send until an answer in `accept` parses; `body(attempt)` makes fresh bytes."""
        attempt = 0
        last = "no answer"
        while True:
            if time.monotonic() >= self.deadline:
                raise HqUnreachable(
                    "the sync round ran out of time; what was sent is kept and the next "
                    "sync continues from there"
                )
            content, headers = body(attempt)
            try:
                self.result.requests += 1
                self.result.bytes_sent += len(content)
                response = self.client.request(method, path, content=content, headers=headers,
                                               timeout=self._timeout())
                self.reached = True
                self.result.bytes_received += len(response.content)
                if response.status_code in accept:
                    self.check_answer(response, content, headers, f"HQ's answer to {path}")
                    return parse(response)
                error, reason = _hq_reason(response)
                if response.status_code == 403 and (
                    error == "revoked" or response.headers.get("x-error") == "revoked"
                ):
                    # Only a revocation HQ signed for this request counts: a forged one
                    # must never lead to a wipe.
                    self.check_answer(response, content, headers, "the revocation notice")
                    raise _Revoked()
                if response.status_code in self.RETRY_STATUS or _worth_resending(
                    response.status_code, error, reason
                ):
                    last = f"HQ answered {response.status_code}"
                else:
                    with contextlib.suppress(UntrustedAnswer):
                        # A signed refusal still names HQ's current HPKE key (after a rotation).
                        self.check_answer(response, content, headers, "HQ's refusal")
                    raise HqRefused(
                        f"HQ refused: {reason or error}", error=error,
                        status=response.status_code,
                    )
            except httpx.TransportError as exc:
                if "CERTIFICATE_VERIFY_FAILED" in str(exc):
                    raise CertificateNotTrusted(
                        "HQ's certificate is not one this device trusts (nor the one it "
                        "enrolled with): nothing was sent or changed. If HQ replaced its "
                        "certificate, ask HQ; otherwise someone may be between this device "
                        "and HQ"
                    ) from None
                last = type(exc).__name__
                if not self.reached and isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout)):
                    raise HqUnreachable(
                        f"HQ could not be reached at {self.base_url} ({_no_contact(exc)}); "
                        "nothing is lost, the next sync continues from here"
                    ) from None
            except _Transient as exc:
                last = str(exc) or "damaged answer"
            attempt += 1
            if attempt >= self.options.attempts or time.monotonic() >= self.deadline:
                raise HqUnreachable(
                    f"HQ could not be reached ({last}, {attempt} attempts); nothing is lost, "
                    "the next sync continues from here"
                )
            self.result.retries += 1
            delay = backoff_delay(attempt, base=self.options.retry_base,
                                  cap=self.options.retry_cap, rng=self.options.rng)
            self.options.sleep(min(delay, max(0.0, self.deadline - time.monotonic())))


def _no_contact(exc: httpx.TransportError) -> str:
    if isinstance(exc, httpx.ConnectTimeout):
        return "no answer to the connection"
    return "connection refused" if "refused" in str(exc).lower() else "no connection"


# -- enrolment ---------------------------------------------------------------------------


def enrol(
    store: Store,
    username: str,
    hq_url: str,
    code: str,
    *,
    label: str = "",
    transport: httpx.BaseTransport | None = None,
    options: SyncOptions | None = None,
) -> EnrolAnswer:
    """Make this device's keys, register them with HQ using a one-time code, keep HQ's keys.

    The code's check part must match the signing key HQ names, and the answer must be
    signed by that key for this request (see `fieldapp.sync.trust`); otherwise nothing is
    kept and the device stays unenrolled. Plain http:// is refused except to loopback.
    Over https with a certificate no CA vouches for (HQ's self-signed one), the answer
    must name that certificate, and the device pins it.
    """
    options = options or SyncOptions()
    secret, _check = split_code(code)
    hq_url = check_hq_url(hq_url)
    with store.session(username) as s:
        device = s.scalars(select(Device)).one()
        if device.hq_device_id:
            raise InvalidInput("this device is already enrolled with HQ")
        post_code = device.post_code
    signing = Ed25519PrivateKey.generate()
    hpke = X25519PrivateKey.generate()
    request = EnrolRequest(
        code=secret,
        ed25519_public=b64(public_bytes(signing.public_key())),
        x25519_public=b64(public_bytes(hpke.public_key())),
        label=label[:100],
        post_code=post_code,
    )
    body = dump(request)

    def parse(response: httpx.Response) -> tuple[EnrolAnswer, bytes | None]:
        try:
            answer = EnrolAnswer.model_validate_json(response.content)
            hq_signing_raw = unb64(answer.hq_ed25519_public)
            for key in (answer.hq_x25519_public, answer.hq_recovery_x25519_public):
                check_x25519_public(unb64(key))
        except ValueError:  # pydantic's ValidationError included
            raise UntrustedAnswer("the enrolment answer") from None
        check_fingerprint(code, hq_signing_raw)
        hq_signing = Ed25519PublicKey.from_public_bytes(hq_signing_raw)
        hpke_named = response.headers.get(H_HQ_HPKE, "")
        if hpke_named != answer.hq_x25519_public or not verify_answer(
            hq_signing, response.status_code, binding(body), hpke_named, response.content,
            response.headers.get(H_ANSWER_SIGNATURE),
        ):
            raise UntrustedAnswer("the enrolment answer")
        return answer, peer_certificate(response)

    # A code is single use: a resend after a lost answer would be refused as "used", so
    # one attempt only; the officer simply runs enrol again if the link failed.
    once = dataclasses.replace(options, attempts=1)
    pin: bytes | None = None
    http = Http(hq_url, once, transport)
    try:
        try:
            answer, _seen = http.send(
                "POST", "/v1/enrol", lambda _: (body, {"content-type": "application/json"}), parse
            )
        except CertificateNotTrusted:
            # A certificate no CA vouches for: HQ's own. Ask again without the CA check;
            # the signed answer must then name exactly the certificate that was presented.
            http.close()
            http = Http(hq_url, once, transport, unverified_tls=True)
            answer, seen = http.send(
                "POST", "/v1/enrol", lambda _: (body, {"content-type": "application/json"}), parse
            )
            if seen is None or answer.hq_tls_sha256 != hashlib.sha256(seen).hexdigest():
                raise UntrustedAnswer("the certificate HQ presented") from None
            pin = seen
    finally:
        http.close()
    if not code_fits_device(post_code, answer.post_code, answer.role, answer.centre_code):
        # An HQ that ignored the device's post (older HQ): this device is registered there.
        raise WrongPostEnrolled(post_code, answer.post_code, answer.device_id)
    with store.session(username) as s:
        device = s.scalars(select(Device)).one()
        device.hq_url = hq_url
        device.hq_device_id = answer.device_id
        device.signing_key = _raw_private(signing)
        device.hpke_key = _raw_private(hpke)
        device.hq_keys = {
            "ed25519": answer.hq_ed25519_public,
            "x25519": answer.hq_x25519_public,
            "recovery": answer.hq_recovery_x25519_public,
            "role": answer.role.value,
            "centre_code": answer.centre_code,
            "enrolled_ms": answer.hq_time_ms,
            **({"tls_cert": b64(pin), "tls_sha256": hashlib.sha256(pin).hexdigest()}
               if pin else {}),
        }
        device.revoked = False
        if answer.case_code:
            # From now on this device numbers cases in the series HQ gave it (unique at its
            # post); numbers already issued keep their series.
            device.case_code = answer.case_code
    return answer


# -- the outbox on the wire ---------------------------------------------------------------


def wire_change(row: Outbox, statement_key: bytearray | None = None) -> dict[str, Any]:
    """An outbox row as a protocol Change: the row's one stamp on each of its fields.

    Statement content rests sealed under the statement key (`store.sealing`); it is opened
    here to be sealed again, for HQ, in the envelope. Without the key (a centre-staff
    session on a post's laptop) such a row raises PermissionDenied and waits.
    """
    fields = sealing.open_outbox_fields(statement_key, row.entity, row.entity_id, row.fields)
    return {
        "seq": row.seq,
        "entity": row.entity,
        "entity_id": row.entity_id,
        "op": row.op,
        "post_code": row.post_code,
        "fields": {name: [value, row.hlc] for name, value in fields.items()},
    }


def queue_audit(s: Session) -> int:
    """Copy audit events not yet queued into the outbox (dense seqs); return how many."""
    device = s.scalars(select(Device)).one()
    events = list(s.scalars(
        select(AuditEvent).where(AuditEvent.seq > device.audit_pushed_seq).order_by(AuditEvent.seq)
    ))
    if not events:
        return 0
    clock = s.info["clock"]
    now = utcnow()
    rows = []
    for ev in events:
        rows.append({
            "seq": allocate_seq(s),
            "entity": "audit_event",
            "entity_id": ev.id,
            "op": "upsert",
            "fields": {
                "seq": ev.seq, "at": to_json(ev.at), "username": ev.username,
                "device_id": ev.device_id, "action": ev.action, "entity": ev.entity,
                "entity_id": ev.entity_id, "detail": ev.detail, "prev_hash": ev.prev_hash,
                "hash": ev.hash,
            },
            "hlc": str(clock.now()),
            "post_code": device.post_code,
            "created_at": now,
        })
    s.connection().execute(insert(Outbox), rows)
    device.audit_pushed_seq = events[-1].seq
    return len(rows)


def keep_refusals(s: Session, refused: list[RefusedChange]) -> int:
    """Remember the changes HQ refused (by seq; a resend's answer repeats them once)."""
    new = 0
    for r in refused:
        row = {"entity": r.entity[:32], "entity_id": r.entity_id[:64], "code": r.code[:32],
               "reason": r.reason[:300], "refused_at": utcnow()}
        if s.execute(select(refused_table.c.seq).where(refused_table.c.seq == r.seq)).first():
            s.execute(refused_table.update().where(refused_table.c.seq == r.seq).values(**row))
        else:
            s.execute(insert(refused_table).values(seq=r.seq, **row))
            new += 1
    return new


def refusals(s: Session, limit: int = 20) -> tuple[int, list[tuple[int, str, str]]]:
    """(how many changes HQ refused, the latest `limit` as (seq, entity, reason))."""
    count = int(s.scalar(select(func.count()).select_from(refused_table)) or 0)
    rows = s.execute(
        select(refused_table.c.seq, refused_table.c.entity, refused_table.c.reason)
        .order_by(refused_table.c.seq.desc()).limit(limit)
    ).all()
    return count, [(int(a), str(b), str(c)) for a, b, c in rows]


def unsent_changes(s: Session, *, limit: int | None = None) -> list[dict[str, Any]]:
    acked = s.scalar(select(func.max(Device.acked_seq))) or 0
    q = select(Outbox).where(Outbox.seq > acked).order_by(Outbox.seq)
    if limit is not None:
        q = q.limit(limit)
    return [wire_change(row, sealing.key_of(s)) for row in s.scalars(q)]


# -- the client --------------------------------------------------------------------------


class SyncClient:
    """One device's side of a sync round, over an open store."""

    def __init__(
        self,
        store: Store,
        username: str,
        *,
        transport: httpx.BaseTransport | None = None,
        hq_url: str | None = None,
        options: SyncOptions | None = None,
    ) -> None:
        self.store = store
        self.username = username
        self.options = options or SyncOptions()
        self.result = SyncResult()
        with store.session(username) as s:
            self.keys = load_keys(s)
        self.http = Http(hq_url or self.keys.hq_url, self.options, transport, self.result,
                         hq_signing=self.keys.hq_signing, tls_cert=self.keys.tls_cert)
        self._batch = self.options.first_batch

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- a round -----------------------------------------------------------------------

    def run_round(self) -> SyncResult:
        """Push, pull, upload files; raises DeviceRevoked, HqUnreachable, HqRefused."""
        started = time.monotonic()
        try:
            self.push()
            self.pull()
            self.upload_attachments()
        except _Revoked:
            raise self._revoked() from None
        finally:
            self.result.duration_s = time.monotonic() - started
            with self.store.session(self.username) as s:
                self.result.pending = unsent_count(s)
        return self.result

    def _adopt_hpke(self) -> bool:
        """HQ rotated its HPKE key (named in a verified answer): seal to the new one from now.
        Returns whether the key changed."""
        named = self.http.hq_hpke
        if not named or named == b64(public_bytes(self.keys.hq_hpke)):
            return False
        try:
            raw = unb64(named)
            check_x25519_public(raw)
        except ValueError:
            raise UntrustedAnswer("HQ's new key") from None
        with self.store.session(self.username) as s:
            device = s.scalars(select(Device)).one()
            device.hq_keys = {**(device.hq_keys or {}), "x25519": named}
        self.keys = dataclasses.replace(self.keys, hq_hpke=X25519PublicKey.from_public_bytes(raw))
        return True

    def _revoked(self) -> DeviceRevoked:
        with self.store.session(self.username) as s:
            s.scalars(select(Device)).one().revoked = True
            queue_audit(s)
            return DeviceRevoked(unsent_count(s))

    # -- push --------------------------------------------------------------------------

    def _sealed_push(self, changes: list[dict[str, Any]]) -> bytes:
        header = EnvelopeHeader(
            kind=EnvelopeKind.PUSH,
            device_id=self.keys.device_id,
            seq_from=changes[0]["seq"],
            seq_to=changes[-1]["seq"],
        )
        return seal(
            dump(PushPayload.model_validate({"changes": changes})),
            recipient_x25519_public=self.keys.hq_hpke,
            sender_ed25519_private=self.keys.signing,
            header=header,
        )

    def _load_batch(self, limit: int) -> tuple[int, list[dict[str, Any]]]:
        with self.store.session(self.username) as s:
            acked = int(s.scalar(select(func.max(Device.acked_seq))) or 0)
            rows = s.scalars(
                select(Outbox).where(Outbox.seq > acked).order_by(Outbox.seq).limit(limit)
            ).all()
            changes: list[dict[str, Any]] = []
            size = 0
            for row in rows:
                change = wire_change(row, sealing.key_of(s))
                size += len(json.dumps(change, ensure_ascii=False))
                if changes and size > self.options.max_batch_bytes:
                    break
                changes.append(change)
            return acked, changes

    def push(self) -> None:
        """Send every unacknowledged outbox row, in seq order, in growing batches."""
        with self.store.session(self.username) as s:
            queue_audit(s)
        stalled = 0
        while True:
            acked, changes = self._load_batch(min(self._batch, MAX_CHANGES_PER_PUSH))
            if not changes:
                return
            sent: list[int] = []

            def body(
                attempt: int, changes: list[dict[str, Any]] = changes, sent: list[int] = sent
            ) -> tuple[bytes, dict[str, str]]:
                # Each failed attempt halves the batch: on a link that drops every few
                # seconds a smaller envelope is what gets through.
                n = max(1, len(changes) >> attempt)
                sent.append(n)
                return self._sealed_push(changes[:n]), OCTETS

            try:
                answer = self.http.send("POST", "/v1/push", body, _parse_push)
            except HqRefused as exc:
                # Sealed to an HPKE key HQ has since retired and destroyed (this device was
                # away longer than HQ keeps old keys): HQ's signed refusal names the new one.
                if exc.error == "tampered" and self._adopt_hpke():
                    continue
                raise
            n = sent[-1]
            self._batch = min(self.options.max_batch, max(n * 2, self.options.first_batch)
                              if len(sent) == 1 else max(1, n))
            self.result.pushed += answer.applied
            self.result.duplicates += answer.duplicates
            self.result.skew_ms = answer.skew_ms
            self.result.clock_warning = self.result.clock_warning or answer.clock_warning
            new_acked = answer.acked_seq
            with self.store.session(self.username) as s:
                device = s.scalars(select(Device)).one()
                # HQ's watermark is the truth, even when lower (HQ restored from a backup:
                # the rows above it are simply sent again).
                device.acked_seq = new_acked
                self.result.refused += keep_refusals(s, answer.refused)
                device.last_skew_ms = answer.skew_ms
                device.clock_warning = answer.clock_warning
            self.result.acked_seq = new_acked
            self._adopt_hpke()
            if new_acked <= acked:
                stalled += 1
                if stalled >= 3:
                    raise HqRefused(
                        f"HQ keeps acknowledging only up to change {new_acked}; ask HQ to check "
                        "this device's change log",
                        error="stalled",
                    )
            else:
                stalled = 0

    # -- pull --------------------------------------------------------------------------

    def _sealed_pull(self, cursor: int, limit: int) -> bytes:
        header = EnvelopeHeader(
            kind=EnvelopeKind.PULL_REQUEST,
            device_id=self.keys.device_id,
            seq_from=cursor,
            seq_to=cursor,
        )
        return seal(
            dump(PullRequest(cursor=cursor, limit=limit, own_node=self.keys.node or None)),
            recipient_x25519_public=self.keys.hq_hpke,
            sender_ed25519_private=self.keys.signing,
            header=header,
        )

    def open_answer(self, blob: bytes, kind: EnvelopeKind) -> tuple[EnvelopeHeader, PullAnswer]:
        header, payload = open_envelope(
            blob,
            recipient_x25519_private=self.keys.hpke,
            sender_public_lookup=lambda _h: self.keys.hq_signing,
        )
        if header.kind is not kind or header.device_id != self.keys.device_id:
            raise SyncRejected("the file or answer from HQ is meant for another device")
        try:
            return header, PullAnswer.model_validate_json(payload)
        except ValidationError:
            raise SyncRejected("HQ's answer was not understood (version mismatch?)") from None

    def pull(self) -> None:
        """Fetch and apply pages until HQ has nothing more; the cursor moves with each page."""
        with self.store.session(self.username) as s:
            cursor = s.scalars(select(Device)).one().pull_cursor
        first = True  # records set aside in an earlier round are tried again once
        while True:
            sent_at: list[int] = []

            def body(
                attempt: int, cursor: int = cursor, sent_at: list[int] = sent_at
            ) -> tuple[bytes, dict[str, str]]:
                sent_at.append(now_ms())
                limit = max(20, self.options.pull_limit >> attempt)
                return self._sealed_pull(cursor, limit), OCTETS

            def parse(response: httpx.Response) -> PullAnswer:
                try:
                    return self.open_answer(response.content, EnvelopeKind.PULL_ANSWER)[1]
                except EnvelopeRejected as exc:
                    raise _Transient(f"damaged answer: {exc.reason}") from None

            answer = self.http.send("POST", "/v1/pull", body, parse)
            if self.result.skew_ms is None:
                # Half the round trip is the best guess of when HQ read its clock.
                midpoint = (sent_at[-1] + now_ms()) // 2
                self.result.skew_ms = midpoint - answer.hq_time_ms
            stats = self.apply_page(answer, cursor, retry=first)
            first = False
            self._adopt_hpke()
            self.result.pulled += stats.received
            self.result.changed += stats.changed
            self.result.parked = stats.parked
            self.result.set_aside = stats.set_aside
            if not answer.has_more or answer.next_cursor <= cursor:
                return
            cursor = answer.next_cursor

    def apply_page(self, answer: PullAnswer, cursor: int, *, retry: bool = False) -> ApplyStats:
        """Apply one page and move the cursor in the same transaction (crash-safe).

        A record that cannot be stored is set aside (`sync.apply`), so the cursor always
        moves on. A stamp further ahead than this clock's tolerance is not adopted
        (`HlcClock.observe`).
        """
        records = [(r.entity, r.entity_id, r.fields) for r in answer.records]
        with self.store.session(self.username, remote=True) as s:
            stats = apply_records(s, records, retry=retry)
            device = s.scalars(select(Device)).one()
            if answer.next_cursor > device.pull_cursor and cursor <= device.pull_cursor:
                device.pull_cursor = answer.next_cursor
            if stats.max_stamp:
                seen = self.store.clock.observe(Hlc.parse(stats.max_stamp))
                device.last_hlc = str(seen)
        return stats

    # -- attachments -------------------------------------------------------------------

    def _signed(self, method: str, path: str, body: bytes,
                offset: int | None = None) -> dict[str, str]:
        # HQ accepts a request dated within minutes of its own clock: correct ours by the
        # difference HQ measured this round (a laptop days off still uploads).
        skew = self.result.skew_ms or 0
        return sign_request(method, path, body, device_id=self.keys.device_id,
                            private=self.keys.signing, timestamp_ms=now_ms() - skew,
                            offset=offset)

    def upload_attachments(self) -> None:
        """Upload the encrypted files made on this device that HQ does not hold yet."""
        with self.store.session(self.username) as s:
            done = select(upload_table.c.attachment_id)
            todo = list(s.execute(
                select(Attachment.id).where(
                    func.length(Attachment.file_key) > 0, Attachment.id.not_in(done)
                ).order_by(Attachment.created_at)
            ).scalars())
        folder = self.store.data_dir.attachments
        for attachment_id in todo:
            path = folder / attachment_id
            if not path.exists():
                continue  # nothing to send; the record still syncs
            self._upload(attachment_id, path)
            with self.store.session(self.username) as s:
                s.execute(insert(upload_table).values(attachment_id=attachment_id,
                                                      uploaded_at=utcnow()))
            self.result.uploaded += 1

    def _upload(self, attachment_id: str, path: Path) -> None:
        data = path.read_bytes()  # ciphertext: safe in memory, and at most ~25 MB
        sha = hashlib.sha256(data).hexdigest()
        url = f"/v1/attachments/{attachment_id}"
        create = json.dumps({"size": len(data), "sha256": sha}).encode()

        def state() -> AttachmentState:
            return self.http.send(
                "POST", url,
                lambda _: (create, {"content-type": "application/json",
                                    **self._signed("POST", url, create)}),
                lambda r: AttachmentState.model_validate_json(r.content),
            )

        current = state()
        restarts = 0
        while not current.complete:
            offset = current.offset
            chunk_len: list[int] = []

            def chunk_body(
                attempt: int, offset: int = offset, chunk_len: list[int] = chunk_len
            ) -> tuple[bytes, dict[str, str]]:
                n = max(4096, self.options.upload_chunk >> attempt)
                chunk = data[offset : offset + n]
                chunk_len.append(len(chunk))
                headers = {
                    "content-type": "application/octet-stream",
                    "upload-offset": str(offset),
                    "chunk-sha256": hashlib.sha256(chunk).hexdigest(),
                    **self._signed("PATCH", url, chunk, offset),
                }
                return chunk, headers

            def parse(r: httpx.Response) -> AttachmentState | None:
                if r.status_code == 200:
                    return AttachmentState.model_validate_json(r.content)
                return None  # 409: HQ is at another offset (our earlier chunk did arrive)

            try:
                answer = self.http.send("PATCH", url, chunk_body, parse,
                                        accept=frozenset({200, 409}))
            except HqRefused as exc:
                if exc.error != "checksum_mismatch" or restarts >= 2:
                    raise
                restarts += 1  # HQ reset the upload to offset 0: send it all again
                answer = None
            current = answer if answer is not None else state()


def _worth_resending(status: int, error: str, reason: str) -> bool:
    """Refusals that a fresh envelope answers: a replay (our earlier attempt, or a copy of it,
    arrived first) and a lost race with a concurrent copy of the same push."""
    if status == 409 and error in ("replay", "concurrent_push"):
        return True
    # HQ (protocol 1) words the lost race as a plain refusal; recognise it until it has a code.
    return status == 400 and error == "rejected" and "concurrent push" in reason


def _parse_push(response: httpx.Response) -> PushAnswer:
    try:
        return PushAnswer.model_validate_json(response.content)
    except ValidationError:
        raise _Transient("damaged push answer") from None
