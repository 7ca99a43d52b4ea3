"""Sealed, signed sync envelopes: HPKE (RFC 9180) to the recipient, Ed25519 by the sender.

Wire layout (all integers big-endian; the whole blob is one envelope)::

    offset  size  field
    0       4     magic b"FAE1"
    4       1     version (1)
    5       1     kind (EnvelopeKind)
    6       16    envelope id (random; the replay seen-set key)
    22      8     seq_from (u64)
    30      8     seq_to (u64)
    38      8     timestamp, sender's wall clock in ms since the epoch (u64)
    46      1     n = length of device_id in bytes (1..64)
    47      n     device_id, UTF-8
    47+n    4     m = length of the HPKE output (u32)
    51+n    m     HPKE output: enc (32 bytes, X25519) || AEAD ciphertext of the payload
    51+n+m  64    Ed25519 signature over bytes [0, 51+n+m)

The *header* is bytes [0, 47+n). It is passed to HPKE as ``info`` (the single-shot
API's authenticated context, RFC 9180 §8.1), so a ciphertext cannot be moved under a
different header, and it is covered by the signature together with enc and the
ciphertext, because HPKE base mode does not authenticate the sender. The payload is
zstd-compressed before sealing (compression happens before encryption, never after).

``device_id`` names the device the exchange concerns: the sender of a push or pull
request, the recipient of a pull answer or return bundle. Suite: DHKEM(X25519,
HKDF-SHA256), HKDF-SHA256, AES-256-GCM.

Replays are not stopped here: HQ refuses a second (device_id, seq) and keeps a seen-set
of envelope ids, so callers seal afresh for every attempt (sealing is cheap).
"""

from __future__ import annotations

import os
import struct
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import IntEnum

import zstandard
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.hpke import AEAD, KDF, KEM, Suite

from fieldapp.domain.errors import SyncRejected

MAGIC = b"FAE1"
VERSION = 1
SUPPORTED_VERSIONS = frozenset({VERSION})
MAX_DEVICE_ID_BYTES = 64
SIGNATURE_BYTES = 64
ENC_BYTES = 32
TAG_BYTES = 16
DEFAULT_MAX_SIZE = 16 * 1024 * 1024
#: Bounds that keep every number a signed 64-bit integer in any database (SQLite,
#: PostgreSQL BIGINT) and in arithmetic on it: a seq like Change.seq, a time before 2^53 ms
#: (year 287,000) — anything larger is malformed, not a 500.
MAX_SEQ = 2**62
MAX_TIMESTAMP_MS = 2**53

_FIXED = struct.Struct(">4sBB16sQQQB")  # magic .. device_id length
_LEN = struct.Struct(">I")
_SUITE = Suite(KEM.X25519, KDF.HKDF_SHA256, AEAD.AES_256_GCM)
#: Smallest possible envelope: 1-byte device id, empty compressed payload is still >0.
MIN_SIZE = _FIXED.size + 1 + _LEN.size + ENC_BYTES + TAG_BYTES + SIGNATURE_BYTES


class EnvelopeKind(IntEnum):
    PUSH = 1
    PULL_REQUEST = 2
    PULL_ANSWER = 3
    BUNDLE = 4
    RETURN_BUNDLE = 5


# -- errors: each carries a short machine `reason` the HQ returns as {"error": reason} --


class EnvelopeRejected(SyncRejected):
    reason = "rejected"

    def __init__(self, template: str, /, **params: object) -> None:
        super().__init__(template, **params)
        self.message = str(self)


class EnvelopeMalformed(EnvelopeRejected):
    reason = "malformed"


class EnvelopeTruncated(EnvelopeMalformed):
    reason = "truncated"


class EnvelopeTooLarge(EnvelopeRejected):
    reason = "too_large"


class UnknownVersion(EnvelopeRejected):
    reason = "unknown_version"


class UnknownSender(EnvelopeRejected):
    reason = "unknown_sender"


class BadSignature(EnvelopeRejected):
    reason = "bad_signature"


class EnvelopeTampered(EnvelopeRejected):
    reason = "tampered"


class EnvelopeReplayed(EnvelopeRejected):
    reason = "replay"


