"""The case view's "Family and plan" tab: home and family, tracing, follow-ups, closure (h13)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.enums import ClosureReason
from fieldapp.services import caseplan, casework
from fieldapp.services.caseplan import CaseWork, Step
from fieldapp.services.changes import Changes
from fieldapp.ui import i18n
from fieldapp.ui.context import ViewContext, follow_changes
from fieldapp.ui.tasks import user_message
from fieldapp.ui.widgets import Banner, fill_table, make_table, selected_key

OVERDUE_COLOUR = "#8a1c14"


def closure_label(code: str) -> str:
    words = {
        "returned_and_followed_up": QCoreApplication.translate(
            "CasePlan", "returned home and followed up"),
        "transferred": QCoreApplication.translate("CasePlan", "transferred"),
        "not_trafficking": QCoreApplication.translate("CasePlan", "not a trafficking case"),
        "person_declined_services": QCoreApplication.translate(
            "CasePlan", "the person declined services"),
        "lost_contact": QCoreApplication.translate("CasePlan", "contact lost"),
        "deceased": QCoreApplication.translate("CasePlan", "deceased"),
        "other": QCoreApplication.translate("CasePlan", "other reason"),
    }
    return words.get(code, code)


def step_status(step: Step, today: dt.date) -> str:
    """A follow-up's state in words (colour is never the only signal)."""
    if step.done_on is not None:
        return QCoreApplication.translate("CasePlan", "done {date}").format(
            date=i18n.fmt_date(step.done_on))
    late = step.overdue_on(today)
    if late:
        return QCoreApplication.translate("CasePlan", "OVERDUE by {n} days").format(
            n=i18n.digits(late))
    return QCoreApplication.translate("CasePlan", "due")


