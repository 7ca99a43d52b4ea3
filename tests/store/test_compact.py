"""Compact column types read back exactly what was written, whatever was written."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from typing import Any

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.types import TypeEngine

from fieldapp.crypto import sealed
from fieldapp.domain.auditchain import GENESIS, event_hash
from fieldapp.services.workspace import Workspace
from fieldapp.store.compact import (
    CompactDetail,
    CompactId,
    CompactStamp,
    CompactStamps,
    DeviceId,
    EarlierId,
    HexDigest,
    MicroDateTime,
    MicroTime,
    SealedJson,
    SealedLongText,
    SealedText,
    detail_stored,
    digest_bytes,
    id_bytes,
    set_own_device,
    stamp_bytes,
)
from fieldapp.store.models import AuditEvent, Rescue


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


# -- compact records (migration 0008_h16store2_compact) ------------------------------------
_SQLITE = sqlite.dialect()
_NODES = st.one_of(st.uuids().map(str), st.text(max_size=40))
_STAMPS = st.builds(lambda wall, counter, node: f"{wall:013d}-{counter:05d}-{node}",
                    st.integers(0, 10**15), st.integers(0, 10**6), _NODES)


def _stored(column: TypeEngine[Any], value: Any) -> Any:
    bind = column.bind_processor(_SQLITE)
    return bind(value) if bind else value


def _through(column: TypeEngine[Any], value: Any) -> Any:
    """What a column reads back after writing `value` (its SQLite processors both ways)."""
    read = column.result_processor(_SQLITE, None)
    stored = _stored(column, value)
    return read(stored) if read else stored


@given(st.one_of(_STAMPS, st.text(max_size=60)))
def test_clock_stamps_read_back_as_written(stamp: str) -> None:
    assert _through(CompactStamp(64), stamp) == stamp
    if len(stamp) == 56 and id_bytes(stamp[20:]) and len(stamp.split("-", 2)[0]) == 13:
        assert stamp_bytes(stamp) is not None and len(stamp_bytes(stamp) or b"") == 25


@given(st.one_of(st.dictionaries(st.text(max_size=30), _STAMPS, max_size=6),
                 st.dictionaries(st.text(max_size=5), st.one_of(st.integers(), st.text()),
                                 max_size=3)))
def test_field_stamps_read_back_as_written(stamps: dict[str, Any]) -> None:
    assert _through(CompactStamps(), stamps) == stamps


def test_one_stamp_takes_30_bytes_not_65() -> None:
    stamp = f"1796207427495-00003-{uuid.uuid4()}"
    assert len(_stored(CompactStamps(), {"*": stamp})) == 30
    assert len(json.dumps({"*": stamp})) == 65


_HEXES = st.binary(min_size=1, max_size=300).map(bytes.hex)
_DETAILS = st.dictionaries(st.text(max_size=20), st.one_of(
    st.uuids().map(str), st.text(max_size=80), _HEXES, _HEXES.map(str.upper), st.integers(),
    st.booleans(), st.none(),
    st.lists(st.text(max_size=5), max_size=3)), max_size=5)


@given(_DETAILS)
def test_audit_details_read_back_as_written_and_hash_alike(detail: dict[str, Any]) -> None:
    back = _through(CompactDetail(), detail)
    assert back == detail
    event = {"id": str(uuid.uuid4()), "at": dt.datetime(2026, 1, 2), "username": "u",
             "device_id": "d", "action": "a", "entity": "e", "entity_id": "i"}
    assert event_hash(GENESIS, {**event, "detail": back}) == event_hash(
        GENESIS, {**event, "detail": detail})


@given(_DETAILS, st.lists(st.uuids().map(str), min_size=1, max_size=40))
def test_audit_details_naming_earlier_records_read_back_as_written(
        detail: dict[str, Any], earlier_ids: list[str]) -> None:
    """`store.audit` stores a detail's value that is an earlier event's record id as its
    distance (`EarlierId`); resolved against the same events, it is the value again."""
    detail = {**detail, "rescue": earlier_ids[0]}
    earlier = {ident: len(earlier_ids) - i for i, ident in enumerate(earlier_ids)}
    stored = detail_stored(detail, earlier)
    back = _through(CompactDetail(), stored)
    resolved = {k: earlier_ids[len(earlier_ids) - v] if type(v) is EarlierId else v
                for k, v in back.items()}
    assert resolved == detail
    if all(isinstance(v, str) for v in detail.values()):
        assert EarlierId(len(earlier_ids)) in back.values() or earlier_ids[0] in earlier_ids[1:]
    assert _through(CompactDetail(), {}) == {} and len(detail_stored({}, {})) == 1


def test_a_digest_in_a_detail_takes_its_bytes() -> None:
    digest = "ab" * 32
    assert len(_stored(CompactDetail(), {"hash": digest})) == 1 + 5 + 2 + 32
    assert _through(CompactDetail(), {"hash": digest}) == {"hash": digest}


@given(st.text(max_size=300), st.sampled_from(["narrative", "place"]))
def test_sealed_text_reads_back_as_the_same_token(clear: str, field: str) -> None:
    key = bytes(range(32))
    token = sealed.seal_text(key, "statement", "s1", field, clear)
    stored = _stored(SealedText(200), token)
    assert isinstance(stored, bytes) and len(stored) < len(token)
    assert _through(SealedText(200), token) == token
    assert sealed.open_text(key, "statement", "s1", field, _through(SealedLongText(), token)) == clear
    assert _through(SealedText(200), clear) == clear  # clear text stays text


@given(st.one_of(st.dictionaries(st.text(max_size=10), st.text(max_size=10), max_size=3),
                 st.just({sealed.JSON_MARK: "not a token"})))
def test_sealed_json_reads_back_as_written(value: dict[str, Any]) -> None:
    key = bytes(range(32))
    token = sealed.seal_json(key, "statement", "s1", "child_protocol", value)
    assert _through(SealedJson(), token) == token
    assert _through(SealedJson(), value) == value


@given(st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 1, 1)))
def test_datetime_columns_read_back_to_the_microsecond(moment: dt.datetime) -> None:
    assert _through(MicroDateTime(), moment) == moment
    assert isinstance(_stored(MicroDateTime(), moment), int)
    # A value the code before wrote (SQLAlchemy's SQLite text) reads back the same.
    read = MicroDateTime().result_processor(_SQLITE, None)
    assert read(moment.strftime("%Y-%m-%d %H:%M:%S.%f")) == moment


def test_a_real_store_keeps_compact_forms_and_reads_back_every_value(ws: Workspace) -> None:
    """On the encrypted store: each value has its compact storage class, and reads back."""
    from fieldapp.services import intake

    rescue = intake.create_rescue(ws, operation_date=dt.date(2026, 3, 14), province_code="KH-1",
                                  exploitation_type="labour", place="Poipet market")
    with ws.tx() as s:
        row = s.get(Rescue, rescue.id)
        assert row is not None
        seen = (row.id, row.device_id, row.created_at, row.updated_at, row.hlc)
        kinds = s.connection().execute(text(
            "SELECT typeof(id), typeof(device_id), typeof(created_at), typeof(hlc) FROM rescue"
        )).one()
        details = list(s.scalars(select(AuditEvent.detail)))
    assert tuple(kinds) == ("blob", "blob", "integer", "blob")
    # A new record's `updated_at` is stored as nothing and read back as its creation time.
    assert seen == (rescue.id, rescue.device_id, rescue.created_at, rescue.created_at, rescue.hlc)
    assert {"rescue": rescue.id} in details or any(d for d in details)


# -- the store's own device (migration 0013_h16s5rows) ------------------------------------
_OWN = str(uuid.uuid4())


def _own_dialect() -> Any:
    dialect = sqlite.dialect()
    set_own_device(dialect, _OWN)
    return dialect


def _through_own(column: TypeEngine[Any], value: Any) -> tuple[Any, Any]:
    """(what is stored, what reads back) on an engine whose store's device is `_OWN`."""
    dialect = _own_dialect()
    bind = column.bind_processor(dialect)
    read = column.result_processor(dialect, None)
    stored = bind(value) if bind else value
    return stored, read(stored) if read else stored


@given(st.one_of(st.just(_OWN), st.uuids().map(str), st.text(max_size=40)))
def test_device_ids_read_back_as_written_and_the_own_one_is_stored_as_nothing(ident: str) -> None:
    stored, back = _through_own(DeviceId(36), ident)
    assert back == ident
    assert (stored == b"") == (ident == _OWN)
    assert _through(DeviceId(36), ident) == ident  # an engine without a device


@given(st.dictionaries(st.text(max_size=30), st.one_of(
    _STAMPS, st.integers(0, 10**12).map(lambda wall: f"{wall:013d}-00001-{_OWN}")), max_size=6))
def test_field_stamps_of_the_own_device_read_back_as_written(stamps: dict[str, Any]) -> None:
    assert _through_own(CompactStamps(), stamps)[1] == stamps


def test_one_stamp_of_the_own_device_takes_14_bytes() -> None:
    stored, _back = _through_own(CompactStamps(), {"*": f"1796207427495-00003-{_OWN}"})
    assert len(stored) == 14
