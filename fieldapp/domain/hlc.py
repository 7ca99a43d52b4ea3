"""Hybrid logical clocks: order edits across devices whose wall clocks may be days wrong.

A stamp is (wall-clock ms, counter, node id), compared as a tuple. Its string form is
``"%013d-%05d-<node>"``; stored stamps are compared with `stamp_key` (as numbers), never as
text: a 14-digit wall time (a clock past the year 2286, or a forged stamp) sorts *below*
every 13-digit one as text, which once let one far-future stamp defeat every later edit.

No replica adopts a stamp further ahead of its own clock than `MAX_FUTURE_MS`: HQ parks a
change carrying one, and a device's clock ignores one it pulls.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from fieldapp.domain.errors import InvalidInput


@dataclass(frozen=True, order=True, slots=True)
class Hlc:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:013d}-{self.counter:05d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Hlc:
        try:
            wall, counter, node = text.split("-", 2)
            return cls(int(wall), int(counter), node)
        except (ValueError, AttributeError) as exc:
            raise InvalidInput("not a clock stamp: '{text}'", text=text[:40]) from exc


MAX_COUNTER = 99_999  # five digits in the text form
#: How far ahead of a replica's own clock a stamp may be and still be accepted (HQ) or
#: adopted (device): 10 minutes covers laptop clocks set by hand to the minute and NTP
#: steps, and bounds how long a bad clock can make one edit beat later ones.
MAX_FUTURE_MS = 10 * 60 * 1000


@lru_cache(maxsize=65536)
def stamp_key(text: str) -> tuple[int, int, str]:
    """Sort key of a stored stamp: (wall ms, counter, node) as numbers.

    Any width of the wall part parses (old 13-digit and longer stamps alike). Text that is
    not a stamp (an empty stamp of a record made before stamps existed) sorts first.
    """
    try:
        wall, counter, node = text.split("-", 2)
        return int(wall), int(counter), node
    except (ValueError, AttributeError):
        return -1, -1, str(text)


def max_stamp(stamps: Iterable[str], default: str = "") -> str:
    """The largest of `stamps` compared as numbers (`default` if there is none)."""
    return max(stamps, key=stamp_key, default=default)


def min_stamp(stamps: Iterable[str], default: str = "") -> str:
    return min(stamps, key=stamp_key, default=default)


def _carry(wall: int, counter: int) -> tuple[int, int]:
    """Keep the counter within five digits by moving to the next millisecond.

    A device that adopted a stamp from a clock days ahead keeps that wall time until its
    own clock catches up, counting every change meanwhile; the carry keeps text order.
    """
    if counter > MAX_COUNTER:
        return wall + 1, 0
    return wall, counter


class HlcClock:
    """Issues stamps for one node; `observe()` folds in stamps received from others."""

    def __init__(
        self, node: str, now_ms: Callable[[], int] | None = None, last: Hlc | None = None,
        *, max_future_ms: int = MAX_FUTURE_MS,
    ):
        self.node = node
        self.max_future_ms = max_future_ms
        self._now_ms = now_ms or (lambda: time.time_ns() // 1_000_000)
        self._wall = last.wall_ms if last else 0
        self._counter = last.counter if last else 0
        self._lock = threading.Lock()

    def now(self) -> Hlc:
        with self._lock:
            physical = self._now_ms()
            if physical > self._wall:
                self._wall, self._counter = physical, 0
            else:
                self._wall, self._counter = _carry(self._wall, self._counter + 1)
            return Hlc(self._wall, self._counter, self.node)

    def observe(self, remote: Hlc | str) -> Hlc:
        """Fold in a received stamp; one beyond our clock + `max_future_ms` is not adopted."""
        if isinstance(remote, str):
            remote = Hlc.parse(remote)
        with self._lock:
            physical = self._now_ms()
            if remote.wall_ms > physical + self.max_future_ms:
                # Adopting it would stamp every later local edit "in the future" too.
                remote = Hlc(0, 0, remote.node)
            wall = max(self._wall, remote.wall_ms, physical)
            if wall == self._wall and wall == remote.wall_ms:
                counter = max(self._counter, remote.counter) + 1
            elif wall == self._wall:
                counter = self._counter + 1
            elif wall == remote.wall_ms:
                counter = remote.counter + 1
            else:
                counter = 0
            self._wall, self._counter = _carry(wall, counter)
            return Hlc(self._wall, self._counter, self.node)
