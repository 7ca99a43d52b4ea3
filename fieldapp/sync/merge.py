"""Merge rules shared by the device and HQ: per-field LWW by HLC, frozen final statements.

A record's state is ``{field_name: [value, hlc_str]}``. Every rule here is a join of a
semilattice, so merging is idempotent, commutative and associative: applying changes
twice, or in any order, or batched differently, ends in the same state.

- Ordinary fields: the entry with the larger ``(hlc, canonical JSON of value)`` wins.
  Stamps compare as numbers (``fieldapp.domain.hlc.stamp_key``), never as text; the
  value comparison only breaks the tie of two different values stamped with the very
  same HLC.
- Statements: once ``status`` is ``final`` at HLC ``F`` (the earliest finalisation if
  several), each field keeps the largest entry stamped ``<= F``; entries stamped after
  ``F`` are ignored and fields that only have such entries are dropped. Contract for
  the device: **the change that finalises a statement carries every field of the
  statement stamped with F** (the snapshot). With that, a final statement is exactly
  its snapshot whatever arrives later or arrived earlier, and edits that were made
  elsewhere before finalisation but not known to the finaliser cannot reopen it.
- Referral events are each their own immutable record (a grow-only set); the status of
  a referral is derived from all of them with ``domain.referrals.derive_status``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from fieldapp.domain.enums import ReferralStatus
from fieldapp.domain.hlc import min_stamp, stamp_key
from fieldapp.domain.referrals import derive_status

Entry = Sequence[Any]  # [value, hlc_str]
Fields = Mapping[str, Entry]

FINAL = "final"


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _key(entry: Entry) -> tuple[tuple[int, int, str], str]:
    return (stamp_key(str(entry[1])), _canon(entry[0]))


def _wins(a: Entry, b: Entry) -> Entry:
    """The winning entry of two (deterministic total order)."""
    return a if _key(a) >= _key(b) else b


def _norm(entry: Entry) -> list[Any]:
    return [entry[0], str(entry[1])]


def merge_fields(current: Fields, incoming: Fields) -> tuple[dict[str, list[Any]], set[str]]:
    """Per-field last-writer-wins; returns (merged, names whose entry changed)."""
    if not current:  # a new record (most of a push): every entry is taken as it comes
        merged = {name: [entry[0], str(entry[1])] for name, entry in incoming.items()}
        return merged, set(merged)
    merged = {name: _norm(entry) for name, entry in current.items()}
    changed: set[str] = set()
    for name, entry in incoming.items():
        old = merged.get(name)
        new = _norm(entry) if old is None else _norm(_wins(old, entry))
        if old is None or new != old:
            merged[name] = new
            changed.add(name)
    return merged, changed


def _final_stamp(fields: Fields) -> str | None:
    status = fields.get("status")
    if status is not None and status[0] == FINAL:
        return str(status[1])
    return None


def merge_statement(current: Fields, incoming: Fields) -> tuple[dict[str, list[Any]], set[str]]:
    """Merge two states of a statement; a final statement never changes (see module doc)."""
    stamps = [s for s in (_final_stamp(current), _final_stamp(incoming)) if s is not None]
    if not stamps:
        return merge_fields(current, incoming)
    frozen_at = min_stamp(stamps)
    frozen_key = stamp_key(frozen_at)
    merged: dict[str, list[Any]] = {}
    for name in set(current) | set(incoming):
        candidates = [
            e
            for e in (current.get(name), incoming.get(name))
            if e is not None and stamp_key(str(e[1])) <= frozen_key
        ]
        if candidates:
            best = candidates[0] if len(candidates) == 1 else _wins(candidates[0], candidates[1])
            merged[name] = _norm(best)
    merged["status"] = [FINAL, frozen_at]
    base = {name: _norm(entry) for name, entry in current.items()}
    changed = {n for n in set(base) | set(merged) if base.get(n) != merged.get(n)}
    return merged, changed


def merge_record(
    entity: str, current: Fields, incoming: Fields
) -> tuple[dict[str, list[Any]], set[str]]:
    """Merge by the rules of `entity`; the one entry point both device and HQ call."""
    if entity == "statement":
        return merge_statement(current, incoming)
    return merge_fields(current, incoming)


def referral_status(events: Iterable[Fields]) -> tuple[ReferralStatus | None, bool]:
    """Derive (status, conflicted) of one referral from its events' field states.

    Each event has a ``kind`` field (a ReferralStatus value); its HLC orders the fold.
    Unknown kinds are ignored rather than failing, so a newer device's event kinds do
    not break an older reader.
    """
    folded: list[tuple[str, ReferralStatus]] = []
    for ev in events:
        entry = ev.get("kind")
        if entry is None:
            continue
        try:
            folded.append((str(entry[1]), ReferralStatus(entry[0])))
        except ValueError:
            continue
    return derive_status(folded)
