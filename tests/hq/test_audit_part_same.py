"""An audit part is stored exactly as main's ingest stored it (issue 16, h16push3).

HQ now takes an audit part's events into the push's batch as their fields, without a
pydantic `Change` each. The reference is main's `_apply_audit` (below): each event made a
`Change` and applied through `Ingest._apply_one`. Random parts (valid events, events that
break a rule and are parked, resends of events HQ holds, broken chains) go to two HQs with
the same devices; both must answer alike and end with the same records, change log, parked
changes and acknowledgements, audit watermarks included.
"""

from __future__ import annotations

import contextlib
import json
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.crypto.envelope import EnvelopeHeader, EnvelopeKind, seal
from fieldapp.domain.auditchain import GENESIS, event_hash
from fieldapp.domain.ids import uuid7
from fieldapp.hq import auditpart, ingest
from fieldapp.hq.models import Device
from fieldapp.hq.service import Hq, now_utc
from fieldapp.hq.settings import HqSettings
from fieldapp.hq.validate import Refused
from fieldapp.sync.protocol import PROTOCOL_VERSION, AuditPart, Change
from tests.hq.test_ingest_same import Dev, _add_devices, _state
from tests.support.hqserver import make_settings


def _reference_apply_audit(self: Hq, s: Session, dev: Device, part: AuditPart,
                           hq_now: int) -> None:
    """main's `Ingest._apply_audit` before h16push3: a `Change` per event."""
    events = auditpart.new_events(dev, part)
    if not events:
        return
    batch = ingest._batch_of(s, self.data_key)
    batch.load(("audit_event", e.entity_id) for e in events)
    horizon = hq_now + self.settings.stamp_tolerance_ms
    received = now_utc()
    for event in events:
        change = Change.model_construct(
            seq=event.seq, entity="audit_event", entity_id=event.entity_id, op="upsert",
            post_code=dev.post_code, fields={k: tuple(v) for k, v in event.fields.items()})
        try:
            self._apply_one(batch, dev, change, horizon, received, audit_part=True)
        except Refused as refusal:
            self._park(s, dev.id, -event.seq, change.model_dump(mode="json"), refusal)
    auditpart.acknowledge(dev, events)


@contextlib.contextmanager
def two_hqs(tmp: Path) -> Iterator[tuple[Hq, Hq]]:
    """Today's HQ and one with main's audit-part ingest, each on its own SQLite file."""
    base = make_settings(tmp / "hq", f"sqlite:///{tmp / 'new.sqlite3'}")
    new = Hq(base)  # the same keys for both: one envelope opens at either
    ref = Hq(HqSettings(data_dir=base.data_dir, database_url=f"sqlite:///{tmp / 'ref.sqlite3'}",
                        data_key=base.data_key))
    ref._apply_audit = types.MethodType(_reference_apply_audit, ref)  # type: ignore[method-assign]
    try:
        yield new, ref
    finally:
        new.close()
        ref.close()


#: One event: (action, the username too long for its field: parked "invalid").
EVENTS = st.lists(st.tuples(st.sampled_from(("view", "create", "update")), st.booleans()),
                  min_size=1, max_size=6)
#: A push: its events, whether it resends the events before it too, whether its chain breaks.
PUSHES = st.lists(st.tuples(EVENTS, st.booleans(), st.booleans()), min_size=1, max_size=4)


def _blob(hq: Hq, dev: Dev, part: dict[str, Any]) -> bytes:
    dev.seq += 1
    rescue = {"seq": dev.seq, "entity": "rescue", "entity_id": uuid7(), "op": "upsert",
              "post_code": dev.post, "fields": {"place": ["p", str(dev.clock.now())]}}
    header = EnvelopeHeader(kind=EnvelopeKind.PUSH, device_id=dev.id, seq_from=dev.seq,
                            seq_to=dev.seq)
    body = {"protocol": PROTOCOL_VERSION, "changes": [rescue], "audit": part}
    return seal(json.dumps(body).encode(), recipient_x25519_public=hq.keys.hpke_public,
                sender_ed25519_private=dev.key, header=header)


def _audit_state(hq: Hq) -> dict[str, Any]:
    with hq.sessions() as s:
        return {**_state(hq), "audit": sorted(
            (d.id, d.audit_acked_seq, d.audit_tip, d.audit_broken_seq)
            for d in s.scalars(select(Device)))}


def _run(hqs: tuple[Hq, Hq], pushes: list[tuple[list[tuple[str, bool]], bool, bool]]) -> None:
    dev = _add_devices(hqs)[0]
    rows: list[list[Any]] = []  # every event the device has, with its hash
    prev = GENESIS
    for events, resend, broken in pushes:
        first = len(rows) + 1
        for action, too_long in events:
            event = {"id": uuid7(), "at": "2026-03-14T10:00:00.000001",
                     "username": "x" * 100 if too_long else "sup", "device_id": dev.id,
                     "action": action, "entity": "rescue", "entity_id": uuid7(),
                     "detail": {"fields": ["place"]}}
            event["hash"] = "f" * 64 if broken else event_hash(prev, event)
            prev = str(event["hash"])
            rows.append([len(rows) + 1, *event.values()])
        start = 1 if resend else first
        part = {"after": start - 1,
                "prev_hash": GENESIS if start == 1 else str(rows[start - 2][9]),
                "stamp": str(dev.clock.now()), "events": rows[start - 1:]}
        blob = _blob(hqs[0], dev, part)
        answers = []
        for hq in hqs:
            a = hq.push(blob)
            answers.append((a.acked_seq, a.applied, a.duplicates, a.audit_acked_seq,
                            [r.model_dump() for r in a.refused]))
        assert answers[0] == answers[1]
    assert _audit_state(hqs[0]) == _audit_state(hqs[1])


def test_an_audit_part_is_stored_as_mains_ingest_stored_it(tmp_path: Path) -> None:
    with two_hqs(tmp_path) as hqs:

        @settings(max_examples=25, deadline=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
        @given(pushes=PUSHES)
        def check(pushes: list[tuple[list[tuple[str, bool]], bool, bool]]) -> None:
            _run(hqs, pushes)

        check()
        state = _audit_state(hqs[0])
        # The examples reached what the comparison is about: stored and parked events.
        assert any(r[0] == "audit_event" for r in state["records"])
        assert any(p[2] == "audit_event" for p in state["parked"])
