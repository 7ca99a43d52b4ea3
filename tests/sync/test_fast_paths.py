"""The fast sync paths of issue 16 give what the reference paths gave: the push payload and
HQ's pull answers are byte for byte what pydantic wrote, the device reads an answer as the
model reads it, and a page applied parents-first without autoflush ends in the same store
as the records applied one by one, in feed order (Hypothesis)."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from fieldapp.domain.enums import Role
from fieldapp.domain.hlc import stamp_key
from fieldapp.services import demo
from fieldapp.store import sealing
from fieldapp.store.models import SYNCED_MODELS, Outbox
from fieldapp.sync.apply import apply_records, local_state, page_order, parked_table
from fieldapp.sync.client import change_json, push_payload, wire_change
from fieldapp.sync.outbox import audit_part
from fieldapp.sync.protocol import (
    PullAnswer,
    PulledRecord,
    PushPayload,
    dump,
    pull_answer_json,
    read_pull_answer,
)
from tests.conftest import add_user
from tests.support.syncenv import new_device, unlock


def _feed(root: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """A post's outbox (demo cases and their edits) as (entity, id, fields) records."""
    ws = new_device(root, None, "POIPET")
    add_user(ws, "off", Role.OFFICER)
    ws.close()
    officer = unlock(root, "off")
    demo.generate(officer, 12, seed=7)
    officer.close()
    ws = unlock(root)
    with ws.tx() as s:
        key = sealing.key_of(s)
        changes = [wire_change(r, key) for r in s.scalars(select(Outbox).order_by(Outbox.seq))]
    ws.close()
    return [(c["entity"], c["entity_id"], c["fields"]) for c in changes]


def _store_state(ws: Any) -> dict[tuple[str, str], Any]:
    out: dict[tuple[str, str], Any] = {}
    with ws.tx() as s:
        for entity, model in SYNCED_MODELS.items():
            for obj in s.scalars(select(model)):
                # Every field's value and effective stamp (the compact ``hlc`` dict may be
                # written differently for the same stamps, depending on arrival order).
                out[(entity, obj.id)] = local_state(obj)
        for e, i, f, r in s.execute(select(parked_table.c.entity, parked_table.c.entity_id,
                                           parked_table.c.parent_id, parked_table.c.reason)):
            out[("parked", f"{e}:{i}")] = (f, r)
    return out


def _apply(ws: Any, pages: list[list[tuple[str, str, dict[str, Any]]]]) -> None:
    for page in pages:
        with ws.store.session("sup", remote=True) as s:
            apply_records(s, page)


def test_push_payload_is_what_pydantic_wrote(tmp_path: Path) -> None:
    ws = new_device(tmp_path / "d", None, "POIPET")
    demo.generate(ws, 3, seed=1)
    with ws.tx() as s:
        key = sealing.key_of(s)
        changes = [wire_change(r, key) for r in s.scalars(select(Outbox).order_by(Outbox.seq))]
    assert changes
    wire = [change_json(c) for c in changes]
    assert PushPayload.model_validate_json(push_payload(wire)) == PushPayload.model_validate(
        {"changes": changes})
    with ws.store.session("sup") as s:
        part = audit_part(s, 1000)
    assert part is not None and part["events"]
    assert push_payload(wire, part) == dump(
        PushPayload.model_validate({"changes": changes, "audit": part}))
    ws.close()


