"""Where the device's trust in HQ comes from: the enrolment code's check part, signed answers.

**Enrolment code.** HQ prints a code of 20 letters and digits in five groups of four,
``SSSS-SSSS-SSSS-FFFF-FFFF``, from an alphabet without look-alikes (no 0/O, 1/I/L, U), so
it can be read over a phone. The first 12 characters (``S``) are the one-time secret HQ
checks (about 59 bits); the last 8 (``F``) are a *fingerprint of HQ's Ed25519 signing key
bound to that secret*: the first 8 symbols of HMAC-SHA256(key=secret,
msg="fieldapp-hq-fp1" || raw signing key) written in the same alphabet (about 39 bits).
The device sends only the secret to HQ and keeps the check part: the enrolment answer
must name a signing key that reproduces it, and must be signed with that key. A
man-in-the-middle cannot precompute a matching key (the fingerprint depends on the
secret, which it never sees over TLS, and which is single use); if it does see the
secret it has to find a matching Ed25519 key, about 2^39 trials, before the device's
request times out.

**Signed answers.** Every HTTP answer from HQ carries ``X-Fieldapp-Answer-Signature``:
an Ed25519 signature by HQ's signing key over::

    "FAA1" \\n status \\n binding \\n current HPKE key (base64) \\n SHA-256(answer body)

where ``binding`` = SHA-256(request body || "\\n" || the request's own signature header,
if any). The request body of a push or pull is a freshly sealed envelope with a random
id, and an attachment request is signed with a timestamp, so each binding is used once:
an old genuine answer cannot be replayed against a new request, and an answer cannot be
moved to another status. The device verifies the signature with the key anchored at
enrolment before an answer changes anything (acknowledged seq, revoked flag, upload
state, pulled records, HQ's HPKE key). ``X-Fieldapp-Hq-Hpke`` names HQ's current HPKE
public key: that is how a device learns a rotated key.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import secrets
from urllib.parse import urlsplit

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from fieldapp.domain.errors import InvalidInput, Phrase, SyncRejected

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789"  # no 0/O, 1/I/L, U: read aloud by phone
SECRET_CHARS = 12
CHECK_CHARS = 8
CODE_CHARS = SECRET_CHARS + CHECK_CHARS

H_ANSWER_SIGNATURE = "x-fieldapp-answer-signature"
H_HQ_HPKE = "x-fieldapp-hq-hpke"
H_REQUEST_SIGNATURE = "x-fieldapp-signature"  # the attachment request signature header


class UntrustedAnswer(SyncRejected):
    """An answer claiming to come from HQ failed its check: nothing on the device changed."""

    def __init__(self, what: Phrase) -> None:
        super().__init__(
            "{what} did not come from HQ (its signature does not verify with the key this "
            "device trusts): nothing was changed on this device. Someone may be between this "
            "device and HQ; try again from another network and tell HQ", what=what)


# -- enrolment codes ------------------------------------------------------------------


def normalise_code(code: str) -> str:
    """Upper case, letters and digits only: any case, spaces or dashes are accepted."""
    return "".join(ch for ch in code.upper() if ch.isalnum())


def _raw(key: Ed25519PublicKey | X25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def b64_public(key: Ed25519PublicKey | X25519PublicKey) -> str:
    return base64.b64encode(_raw(key)).decode("ascii")


def fingerprint(secret: str, hq_signing: Ed25519PublicKey | bytes) -> str:
    """The 8-symbol check part binding `secret` to HQ's signing key."""
    raw = hq_signing if isinstance(hq_signing, bytes) else _raw(hq_signing)
    digest = hmac.new(normalise_code(secret).encode(), b"fieldapp-hq-fp1" + raw,
                      hashlib.sha256).digest()
    number = int.from_bytes(digest, "big")
    out = []
    for _ in range(CHECK_CHARS):
        number, digit = divmod(number, len(CODE_ALPHABET))
        out.append(CODE_ALPHABET[digit])
    return "".join(out)


