"""The referral board for transit-centre staff: queues by status, accept, decline, serve, complete."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.enums import ReferralStatus, Role, Service
from fieldapp.services import referrals
from fieldapp.services.changes import Changes
from fieldapp.services.referrals import ReferralCard
from fieldapp.ui import i18n
from fieldapp.ui.context import ViewContext, follow_changes
from fieldapp.ui.tasks import user_message
from fieldapp.ui.widgets import Banner, fill_table, make_table, ok_cancel, selected_key

#: The board's queues, in tab order.
QUEUES = ("new", "accepted", "in_service", "overdue", "closed")


def queue_of(card: ReferralCard) -> str:
    status = card.referral.status
    if card.overdue:
        return "overdue"
    if status in (ReferralStatus.CREATED, ReferralStatus.SENT):
        return "new"
    if status in (ReferralStatus.ACCEPTED, ReferralStatus.IN_SERVICE):
        return status
    return "closed"


class ReasonDialog(QDialog):
    """Asks why a referral is declined (required)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Decline referral"))
        self.label = QLabel(self.tr("Why can the centre not take this referral?"))
        self.reason = QLineEdit()
        row, self.ok, self.cancel = ok_cancel(self, self.tr("Decline"), self.tr("Cancel"))
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.reason)
        layout.addLayout(row)


