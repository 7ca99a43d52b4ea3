"""Hybrid logical clocks: order edits across devices whose wall clocks may be days wrong.

A stamp is (wall-clock ms, counter, node id), compared as a tuple. Its string form
``"%013d-%05d-<node>"`` sorts the same way, so stamps can be stored and compared as text.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

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
            raise InvalidInput(f"not a clock stamp: {text[:40]!r}") from exc


MAX_COUNTER = 99_999  # five digits in the text form


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

    def __init__(self, node: str, now_ms: Callable[[], int] | None = None, last: Hlc | None = None):
        self.node = node
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
        if isinstance(remote, str):
            remote = Hlc.parse(remote)
        with self._lock:
            physical = self._now_ms()
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
