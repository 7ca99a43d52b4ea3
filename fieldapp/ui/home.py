"""The home screen ("Today"): what is waiting for this user, one click to each, status in words."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.enums import Role
from fieldapp.services import caselist, caseplan
from fieldapp.services.caselist import Today
from fieldapp.services.caseplan import Step
from fieldapp.services.changes import Changes
from fieldapp.ui import i18n
from fieldapp.ui.context import ViewContext, desk_reason, follow_changes
from fieldapp.ui.sync_status import SyncStatus
from fieldapp.ui.tasks import user_message
from fieldapp.ui.widgets import Banner

#: Overdue follow-ups listed on the screen (the longest overdue first; the tile counts all).
SHOWN = 50
#: Status colours; the words always say the same, colour is never the only signal.
COLOURS = {"ok": "#1d5e20", "waiting": "#7a5a00", "attention": "#8a1c14"}


@dataclass(frozen=True)
class Loaded:
    today: Today
    sync: SyncStatus | None
    #: h13: follow-ups of the case plans past their date, the longest overdue first (the
    #: first `SHOWN`), and how many there are in all.
    follow_ups: tuple[Step, ...] = ()
    follow_ups_total: int = 0


class HomeView(QWidget):
    """Tiles with a count and a sentence; a click goes where the work is (`navigate(screen)`)."""

    navigate = Signal(str)
    resume_drafts = Signal()
    #: A case to open (an overdue follow-up's case).
    open_case = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: ViewContext | None = None
        self.loaded: Loaded | None = None
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.heading.setFont(font)
        self.status = QLabel()
        self.status.setObjectName("home_status")
        self.status.setWordWrap(True)
        self.banner = Banner()
        self.tiles: dict[str, QPushButton] = {}
        grid = QGridLayout()
        for n, key in enumerate(("drafts", "overdue", "new", "to_complete", "unsent",
                                 "follow_ups")):
            tile = QPushButton()
            tile.setObjectName(f"tile_{key}")
            tile.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            tile.setMinimumHeight(64)
            tile.clicked.connect(lambda _c=False, k=key: self.open_tile(k))
            self.tiles[key] = tile
            grid.addWidget(tile, n // 2, n % 2)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.addWidget(self.heading)
        self.desk_note = QLabel()  # the national desk says what it is and what it does not do
        self.desk_note.setObjectName("desk_note")
        self.desk_note.setWordWrap(True)
        self.desk_note.setVisible(False)
        inner.addWidget(self.desk_note)
        inner.addWidget(self.status)
        inner.addWidget(self.banner)
        inner.addLayout(grid)
        self.follow_ups_heading = QLabel()
        self.follow_ups_heading.setObjectName("follow_ups_heading")
        self.follow_ups = QListWidget()
        self.follow_ups.setObjectName("overdue_follow_ups")
        self.follow_ups.itemActivated.connect(self.open_follow_up)
        inner.addWidget(self.follow_ups_heading)
        inner.addWidget(self.follow_ups)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.retranslate()

    # -- life cycle -------------------------------------------------------------------
    def set_context(self, ctx: ViewContext | None) -> None:
        self.ctx = ctx
        follow_changes(self, ctx, self.on_changes)
        self.retranslate()  # the heading and note follow the device (national desk or not)

    def on_changes(self, _changes: Changes, _origin: object) -> None:
        if self.ctx is not None and self.isVisible():
            self.refresh()

    def activate(self) -> None:
        self.refresh()

    def clear(self) -> None:
        self.loaded = None
        self.banner.clear_message()
        self._render()

    def refresh(self) -> None:
        if self.ctx is None:
            return
        ctx = self.ctx
        source = ctx.hooks.get("sync")

        def load() -> Loaded:
            return Loaded(caselist.today(ctx.ws), source.status(ctx.ws) if source is not None else None,
                          tuple(caseplan.overdue(ctx.ws, limit=SHOWN)),
                          caseplan.overdue_count(ctx.ws))

        ctx.runner.run_db("home_today", load, self._loaded,
                          lambda exc: self.banner.error(user_message(exc)))

    def _loaded(self, loaded: Loaded) -> None:
        self.loaded = loaded
        self._render()

    # -- user actions -----------------------------------------------------------------
    def open_tile(self, key: str) -> None:
        if key == "drafts":
            self.resume_drafts.emit()
        elif key == "follow_ups":
            self.follow_ups.setFocus()
            if self.follow_ups.count():
                self.follow_ups.setCurrentRow(0)
        else:
            self.navigate.emit({"overdue": "referrals", "new": "referrals", "to_complete": "cases",
                                "unsent": "sync"}[key])

    def open_follow_up(self, item: QListWidgetItem) -> None:
        """An overdue follow-up opens its case (a centre's people are on the referral board)."""
        rescue_id = item.data(Qt.ItemDataRole.UserRole)
        if rescue_id and not (self.ctx is not None and self.ctx.role is Role.CENTRE_STAFF):
            self.navigate.emit("cases")
            self.open_case.emit(rescue_id)
        else:
            self.navigate.emit("referrals")

    # -- rendering --------------------------------------------------------------------
    def level(self) -> str:
        """ok / waiting / attention: what the status line says, in colour AND words."""
        if self.loaded is None:
            return "ok"
        t, s = self.loaded.today, self.loaded.sync
        if t.overdue_referrals or self.loaded.follow_ups or (s is not None and s.last_error):
            return "attention"
        if t.drafts or t.new_referrals or t.to_complete:
            return "waiting"
        return "ok"

    def _render(self) -> None:
        loaded = self.loaded
        centre = self.ctx is not None and self.ctx.role is Role.CENTRE_STAFF
        desk = self.ctx is not None and self.ctx.national_desk  # completes no profile
        self.tiles["to_complete"].setVisible(not centre and not desk)
        if loaded is None:
            self.status.clear()
            for tile in self.tiles.values():
                tile.setText("")
            self.follow_ups.clear()
            self.follow_ups_heading.clear()
            return
        t, s = loaded.today, loaded.sync
        n = i18n.digits
        self.tiles["drafts"].setText(self.tr("{n} unfinished forms\nResume or discard them")
                                     .format(n=n(t.drafts)))
        self.tiles["overdue"].setText(self.tr("{n} overdue referrals\nPast their due date")
                                      .format(n=n(t.overdue_referrals)))
        self.tiles["new"].setText(self.tr("{n} new referrals\nWaiting to be accepted")
                                  .format(n=n(t.new_referrals)))
        self.tiles["to_complete"].setText(self.tr("{n} people still to complete\nFound at a "
                                                  "rescue, profile not finished")
                                          .format(n=n(t.to_complete)))
        pending = s.pending if s is not None else 0
        if s is None or not s.enrolled:
            last = self.tr("not connected to HQ yet")
        elif s.last_error:
            last = self.tr("last sync failed, will retry")
        elif s.last_success:
            last = self.tr("last sync {when}").format(when=i18n.fmt_date(s.last_success))
        else:
            last = self.tr("never synced")
        self.tiles["unsent"].setText(self.tr("{n} changes not yet sent\n{last}")
                                     .format(n=n(pending), last=last))
        level = self.level()
        words = {"ok": self.tr("● All done: nothing is waiting."),
                 "waiting": self.tr("● Work waiting: see below."),
                 "attention": self.tr("● Needs attention: overdue work or a failed sync.")}
        self.status.setText(words[level])
        self.status.setStyleSheet(f"color: {COLOURS[level]}; font-weight: bold;")
        self.tiles["overdue"].setStyleSheet(
            f"color: {COLOURS['attention']}; font-weight: bold;" if t.overdue_referrals else "")
        self._render_follow_ups(loaded.follow_ups, loaded.follow_ups_total)

    def _render_follow_ups(self, steps: tuple[Step, ...], total: int) -> None:
        """The overdue list: case, person, what, since when (h13)."""
        today = dt.date.today()
        self.tiles["follow_ups"].setText(self.tr("{n} follow-ups overdue\nCase plans past their "
                                                 "date").format(n=i18n.digits(total)))
        self.tiles["follow_ups"].setStyleSheet(
            f"color: {COLOURS['attention']}; font-weight: bold;" if steps else "")
        self.follow_ups_heading.setText(self.tr("Overdue follow-ups") if steps else
                                        self.tr("No follow-up is overdue."))
        self.follow_ups.clear()
        for step in steps:
            line = self.tr("{case} · {person}: {what}, due {date} (overdue by {n} days)").format(
                case=step.case_number or "-", person=step.person or "-",
                what=i18n.choice_label("follow_up_actions", step.action),
                date=i18n.fmt_date(step.due_on), n=i18n.digits(step.overdue_on(today)))
            item = QListWidgetItem(line)
            item.setData(Qt.ItemDataRole.UserRole, step.rescue_id or "")
            self.follow_ups.addItem(item)
        self.follow_ups.setVisible(bool(steps))

    def retranslate(self) -> None:
        desk = self.ctx is not None and self.ctx.national_desk
        self.heading.setText(self.tr("Today at the national desk") if desk else self.tr("Today"))
        self.desk_note.setText(desk_reason())
        self.desk_note.setVisible(desk)
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

