"""The referral state machine: status is derived from an append-only list of events."""

from __future__ import annotations

from collections.abc import Iterable

from fieldapp.domain.enums import ReferralStatus as S
from fieldapp.domain.errors import InvalidTransition
from fieldapp.domain.hlc import stamp_key

#: Which event kinds may follow a given status.
TRANSITIONS: dict[S | None, frozenset[S]] = {
    None: frozenset({S.CREATED}),
    S.CREATED: frozenset({S.SENT, S.CANCELLED}),
    S.SENT: frozenset({S.ACCEPTED, S.DECLINED, S.CANCELLED}),
    S.ACCEPTED: frozenset({S.IN_SERVICE, S.COMPLETED, S.CANCELLED}),
    S.IN_SERVICE: frozenset({S.IN_SERVICE, S.COMPLETED, S.CANCELLED}),
    S.COMPLETED: frozenset(),
    S.DECLINED: frozenset(),
    S.CANCELLED: frozenset(),
}

TERMINAL = frozenset({S.COMPLETED, S.DECLINED, S.CANCELLED})


def check_transition(current: S | None, event: S) -> None:
    """Raise InvalidTransition unless `event` may follow `current`."""
    if event not in TRANSITIONS[current]:
        raise InvalidTransition("a referral that is '{now}' cannot become '{then}'",
                                now=current or "none", then=event)


def derive_status(events: Iterable[tuple[str, S]]) -> tuple[S | None, bool]:
    """Fold events ordered by their HLC stamp into (status, conflicted).

    `events` are (hlc, kind) pairs from any number of devices (a grow-only set). Events
    that are not valid transitions from the folded status are skipped; if two different
    terminal outcomes were recorded (completed at one place, declined at another) the
    referral is *conflicted* and a supervisor must look — the first one by HLC is shown.
    """
    status: S | None = None
    terminals: set[S] = set()
    for _, kind in sorted(events, key=lambda e: stamp_key(e[0])):
        if kind in TERMINAL:
            terminals.add(kind)
        if kind in TRANSITIONS[status]:
            status = kind
    conflicted = len(terminals - {S.CANCELLED}) > 1
    return status, conflicted
