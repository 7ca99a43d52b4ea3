"""The one task runner: database jobs one at a time on one worker, network jobs in parallel."""

from __future__ import annotations

import logging
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from fieldapp.domain.errors import FieldAppError, StorageFull
from fieldapp.services.changes import Changes
from fieldapp.services.files import storage_error
from fieldapp.ui import i18n

log = logging.getLogger("fieldapp.ui.tasks")


def user_message(exc: BaseException) -> str:
    """What the user is told: our own errors explain themselves, in the window's language
    (the template translated, its parameters in words); anything else is a bug."""
    if isinstance(exc, StorageFull) or storage_error(exc, None) is not None:
        return QCoreApplication.translate(
            "Tasks", "The disk is full — nothing was lost; free space and try again.")
    if isinstance(exc, FieldAppError):
        return i18n.in_words(exc)
    return QCoreApplication.translate(
        "Tasks", "Something went wrong ({kind}). Nothing was changed by this action; the log "
        "has the details.").format(kind=type(exc).__name__)


def log_failure(name: str, exc: BaseException) -> None:
    """Log a failed job by type and code location only: messages may hold names or text."""
    if isinstance(exc, FieldAppError):
        log.info("job %s refused: %s", name, type(exc).__name__)
        return
    frames = traceback.extract_tb(exc.__traceback__)
    where = " <- ".join(f"{f.filename.rsplit('/', 1)[-1]}:{f.lineno} {f.name}" for f in reversed(frames[-6:]))
    log.error("job %s failed: %s at %s", name, type(exc).__name__, where)


class Task(QObject):
    """One background job; `done(result)` or `failed(exception)` arrives on the UI thread."""

    done = Signal(object)
    failed = Signal(object)

    def __init__(self, name: str, epoch: int) -> None:
        super().__init__()
        self.name = name
        self.epoch = epoch
        self.finished = False


class TaskRunner(QObject):
    """Anki's taskman for fieldapp. `invalidate()` (the idle lock) drops results still in flight."""

    _finish = Signal(object, object, object)
    busy_changed = Signal(bool)
    #: (Changes, origin) after every write that went through run_op: each open view
    #: refreshes itself from it (Anki's operation_did_execute). No view calls another.
    operation_did_execute = Signal(object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="fieldapp-db")
        self._net = ThreadPoolExecutor(max_workers=4, thread_name_prefix="fieldapp-net")
        self._epoch = 0
        self._closed = False
        self._running: set[Task] = set()
        self._finish.connect(self._on_finish)
        #: Longest job run time seen (seconds), for the benchmark.
        self.last_job_seconds = 0.0

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def invalidate(self) -> None:
        """Forget every job in flight: their results are dropped (the window was locked)."""
        self._epoch += 1
        for task in list(self._running):
            task.finished = True
        self._running.clear()
        self.busy_changed.emit(False)

    def run_db(self, name: str, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
               failed: Callable[[BaseException], None] | None = None) -> Task:
        """Queue a database (or key-derivation, or file) job: they run one at a time."""
        return self._submit(self._db, name, fn, done, failed)

    def run_op(self, name: str, fn: Callable[[], Any], changes: Changes | Callable[[Any], Changes],
               done: Callable[[Any], None] | None = None,
               failed: Callable[[BaseException], None] | None = None,
               origin: object = None) -> Task:
        """Queue a database job that WRITES: after `done`, broadcast what it changed.

        `changes` is the Changes value, or a function of the job's result that gives it
        (``lambda r: r.changes`` for a form's ``Submitted``).
        """

        def ok(result: Any) -> None:
            if done is not None:
                done(result)
            self.operation_did_execute.emit(changes(result) if callable(changes) else changes, origin)

        return self._submit(self._db, name, fn, ok, failed)

    def run_net(self, name: str, fn: Callable[[], Any], done: Callable[[Any], None] | None = None,
                failed: Callable[[BaseException], None] | None = None) -> Task:
        """Queue a network job: these may overlap each other and database jobs."""
        return self._submit(self._net, name, fn, done, failed)

    def _submit(self, pool: ThreadPoolExecutor, name: str, fn: Callable[[], Any],
                done: Callable[[Any], None] | None,
                failed: Callable[[BaseException], None] | None) -> Task:
        task = Task(name, self._epoch)
        if self._closed:
            log.debug("job %s dropped: the window is closing", name)
            task.finished = True
            return task
        if done is not None:
            task.done.connect(done)
        if failed is not None:
            task.failed.connect(failed)
        self._running.add(task)
        if len(self._running) == 1:
            self.busy_changed.emit(True)

        def job() -> Any:
            started = time.perf_counter()
            try:
                return fn()
            finally:
                self.last_job_seconds = time.perf_counter() - started

        future = pool.submit(job)
        future.add_done_callback(lambda f: self._finish.emit(task, f, threading.current_thread().name))
        return task

    @Slot(object, object, object)
    def _on_finish(self, task: Task, future: Future[Any], _thread: str) -> None:
        if task.finished or task.epoch != self._epoch:
            return  # the window was locked meanwhile: nobody may see this result
        task.finished = True
        self._running.discard(task)
        if not self._running:
            self.busy_changed.emit(False)
        exc = future.exception()
        if exc is None:
            task.done.emit(future.result())
            return
        log_failure(task.name, exc)
        task.failed.emit(exc)

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Block until the database worker has drained (used at exit and by tests)."""
        if self._closed:
            return True
        marker = self._db.submit(lambda: None)
        try:
            marker.result(timeout)
        except TimeoutError:
            return False
        return True

    def shutdown(self) -> None:
        """Finish the job running now, drop the queued ones; later submissions are ignored."""
        if self._closed:
            return
        self._closed = True
        self._epoch += 1
        self._db.shutdown(wait=True, cancel_futures=True)
        self._net.shutdown(wait=False, cancel_futures=True)
