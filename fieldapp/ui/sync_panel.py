"""The Sync panel: a view over `SyncStatus` (see sync_status.py); rounds go through the runner."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fieldapp import vocabulary
from fieldapp.domain.errors import FieldAppError
from fieldapp.services.changes import Changes
from fieldapp.services.sync import DeviceRevoked, HqRefused, HqUnreachable, NotEnrolled
from fieldapp.ui import i18n
from fieldapp.ui.context import ViewContext, follow_changes
from fieldapp.ui.sync_status import HqSync, SyncSource, SyncStatus
from fieldapp.ui.tasks import user_message
from fieldapp.ui.widgets import Banner, BusyBar

__all__ = ["HqSync", "SyncPanel", "SyncSource", "SyncStatus"]
#: Clock differences above this are worth telling the user about (HLCs cope, people may not).
SKEW_WARNING_SECONDS = 300


class SyncPanel(QWidget):
    """Shows the last SyncStatus; `status_changed` lets the status bar follow.

    `run_round()` is the one way a round starts (the button and the background timer):
    it runs on the database worker, because a round writes the store.
    `round_finished(ok)` follows every round; `revoked(DeviceRevoked)` when HQ revoked us.
    """

    status_changed = Signal(object)
    round_finished = Signal(bool)
    revoked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: ViewContext | None = None
        self.source: SyncSource = HqSync()
        self.status: SyncStatus | None = None
        self.running = False
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.banner = Banner()
        self.busy = BusyBar()
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(8)]
        self.values = [QLabel() for _ in range(8)]
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
        self.running = False
        if ctx is not None and "sync" in ctx.hooks:
            self.source = ctx.hooks["sync"]
        follow_changes(self, ctx, self.on_changes)

    def on_changes(self, _changes: Changes, origin: object) -> None:
        """Any write changes what is waiting to be sent: read the status again."""
        if self.ctx is not None and origin is not self and not self.running:
            self.refresh()

    def activate(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the stored sync state (no network)."""
        if self.ctx is None:
            return
        ctx, source = self.ctx, self.source
        ctx.runner.run_db("sync_status", lambda: source.status(ctx.ws), self.show_status,
                          lambda exc: self.banner.error(user_message(exc)))

    def clear(self) -> None:
        self.status = None
        self.running = False
        self.banner.clear_message()
        self.busy.set_busy(False)
        self.sync_button.setEnabled(True)
        self._render()

    def sync_now(self) -> None:
        """The button: a round now, whatever the background schedule says."""
        self.run_round()

    def run_round(self) -> bool:
        """Start one round on the database worker; False if one is already running."""
        if self.ctx is None or self.running:
            return False
        ctx, source = self.ctx, self.source
        self.running = True
        self.busy.set_busy(True)
        self.sync_button.setEnabled(False)
        self.banner.info(self.tr("Sending and receiving changes…"))

        def finish() -> None:
            self.running = False
            self.busy.set_busy(False)
            self.sync_button.setEnabled(True)

        def done(status: SyncStatus) -> None:
            finish()
            self.show_status(status)
            self.banner.info(self.tr("Sync finished: {pushed} sent, {pulled} received.").format(
                pushed=i18n.digits(status.pushed or 0), pulled=i18n.digits(status.pulled or 0)))
            self.round_finished.emit(True)

        def failed(exc: BaseException) -> None:
            finish()
            self.refresh()  # the store recorded the failure: show it (and the pending count)
            self.banner.error(self.error_text(exc))
            self.round_finished.emit(False)
            if isinstance(exc, DeviceRevoked):
                self.revoked.emit(exc)

        # A round may bring anything from HQ: every open view reloads from the broadcast.
        ctx.runner.run_op("sync_round", lambda: source.sync_now(ctx.ws), Changes.all(), done, failed,
                          origin=self)
        return True

    def error_text(self, exc: BaseException) -> str:
        """What failed and why: a translated lead, then the sync client's own reason."""
        if isinstance(exc, DeviceRevoked):
            lead = self.tr("HQ has revoked this device.")
        elif isinstance(exc, NotEnrolled):
            lead = self.tr("This laptop is not enrolled with HQ: a supervisor enrols it in Admin.")
        elif isinstance(exc, HqUnreachable):
            lead = self.tr("HQ could not be reached. Nothing is lost: the next sync continues.")
            detail = self.unreachable_detail(exc)
            if detail is not None:  # what the lead does not say already, in the window's words
                return f"{lead} {detail}" if detail else lead
        elif isinstance(exc, HqRefused):
            lead = self.tr("HQ refused the sync.")
            reason = i18n.hq_reason(exc)
            return f"{lead} ({reason})" if reason else lead
        elif isinstance(exc, FieldAppError) and (
                i18n.current_language() == "en" or vocabulary.khmer(exc.template)):
            return user_message(exc)
        else:
            return self.tr("The sync did not finish. Nothing is lost: try again.")
        # The English window adds the sync client's own sentence; the lead says it in Khmer.
        reason = str(exc) if i18n.current_language() == "en" else None
        return f"{lead} ({reason})" if reason else lead

    def unreachable_detail(self, exc: HqUnreachable) -> str | None:
        """What adds to "HQ could not be reached": the address tried and what happened, or
        how many attempts; "" when nothing does; None when the client did not say why."""
        address = exc.address
        if exc.cause == "refused":
            return self.tr("The connection to {address} was refused.").format(address=address)
        if exc.cause == "no_answer":
            return self.tr("{address} did not answer.").format(address=address)
        if exc.cause == "no_connection":
            return self.tr("There is no connection to {address}.").format(address=address)
        if exc.cause == "attempts":
            return self.tr("No usable answer after {n} attempts.").format(
                n=i18n.digits(exc.attempts))
        if exc.cause == "deadline":
            return self.tr("The sync ran out of time; what was sent is kept.")
        return None

    def reason(self, english: str) -> str | None:
        """The sync client's (English) reason in the window's language; None when Khmer has
        no words for it, so no English is shown inside a Khmer window."""
        return i18n.said(english)

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
        if s.revoked:
            hq = self.tr("This device was revoked by HQ")
        elif s.enrolled and s.hq_url:
            hq = s.hq_url
        else:
            hq = self.tr("Not enrolled with HQ (the app works fully offline)")
        self.values[0].setText(hq)
        self.values[1].setText(i18n.fmt_date(s.last_success) if s.last_success else self.tr("Never"))
        self.values[2].setText(i18n.digits(s.pending))
        if s.pushed is None:
            self.values[3].setText(self.tr("No sync yet in this session"))
        else:
            self.values[3].setText(self.tr("{pushed} sent, {pulled} received").format(
                pushed=i18n.digits(s.pushed), pulled=i18n.digits(s.pulled or 0)))
        self.values[4].setText(
            (self.reason(s.last_error) or self.tr("The last sync did not finish."))
            if s.last_error else self.tr("None"))
        if s.clock_skew_seconds is None:
            skew = self.tr("Unknown (not yet in contact with HQ)")
        elif s.clock_warning or abs(s.clock_skew_seconds) > SKEW_WARNING_SECONDS:
            skew = self.tr("This laptop's clock is {minutes} minutes off: please correct it").format(
                minutes=i18n.digits(round(abs(s.clock_skew_seconds) / 60)))
        else:
            skew = self.tr("OK")
        self.values[5].setText(skew)
        self.values[6].setText(self._listed(
            s.refused, s.refused_reasons,
            self.tr("{count} changes refused by HQ. They are kept at HQ; a supervisor there "
                    "releases them after a fix, or record them again correctly:")))
        self.values[7].setText(self._listed(
            s.set_aside, s.set_aside_reasons,
            self.tr("{count} received records could not be stored on this laptop. They are "
                    "kept aside and tried again at every sync:")))

    def _listed(self, count: int, reasons: tuple[str, ...], lead: str) -> str:
        if not count:
            return self.tr("None")
        # The reasons are HQ's or the store's own words (field and rule, never a value).
        lines = [lead.format(count=i18n.digits(count)), *(f"• {r}" for r in reasons[:5])]
        return "\n".join(lines)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Changes are kept encrypted on this laptop and sent to HQ "
                                     "when a connection is available."))
        for label, text in zip(self.labels, (self.tr("Headquarters"), self.tr("Last successful sync"),
                                             self.tr("Changes not yet sent"), self.tr("Last round"),
                                             self.tr("Last error"), self.tr("Clock"),
                                             self.tr("Refused by HQ"),
                                             self.tr("Not stored here")), strict=True):
            label.setText(text)
        self.sync_button.setText(self.tr("Sync now"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
