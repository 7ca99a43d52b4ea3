"""A device's audit trail arriving in a push's audit part (protocol 2), checked at the door.

The part carries the events after a seq, consecutive, with the hash of the event before
them. HQ takes the events it does not hold yet, checks that each hash covers the event and
the previous hash (the chain, `fieldapp.domain.auditchain`), and stores each as an
``audit_event`` record like a change of protocol 1 carried it. An event whose hash does not
verify is still stored (it is evidence); the device row names the first such seq.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from fieldapp.domain.auditchain import event_hash
from fieldapp.hq.models import Device
from fieldapp.sync.protocol import AUDIT_WIRE, AuditPart, read_audit_part

_HAS_PART = re.compile(rb'"audit"\s*:\s*\{')


def parse_part(payload: bytes) -> AuditPart | None:
    """The push's audit part; None if it has none or it is not readable (then no event of
    it is acknowledged, and the device sends it again: the changes are applied all the same)."""
    if not _HAS_PART.search(payload):
        return None  # protocol 1, or nothing to send: no second parse of the payload
    fast = read_audit_part(payload)
    if fast is not None:
        return fast
    try:
        doc = json.loads(payload)
        part = doc.get("audit") if isinstance(doc, dict) else None
        return AuditPart.model_validate(part) if part is not None else None
    except (ValueError, ValidationError):
        return None


@dataclass(frozen=True)
class AuditEvent:
    """One event of the part HQ does not hold yet, as the fields of its record."""

    seq: int
    entity_id: str
    fields: dict[str, list[Any]]
    verified: bool


def new_events(dev: Device, part: AuditPart) -> list[AuditEvent]:
    """The events of `part` after what HQ holds from `dev`, each checked against the chain;
    [] if there are none or the part's seqs are not consecutive after `part.after`."""
    seqs = [row[0] for row in part.events]
    if seqs != list(range(part.after + 1, part.after + 1 + len(seqs))):
        return []
    held = dev.audit_acked_seq
    # Linked to the last event HQ holds when the part follows it; otherwise the events
    # before it came as changes (a bundle, or the device's earlier release).
    prev = dev.audit_tip if dev.audit_tip and part.after <= held else part.prev_hash
    out = []
    for row in part.events:
        event = dict(zip(AUDIT_WIRE, row, strict=True))
        if row[0] <= held:
            continue
        verified = event_hash(prev, event) == event["hash"]
        fields = {name: [value, part.stamp] for name, value in event.items() if name != "id"}
        fields["prev_hash"] = [prev, part.stamp]
        out.append(AuditEvent(row[0], str(event["id"]), fields, verified))
        prev = str(event["hash"])
    return out


def acknowledge(dev: Device, events: list[AuditEvent]) -> None:
    """HQ holds `events` (stored or set aside): move the device's audit watermark."""
    if not events:
        return
    broken = [e.seq for e in events if not e.verified]
    if broken and dev.audit_broken_seq is None:
        dev.audit_broken_seq = broken[0]
    dev.audit_acked_seq = events[-1].seq
    dev.audit_tip = str(events[-1].fields["hash"][0])