def test_page_order_puts_parents_first() -> None:
    page = [("referral_event", "e", {}), ("referral", "f", {}), ("victim", "v", {}),
            ("statement", "s", {}), ("rescue", "r", {}), ("province", "p", {})]
    order = [e for e, _i, _f in page_order(page)]
    assert order.index("province") == 0
    assert order.index("rescue") < order.index("victim") < order.index("referral")
    assert order.index("referral") < order.index("referral_event")
    assert order.index("victim") < order.index("statement")


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(seed=st.integers(0, 2**16), page_size=st.sampled_from([7, 40, 500]))
def test_pages_in_any_order_end_in_the_store_of_one_by_one(
    tmp_path_factory: Any, seed: int, page_size: int
) -> None:
    root = tmp_path_factory.mktemp("fast")
    feed = _feed(root / "source")
    rng = random.Random(seed)
    shuffled = feed[:]
    rng.shuffle(shuffled)  # children before parents, across pages: parking and unparking
    fast = new_device(root / "fast", None, "POIPET")
    _apply(fast, [shuffled[i:i + page_size] for i in range(0, len(shuffled), page_size)])
    reference = new_device(root / "ref", None, "POIPET")
    _apply(reference, [[r] for r in feed])  # the reference: one record per page, feed order
    assert _store_state(fast) == _store_state(reference)
    fast.close()
    reference.close()


def test_acknowledged_rows_are_compacted_and_a_resend_rebuilds_them(tmp_path: Path) -> None:
    """After a push the outbox keeps no copy of what HQ holds (attachments excepted), only
    which record each change carried; should HQ ask again (restored from a backup), the
    rebuilt changes merge to the same records as the changes first sent, and count as
    unsent until HQ has them again."""
    from sqlalchemy import func

    from fieldapp.services import sync
    from fieldapp.store.models import Device, OutboxSent, OutboxSentAudit
    from fieldapp.store.unsent import unsent_count
    from fieldapp.sync.merge import merge_record
    from fieldapp.sync.outbox import KEEP_FIELDS, queue_audit, rows_after, unsent_changes
    from tests.support.syncenv import fast_options, hq_running, minor_case

    def merged(changes: list[dict[str, Any]]) -> dict[tuple[str, str], Any]:
        out: dict[tuple[str, str], Any] = {}
        for c in changes:
            key = (c["entity"], c["entity_id"])
            out[key], _ = merge_record(c["entity"], out.get(key, {}), c["fields"])
        return out

    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "d", hq, "POIPET")
        minor_case(ws)
        demo.generate(ws, 3, seed=5)
        with ws.tx() as s:
            queue_audit(s)  # the audit events join the outbox, as at the start of a push
        before = unsent_changes_of(ws)
        top = max(c["seq"] for c in before)
        result = sync.sync_round(ws, options=fast_options())
        assert result.pending == 0
        with ws.tx() as s:
            rows = list(s.scalars(select(Outbox).where(Outbox.seq <= top)))
            # Only the newest row stays in the outbox (emptied: the clock's floor) and
            # attachment rows keep their fields; the rest left: named by their records'
            # `out_seq`, or, superseded, kept in OutboxSent; audit events as a run.
            assert len([r for r in rows if r.entity not in KEEP_FIELDS]) <= 1
            assert all(not r.fields for r in rows if r.entity not in KEEP_FIELDS)
            kept = s.scalar(select(func.count()).select_from(OutboxSent))
            runs = s.execute(select(OutboxSentAudit.count)).scalars().all()
            # The audit events: one run (several pushes acknowledged them, in seq order).
            assert len(runs) == 1 and runs[0] > 10
            assert kept + runs[0] < top - len(rows)
            assert [r.seq for r in rows_after(s, 0) if r.seq <= top] == [c["seq"] for c in before]
            s.scalars(select(Device)).one().acked_seq = 0  # HQ restored from a backup
        with ws.tx() as s:
            again = [c for c in unsent_changes(s) if c["seq"] <= top]
            assert unsent_count(s) >= len(before)
        assert [c["seq"] for c in again] == [c["seq"] for c in before]
        # Each audit event goes again with its run's stamp, no later than its own.
        assert merged(again).keys() == merged(before).keys()
        for key, fields in merged(again).items():
            was = merged(before)[key]
            if key[0] == "audit_event":
                assert {k: v[0] for k, v in fields.items()} == {k: v[0] for k, v in was.items()}
                assert all(stamp_key(fields[k][1]) <= stamp_key(was[k][1]) for k in fields)
            else:
                assert fields == was
        ws.close()


