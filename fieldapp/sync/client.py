"""The device's sync client (Qt-free, httpx): enrolment here, and the facade over its parts.

The client is split by job: `sync.transport` (settings, errors, TLS, HTTP with retries),
`sync.outbox` (outbox rows on the wire, audit events queued, refusals kept) and
`sync.round` (`SyncClient`: push, pull and apply, upload files). Callers keep importing
from here.

Built for links that drop every few seconds: every request is retried with back-off and
jitter and sealed afresh each time (HQ refuses a replayed envelope), batches shrink when
attempts fail and grow again when they succeed, and progress is committed as it is made
(the acknowledged outbox seq, the pull cursor, the upload offset at HQ), so a round cut
anywhere — even by killing the process — resumes where it stopped, losing and repeating
nothing. Nothing here logs names or payloads.
"""

from __future__ import annotations

import dataclasses
import hashlib

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from sqlalchemy import select

from fieldapp.domain.errors import Code, InvalidInput, Phrase, SyncRejected
from fieldapp.store.models import Device
from fieldapp.store.store import Store
from fieldapp.store.unsent import unsent_count
from fieldapp.sync.outbox import (
    change_json,
    keep_refusals,
    push_payload,
    queue_audit,
    refusals,
    unsent_changes,
    wire_change,
)
from fieldapp.sync.protocol import (
    EnrolAnswer,
    EnrolRequest,
    b64,
    code_fits_device,
    dump,
    public_bytes,
    unb64,
)
from fieldapp.sync.round import SyncClient
from fieldapp.sync.transport import (
    OCTETS,
    CertificateNotTrusted,
    DeviceKeys,
    DeviceRevoked,
    HqRefused,
    HqUnreachable,
    Http,
    NotEnrolled,
    SyncOptions,
    SyncResult,
    load_keys,
    now_ms,
    peer_certificate,
)
from fieldapp.sync.trust import (
    H_ANSWER_SIGNATURE,
    H_HQ_HPKE,
    UntrustedAnswer,
    binding,
    check_fingerprint,
    check_hq_url,
    check_x25519_public,
    split_code,
    verify_answer,
)


#: What callers import from here (the client is split by job: transport, outbox, round).
class WrongPostEnrolled(SyncRejected):
    """HQ registered this device for another post than it is set up for (an older HQ that
    does not check): HQ must revoke that registration; nothing was kept here."""

    def __init__(self, device_post: str, code_post: str, device_id: str) -> None:
        super().__init__(
            "HQ issued this code for {code_post}, but this device is set up for {device_post}; "
            "ask HQ to revoke device {device_id} and issue a code for {device_post}",
            code_post=Code("posts", code_post), device_post=Code("posts", device_post),
            device_id=device_id)
        self.device_post, self.code_post, self.device_id = device_post, code_post, device_id


__all__ = [
    "WrongPostEnrolled",
    "CertificateNotTrusted",
    "DeviceKeys",
    "DeviceRevoked",
    "HqRefused",
    "HqUnreachable",
    "Http",
    "NotEnrolled",
    "OCTETS",
    "SyncClient",
    "SyncOptions",
    "SyncResult",
    "change_json",
    "enrol",
    "keep_refusals",
    "load_keys",
    "now_ms",
    "peer_certificate",
    "push_payload",
    "queue_audit",
    "refusals",
    "unsent_changes",
    "unsent_count",
    "wire_change",
]


def _raw_private(key: Ed25519PrivateKey | X25519PrivateKey) -> bytes:
    return key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())



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
            raise UntrustedAnswer(Phrase("the enrolment answer")) from None
        check_fingerprint(code, hq_signing_raw)
        hq_signing = Ed25519PublicKey.from_public_bytes(hq_signing_raw)
        hpke_named = response.headers.get(H_HQ_HPKE, "")
        if hpke_named != answer.hq_x25519_public or not verify_answer(
            hq_signing, response.status_code, binding(body), hpke_named, response.content,
            response.headers.get(H_ANSWER_SIGNATURE),
        ):
            raise UntrustedAnswer(Phrase("the enrolment answer"))
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
                raise UntrustedAnswer(Phrase("the certificate HQ presented")) from None
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


