"""When to try HQ next: exponential back-off with full jitter, and the probe schedule (Qt-free)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


def backoff_delay(
    failures: int, *, base: float, cap: float, rng: random.Random | None = None
) -> float:
    """Seconds to wait after `failures` consecutive failures (1 = the first failure).

    "Full jitter" (uniform in [0, min(cap, base * 2**(failures-1))]): many posts that
    lost the link at the same moment do not all come back at the same moment.
    """
    if failures <= 0:
        return 0.0
    ceiling = min(cap, base * (2.0 ** min(failures - 1, 62)))
    return (rng or random).uniform(0.0, ceiling)


@dataclass
class ProbeSchedule:
    """The background sync's timer: a steady interval while HQ answers, back-off while not.

    The UI asks `next_delay()` after each round and reports the round's outcome with
    `succeeded()` / `failed()`; `sync_now()` (the button) resets the back-off. Changes
    waiting to go shorten the steady interval, so new records leave soon after a link
    comes back.
    """

    interval: float = 300.0
    busy_interval: float = 60.0
    base: float = 15.0
    cap: float = 1800.0
    rng: random.Random = field(default_factory=random.Random)
    failures: int = 0

    def succeeded(self) -> None:
        self.failures = 0

    def failed(self) -> None:
        self.failures += 1

    def sync_now(self) -> None:
        self.failures = 0

    def next_delay(self, *, pending: int = 0) -> float:
        if self.failures:
            # Never less than a second: a dead link must not become a busy loop.
            return max(1.0, backoff_delay(self.failures, base=self.base, cap=self.cap,
                                          rng=self.rng))
        return self.busy_interval if pending else self.interval
