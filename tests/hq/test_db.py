"""HQ's database plumbing: the pool fits the request threads; stored JSON reads back as sent."""

from __future__ import annotations

import json

from fieldapp.hq import db
from tests.support.hqserver import PG_URL


def test_the_postgresql_pool_has_a_connection_for_every_request_thread() -> None:
    engine = db.make_engine(PG_URL)  # no connection is made until one is used
    try:
        assert engine.pool.size() >= db.REQUEST_THREADS  # type: ignore[attr-defined]
    finally:
        engine.dispose()


def test_json_written_reads_back_as_the_json_module_would() -> None:
    value = {"name_km": ["សុខា ចាន់", "0001733123456789:0000:abcdef"], "age": [23, "s"],
             "languages": [["km", "th"], "s"], "big": [2**62, "s"], "none": [None, "s"],
             "flag": [True, "s"], "nested": [{"a": [1, 2.5]}, "s"]}
    assert json.loads(db.json_text(value)) == value
    assert json.loads(db.json_bytes(value)) == value
