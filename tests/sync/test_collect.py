"""The collector's threshold during bulk work (`fieldapp.sync.collect`)."""

from __future__ import annotations

import gc
import threading

from fieldapp.sync.collect import YOUNG_THRESHOLD, collecting_less


def test_a_round_raises_the_threshold_and_puts_it_back() -> None:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    try:
        with collecting_less():
            assert gc.get_threshold() == (YOUNG_THRESHOLD, 10, 10)
            with collecting_less():  # nested: still raised, and after it too
                assert gc.get_threshold()[0] == YOUNG_THRESHOLD
            assert gc.get_threshold()[0] == YOUNG_THRESHOLD
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*before)


def test_overlapping_rounds_on_two_threads_restore_the_default_once_both_end() -> None:
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    inside, release = threading.Event(), threading.Event()

    def other_round() -> None:
        with collecting_less():
            inside.set()
            release.wait(10)

    try:
        worker = threading.Thread(target=other_round)
        with collecting_less():
            worker.start()
            assert inside.wait(10)
        # This block ended first; the other round still runs: still raised.
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
        release.set()
        worker.join(10)
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        release.set()
        gc.set_threshold(*before)