def new_code(hq_signing: Ed25519PublicKey) -> str:
    """A fresh code: 12 random secret symbols, then the 8-symbol check part, in groups of 4."""
    secret = "".join(secrets.choice(CODE_ALPHABET) for _ in range(SECRET_CHARS))
    whole = secret + fingerprint(secret, hq_signing)
    return "-".join(whole[i : i + 4] for i in range(0, CODE_CHARS, 4))


def code_secret(code: str) -> str:
    """The part HQ checks (what it stores the hash of): the first 12 symbols."""
    return normalise_code(code)[:SECRET_CHARS]


def split_code(code: str) -> tuple[str, str]:
    """(secret, check part) of a code as typed; InvalidInput when it is not a full code."""
    text = normalise_code(code)
    if len(text) == SECRET_CHARS:
        raise InvalidInput(
            "this enrolment code has no HQ check part (it has 12 symbols, a code has 20): ask "
            "HQ for a new code"
        )
    if len(text) != CODE_CHARS or any(ch not in CODE_ALPHABET for ch in text):
        raise InvalidInput(
            "an enrolment code is 20 letters and digits in five groups of four, e.g. "
            "ABCD-EFGH-JKMN-PQRS-TVWX: check what was typed"
        )
    return text[:SECRET_CHARS], text[SECRET_CHARS:]


def check_fingerprint(code: str, hq_signing_raw: bytes) -> None:
    """Raise UntrustedAnswer unless the code's check part names this signing key."""
    secret, check = split_code(code)
    if not hmac.compare_digest(fingerprint(secret, hq_signing_raw), check):
        raise UntrustedAnswer(Phrase("the enrolment answer"))


def check_x25519_public(raw: bytes) -> None:
    """ValueError for a key that is not a usable X25519 public key (all-zero, low order):
    a Diffie-Hellman with it gives the all-zero secret, which OpenSSL refuses."""
    if len(raw) != 32:
        raise ValueError("an X25519 key is 32 bytes")
    try:
        X25519PrivateKey.generate().exchange(X25519PublicKey.from_public_bytes(raw))
    except ValueError:
        raise ValueError("the X25519 key is all-zero or of low order (not a usable key)") from None


# -- signed answers -------------------------------------------------------------------


def binding(request_body: bytes, request_signature: str | None = None) -> bytes:
    """What ties an answer to the one request it answers."""
    return hashlib.sha256(request_body + b"\n" + (request_signature or "").encode()).digest()


def _answer_input(status: int, bound: bytes, hpke_b64: str, body: bytes) -> bytes:
    return b"\n".join([
        b"FAA1",
        str(status).encode(),
        bound.hex().encode(),
        hpke_b64.encode("ascii"),
        hashlib.sha256(body).hexdigest().encode(),
    ])


def sign_answer(key: Ed25519PrivateKey, status: int, bound: bytes, hpke_b64: str,
                body: bytes) -> str:
    return base64.b64encode(key.sign(_answer_input(status, bound, hpke_b64, body))).decode()


def verify_answer(key: Ed25519PublicKey, status: int, bound: bytes, hpke_b64: str,
                  body: bytes, signature_b64: str | None) -> bool:
    if not signature_b64:
        return False
    try:
        signature = base64.b64decode(signature_b64.encode("ascii"), validate=True)
        key.verify(signature, _answer_input(status, bound, hpke_b64, body))
    except (InvalidSignature, ValueError, UnicodeEncodeError):
        return False
    return True


# -- transport ------------------------------------------------------------------------


def is_loopback_host(host: str) -> bool:
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_hq_url(url: str) -> str:
    """The URL without a trailing slash; plain http only to this computer (loopback)."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidInput("HQ address: give the full URL, e.g. https://hq.example.org")
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        raise InvalidInput(
            "HQ address: use https:// (plain http:// is only allowed to this computer, e.g. "
            "http://127.0.0.1); ask HQ for its https address"
        )
    return url.strip().rstrip("/")
