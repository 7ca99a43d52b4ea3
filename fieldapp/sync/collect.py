"""Python's cyclic garbage collector during bulk work: a sync round, HQ serving.

Bulk work allocates some 15 small containers per record (fields, stamps, rows), nearly all
freed by reference counting as soon as a batch is done. At the default threshold (700) the
collector runs every few hundred of them, and each older-generation pass walks every
long-lived object of the process again: a quarter of HQ's push CPU, and as much of a
device's sync round (measured, `benchmarks/bench_sync.py`). A higher first threshold lets
it run every 50,000 allocations instead; cycles are still collected.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 50_000

_lock = threading.Lock()
_holders = 0
_saved: tuple[int, int, int] | None = None


def collect_less() -> None:
    """For the rest of the process (a server)."""
    young, middle, old = gc.get_threshold()
    gc.set_threshold(max(YOUNG_THRESHOLD, young), middle, old)


@contextmanager
def collecting_less() -> Iterator[None]:
    """While the block runs (a device's sync round); the threshold is put back when the
    last of any overlapping blocks ends."""
    global _holders, _saved
    with _lock:
        if _holders == 0:
            _saved = gc.get_threshold()
            collect_less()
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None