@dataclass(frozen=True, slots=True)
class EnvelopeHeader:
    kind: EnvelopeKind
    device_id: str
    seq_from: int = 0
    seq_to: int = 0
    timestamp_ms: int = field(default_factory=lambda: time.time_ns() // 1_000_000)
    envelope_id: bytes = field(default_factory=lambda: os.urandom(16))
    version: int = VERSION

    def encode(self) -> bytes:
        device = self.device_id.encode("utf-8")
        if not 1 <= len(device) <= MAX_DEVICE_ID_BYTES:
            raise ValueError("device_id must be 1..64 bytes of UTF-8")
        if len(self.envelope_id) != 16:
            raise ValueError("envelope_id must be 16 bytes")
        return (
            _FIXED.pack(
                MAGIC,
                self.version,
                int(self.kind),
                self.envelope_id,
                self.seq_from,
                self.seq_to,
                self.timestamp_ms,
                len(device),
            )
            + device
        )

    @property
    def envelope_id_hex(self) -> str:
        return self.envelope_id.hex()


def seal(
    payload: bytes,
    *,
    recipient_x25519_public: X25519PublicKey,
    sender_ed25519_private: Ed25519PrivateKey,
    header: EnvelopeHeader,
) -> bytes:
    """Compress, HPKE-seal to the recipient with the header as context, and sign."""
    head = header.encode()
    compressed = zstandard.ZstdCompressor(level=3).compress(payload)
    sealed = _SUITE.encrypt(compressed, recipient_x25519_public, info=head)
    signed = head + _LEN.pack(len(sealed)) + sealed
    return signed + sender_ed25519_private.sign(signed)


def read_header(blob: bytes, *, max_size: int = DEFAULT_MAX_SIZE) -> EnvelopeHeader:
    """Parse and bounds-check the framing without verifying anything; raises EnvelopeRejected."""
    return _parse(blob, max_size)[0]


def _parse(blob: bytes, max_size: int) -> tuple[EnvelopeHeader, int, int]:
    if len(blob) > max_size:
        raise EnvelopeTooLarge("envelope is {count} bytes; the limit is {max_size}",
                               count=len(blob), max_size=max_size)
    if len(blob) < 6:
        raise EnvelopeTruncated("envelope is truncated")
    if blob[:4] != MAGIC:
        raise EnvelopeMalformed("not a fieldapp envelope (bad magic)")
    if blob[4] not in SUPPORTED_VERSIONS:
        raise UnknownVersion("envelope version {blob} is not supported (this side speaks 1)",
                             blob=blob[4])
    if len(blob) < MIN_SIZE:
        raise EnvelopeTruncated("envelope is truncated")
    _magic, version, kind, env_id, seq_from, seq_to, ts, dlen = _FIXED.unpack_from(blob, 0)
    try:
        kind_enum = EnvelopeKind(kind)
    except ValueError:
        raise EnvelopeMalformed("unknown envelope kind {kind}", kind=kind) from None
    if not 1 <= dlen <= MAX_DEVICE_ID_BYTES:
        raise EnvelopeMalformed("bad device id length")
    pos = _FIXED.size
    if len(blob) < pos + dlen + _LEN.size:
        raise EnvelopeTruncated("envelope is truncated")
    try:
        device_id = blob[pos : pos + dlen].decode("utf-8")
    except UnicodeDecodeError:
        raise EnvelopeMalformed("device id is not UTF-8") from None
    pos += dlen
    header_end = pos
    (sealed_len,) = _LEN.unpack_from(blob, pos)
    pos += _LEN.size
    expected = pos + sealed_len + SIGNATURE_BYTES
    if sealed_len < ENC_BYTES + TAG_BYTES:
        raise EnvelopeMalformed("sealed part is too short")
    if len(blob) < expected:
        raise EnvelopeTruncated("envelope is truncated")
    if len(blob) > expected:
        raise EnvelopeMalformed("trailing bytes after the signature")
    if seq_from > seq_to:
        raise EnvelopeMalformed("seq_from is greater than seq_to")
    if seq_to > MAX_SEQ:
        raise EnvelopeMalformed("seq numbers above {max_seq} are not accepted", max_seq=MAX_SEQ)
    if ts > MAX_TIMESTAMP_MS:
        raise EnvelopeMalformed("the envelope's timestamp is not a plausible time")
    header = EnvelopeHeader(
        kind=kind_enum,
        device_id=device_id,
        seq_from=seq_from,
        seq_to=seq_to,
        timestamp_ms=ts,
        envelope_id=env_id,
        version=version,
    )
    return header, header_end, pos + sealed_len


def open_envelope(
    blob: bytes,
    *,
    recipient_x25519_private: X25519PrivateKey | Sequence[X25519PrivateKey],
    sender_public_lookup: Callable[[EnvelopeHeader], Ed25519PublicKey | None],
    max_size: int = DEFAULT_MAX_SIZE,
) -> tuple[EnvelopeHeader, bytes]:
    """Check framing, size, signature and seal, then return (header, decompressed payload).

    `recipient_x25519_private` may be several keys (HQ's current HPKE key first, then the
    retired ones it still keeps after a rotation); each is tried in turn, which only ever
    happens after the sender's signature verified. `sender_public_lookup(header)` returns
    the signer's Ed25519 key (or None when the sender is unknown). The decompressed payload is bounded by `max_size` as well, so a
    small envelope cannot expand into a memory bomb. Every failure is an EnvelopeRejected.
    """
    header, header_end, signed_end = _parse(blob, max_size)
    sender = sender_public_lookup(header)
    if sender is None:
        raise UnknownSender("the envelope's sender is not known here")
    try:
        sender.verify(blob[signed_end:], blob[:signed_end])
    except InvalidSignature:
        raise BadSignature("the envelope's signature does not verify") from None
    sealed = blob[header_end + _LEN.size : signed_end]
    keys = (
        [recipient_x25519_private]
        if isinstance(recipient_x25519_private, X25519PrivateKey)
        else list(recipient_x25519_private)
    )
    compressed = None
    for key in keys:
        try:
            compressed = _SUITE.decrypt(sealed, key, info=blob[:header_end])
            break
        except (InvalidTag, ValueError):
            continue
    if compressed is None:
        raise EnvelopeTampered("the envelope could not be opened (tampered or wrong key)")
    try:
        # A frame that declares its size is decompressed into a buffer of that size, so
        # refuse an oversized declaration before allocating anything.
        declared = zstandard.frame_content_size(compressed)
        if declared > max_size:
            raise EnvelopeTooLarge("the payload expands beyond the size limit")
        payload = zstandard.ZstdDecompressor().decompress(compressed, max_output_size=max_size)
    except zstandard.ZstdError:
        raise EnvelopeMalformed("the payload is not valid zstd or is too large") from None
    if len(payload) > max_size:
        raise EnvelopeTooLarge("the payload expands beyond the size limit")
    return header, payload