class CasePlanTab(QWidget):
    """People with their home and family, the case plan's follow-ups, the case's closure."""

    def __init__(self, open_form: Callable[[str, dict[str, object]], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: ViewContext | None = None
        self.rescue_id: str | None = None
        self.work: CaseWork | None = None
        self.today = dt.date.today
        self._open_form = open_form
        self.banner = Banner()
        self.closure = QLabel()
        self.closure.setObjectName("case_closure")
        self.closure.setWordWrap(True)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.close_clicked)
        self.transfer_button = QPushButton()
        self.transfer_button.clicked.connect(self.transfer_clicked)
        self.people = make_table()
        self.people.setObjectName("case_people")
        self.steps = make_table()
        self.steps.setObjectName("case_plan_steps")
        self.steps.itemSelectionChanged.connect(self._update_buttons)
        self.family_button = QPushButton()
        self.family_button.clicked.connect(self.add_family_member)
        self.follow_up_button = QPushButton()
        self.follow_up_button.clicked.connect(self.plan_follow_up)
        self.done_button = QPushButton()
        self.done_button.clicked.connect(self.done_clicked)
        self.people_heading = QLabel()
        self.plan_heading = QLabel()
        for heading in (self.people_heading, self.plan_heading):
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)

        top = QHBoxLayout()
        top.addWidget(self.closure, 1)
        top.addWidget(self.transfer_button)
        top.addWidget(self.close_button)
        people_box = QWidget()
        pl = QVBoxLayout(people_box)
        prow = QHBoxLayout()
        prow.addWidget(self.people_heading, 1)
        prow.addWidget(self.family_button)
        pl.addLayout(prow)
        pl.addWidget(self.people, 1)
        plan_box = QWidget()
        sl = QVBoxLayout(plan_box)
        srow = QHBoxLayout()
        srow.addWidget(self.plan_heading, 1)
        srow.addWidget(self.follow_up_button)
        srow.addWidget(self.done_button)
        sl.addLayout(srow)
        sl.addWidget(self.steps, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(people_box)
        split.addWidget(plan_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        self.retranslate()

    # -- life cycle -------------------------------------------------------------------
    def set_context(self, ctx: ViewContext | None) -> None:
        self.ctx = ctx
        follow_changes(self, ctx, self.on_changes)
        for button in self.write_buttons():  # the national desk changes no case plan
            button.setVisible(not (ctx is not None and ctx.national_desk))

    def write_buttons(self) -> tuple[QPushButton, ...]:
        return (self.close_button, self.transfer_button, self.family_button,
                self.follow_up_button, self.done_button)

    def on_changes(self, changes: Changes, _origin: object) -> None:
        if self.rescue_id and changes.touches_case(self.rescue_id):
            self.refresh()

    def show_case(self, rescue_id: str | None) -> None:
        self.rescue_id = rescue_id
        self.clear()
        self.refresh()

    def clear(self) -> None:
        self.work = None
        self.banner.clear_message()
        for table in (self.people, self.steps):
            table.clear()
            table.setRowCount(0)
        self.closure.clear()
        self._update_buttons()

    def refresh(self) -> None:
        if self.ctx is None or not self.rescue_id:
            return
        ctx, rescue_id = self.ctx, self.rescue_id
        ctx.runner.run_db("load_case_plan", lambda: caseplan.for_case(ctx.ws, rescue_id),
                          self._loaded, lambda exc: self.banner.error(user_message(exc)))

    def _loaded(self, work: CaseWork) -> None:
        self.work = work
        self._render()

    # -- rendering --------------------------------------------------------------------
    def _render(self) -> None:
        work = self.work
        if work is None:
            return
        km = i18n.current_language() == "km"
        if work.closed_on is not None:
            state = self.tr("Closed on {date}: {reason}.").format(
                date=i18n.fmt_date(work.closed_on), reason=closure_label(work.closure_reason))
        else:
            state = self.tr("Open case.")
        moves = [self.tr("Transferred from {a} to {b} on {date}.").format(
            a=self._post(a), b=self._post(b), date=i18n.fmt_date(on)) for a, b, on in work.transfers]
        if work.handed_to:
            moves.append(self.tr("Kept here as history: it cannot be changed on this device."))
        self.closure.setText(" ".join([state, *moves]))
        fill_table(self.people, [self.tr("Person"), self.tr("Home"), self.tr("Social worker"),
                                 self.tr("Family and guardian"), self.tr("Family tracing")],
                   [[p.label, (p.home_km if km else p.home_en) or "-", p.social_worker or "-",
                     "; ".join(self._member(m) for m in p.family) or "-", self._tracing(p)]
                    for p in work.people], [p.victim_id for p in work.people])
        names = {p.victim_id: p.label for p in work.people}
        today = self.today()
        fill_table(self.steps, [self.tr("Person"), self.tr("What"), self.tr("Due"),
                                self.tr("Who"), self.tr("Status")],
                   [[names.get(s.victim_id, ""), i18n.choice_label("follow_up_actions", s.action),
                     i18n.fmt_date(s.due_on), s.assigned_to or "-", step_status(s, today)]
                    for s in work.steps], [s.id for s in work.steps])
        for row, step in enumerate(work.steps):
            if step.overdue_on(today):
                item = self.steps.item(row, 4)
                if item is not None:
                    item.setForeground(QBrush(QColor(OVERDUE_COLOUR)))
        self._update_buttons()

    def _member(self, m: object) -> str:
        rel = i18n.choice_label("relationships", getattr(m, "relationship", ""))
        guardian = " (" + self.tr("guardian") + ")" if getattr(m, "is_guardian", False) else ""
        return f"{getattr(m, 'name', '')}, {rel}{guardian}"

    def _tracing(self, p: caseplan.Person) -> str:
        if not p.tracing:
            return "-"
        return self.tr("{outcome}, on {date}").format(
            outcome=i18n.choice_label("tracing_outcomes", p.tracing.get("outcome")),
            date=i18n.fmt_date(dt.date.fromisoformat(p.tracing["on"])))

    def _post(self, code: str) -> str:
        return self.ctx.post_name(code) if self.ctx is not None else code

    def _update_buttons(self) -> None:
        ours = self.work is not None and not self.work.handed_to
        open_case = ours and self.work is not None and self.work.closed_on is None
        self.close_button.setEnabled(open_case)
        self.transfer_button.setEnabled(open_case)
        self.family_button.setEnabled(ours and bool(self.work and self.work.people))
        self.follow_up_button.setEnabled(ours and bool(self.work and self.work.people))
        step = self._selected_step()
        self.done_button.setEnabled(ours and step is not None and step.done_on is None)

    # -- user actions -----------------------------------------------------------------
    def _selected_step(self) -> Step | None:
        key = selected_key(self.steps)
        if key is None or self.work is None:
            return None
        return next((s for s in self.work.steps if s.id == key), None)

    def _person(self) -> dict[str, object]:
        ctx: dict[str, object] = {"rescue_id": self.rescue_id}
        key = selected_key(self.people)
        if key is not None:
            ctx["victim_id"] = key
        return ctx

    def add_family_member(self) -> None:
        self._open_form("family_member", self._person())

    def plan_follow_up(self) -> None:
        self._open_form("follow_up", self._person())

    def done_clicked(self) -> None:
        step = self._selected_step()
        if step is None:
            return
        outcome, ok = QInputDialog.getText(self, self.tr("Follow-up done"),
                                           self.tr("What came of it? (no names)"))
        if ok:
            self.complete(step.id, outcome)

    def complete(self, follow_up_id: str, outcome: str) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        ctx.runner.run_op(
            "complete_follow_up",
            lambda: caseplan.complete_follow_up(ctx.ws, follow_up_id, outcome=outcome),
            Changes.of(["follow_up"], [self.rescue_id], [follow_up_id]),
            lambda _r: self.banner.info(self.tr("The follow-up is marked done.")),
            lambda exc: self.banner.error(user_message(exc)), origin=self)

    def close_clicked(self) -> None:
        codes = [c.value for c in ClosureReason]
        words = [closure_label(c) for c in codes]
        chosen, ok = QInputDialog.getItem(self, self.tr("Close the case"),
                                          self.tr("Why is the case closed?"), words, 0, False)
        if ok and chosen in words:
            self.close_case(codes[words.index(chosen)])

    def transfer_clicked(self) -> None:
        ctx = self.ctx
        if ctx is None:
            return
        posts = [(c.code, ctx.post_name(c.code)) for c in ctx.choices.posts
                 if c.code != ctx.ws.actor.post_code]
        chosen, ok = QInputDialog.getItem(self, self.tr("Transfer the case"),
                                          self.tr("To which post?"), [n for _, n in posts], 0,
                                          False)
        if not ok or not posts:
            return
        reason, ok = QInputDialog.getText(self, self.tr("Transfer the case"),
                                          self.tr("Why does the case go there? (no names)"))
        if ok:
            code = next(c for c, n in posts if n == chosen)
            self.transfer(code, reason)

    def transfer(self, to_post: str, reason: str) -> None:
        ctx, rescue_id = self.ctx, self.rescue_id
        if ctx is None or rescue_id is None:
            return
        ctx.runner.run_op(
            "transfer_case", lambda: casework.transfer_case(ctx.ws, rescue_id, to_post, reason),
            Changes.of(["case_transfer", "rescue"], [rescue_id], [rescue_id]),
            lambda _r: self.banner.info(self.tr("The case goes to the other post at the next "
                                                "sync; it stays here as history.")),
            lambda exc: self.banner.error(user_message(exc)), origin=self)

    def close_case(self, reason: str) -> None:
        ctx, rescue_id = self.ctx, self.rescue_id
        if ctx is None or rescue_id is None:
            return
        ctx.runner.run_op(
            "close_case", lambda: casework.close_case(ctx.ws, rescue_id, reason),
            Changes.of(["rescue"], [rescue_id], [rescue_id]),
            lambda _r: self.banner.info(self.tr("The case is closed.")),
            lambda exc: self.banner.error(user_message(exc)), origin=self)

    def retranslate(self) -> None:
        self.close_button.setText(self.tr("Close case…"))
        self.transfer_button.setText(self.tr("Transfer to another post…"))
        self.family_button.setText(self.tr("Add family member or guardian…"))
        self.follow_up_button.setText(self.tr("Plan a follow-up…"))
        self.done_button.setText(self.tr("Mark done…"))
        self.people_heading.setText(self.tr("People: home, family, tracing"))
        self.plan_heading.setText(self.tr("Case plan: follow-ups"))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
