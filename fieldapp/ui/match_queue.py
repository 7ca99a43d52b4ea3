"""The match review screen for supervisors: possible matches, both people side by side, link or separate."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp.services import matching
from fieldapp.services.changes import Changes
from fieldapp.services.matching import MatchItem, Side
from fieldapp.ui import i18n
from fieldapp.ui.context import ViewContext, follow_changes
from fieldapp.ui.tasks import user_message
from fieldapp.ui.widgets import Banner, fill_table, make_table, selected_key

#: What a scan or a decision writes: match suggestions and decisions (a linked person counts
#: once in the reports).
PERSON_LINKS = Changes.of(["person_link"])

class MatchQueueView(QWidget):
    """Layout of the queue; one method per user action, each one service call off the UI thread."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: ViewContext | None = None
        self.items: list[MatchItem] = []
        self.heading = QLabel()
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.banner = Banner()
        self.table = make_table()
        self.table.itemSelectionChanged.connect(self._selected)
        self.compare = QTableWidget(0, 2)
        self.compare.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.compare.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.scan_button = QPushButton()
        self.link_button = QPushButton()
        self.separate_button = QPushButton()
        self.refresh_button = QPushButton()
        self.scan_button.clicked.connect(self.scan_clicked)
        self.link_button.clicked.connect(self.link_clicked)
        self.separate_button.clicked.connect(self.separate_clicked)
        self.refresh_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        for b in (self.link_button, self.separate_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.scan_button)
        buttons.addWidget(self.refresh_button)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.compare)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self.retranslate()
        self._update_buttons()

    # -- life cycle -------------------------------------------------------------------
    def set_context(self, ctx: ViewContext | None) -> None:
        self.ctx = ctx
        follow_changes(self, ctx, self.on_changes)

    def on_changes(self, changes: Changes, origin: object) -> None:
        """People or match decisions changed elsewhere (a form, a sync pull): list again.
        Its own scans and decisions reload when they finish."""
        if (self.ctx is not None and origin is not self and self.isVisible()
                and changes.touches("person_link", "victim")):
            self.refresh()

    def activate(self) -> None:
        self.refresh()

    def clear(self) -> None:
        self.items = []
        self.table.clear()
        self.table.setRowCount(0)
        self.compare.setRowCount(0)
        self.banner.clear_message()
        self._update_buttons()

    def refresh(self) -> None:
        if self.ctx is None:
            return
        ctx = self.ctx
        ctx.runner.run_db("match_queue", lambda: matching.queue(ctx.ws), self._loaded,
                          lambda exc: self.banner.error(user_message(exc)))

    def _loaded(self, items: list[MatchItem]) -> None:
        self.items = items
        self._render()

    # -- user actions -----------------------------------------------------------------
    def scan_clicked(self) -> None:
        if self.ctx is None:
            return
        ctx = self.ctx
        ctx.runner.run_op("match_scan", lambda: matching.scan(ctx.ws), PERSON_LINKS, self._scanned,
                          lambda exc: self.banner.error(user_message(exc)), origin=self)

    def _scanned(self, added: int) -> None:
        self.banner.info(self.tr("{n} new possible matches").format(n=i18n.digits(added)))
        self.refresh()

    def link_clicked(self) -> None:
        self._decide("link")

    def separate_clicked(self) -> None:
        self._decide("separate")

    def _decide(self, decision: str) -> None:
        key = selected_key(self.table)
        if self.ctx is None or key is None:
            return
        ctx = self.ctx
        ctx.runner.run_op(f"match_{decision}", lambda: matching.decide(ctx.ws, key, decision),
                          PERSON_LINKS, self._decided,
                          lambda exc: self.banner.error(user_message(exc)), origin=self)

    def _decided(self, item: MatchItem) -> None:
        self.banner.info(self.tr("Linked: both records are kept and counted as one person.")
                         if item.decision == "link" else
                         self.tr("Kept apart: they will not be suggested again."))
        self.refresh()

    # -- rendering --------------------------------------------------------------------
    def _render(self) -> None:
        rows = []
        for m in self.items:
            rows.append([f"{m.weight:.1f}",
                         m.a.case_number if m.a else self.tr("not on this device"),
                         m.b.case_number if m.b else self.tr("not on this device"),
                         ", ".join(self._level(f, lv) for f, lv in sorted(m.evidence.items()))])
        fill_table(self.table, [self.tr("Score"), self.tr("Case A"), self.tr("Case B"),
                                self.tr("Evidence")], rows, [m.id for m in self.items])
        self.heading.setText(self.tr("Possible matches to review: {n}").format(
            n=i18n.digits(len(self.items))))
        self._selected()

    def current(self) -> MatchItem | None:
        key = selected_key(self.table)
        return next((m for m in self.items if m.id == key), None)

    def select(self, match_id: str) -> None:
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == match_id:
                self.table.selectRow(r)

    def _selected(self) -> None:
        m = self.current()
        labels = [self.tr("Case"), self.tr("Post"), self.tr("Name (Khmer)"), self.tr("Name (Latin)"),
                  self.tr("Sex"), self.tr("Born / age"), self.tr("Nationality"), self.tr("Phone")]
        self.compare.setRowCount(len(labels))
        self.compare.setVerticalHeaderLabels(labels)
        self.compare.setHorizontalHeaderLabels([self.tr("Person A"), self.tr("Person B")])
        for col, side in enumerate((m.a, m.b) if m else (None, None)):
            for row, text in enumerate(self._facts(side)):
                self.compare.setItem(row, col, QTableWidgetItem(text))
        self._update_buttons()

    def _facts(self, side: Side | None) -> list[str]:
        if side is None:
            return [""] * 8
        born = (i18n.fmt_date(side.date_of_birth) if side.date_of_birth else
                i18n.digits(side.estimated_age) if side.estimated_age is not None else "-")
        post = self.ctx.post_name(side.post_code) if self.ctx else side.post_code
        return [side.case_number, post, side.name_km or "-", side.name_latin or "-",
                i18n.sex_label(side.sex) if side.sex else "-", born, side.nationality or "-",
                side.phone or "-"]

    def _level(self, field: str, level: str) -> str:
        fields = {"name": self.tr("name"), "sex": self.tr("sex"), "birth": self.tr("age"),
                  "nationality": self.tr("nationality"), "phone": self.tr("phone")}
        levels = {"exact": self.tr("same"), "close": self.tr("alike"),
                  "dropped": self.tr("alike but for a word"), "fuzzy": self.tr("somewhat alike"),
                  "other": self.tr("different"), "agree": self.tr("same"),
                  "disagree": self.tr("different"), "same_date": self.tr("same date"),
                  "year": self.tr("within a year"), "near": self.tr("within 3 years"),
                  "far": self.tr("within 8 years"), "very_far": self.tr("far apart")}
        return f"{fields.get(field, field)}: {levels.get(level, level)}"

    def _update_buttons(self) -> None:
        chosen = self.current() is not None
        self.link_button.setEnabled(chosen)
        self.separate_button.setEnabled(chosen)

    # -- text -------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Possible matches to review: {n}").format(
            n=i18n.digits(len(self.items))))
        self.hint.setText(self.tr("The same person may have been recorded twice, at this post or "
                                  "another. Compare the two records; linking keeps both and "
                                  "counts them as one person."))
        self.scan_button.setText(self.tr("Find possible matches"))
        self.link_button.setText(self.tr("Same person: link"))
        self.separate_button.setText(self.tr("Different people"))
        self.refresh_button.setText(self.tr("Refresh"))
        if self.items:
            self._render()
        else:
            self._selected()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
