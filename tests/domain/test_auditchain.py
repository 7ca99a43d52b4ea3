"""One chain rule for the device and HQ: the hash covers the event and the one before."""

from __future__ import annotations

import datetime as dt

from fieldapp.domain.auditchain import GENESIS, event_hash

EVENT = {"id": "01a235ac-1017-7b8c-8871-96693a1f98fe", "username": "sup",
         "device_id": "01a235ac-1017-7b8c-8871-96693a1f98ff", "action": "create",
         "entity": "rescue", "entity_id": "01a235ac-1017-7b8c-8871-96693a1f9900",
         "detail": {"fields": ["place"]}}


def test_the_device_datetime_and_the_wire_text_hash_alike() -> None:
    at = dt.datetime(2026, 3, 14, 10, 0, 0, 1)
    assert event_hash(GENESIS, {**EVENT, "at": at}) == event_hash(
        GENESIS, {**EVENT, "at": at.isoformat()})


def test_the_hash_covers_the_previous_hash_and_every_field() -> None:
    base = {**EVENT, "at": "2026-03-14T10:00:00"}
    first = event_hash(GENESIS, base)
    assert event_hash(first, base) != first
    assert all(event_hash(GENESIS, {**base, k: "x"}) != first for k in EVENT)
