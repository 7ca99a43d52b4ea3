"""Envelopes: round trip, and every kind of damage refused with its own typed reason."""

from __future__ import annotations

import random
import struct

import pytest
import zstandard
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from fieldapp.crypto import envelope as env
from fieldapp.crypto.envelope import EnvelopeHeader, EnvelopeKind, open_envelope, read_header, seal
from fieldapp.domain.errors import SyncRejected

SENDER = Ed25519PrivateKey.generate()
RECIPIENT = X25519PrivateKey.generate()
PAYLOAD = b'{"changes": [{"seq": 1, "fields": {"name_latin": ["Sok Dara", "x"]}}]}' * 3


def _header(**kw: object) -> EnvelopeHeader:
    base: dict[str, object] = {
        "kind": EnvelopeKind.PUSH,
        "device_id": "dev-1",
        "seq_from": 1,
        "seq_to": 3,
    }
    base.update(kw)
    return EnvelopeHeader(**base)  # type: ignore[arg-type]


def _seal(payload: bytes = PAYLOAD, **kw: object) -> bytes:
    return seal(
        payload,
        recipient_x25519_public=RECIPIENT.public_key(),
        sender_ed25519_private=SENDER,
        header=_header(**kw),
    )


def _open(blob: bytes, *, max_size: int = env.DEFAULT_MAX_SIZE, signer: Ed25519PrivateKey = SENDER):
    return open_envelope(
        blob,
        recipient_x25519_private=RECIPIENT,
        sender_public_lookup=lambda h: signer.public_key() if h.device_id == "dev-1" else None,
        max_size=max_size,
    )


def test_round_trip_binds_header_and_payload() -> None:
    blob = _seal()
    assert blob[:4] == b"FAE1"
    header, payload = _open(blob)
    assert payload == PAYLOAD
    assert (header.kind, header.device_id, header.seq_from, header.seq_to) == (
        EnvelopeKind.PUSH,
        "dev-1",
        1,
        3,
    )
    assert read_header(blob) == header
    # Compressed before sealing: repetitive JSON shrinks; plaintext is not visible.
    big = b'{"name_latin": "Sok Dara"}' * 1000
    sealed = _seal(big)
    assert len(sealed) < len(big) // 10
    assert b"Sok Dara" not in sealed


def test_every_random_mutation_is_refused() -> None:
    """10,000 random byte mutations (replace, insert, delete, truncate) of a valid envelope."""
    blob = _seal()
    rng = random.Random(20240501)
    reasons: dict[str, int] = {}
    for i in range(10_000):
        data = bytearray(blob)
        op = i % 4
        pos = rng.randrange(len(data))
        if op == 0:
            data[pos] ^= rng.randrange(1, 256)  # always a real change
        elif op == 1:
            data.insert(pos, rng.randrange(256))
        elif op == 2:
            del data[pos]
        else:
            data = data[:pos]
        with pytest.raises(env.EnvelopeRejected) as info:
            _open(bytes(data))
        assert isinstance(info.value, SyncRejected)
        reasons[info.value.reason] = reasons.get(info.value.reason, 0) + 1
    # The typed reasons all occur: the checks are layered, not one catch-all.
    assert {"bad_signature", "truncated", "malformed"} <= set(reasons)


def test_tampered_ciphertext_with_valid_signature_is_refused() -> None:
    """Only a signer could do this, but HPKE still refuses the altered ciphertext."""
    blob = bytearray(_seal())
    signed_end = len(blob) - 64
    blob[signed_end - 1] ^= 1
    resigned = bytes(blob[:signed_end]) + SENDER.sign(bytes(blob[:signed_end]))
    with pytest.raises(env.EnvelopeTampered):
        _open(resigned)


def test_header_swap_is_refused_even_when_resigned() -> None:
    """A ciphertext moved under another header (re-signed by the sender) fails HPKE's context."""
    a = _seal(seq_from=1, seq_to=3)
    b = _seal(seq_from=4, seq_to=9)
    hdr_len = 47 + len("dev-1")
    mixed = b[:hdr_len] + a[hdr_len:-64]
    mixed += SENDER.sign(mixed)
    with pytest.raises(env.EnvelopeTampered):
        _open(mixed)


def test_wrong_signer_and_unknown_sender() -> None:
    with pytest.raises(env.BadSignature):
        _open(_seal(), signer=Ed25519PrivateKey.generate())
    with pytest.raises(env.UnknownSender):
        _open(_seal(device_id="dev-2"))


def test_wrong_recipient_is_refused() -> None:
    blob = seal(
        PAYLOAD,
        recipient_x25519_public=X25519PrivateKey.generate().public_key(),
        sender_ed25519_private=SENDER,
        header=_header(),
    )
    with pytest.raises(env.EnvelopeTampered):
        _open(blob)


def test_truncated_oversized_unknown_version() -> None:
    blob = _seal()
    for cut in (0, 3, 5, 20, 50, len(blob) - 1):
        with pytest.raises(env.EnvelopeMalformed):
            _open(blob[:cut])
    with pytest.raises(env.EnvelopeTruncated):
        _open(blob[:-1])
    with pytest.raises(env.EnvelopeTooLarge):
        _open(blob, max_size=len(blob) - 1)
    v2 = blob[:4] + bytes([2]) + blob[5:]
    with pytest.raises(env.UnknownVersion) as info:
        _open(v2)
    assert info.value.reason == "unknown_version"
    with pytest.raises(env.EnvelopeMalformed):
        _open(b"XXXX" + blob[4:])
    with pytest.raises(env.EnvelopeMalformed):
        _open(blob + b"\0")


def test_decompression_bomb_is_refused() -> None:
    bomb = b"\0" * (2 * 1024 * 1024)
    blob = _seal(bomb)
    assert len(blob) < 10_000
    with pytest.raises(env.EnvelopeTooLarge):
        _open(blob, max_size=1024 * 1024)
    # Frames without a declared size are bounded by the decompressor too.
    raw = zstandard.ZstdCompressor(write_content_size=False).compress(bomb)
    assert zstandard.frame_content_size(raw) == -1
    with pytest.raises(zstandard.ZstdError):  # the library bound open_envelope relies on
        zstandard.ZstdDecompressor().decompress(raw, max_output_size=1024)


def test_header_validation_on_seal() -> None:
    with pytest.raises(ValueError):
        _header(device_id="").encode()
    with pytest.raises(ValueError):
        _header(device_id="x" * 65).encode()
    with pytest.raises(struct.error):
        _header(seq_from=-1).encode()
