"""Background sync: while unlocked and enrolled, probe HQ on a ProbeSchedule and run rounds."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from fieldapp.services.sync import ProbeSchedule
from fieldapp.ui.context import ViewContext
from fieldapp.ui.sync_panel import SyncPanel

log = logging.getLogger("fieldapp.ui.background_sync")
#: The first probe after unlock or enrolment (seconds): soon, but not during the unlock itself.
FIRST_DELAY = 5.0


class BackgroundSync(QObject):
    """One single-shot QTimer. Each tick: read the stored status (DB worker), probe HQ's
    health (network pool), and only if HQ answers queue a round through the Sync panel.
    Outcomes feed the ProbeSchedule: a steady interval while HQ answers, exponential
    back-off with full jitter while it does not. Nothing here waits on the UI thread.
    """

    def __init__(self, panel: SyncPanel, make_schedule: Callable[[], ProbeSchedule] = ProbeSchedule,
                 first_delay: float = FIRST_DELAY, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.panel = panel
        self.make_schedule = make_schedule
        self.first_delay = first_delay
        self.schedule = make_schedule()
        self.ctx: ViewContext | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.tick)
        #: Ticks started (tests and the benchmark look at these).
        self.ticks = 0
        self.rounds = 0
        self._generation = 0
        panel.round_finished.connect(self._round_finished)
        panel.sync_button.clicked.connect(lambda: self.schedule.sync_now())

    @property
    def active(self) -> bool:
        return self.ctx is not None

    def start(self, ctx: ViewContext) -> None:
        """Unlocked (or just enrolled): the first probe comes after `first_delay`."""
        self._generation += 1
        self.ctx = ctx
        self.schedule = self.make_schedule()
        self._arm(self.first_delay)

    def stop(self) -> None:
        """Locked, revoked or wiped: no more probes; results still in flight are ignored."""
        self._generation += 1
        self.ctx = None
        self.timer.stop()

    def _arm(self, seconds: float) -> None:
        if self.ctx is not None:
            self.timer.start(max(0, int(seconds * 1000)))

    def next_delay(self) -> float:
        pending = self.panel.status.pending if self.panel.status is not None else 0
        return self.schedule.next_delay(pending=pending)

    def tick(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        if self.panel.running:
            self._arm(self.next_delay())  # a round the user started: look again later
            return
        self.ticks += 1
        generation, source = self._generation, self.panel.source

        def got_status(status: object) -> None:
            if generation != self._generation:
                return
            enrolled = getattr(status, "enrolled", False)
            url = getattr(status, "hq_url", None)
            if not enrolled or not url or getattr(status, "revoked", False):
                log.info("background sync stopped: not enrolled or revoked")
                self.stop()
                return
            probe = getattr(source, "probe", None)
            if probe is None:
                answered(True)
                return
            ctx.runner.run_net("sync_probe", lambda: bool(probe(url)), answered, lambda _e: answered(False))

        def answered(ok: bool) -> None:
            if generation != self._generation:
                return
            if not ok:
                self.schedule.failed()
                delay = self.next_delay()
                log.info("HQ did not answer; next try in %.0f s", delay)
                self._arm(delay)
                return
            if self.panel.run_round():
                self.rounds += 1  # _round_finished re-arms the timer
            else:
                self._arm(self.next_delay())

        def failed(_exc: BaseException) -> None:
            if generation == self._generation:
                self.schedule.failed()
                self._arm(self.next_delay())

        ctx.runner.run_db("sync_status", lambda: source.status(ctx.ws), got_status, failed)

    def _round_finished(self, ok: bool) -> None:
        """Any round (button or timer) resets or extends the back-off."""
        if self.ctx is None:
            return
        if ok:
            self.schedule.succeeded()
        else:
            self.schedule.failed()
        self._arm(self.next_delay())
