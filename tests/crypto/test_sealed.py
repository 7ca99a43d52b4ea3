"""Sealed statement text: compressed before sealing when that is shorter, and values sealed
before (plain UTF-8 inside) still open."""

from __future__ import annotations

import base64
import os

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from hypothesis import given, settings
from hypothesis import strategies as st

from fieldapp.crypto import sealed
from fieldapp.domain.errors import StoreCorrupt

KEY = bytes(range(32))
NARRATIVE = ("I was promised work in a restaurant in Bangkok. The broker took my passport at "
             "the border and we were driven at night to a house where many girls were kept. "
             "We were not allowed to leave the house. ") * 8


def _plain_inside(token: str) -> bytes:
    raw = base64.b64decode(token[len(sealed.PREFIX):])
    aad = sealed._aad("statement", "s1", "narrative")
    return AESGCM(KEY).decrypt(raw[:12], raw[12:], aad)


def test_a_long_narrative_is_sealed_compressed_and_opens_whole() -> None:
    token = sealed.seal_text(KEY, "statement", "s1", "narrative", NARRATIVE)
    inside = _plain_inside(token)
    assert inside[:1] == b"\xff" and len(inside) < len(NARRATIVE) // 3
    assert sealed.open_text(KEY, "statement", "s1", "narrative", token) == NARRATIVE


def test_short_text_is_sealed_as_it_is() -> None:
    token = sealed.seal_text(KEY, "statement", "s1", "narrative", "Sok")
    assert _plain_inside(token) == b"Sok"
    assert sealed.open_text(KEY, "statement", "s1", "narrative", token) == "Sok"


def test_a_value_sealed_before_compression_still_opens() -> None:
    nonce = os.urandom(12)
    ct = AESGCM(KEY).encrypt(nonce, NARRATIVE.encode(), sealed._aad("statement", "s1",
                                                                    "narrative"))
    token = sealed.sealed_token(nonce + ct)
    assert sealed.open_text(KEY, "statement", "s1", "narrative", token) == NARRATIVE


def test_a_sealed_value_still_opens_only_for_its_record_and_field() -> None:
    token = sealed.seal_text(KEY, "statement", "s1", "narrative", NARRATIVE)
    with pytest.raises(StoreCorrupt):
        sealed.open_text(KEY, "statement", "s2", "narrative", token)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=3000))
def test_any_text_opens_as_it_was_sealed(text: str) -> None:
    token = sealed.seal_text(KEY, "statement", "s1", "narrative", text)
    assert sealed.open_text(KEY, "statement", "s1", "narrative", token) == text
    assert len(_plain_inside(token)) <= len(text.encode())
