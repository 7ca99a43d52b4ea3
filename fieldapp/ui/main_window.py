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

from fieldapp.crypto.keystore import DEFAULT_KDF, KdfParams
from fieldapp.domain.enums import Role
from fieldapp.services import caselist
from fieldapp.ui import i18n
from fieldapp.ui.admin import AdminView
from fieldapp.ui.case_list import CaseListView
from fieldapp.ui.case_view import CaseView
from fieldapp.ui.context import ViewContext
from fieldapp.ui.match_queue import MatchQueueView
from fieldapp.ui.referral_board import ReferralBoard
from fieldapp.ui.reports.view import ReportsView
from fieldapp.ui.sync_panel import SyncPanel
from fieldapp.ui.sync_status import SyncStatus

#: Which screens each role gets, in order. The services enforce; this only reflects it.
SCREENS: dict[Role, tuple[str, ...]] = {
    Role.OFFICER: ("cases", "referrals", "sync", "reports"),
    Role.CENTRE_STAFF: ("referrals", "sync"),
    Role.SUPERVISOR: ("cases", "referrals", "matches", "sync", "reports", "admin"),
}
STATUS_REFRESH_MS = 30_000


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
        self.screen = ""
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
        self.sync = SyncPanel()
        self.reports = ReportsView()
        self.admin = AdminView(kdf=kdf)
        self.matches = MatchQueueView()
        self.pages: dict[str, QWidget] = {"cases": self.cases, "referrals": self.referrals,
                                          "sync": self.sync, "reports": self.reports,
                                          "admin": self.admin, "matches": self.matches}
        self.stack = QStackedWidget()
        for page in self.pages.values():
            self.stack.addWidget(page)
        self.sync.status_changed.connect(self.show_sync_status)

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
        top.addStretch(1)
        top.addWidget(self.language)
        top.addWidget(self.lock_button)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(self.status)
        self.retranslate()

    # -- life cycle -------------------------------------------------------------------
    def views(self) -> list[QWidget]:
        return [self.case_list, self.case_view, self.referrals, self.sync, self.reports, self.admin,
                self.matches]

    def set_context(self, ctx: ViewContext | None) -> None:
        self.ctx = ctx
        if ctx is not None:
            ctx.changed = self.refresh_status
        for view in self.views():
            view.set_context(ctx)  # type: ignore[attr-defined]
        self._fill_nav()
        self._render_status()
        if ctx is None:
            self._status_timer.stop()
        else:
            self._status_timer.start()
            self.refresh_status()

    def clear(self) -> None:
        """Drop every piece of case data shown anywhere in the window (the idle lock)."""
        for view in self.views():
            view.clear()  # type: ignore[attr-defined]
        self.pending = None
        self.sync_status = None
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
            if self.cases.currentWidget() is self.case_list:
                self.case_list.activate()
        else:
            page.activate()  # type: ignore[attr-defined]

    def open_case(self, rescue_id: str) -> None:
        self.cases.setCurrentWidget(self.case_view)
        self.case_view.show_case(rescue_id)

    def back_to_list(self) -> None:
        self.case_view.clear()
        self.case_view.rescue_id = None
        self.cases.setCurrentWidget(self.case_list)
        self.case_list.activate()

    # -- status bar -------------------------------------------------------------------
    def refresh_status(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        ctx.runner.run_db("pending_changes", lambda: caselist.pending_changes(ctx.ws),
                          self._got_pending, lambda _e: None)

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
        return {"cases": self.tr("Cases"), "referrals": self.tr("Referrals"), "sync": self.tr("Sync"),
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

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
