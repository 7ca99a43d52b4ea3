"""The task runner: database jobs one at a time, network jobs overlapping, errors as signals."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from fieldapp.domain.errors import InvalidInput
from fieldapp.ui.tasks import TaskRunner, user_message


@pytest.fixture
def runner() -> Any:
    r = TaskRunner()
    yield r
    r.shutdown()


def test_database_jobs_run_one_at_a_time_off_the_ui_thread(qtbot: Any, runner: TaskRunner) -> None:
    active, peak, threads, results = [0], [0], set(), []
    lock = threading.Lock()

    def job(i: int) -> int:
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        threads.add(threading.current_thread().name)
        time.sleep(0.02)
        with lock:
            active[0] -= 1
        return i

    for i in range(5):
        runner.run_db(f"job{i}", lambda i=i: job(i), results.append)
    qtbot.waitUntil(lambda: len(results) == 5)
    assert results == [0, 1, 2, 3, 4] and peak[0] == 1
    assert len(threads) == 1 and threading.main_thread().name not in threads


def test_network_jobs_overlap(qtbot: Any, runner: TaskRunner) -> None:
    barrier = threading.Barrier(2, timeout=5)
    done: list[str] = []
    runner.run_net("a", lambda: barrier.wait(), lambda _r: done.append("a"))
    runner.run_net("b", lambda: barrier.wait(), lambda _r: done.append("b"))
    qtbot.waitUntil(lambda: len(done) == 2)


def test_failures_arrive_as_signals_with_a_clear_message(qtbot: Any, runner: TaskRunner,
                                                         caplog: Any) -> None:
    errors: list[BaseException] = []

    def boom() -> None:
        raise InvalidInput("place: required")

    def bug() -> None:
        raise KeyError("Sok Sreypov")  # a bug whose message holds a name

    runner.run_db("boom", boom, failed=errors.append)
    runner.run_db("bug", bug, failed=errors.append)
    qtbot.waitUntil(lambda: len(errors) == 2)
    assert user_message(errors[0]) == "place: required"
    assert "KeyError" in user_message(errors[1]) and "Sok" not in user_message(errors[1])
    assert "Sok" not in caplog.text and "KeyError" in caplog.text


def test_invalidate_drops_results_in_flight(qtbot: Any, runner: TaskRunner) -> None:
    got: list[int] = []
    gate = threading.Event()
    runner.run_db("slow", lambda: gate.wait(5) and 1, got.append)
    assert runner.busy
    runner.invalidate()
    assert not runner.busy
    gate.set()
    assert runner.wait_idle()
    qtbot.wait(50)
    assert got == []
    runner.run_db("after", lambda: 2, got.append)
    qtbot.waitUntil(lambda: got == [2])


def test_after_shutdown_jobs_are_ignored(qtbot: Any) -> None:
    r = TaskRunner()
    r.shutdown()
    got: list[int] = []
    task = r.run_db("late", lambda: 1, got.append)
    assert task.finished and r.wait_idle() and not r.busy
    r.shutdown()  # twice is fine
    qtbot.wait(20)
    assert got == []
