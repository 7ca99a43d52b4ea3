"""The Sync panel: a view over `SyncStatus` (see sync_status.py); Sync now goes through the runner."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp.ui import i18n
from fieldapp.ui.context import ViewContext
from fieldapp.ui.sync_status import OfflineSync, SyncSource, SyncStatus
from fieldapp.ui.tasks import user_message
from fieldapp.ui.widgets import Banner, BusyBar

__all__ = ["OfflineSync", "SyncPanel", "SyncSource", "SyncStatus"]
#: Clock differences above this are worth telling the user about (HLCs cope, people may not).
SKEW_WARNING_SECONDS = 300


class SyncPanel(QWidget):
    """Shows the last SyncStatus; `status_changed` lets the status bar follow."""

    status_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: ViewContext | None = None
        self.source: SyncSource = OfflineSync()
        self.status: SyncStatus | None = None
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.banner = Banner()
        self.busy = BusyBar()
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(5)]
        self.values = [QLabel() for _ in range(5)]
        for label, value in zip(self.labels, self.values, strict=True):
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.form.addRow(label, value)
        self.sync_button = QPushButton()
        self.sync_button.clicked.connect(self.sync_now)
        row = QHBoxLayout()
        row.addWidget(self.sync_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addLayout(self.form)
        layout.addLayout(row)
        layout.addWidget(self.busy)
        layout.addStretch(1)
        self.retranslate()

    def set_context(self, ctx: ViewContext | None) -> None:
        self.ctx = ctx
        if ctx is not None and "sync" in ctx.hooks:
            self.source = ctx.hooks["sync"]

    def activate(self) -> None:
        if self.ctx is None:
            return
        ctx, source = self.ctx, self.source
        ctx.runner.run_db("sync_status", lambda: source.status(ctx.ws), self.show_status,
                          lambda exc: self.banner.error(user_message(exc)))

    def clear(self) -> None:
        self.status = None
        self.banner.clear_message()
        self.busy.set_busy(False)
        self._render()

    def sync_now(self) -> None:
        """Sync now: a network job (it may overlap database jobs)."""
        if self.ctx is None:
            return
        ctx, source = self.ctx, self.source
        self.busy.set_busy(True)
        self.sync_button.setEnabled(False)

        def done(status: SyncStatus) -> None:
            self.busy.set_busy(False)
            self.sync_button.setEnabled(True)
            self.show_status(status)
            ctx.changed()

        def failed(exc: BaseException) -> None:
            self.busy.set_busy(False)
            self.sync_button.setEnabled(True)
            self.banner.error(user_message(exc))

        ctx.runner.run_net("sync_now", lambda: source.sync_now(ctx.ws), done, failed)

    def show_status(self, status: SyncStatus) -> None:
        self.status = status
        self._render()
        self.status_changed.emit(status)

    def _render(self) -> None:
        s = self.status
        if s is None:
            for v in self.values:
                v.clear()
            return
        self.values[0].setText(s.hq_url if s.enrolled and s.hq_url else
                               self.tr("Not enrolled with HQ (the app works fully offline)"))
        self.values[1].setText(i18n.fmt_date(s.last_success) if s.last_success else self.tr("Never"))
        self.values[2].setText(i18n.digits(s.pending))
        self.values[3].setText(s.last_error or self.tr("None"))
        if s.clock_skew_seconds is None:
            skew = self.tr("Unknown (not yet in contact with HQ)")
        elif abs(s.clock_skew_seconds) > SKEW_WARNING_SECONDS:
            skew = self.tr("This laptop's clock is {minutes} minutes off: please correct it").format(
                minutes=i18n.digits(round(abs(s.clock_skew_seconds) / 60)))
        else:
            skew = self.tr("OK")
        self.values[4].setText(skew)
        if s.last_error:
            self.banner.error(s.last_error)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Changes are kept encrypted on this laptop and sent to HQ "
                                     "when a connection is available."))
        for label, text in zip(self.labels, (self.tr("Headquarters"), self.tr("Last successful sync"),
                                             self.tr("Changes not yet sent"), self.tr("Last error"),
                                             self.tr("Clock")), strict=True):
            label.setText(text)
        self.sync_button.setText(self.tr("Sync now"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