class ServicesDialog(QDialog):
    """Which services were given (and, on completion, a closing note)."""

    def __init__(self, parent: QWidget | None, title: str, offered: list[str], notes: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.checks: dict[str, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Services given:")))
        for code in offered:
            box = QCheckBox(i18n.service_label(code))
            self.checks[code] = box
            layout.addWidget(box)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Closing note (optional)"))
        self.notes.setVisible(notes)
        layout.addWidget(self.notes)
        row, self.ok, self.cancel = ok_cancel(self, self.tr("Save"), self.tr("Cancel"))
        layout.addLayout(row)

    def chosen(self) -> list[str]:
        return [code for code, box in self.checks.items() if box.isChecked()]


def ask_reason(parent: QWidget) -> str | None:
    dialog = ReasonDialog(parent)
    return dialog.reason.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_services(parent: QWidget, title: str, offered: list[str], notes: bool
                 ) -> tuple[list[str], str] | None:
    dialog = ServicesDialog(parent, title, offered, notes)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen(), dialog.notes.toPlainText().strip()


class ReferralBoard(QWidget):
    """Layout of the board; one method per user action, each one service call off the UI thread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: ViewContext | None = None
        self.cards: list[ReferralCard] = []
        self.queue = "new"
        self.banner = Banner()
        self.heading = QLabel()
        self.tabs = QTabBar()
        for _ in QUEUES:
            self.tabs.addTab("")
        self.tabs.currentChanged.connect(self._queue_changed)
        self.table = make_table()
        self.table.itemSelectionChanged.connect(self._selected)
        self.timeline = QListWidget()
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.accept_button = QPushButton()
        self.decline_button = QPushButton()
        self.service_button = QPushButton()
        self.complete_button = QPushButton()
        self.refresh_button = QPushButton()
        # h13: a family-tracing referral's outcome; a follow-up on the person's case plan
        self.tracing_button = QPushButton()
        self.tracing_button.clicked.connect(self.tracing_clicked)
        self.follow_up_button = QPushButton()
        self.follow_up_button.clicked.connect(self.follow_up_clicked)
        self.accept_button.clicked.connect(self.accept_clicked)
        self.decline_button.clicked.connect(self.decline_clicked)
        self.service_button.clicked.connect(self.service_clicked)
        self.complete_button.clicked.connect(self.complete_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        for b in (self.accept_button, self.decline_button, self.service_button, self.complete_button,
                  self.tracing_button, self.follow_up_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.details)
        side_layout.addWidget(self.timeline, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self.retranslate()
        self._update_buttons()

    # -- life cycle -------------------------------------------------------------------
    def set_context(self, ctx: ViewContext | None) -> None:
        self.ctx = ctx
        follow_changes(self, ctx, self.on_changes)

    def on_changes(self, changes: Changes, _origin: object) -> None:
        """Referrals (or the people they are for) changed anywhere: list them again."""
        if self.ctx is not None and changes.touches("referral", "victim"):
            self.refresh()

    def activate(self) -> None:
        self.refresh()

    def clear(self) -> None:
        self.cards = []
        self.table.clear()
        self.table.setRowCount(0)
        self.timeline.clear()
        self.details.clear()
        self.banner.clear_message()
        self._update_buttons()

    def refresh(self) -> None:
        if self.ctx is None:
            return
        ctx = self.ctx
        ctx.runner.run_db("referral_queue", lambda: referrals.referral_queue(ctx.ws), self._loaded,
                          lambda exc: self.banner.error(user_message(exc)))

    def _loaded(self, cards: list[ReferralCard]) -> None:
        self.cards = cards
        self._render()

    # -- rendering --------------------------------------------------------------------
    def shown_cards(self) -> list[ReferralCard]:
        return [c for c in self.cards if queue_of(c) == self.queue]

    def _render(self) -> None:
        keep = selected_key(self.table)
        counts = {q: 0 for q in QUEUES}
        for c in self.cards:
            counts[queue_of(c)] += 1
        for i, q in enumerate(QUEUES):
            self.tabs.setTabText(i, f"{self._queue_title(q)} ({i18n.digits(counts[q])})")
        cards = self.shown_cards()
        provider = self.ctx.provider_name if self.ctx else (lambda c: c)
        rows = []
        for c in cards:
            v = c.victim
            name = " / ".join(x for x in (v.name_km, v.name_latin) if x)
            age = i18n.digits(v.age) if v.age is not None else "-"
            rows.append([name, i18n.sex_label(v.sex), age + (" " + self.tr("(minor)") if v.is_minor else ""),
                         i18n.choice_label("nationalities", v.nationality),
                         i18n.service_label(c.referral.service),
                         provider(c.referral.provider_code), i18n.urgency_label(c.referral.urgency),
                         i18n.fmt_date(c.referral.due_date),
                         i18n.referral_status_label(c.referral.status)])
        fill_table(self.table, [self.tr("Person"), self.tr("Sex"), self.tr("Age"),
                                self.tr("Nationality"), self.tr("Service"), self.tr("Provider"),
                                self.tr("Urgency"), self.tr("Due"), self.tr("Status")],
                   rows, [c.referral.id for c in cards])
        if keep:
            for r in range(self.table.rowCount()):
                item = self.table.item(r, 0)
                if item is not None and item.data(Qt.ItemDataRole.UserRole) == keep:
                    self.table.selectRow(r)
        self._selected()

    def _queue_title(self, q: str) -> str:
        return {"new": self.tr("New"), "accepted": self.tr("Accepted"),
                "in_service": self.tr("In service"), "overdue": self.tr("Overdue"),
                "closed": self.tr("Closed")}[q]

    def current_card(self) -> ReferralCard | None:
        key = selected_key(self.table)
        for c in self.cards:
            if c.referral.id == key:
                return c
        return None

    def select(self, referral_id: str) -> None:
        """Show the queue holding this referral and select it (tests, and links from cases)."""
        for c in self.cards:
            if c.referral.id == referral_id:
                self.tabs.setCurrentIndex(QUEUES.index(queue_of(c)))
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == referral_id:
                self.table.selectRow(r)

    def _selected(self) -> None:
        card = self.current_card()
        self.timeline.clear()
        if card is None:
            self.details.clear()
        else:
            v = card.victim
            langs = ", ".join(v.languages) or "-"
            self.details.setText(self.tr("Languages: {langs}\nNotes: {notes}").format(
                langs=langs, notes=card.referral.notes or "-"))
            for ev in card.events:
                line = f"{i18n.fmt_date(ev.at)}  {i18n.audit_action_label(ev.kind)}"
                if ev.services_given:
                    line += "  " + ", ".join(i18n.service_label(s) for s in ev.services_given)
                if ev.reason:
                    line += "  — " + ev.reason
                self.timeline.addItem(line)
        self._update_buttons()

    def _update_buttons(self) -> None:
        card = self.current_card()
        status = card.referral.status if card else None
        can_work = self.ctx is not None and self.ctx.role in (Role.CENTRE_STAFF, Role.SUPERVISOR)
        self.accept_button.setEnabled(can_work and status in ("sent", "created"))
        self.decline_button.setEnabled(can_work and status in ("sent", "created"))
        self.service_button.setEnabled(can_work and status in ("accepted", "in_service"))
        self.complete_button.setEnabled(can_work and status in ("accepted", "in_service"))
        tracing = card is not None and card.referral.service == "family_tracing"
        self.tracing_button.setEnabled(can_work and tracing and status in ("sent", "accepted",
                                                                           "in_service"))
        self.follow_up_button.setEnabled(can_work and status in ("accepted", "in_service",
                                                                 "completed"))
        for b in (self.accept_button, self.decline_button, self.service_button, self.complete_button,
                  self.tracing_button, self.follow_up_button):
            b.setVisible(self.ctx is None or can_work)

    def _queue_changed(self, index: int) -> None:
        self.queue = QUEUES[index] if 0 <= index < len(QUEUES) else "new"
        self._render()

    # -- user actions -----------------------------------------------------------------
    def _run(self, name: str, fn: Callable[[], Any], message: str) -> None:
        if self.ctx is None:
            return
        ctx = self.ctx

        def done(_result: Any) -> None:
            self.banner.info(message)

        # The broadcast refreshes this board and every other open view.
        ctx.runner.run_op(name, fn, lambda r: Changes.of(["referral"], ids=[getattr(r, "id", None)]),
                          done, lambda exc: self.banner.error(user_message(exc)), origin=self)

    def accept(self, referral_id: str) -> None:
        ctx = self.ctx
        assert ctx is not None
        self._run("accept_referral", lambda: referrals.accept_referral(ctx.ws, referral_id),
                  self.tr("Referral accepted."))

    def decline(self, referral_id: str, reason: str) -> None:
        ctx = self.ctx
        assert ctx is not None
        self._run("decline_referral", lambda: referrals.decline_referral(ctx.ws, referral_id, reason),
                  self.tr("Referral declined."))

    def record_services(self, referral_id: str, services: list[str]) -> None:
        ctx = self.ctx
        assert ctx is not None
        self._run("start_service", lambda: referrals.start_service(ctx.ws, referral_id, services),
                  self.tr("Services recorded."))

    def complete(self, referral_id: str, services: list[str], notes: str = "") -> None:
        ctx = self.ctx
        assert ctx is not None
        self._run("complete_referral",
                  lambda: referrals.complete_referral(ctx.ws, referral_id, services, notes),
                  self.tr("Referral completed."))

    def accept_clicked(self) -> None:
        card = self.current_card()
        if card is not None:
            self.accept(card.referral.id)

    def decline_clicked(self) -> None:
        card = self.current_card()
        if card is None:
            return
        reason = ask_reason(self)
        if reason:
            self.decline(card.referral.id, reason)

    def _offered(self, card: ReferralCard) -> list[str]:
        first = [card.referral.service]
        return first + [s.value for s in Service if s.value not in first]

    def service_clicked(self) -> None:
        """Record services: the referral_update form (services given, notes), then refresh."""
        card = self.current_card()
        if card is None:
            return
        self.open_update(card.referral.id)

    def open_update(self, referral_id: str) -> QDialog:
        from fieldapp.ui.forms import open_form

        dialog = open_form(self, "referral_update", {"referral_id": referral_id})
        submitted = getattr(dialog, "submitted", None)
        if submitted is not None:
            def updated(_result: object) -> None:
                self.banner.info(self.tr("Referral updated."))
                self.refresh()

            submitted.connect(updated)
        return dialog

    def tracing_clicked(self) -> None:
        card = self.current_card()
        if card is not None:
            self._open_for(card.referral.id, "tracing", self.tr("Tracing outcome recorded."))

    def follow_up_clicked(self) -> None:
        card = self.current_card()
        if card is not None:
            self._open_for(card.referral.id, "follow_up", self.tr("Follow-up planned."))

    def _open_for(self, referral_id: str, form_id: str, message: str) -> QDialog:
        from fieldapp.ui.forms import open_form

        dialog = open_form(self, form_id, {"referral_id": referral_id})
        submitted = getattr(dialog, "submitted", None)
        if submitted is not None:
            def saved(_result: object) -> None:
                self.banner.info(message)
                self.refresh()

            submitted.connect(saved)
        return dialog

    def complete_clicked(self) -> None:
        card = self.current_card()
        if card is None:
            return
        answer = ask_services(self, self.tr("Complete referral"), self._offered(card), True)
        if answer is not None:
            self.complete(card.referral.id, answer[0], answer[1])

    # -- text -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Referrals addressed to you, by status. Everything here "
                                     "works offline."))
        self.accept_button.setText(self.tr("Accept"))
        self.decline_button.setText(self.tr("Decline…"))
        self.service_button.setText(self.tr("Record services…"))
        self.complete_button.setText(self.tr("Complete…"))
        self.tracing_button.setText(self.tr("Tracing outcome…"))
        self.follow_up_button.setText(self.tr("Plan a follow-up…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def today() -> dt.date:
    return dt.date.today()