def unsent_changes_of(ws: Any) -> list[dict[str, Any]]:
    from fieldapp.sync.outbox import unsent_changes

    with ws.tx() as s:
        return unsent_changes(s)


# -- the pull's wire: HQ writes answers without pydantic, the device reads them without it --

_json = st.recursive(
    st.none() | st.booleans() | st.floats() | st.integers(-2**70, 2**70)
    | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                  max_size=3),
    max_leaves=8,
)
_record = st.fixed_dictionaries({
    "server_seq": st.integers(0, 2**62),
    "entity": st.sampled_from(["victim", "rescue", "statement"]),
    "entity_id": st.text(min_size=1, max_size=40),
    "post_code": st.none() | st.text(max_size=10),
    "fields": st.dictionaries(st.text(min_size=1, max_size=10),
                              st.tuples(_json, st.text(max_size=30)).map(list), max_size=5),
}).map(lambda r: {k: r[k] for k in PulledRecord.model_fields})  # in HQ's order


@settings(max_examples=150, deadline=None)
@given(records=st.lists(_record, max_size=4), more=st.booleans(),
       revoked=st.lists(st.text(max_size=8), max_size=2),
       acked=st.none() | st.integers(0, 2**40))
def test_answers_are_what_pydantic_wrote_and_read_as_the_model_reads(
    records: list[dict[str, Any]], more: bool, revoked: list[str], acked: int | None
) -> None:
    """HQ's answer bytes equal pydantic's for the same page (NaN, infinities, integers past
    64 bits, any text); the device's reader gives what the model gives."""
    fast = pull_answer_json(records, next_cursor=7, has_more=more, hq_time_ms=9,
                            revoked_devices=revoked, acked_seq=acked)
    model = PullAnswer.model_validate({"records": records, "next_cursor": 7, "has_more": more,
                                       "hq_time_ms": 9, "revoked_devices": revoked,
                                       "acked_seq": acked})
    assert fast == dump(model)
    page = read_pull_answer(fast)
    again = PullAnswer.model_validate_json(fast)
    assert page.answer == again.model_copy(update={"records": []})
    assert _same(page.records, [(r.entity, r.entity_id, {k: list(v) for k, v in r.fields.items()})
                                for r in again.records])


def _same(a: Any, b: Any) -> bool:
    """Equal, NaN equal to NaN."""
    return json.dumps(a) == json.dumps(b)


_GOOD = {"server_seq": 3, "entity": "victim", "entity_id": "v", "post_code": None,
         "fields": {"sex": ["female", "stamp"]}}


@pytest.mark.parametrize("bad", [
    {"records": "x"},
    {"records": [{**_GOOD, "extra": 1}]},
    {"records": [{k: v for k, v in _GOOD.items() if k != "post_code"}]},
    {"records": [{**_GOOD, "fields": {"sex": ["female"]}}]},
    {"records": [{**_GOOD, "fields": {"sex": ["female", "stamp", "more"]}}]},
    {"records": [{**_GOOD, "fields": {"sex": ["female", 5]}}]},
    {"records": [{**_GOOD, "fields": {"sex": "female"}}]},
    {"records": [{**_GOOD, "fields": ["sex"]}]},
    {"records": [{**_GOOD, "entity_id": 5}]},
    {"records": [{**_GOOD, "server_seq": None}]},
    {"records": [_GOOD], "next_cursor": "soon"},
    {"records": [_GOOD], "surprise": True},
    {"records": [_GOOD], "acked_seq": -1},
])
def test_what_the_model_refuses_the_reader_refuses(bad: dict[str, Any]) -> None:
    doc = {"next_cursor": 1, "has_more": False, "hq_time_ms": 1, **bad}
    payload = json.dumps(doc).encode()
    with pytest.raises(ValueError):
        PullAnswer.model_validate_json(payload)
    with pytest.raises(ValueError):
        read_pull_answer(payload)
    assert read_pull_answer(json.dumps({**doc, **{"records": [_GOOD]}}).encode()) \
        if set(bad) == {"records"} else True
