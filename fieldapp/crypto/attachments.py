"""Attachment files: AES-256-GCM in chunks, one random key per file, truncation detected.

Layout::

    header  "FAT1" | version (1) | chunk_size (u32 BE)          9 bytes
    chunk i AES-256-GCM(plain chunk i) || tag (16 bytes)        chunk_size + 16, last shorter

Chunk i is sealed with nonce = i as 12 big-endian bytes (safe: the key seals this one
file only) and AAD = header || i (u64) || final flag (1 byte). Moving, dropping,
repeating or reordering chunks, cutting the file at a chunk boundary, or appending to it
all fail authentication, because the flag that ends the file is itself authenticated.
An empty file is one final chunk with no plaintext.
"""

from __future__ import annotations

import os
import struct
from collections.abc import Iterator
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from fieldapp.domain.errors import IntegrityError

MAGIC = b"FAT1"
VERSION = 1
KEY_BYTES = 32
TAG_BYTES = 16
DEFAULT_CHUNK = 64 * 1024
MAX_CHUNK = 16 * 1024 * 1024
_HEADER = struct.Struct(">4sBI")
_AAD_TAIL = struct.Struct(">QB")


class AttachmentCorrupt(IntegrityError):
    """The encrypted file was altered, truncated, or the key is not its key."""

    template = "the attachment file is damaged or was altered"


def new_key() -> bytes:
    return os.urandom(KEY_BYTES)


def _nonce(index: int) -> bytes:
    return index.to_bytes(12, "big")


def ciphertext_size(plain_size: int, chunk_size: int = DEFAULT_CHUNK) -> int:
    chunks = max(1, -(-plain_size // chunk_size))
    return _HEADER.size + plain_size + chunks * TAG_BYTES


def encrypt_stream(
    key: bytes, src: BinaryIO, dst: BinaryIO, *, chunk_size: int = DEFAULT_CHUNK
) -> tuple[int, int]:
    """Encrypt all of `src` into `dst`; return (plaintext bytes, ciphertext bytes)."""
    if not 0 < chunk_size <= MAX_CHUNK:
        raise ValueError("chunk_size out of range")
    aead = AESGCM(key)
    header = _HEADER.pack(MAGIC, VERSION, chunk_size)
    dst.write(header)
    written = len(header)
    plain = 0
    index = 0
    current = src.read(chunk_size)
    while True:
        # Read one chunk ahead: the last chunk must be marked final before it is sealed.
        following = src.read(chunk_size) if len(current) == chunk_size else b""
        final = not following
        sealed = aead.encrypt(_nonce(index), current, header + _AAD_TAIL.pack(index, final))
        dst.write(sealed)
        written += len(sealed)
        plain += len(current)
        if final:
            return plain, written
        current = following
        index += 1


def encrypt_bytes(key: bytes, data: bytes, *, chunk_size: int = DEFAULT_CHUNK) -> bytes:
    import io

    out = io.BytesIO()
    encrypt_stream(key, io.BytesIO(data), out, chunk_size=chunk_size)
    return out.getvalue()


def decrypt_chunks(key: bytes, src: BinaryIO) -> Iterator[bytes]:
    """Yield the plaintext chunk by chunk, each only after it authenticated.

    Raises AttachmentCorrupt on any alteration, including a missing final chunk; a
    caller that needs all-or-nothing must collect the chunks before using them.
    """
    header = src.read(_HEADER.size)
    if len(header) != _HEADER.size:
        raise AttachmentCorrupt()
    magic, version, chunk_size = _HEADER.unpack(header)
    if magic != MAGIC or version != VERSION or not 0 < chunk_size <= MAX_CHUNK:
        raise AttachmentCorrupt("not a fieldapp attachment file, or an unknown version")
    aead = AESGCM(key)
    index = 0
    sealed = src.read(chunk_size + TAG_BYTES)
    while True:
        if len(sealed) < TAG_BYTES:
            raise AttachmentCorrupt("the attachment file is truncated")
        following = src.read(chunk_size + TAG_BYTES) if len(sealed) == chunk_size + TAG_BYTES else b""
        final = not following
        try:
            plain = aead.decrypt(_nonce(index), sealed, header + _AAD_TAIL.pack(index, final))
        except InvalidTag:
            raise AttachmentCorrupt() from None
        yield plain
        if final:
            return
        sealed = following
        index += 1


def decrypt_bytes(key: bytes, blob: bytes) -> bytes:
    import io

    return b"".join(decrypt_chunks(key, io.BytesIO(blob)))
