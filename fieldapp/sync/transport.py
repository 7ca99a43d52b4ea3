"""How the device reaches HQ: settings and results of a round, errors, TLS, and HTTP with
retries and back-off (every attempt makes a fresh body). Nothing here logs names or payloads."""

from __future__ import annotations

import base64
import contextlib
import functools
import random
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.domain.errors import FieldAppError, InvalidInput, Phrase, SyncRejected
from fieldapp.store.models import Device
from fieldapp.sync.protocol import (
    unb64,
)
from fieldapp.sync.scheduler import backoff_delay
from fieldapp.sync.trust import (
    H_ANSWER_SIGNATURE,
    H_HQ_HPKE,
    H_REQUEST_SIGNATURE,
    UntrustedAnswer,
    binding,
    check_hq_url,
    verify_answer,
)

T = TypeVar("T")
OCTETS = {"content-type": "application/octet-stream"}

# -- errors ------------------------------------------------------------------------------


class NotEnrolled(FieldAppError):
    template = ("this device is not enrolled with HQ: a supervisor runs 'fieldapp enrol' with "
                "the code HQ issued")


class HqUnreachable(FieldAppError):
    """HQ did not answer (link down, timeouts, resets); nothing is lost, try again later.

    `cause` says why in one word a window can translate: "refused", "no_answer",
    "no_connection" (nothing reached `address`), "attempts" (`attempts` tries without a
    usable answer), "deadline" (the round ran out of time); "" when not known.
    """

    def __init__(self, template: str, /, *, cause: str = "", address: str = "",
                 attempts: int = 0, **params: object) -> None:
        super().__init__(template, **params)
        self.cause = cause
        self.address = address
        self.attempts = attempts


class HqRefused(SyncRejected):
    """HQ answered with a refusal; `error` is its machine code, the message its reason."""

    def __init__(self, template: str, /, *, error: str = "refused", status: int = 400,
                 **params: object) -> None:
        super().__init__(template, **params)
        self.error = error
        self.status = status


class DeviceRevoked(SyncRejected):
    """HQ has revoked this device. `unsent` changes never reached HQ: export them first."""

    def __init__(self, unsent: int) -> None:
        self.unsent = unsent
        if unsent:
            super().__init__(
                "HQ has revoked this device. {unsent} change(s) never reached HQ: export them "
                "with 'fieldapp bundle export --out FILE', hand the file to HQ, then wipe this "
                "device with 'fieldapp wipe'", unsent=unsent)
        else:
            super().__init__(
                "HQ has revoked this device and holds all of its changes: wipe it now with "
                "'fieldapp wipe'")

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
    #: Audit events HQ took in this round (a push's audit part, not changes of their own).
    audit_sent: int = 0
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
                     headers: dict[str, str], what: Phrase) -> None:
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
                    "sync continues from there", cause="deadline"
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
                    self.check_answer(response, content, headers, Phrase("HQ's answer to {path}",
                                                                         path=path))
                    return parse(response)
                error, reason = _hq_reason(response)
                if response.status_code == 403 and (
                    error == "revoked" or response.headers.get("x-error") == "revoked"
                ):
                    # Only a revocation HQ signed for this request counts: a forged one
                    # must never lead to a wipe.
                    self.check_answer(response, content, headers, Phrase("the revocation notice"))
                    raise _Revoked()
                if response.status_code in self.RETRY_STATUS or _worth_resending(
                    response.status_code, error, reason
                ):
                    last = f"HQ answered {response.status_code}"
                else:
                    with contextlib.suppress(UntrustedAnswer):
                        # A signed refusal still names HQ's current HPKE key (after a rotation).
                        self.check_answer(response, content, headers, Phrase("HQ's refusal"))
                    raise HqRefused(
                        "HQ refused: {reason}", error=error,
                        status=response.status_code, reason=reason or error,
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
                    cause, words = _no_contact(exc)
                    raise HqUnreachable(
                        "HQ could not be reached at {base_url} ({words}); nothing is lost, the "
                        "next sync continues from here",
                        cause=cause, address=str(self.base_url), base_url=self.base_url,
                        words=words,
                    ) from None
            except _Transient as exc:
                last = str(exc) or "damaged answer"
            attempt += 1
            if attempt >= self.options.attempts or time.monotonic() >= self.deadline:
                raise HqUnreachable(
                    "HQ could not be reached ({last}, {attempt} attempts); nothing is lost, the "
                    "next sync continues from here",
                    cause="attempts", attempts=attempt, last=last, attempt=attempt
                )
            self.result.retries += 1
            delay = backoff_delay(attempt, base=self.options.retry_base,
                                  cap=self.options.retry_cap, rng=self.options.rng)
            self.options.sleep(min(delay, max(0.0, self.deadline - time.monotonic())))



def _no_contact(exc: httpx.TransportError) -> tuple[str, str]:
    """(cause, English words) for a connection that never reached HQ."""
    if isinstance(exc, httpx.ConnectTimeout):
        return "no_answer", "no answer to the connection"
    if "refused" in str(exc).lower():
        return "refused", "connection refused"
    return "no_connection", "no connection"


def _worth_resending(status: int, error: str, reason: str) -> bool:
    """Refusals that a fresh envelope answers: a replay (our earlier attempt, or a copy of it,
    arrived first) and a lost race with a concurrent copy of the same push."""
    if status == 409 and error in ("replay", "concurrent_push"):
        return True
    # HQ (protocol 1) words the lost race as a plain refusal; recognise it until it has a code.
    return status == 400 and error == "rejected" and "concurrent push" in reason


