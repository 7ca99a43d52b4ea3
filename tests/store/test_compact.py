"""Compact column types read back exactly what was written, whatever was written."""

from __future__ import annotations

import datetime as dt
import uuid

from hypothesis import given
from hypothesis import strategies as st

from fieldapp.store.compact import CompactId, HexDigest, MicroTime, digest_bytes, id_bytes


def _round_trip(column: object, value: object) -> object:
    stored = column.process_bind_param(value, None)  # type: ignore[attr-defined]
    return column.process_result_value(stored, None)  # type: ignore[attr-defined]


@given(st.one_of(st.uuids().map(str), st.text(max_size=40), st.uuids().map(lambda u: str(u).upper())))
def test_ids_read_back_as_written(text: str) -> None:
    assert _round_trip(CompactId(36), text) == text


def test_a_canonical_uuid_takes_16_bytes_and_anything_else_stays_text() -> None:
    ident = str(uuid.uuid4())
    assert id_bytes(ident) == uuid.UUID(ident).bytes
    assert id_bytes(ident.upper()) is None and id_bytes("POIPET") is None and id_bytes("") is None


@given(st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 1, 1)))
def test_times_read_back_to_the_microsecond(moment: dt.datetime) -> None:
    assert _round_trip(MicroTime(), moment) == moment
    assert isinstance(MicroTime().process_bind_param(moment, None), int)


@given(st.one_of(st.binary(min_size=1, max_size=40).map(bytes.hex), st.text(max_size=70)))
def test_digests_read_back_as_written(text: str) -> None:
    assert _round_trip(HexDigest(64), text) == text
    if digest_bytes(text) is not None:
        assert len(digest_bytes(text) or b"") * 2 == len(text)
