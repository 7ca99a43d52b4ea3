"""Chunked AES-256-GCM attachment files: round trips, and every kind of tampering is refused."""

from __future__ import annotations

import io
import os
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.crypto.attachments import (
    TAG_BYTES,
    AttachmentCorrupt,
    ciphertext_size,
    decrypt_bytes,
    decrypt_chunks,
    encrypt_bytes,
    encrypt_stream,
    new_key,
)

CHUNK = 64
HEADER = 9


@settings(max_examples=60, deadline=None)
@given(data=st.binary(max_size=5 * CHUNK + 7), chunk=st.sampled_from([16, CHUNK, 1000]))
def test_round_trip_any_size(data: bytes, chunk: int) -> None:
    key = new_key()
    blob = encrypt_bytes(key, data, chunk_size=chunk)
    assert len(blob) == ciphertext_size(len(data), chunk)
    assert decrypt_bytes(key, blob) == data


def test_streams_report_sizes_and_hide_the_plaintext() -> None:
    key, data = new_key(), b"passport number K0123456 " * 100
    out = io.BytesIO()
    plain, written = encrypt_stream(key, io.BytesIO(data), out, chunk_size=CHUNK)
    assert plain == len(data) and written == len(out.getvalue())
    assert b"K0123456" not in out.getvalue()


def _chunks(blob: bytes, chunk: int = CHUNK) -> tuple[bytes, list[bytes]]:
    body = blob[HEADER:]
    step = chunk + TAG_BYTES
    return blob[:HEADER], [body[i : i + step] for i in range(0, len(body), step)]


def test_truncation_at_a_chunk_boundary_is_detected() -> None:
    key = new_key()
    blob = encrypt_bytes(key, os.urandom(3 * CHUNK + 5), chunk_size=CHUNK)
    head, parts = _chunks(blob)
    for keep in range(len(parts)):
        with pytest.raises(AttachmentCorrupt):
            decrypt_bytes(key, head + b"".join(parts[:keep]))
    # An exact multiple of the chunk size: dropping the last full chunk is caught too.
    exact = encrypt_bytes(key, os.urandom(2 * CHUNK), chunk_size=CHUNK)
    head, parts = _chunks(exact)
    with pytest.raises(AttachmentCorrupt):
        decrypt_bytes(key, head + parts[0])


def test_reordered_repeated_flipped_appended_and_wrong_key_are_refused() -> None:
    key = new_key()
    blob = encrypt_bytes(key, os.urandom(3 * CHUNK + 5), chunk_size=CHUNK)
    head, parts = _chunks(blob)
    bad = [
        head + parts[1] + parts[0] + b"".join(parts[2:]),
        head + parts[0] + parts[0] + b"".join(parts[1:]),
        blob[:-1] + bytes([blob[-1] ^ 1]),
        blob + parts[-1],
        struct.pack(">4sBI", b"FAT1", 1, CHUNK * 2) + blob[HEADER:],
        b"FAT2" + blob[4:],
        blob[:5],
    ]
    for tampered in bad:
        with pytest.raises(AttachmentCorrupt):
            decrypt_bytes(key, tampered)
    with pytest.raises(AttachmentCorrupt):
        decrypt_bytes(new_key(), blob)


def test_chunks_are_released_only_after_they_authenticate() -> None:
    key = new_key()
    blob = encrypt_bytes(key, b"a" * CHUNK + b"b" * CHUNK, chunk_size=CHUNK)
    damaged = blob[: HEADER + CHUNK + TAG_BYTES + 3] + b"\0" * (CHUNK + TAG_BYTES - 3)
    gen = decrypt_chunks(key, io.BytesIO(damaged))
    assert next(gen) == b"a" * CHUNK
    with pytest.raises(AttachmentCorrupt):
        next(gen)


def test_each_file_has_its_own_key() -> None:
    a, b = new_key(), new_key()
    assert a != b and len(a) == 32
    assert encrypt_bytes(a, b"same") != encrypt_bytes(b, b"same")
