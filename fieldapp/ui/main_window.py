"""The unlocked work area: navigation by role, the screens, and the status bar."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QStatusBar,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.entities import CASE_ENTITIES
from fieldapp.domain.enums import Role
from fieldapp.services import caselist, clock
from fieldapp.services import sync as sync_service
from fieldapp.services.auth import DEFAULT_KDF, KdfParams
from fieldapp.services.changes import Changes
from fieldapp.ui import i18n
from fieldapp.ui.admin import AdminView
from fieldapp.ui.case_list import CaseListView
from fieldapp.ui.case_view import CaseView
from fieldapp.ui.context import ViewContext, follow_changes
from fieldapp.ui.home import HomeView
from fieldapp.ui.match_queue import MatchQueueView
from fieldapp.ui.referral_board import ReferralBoard
from fieldapp.ui.reports.view import ReportsView
from fieldapp.ui.sync_panel import SyncPanel
from fieldapp.ui.sync_status import SyncStatus

#: Which screens each role gets, in order. The services enforce; this only reflects it.
SCREENS: dict[Role, tuple[str, ...]] = {
    Role.OFFICER: ("home", "cases", "referrals", "sync", "reports"),
    Role.CENTRE_STAFF: ("home", "referrals", "sync"),
    Role.SUPERVISOR: ("home", "cases", "referrals", "matches", "sync", "reports", "admin"),
}
STATUS_REFRESH_MS = 30_000
SAVED_SHOWN_MS = 8_000


@dataclass(frozen=True)
class Place:
    """Where the user was when the window locked."""

    username: str
    screen: str
    case_id: str | None


class MainView(QWidget):
    lock_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None, kdf: KdfParams = DEFAULT_KDF) -> None:
        super().__init__(parent)
        self.ctx: ViewContext | None = None
        # The page shown; shadows QWidget.screen(), which this window never calls.
        self.screen: str = ""  # type: ignore[assignment]
        self.title = QLabel("fieldapp")
        font = self.title.font()
        font.setBold(True)
        font.setPointSize(font.pointSize() + 2)
        self.title.setFont(font)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("ខ្មែរ", "km")
        self.language.currentIndexChanged.connect(
            lambda _i: self.language_requested.emit(self.language.currentData()))
        self.lock_button = QPushButton()
        self.lock_button.clicked.connect(self.lock_requested.emit)
        #: The non-modal confirmation every save shows ("Saved: Victim"), gone after a while.
        self.saved_label = QLabel()
        self.saved_label.setObjectName("saved")
        self.saved_label.setStyleSheet("color: #1d5e20; font-weight: bold;")
        self._saved_timer = QTimer(self)
        self._saved_timer.setSingleShot(True)
        self._saved_timer.setInterval(SAVED_SHOWN_MS)
        self._saved_timer.timeout.connect(self.saved_label.clear)

        self.nav = QListWidget()
        self.nav.setFixedWidth(170)
        self.nav.setIconSize(QSize(0, 0))
        self.nav.currentItemChanged.connect(self._nav_changed)
        self.case_list = CaseListView()
        self.case_view = CaseView()
        self.cases = QStackedWidget()
        self.cases.addWidget(self.case_list)
        self.cases.addWidget(self.case_view)
        self.case_list.open_case.connect(self.open_case)
        self.case_view.back.connect(self.back_to_list)
        self.referrals = ReferralBoard()
        self.home = HomeView()
        self.home.navigate.connect(self.go)
        self.home.open_case.connect(self.open_case)  # h13: an overdue follow-up's case
        self.home.resume_drafts.connect(self.resume_drafts)
        self.sync = SyncPanel()
        self.reports = ReportsView()
        self.admin = AdminView(kdf=kdf)
        self.matches = MatchQueueView()
        self.pages: dict[str, QWidget] = {"home": self.home, "cases": self.cases,
                                          "referrals": self.referrals,
                                          "sync": self.sync, "reports": self.reports,
                                          "admin": self.admin, "matches": self.matches}
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.stack.addWidget(page)
        self.sync.status_changed.connect(self.show_sync_status)

        #: Shown when this laptop's clock looks far off (services.clock), before any save.
        self.clock_banner = QLabel()
        self.clock_banner.setObjectName("clock_banner")
        self.clock_banner.setWordWrap(True)
        self.clock_banner.setStyleSheet(
            "QLabel#clock_banner { background: #fff3cd; color: #5c4400; padding: 6px; }")
        self.clock_banner.hide()
        self.clock_problem: clock.ClockProblem | None = None

        self.status = QStatusBar()
        self.status.setSizeGripEnabled(False)
        self.user_label = QLabel()
        self.post_label = QLabel()
        self.sync_label = QLabel()
        self.pending_label = QLabel()
        for label in (self.user_label, self.post_label, self.sync_label):
            self.status.addWidget(label)
        self.status.addPermanentWidget(self.pending_label)
        self.pending: int | None = None
        self.sync_status: SyncStatus | None = None
        self._status_timer = QTimer(self)
        self._status_timer.setInterval(STATUS_REFRESH_MS)
        self._status_timer.timeout.connect(self.refresh_status)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addSpacing(24)
        top.addWidget(self.saved_label)
        top.addStretch(1)
        top.addWidget(self.language)
        top.addWidget(self.lock_button)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(top)
        layout.addWidget(self.clock_banner)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        self.retranslate()

    # -- life cycle -------------------------------------------------------------------
    def views(self) -> list[QWidget]:
        return [self.home, self.case_list, self.case_view, self.referrals, self.sync, self.reports,
                self.admin, self.matches]

    def set_context(self, ctx: ViewContext | None) -> None:
        self.ctx = ctx
        follow_changes(self, ctx, self.on_changes)
        for view in self.views():
            view.set_context(ctx)  # type: ignore[attr-defined]
        self._fill_nav()
        self._render_status()
        if ctx is None:
            self._status_timer.stop()
            self.clock_banner.hide()
        else:
            self._status_timer.start()
            self.refresh_status()
            ctx.runner.run_db("check_clock", lambda: clock.check_clock(ctx.ws),
                              self._got_clock, lambda _e: None)

    def clear(self) -> None:
        """Drop every piece of case data shown anywhere in the window (the idle lock)."""
        for view in self.views():
            view.clear()  # type: ignore[attr-defined]
        self.pending = None
        self.sync_status = None
        self.saved_label.clear()
        self._render_status()

    def place(self) -> Place | None:
        if self.ctx is None:
            return None
        case_id = self.case_view.rescue_id if self.cases.currentWidget() is self.case_view else None
        return Place(self.ctx.ws.actor.username, self.screen, case_id)

    def restore(self, place: Place | None) -> None:
        """Go back to where the user was (if this user may still see it)."""
        if self.ctx is None:
            return
        allowed = SCREENS[self.ctx.role]
        if place is None or place.username != self.ctx.ws.actor.username or place.screen not in allowed:
            self.go(allowed[0])
            return
        self.go(place.screen)
        if place.case_id:
            self.open_case(place.case_id)

    # -- navigation (user actions) ----------------------------------------------------
    def go(self, screen: str) -> None:
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == screen:
                if self.nav.currentRow() == i:
                    self._show(screen)
                else:
                    self.nav.setCurrentRow(i)
                return

    def _nav_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self._show(current.data(Qt.ItemDataRole.UserRole))

    def _show(self, screen: str) -> None:
        self.screen = screen
        page = self.pages[screen]
        self.stack.setCurrentWidget(page)
        if screen == "cases":
            # "Cases" always means the list (an open case is one click away in it).
            if self.cases.currentWidget() is not self.case_list:
                self.back_to_list()
            else:
                self.case_list.activate()
        else:
            page.activate()  # type: ignore[attr-defined]

    def resume_drafts(self) -> None:
        """The home screen's drafts tile: the same offer as at unlock."""
        if self.ctx is not None:
            from fieldapp.ui.forms import offer_drafts

            offer_drafts(self, self.ctx.ws, self.ctx.runner)

    def open_case(self, rescue_id: str) -> None:
        self.cases.setCurrentWidget(self.case_view)
        self.case_view.show_case(rescue_id)

    def back_to_list(self) -> None:
        self.case_view.clear()
        self.case_view.rescue_id = None
        self.cases.setCurrentWidget(self.case_list)
        self.case_list.activate()

    # -- status bar -------------------------------------------------------------------
    def on_changes(self, changes: Changes, _origin: object) -> None:
        """Every write: confirm it in words (non-modal) and refresh the pending count; when
        the device itself may have changed (an enrolment, a sync), follow what it now is."""
        self.refresh_status()
        if changes.touches("device"):
            self.check_device()
        if (changes.everything or not changes.entities or changes.audit_only
                or changes.entities <= {"device"}):
            return
        kinds = [k for k in CASE_ENTITIES if k in changes.entities] or sorted(changes.entities)
        what = ", ".join(i18n.entity_label(k) for k in kinds[:2]) if kinds != ["user"] else self.tr("User")
        self.saved_label.setText("✔ " + self.tr("Saved: {what}").format(what=what))
        self._saved_timer.start()

    def check_device(self) -> None:
        """Read again what the device is (enrolled as the national desk or not) and, if it
        changed during this session, show the window that goes with it at once."""
        ctx = self.ctx
        if ctx is None:
            return
        ctx.runner.run_db("national_desk", lambda: sync_service.is_national_desk(ctx.ws),
                          lambda desk: self._device_is(ctx, desk), lambda _e: None)

    def _device_is(self, ctx: ViewContext, national_desk: bool) -> None:
        if ctx is not self.ctx or ctx.national_desk == national_desk:
            return
        ctx.national_desk = national_desk
        for view in self.views():
            view.set_context(ctx)  # type: ignore[attr-defined]
        self._fill_nav()
        self._render_status()
        allowed = SCREENS[ctx.role]
        self.go(self.screen if self.screen in allowed else allowed[0])

    def refresh_status(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        source = ctx.hooks.get("sync")
        if source is None:
            ctx.runner.run_db("pending_changes", lambda: caselist.pending_changes(ctx.ws),
                              self._got_pending, lambda _e: None)
            return
        # One source for the status bar, the Sync page and the home screen: the sync status
        # (enrolment, last sync, unsent count), never "not enrolled" merely because the Sync
        # page has not been opened yet.
        ctx.runner.run_db("sync_status", lambda: source.status(ctx.ws), self.show_sync_status,
                          lambda _e: None)

    def _got_clock(self, problem: clock.ClockProblem | None) -> None:
        self.clock_problem = problem
        self._render_clock()

    def _render_clock(self) -> None:
        problem = self.clock_problem
        if problem is None or self.ctx is None:
            self.clock_banner.hide()
            return
        days = round(abs(problem.offset_ms) / 86_400_000)
        if days < 1:
            text = self.tr("This computer's clock is more than a few minutes off.")
        elif problem.offset_ms < 0:
            text = self.tr("This computer's clock looks about {days} day(s) behind.")
        else:
            text = self.tr("This computer's clock looks about {days} day(s) ahead.")
        self.clock_banner.setText(text.format(days=i18n.digits(days)) + " " + self.tr(
            "Set the date and time before recording anything: saved records keep the time "
            "they were made."))
        self.clock_banner.show()

    def _got_pending(self, n: int) -> None:
        self.pending = n
        self._render_status()

    def show_sync_status(self, status: SyncStatus) -> None:
        self.sync_status = status
        self.pending = status.pending
        self._render_status()

    def _render_status(self) -> None:
        ctx = self.ctx
        if ctx is None:
            for label in (self.user_label, self.post_label, self.sync_label, self.pending_label):
                label.clear()
            return
        actor = ctx.ws.actor
        self.user_label.setText(self.tr("User: {name} ({role})").format(
            name=actor.username, role=i18n.role_label(actor.role.value)))
        where = ctx.post_name(actor.post_code)
        if actor.centre_code and actor.centre_code != actor.post_code:
            where += " / " + ctx.provider_name(actor.centre_code)
        if ctx.national_desk:
            self.post_label.setText(self.tr("National desk (every post's cases)"))
        else:
            self.post_label.setText(self.tr("Post: {post}").format(post=where))
        s = self.sync_status
        if s is None or not s.enrolled:
            sync = self.tr("Sync: not enrolled (offline)")
        elif s.last_error:
            sync = self.tr("Sync: failed, will retry")
        elif s.last_success:
            sync = self.tr("Sync: last {when}").format(when=i18n.fmt_date(s.last_success))
        else:
            sync = self.tr("Sync: never")
        self.sync_label.setText(sync)
        self.pending_label.setText("" if self.pending is None else
                                   self.tr("{n} changes not yet sent").format(n=i18n.digits(self.pending)))

    # -- text -------------------------------------------------------------------------
    def _fill_nav(self) -> None:
        current = self.screen
        self.nav.blockSignals(True)
        self.nav.clear()
        if self.ctx is not None:
            for key in SCREENS[self.ctx.role]:
                item = QListWidgetItem(self._screen_title(key))
                item.setData(Qt.ItemDataRole.UserRole, key)
                self.nav.addItem(item)
                if key == current:
                    self.nav.setCurrentItem(item)
        self.nav.blockSignals(False)

    def _screen_title(self, key: str) -> str:
        return {"home": self.tr("Today"), "cases": self.tr("Cases"),
                "referrals": self.tr("Referrals"), "sync": self.tr("Sync"),
                "reports": self.tr("Reports"), "admin": self.tr("Admin"),
                "matches": self.tr("Matches")}[key]

    def nav_keys(self) -> list[str]:
        return [self.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.nav.count())]

    def set_language(self, code: str) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(code)))
        self.language.blockSignals(False)

    def retranslate(self) -> None:
        self.lock_button.setText(self.tr("Lock (Ctrl+L)"))
        self.lock_button.setToolTip(self.tr("Lock now: the data is hidden and the key forgotten "
                                            "until a passphrase is entered again."))
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            item.setText(self._screen_title(item.data(Qt.ItemDataRole.UserRole)))
        self._render_status()
        self._render_clock()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
