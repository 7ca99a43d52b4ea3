"""The case list: a paged table model over keyset queries, search as you type, filters."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fieldapp.domain.enums import ExploitationType, ReferralStatus, Role
from fieldapp.services import caselist
from fieldapp.services.caselist import CaseFilter, CasePage, CaseRow, CaseSort
from fieldapp.services.changes import Changes
from fieldapp.ui import i18n
from fieldapp.ui.context import ViewContext, desk_reason, follow_changes
from fieldapp.ui.forms import open_form
from fieldapp.ui.localdigits import DateEdit
from fieldapp.ui.widgets import Banner

SEARCH_DELAY_MS = 250
#: The first page only needs to fill the screen; later pages are bigger.
FIRST_PAGE = 50
COUNT_DELAY_MS = 400
#: Model column -> sort key in caselist.SORTABLE (None: not sortable quickly at 100k).
COLUMNS: list[tuple[str, str | None]] = [
    ("case_number", "case_number"),
    ("operation_date", "operation_date"),
    ("province_code", "province_code"),
    ("post_code", "post_code"),
    ("exploitation_type", "exploitation_type"),
    ("victims", None),
    ("minors", None),
]
_Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # Qt's conventional default parent: the invisible root


class CaseTableModel(QAbstractTableModel):
    """Rows arrive a page at a time from the task runner; `fetchMore` asks for the next page."""

    total_changed = Signal(int)
    first_rows = Signal()
    failed = Signal(str)

    def __init__(self, ctx: ViewContext | None = None, page_size: int = caselist.PAGE_SIZE) -> None:
        super().__init__()
        self.ctx = ctx
        self.page_size = page_size
        self.rows: list[CaseRow] = []
        self.filter = CaseFilter()
        self.sort_key = CaseSort()
        self._cursor: tuple[Any, ...] | None = None
        self._loading = False
        self._generation = 0
        self.total: int | None = None
        #: True once the user sorted by a header: searches then keep that order (slower at
        #: 100k); otherwise a search lists matches newest-recorded first, straight off the index.
        self.user_sorted = False
        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_DELAY_MS)
        self._count_timer.timeout.connect(self._count)

    # -- loading ----------------------------------------------------------------------
    def set_context(self, ctx: ViewContext | None) -> None:
        self.ctx = ctx
        self.clear()

    def clear(self) -> None:
        """Forget every row (the idle lock); nothing stays in memory."""
        self._generation += 1
        self._count_timer.stop()
        self.beginResetModel()
        self.rows = []
        self._cursor = None
        self._loading = False
        self.total = None
        self.endResetModel()

    def reload(self, flt: CaseFilter | None = None, sort: CaseSort | None = None) -> None:
        if flt is not None:
            self.filter = flt
        if sort is not None:
            self.sort_key = sort
        self.clear()
        if self.ctx is None:
            return
        self._request(None)
        # Count only once the filter has stayed put: while someone types, a count of a common
        # name would hold the one database worker and delay the next page.
        self._count_timer.start()

    def _count(self) -> None:
        if self.ctx is None:
            return
        gen, ctx, flt_now = self._generation, self.ctx, self.filter
        cap = caselist.COUNT_CAP if flt_now.text.strip() else None
        ctx.runner.run_db("count_cases", lambda: self._unless_stale(
            gen, lambda: caselist.count_cases(ctx.ws, flt_now, cap)),
            lambda n: self._got_total(gen, n), lambda e: None)

    def _unless_stale(self, gen: int, job: Any) -> Any:
        """Skip a queued job whose answer nobody wants any more (the user typed on)."""
        return None if gen != self._generation else job()

    def effective_sort(self) -> CaseSort:
        if self.filter.text.strip() and not self.user_sorted:
            return CaseSort("recorded", True)
        return self.sort_key

    def _request(self, after: tuple[Any, ...] | None) -> None:
        assert self.ctx is not None
        self._loading = True
        gen, ctx, flt, sort = self._generation, self.ctx, self.filter, self.effective_sort()
        size = min(FIRST_PAGE, self.page_size) if after is None else self.page_size
        ctx.runner.run_db(
            "case_page", lambda: self._unless_stale(
                gen, lambda: caselist.case_page(ctx.ws, flt, sort, after, size)),
            lambda page: self._got_page(gen, page, after is None),
            lambda exc: self._failed(gen, exc))

    def _got_page(self, gen: int, page: CasePage | None, first: bool) -> None:
        if gen != self._generation or page is None:
            return
        self._loading = False
        if page.rows:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        self._cursor = page.next_cursor
        if first:
            self.first_rows.emit()

    def _got_total(self, gen: int, total: int | None) -> None:
        if gen == self._generation and total is not None:
            self.total = total
            self.total_changed.emit(total)

    def _failed(self, gen: int, exc: BaseException) -> None:
        from fieldapp.ui.tasks import user_message

        if gen == self._generation:
            self._loading = False
            self.failed.emit(user_message(exc))

    @property
    def loading(self) -> bool:
        return self._loading

    def canFetchMore(self, parent: _Index = _ROOT) -> bool:
        return not parent.isValid() and self._cursor is not None and not self._loading

    def fetchMore(self, parent: _Index = _ROOT) -> None:
        if self.canFetchMore(parent):
            self._request(self._cursor)

    # -- Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: _Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = [self.tr("Case number"), self.tr("Date"), self.tr("Province"), self.tr("Post"),
                  self.tr("Type"), self.tr("Victims"), self.tr("Minors")]
        return titles[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 5:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        name = COLUMNS[index.column()][0]
        if name == "operation_date":
            return i18n.fmt_date(row.operation_date)
        if name == "province_code":
            return self.ctx.province_name(row.province_code) if self.ctx else row.province_code
        if name == "post_code":
            return self.ctx.post_name(row.post_code) if self.ctx else row.post_code
        if name == "exploitation_type":
            return i18n.exploitation_label(row.exploitation_type)
        if name in ("victims", "minors"):
            return i18n.digits(getattr(row, name))
        return getattr(row, name)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][1]
        if key is None:
            return
        self.user_sorted = True
        self.reload(sort=CaseSort(key, order == Qt.SortOrder.DescendingOrder))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(COLUMNS) - 1))


class CaseListView(QWidget):
    """Layout of the Cases screen; the filter logic is in `current_filter()` and `CaseTableModel`."""

    open_case = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx: ViewContext | None = None
        self.model = CaseTableModel()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filters)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_rescue)
        self.province = QComboBox()
        self.post = QComboBox()
        self.kind = QComboBox()
        self.referral = QComboBox()
        self.minors = QCheckBox()
        self.use_dates = QCheckBox()
        self.date_from = DateEdit()
        self.date_to = DateEdit()
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setEnabled(False)
        today = QDate.currentDate()
        self.date_from.setDate(today.addYears(-1))
        self.date_to.setDate(today)
        self.use_dates.toggled.connect(self.date_from.setEnabled)
        self.use_dates.toggled.connect(self.date_to.setEnabled)
        # The post list follows the chosen province (its handler runs before apply_filters).
        self.province.currentIndexChanged.connect(lambda _i: self._fill_posts())
        for combo in (self.province, self.post, self.kind, self.referral):
            combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        for check in (self.minors, self.use_dates):
            check.toggled.connect(lambda _c: self.apply_filters())
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(lambda _d: self.apply_filters())
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear_filters)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.DescendingOrder)
        self.model.user_sorted = False  # that was the default order, not the user's choice
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setResizeContentsPrecision(40)  # fit to a sample of rows
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.activated.connect(self._activated)
        self.count_label = QLabel()
        self.banner = Banner()
        self.model.total_changed.connect(lambda _n: self._show_count())
        self.model.rowsInserted.connect(lambda *_a: self._show_count())
        self.model.failed.connect(self.banner.error)
        # Fit the columns to the first page only: measuring 100,000 rows would stall the UI.
        self.model.first_rows.connect(self._fit_columns)

        top = QHBoxLayout()
        self.search_label = QLabel()
        top.addWidget(self.search_label)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        filters = QHBoxLayout()
        self.filter_labels = [QLabel() for _ in range(4)]
        for label, combo in zip(self.filter_labels, (self.province, self.post, self.kind, self.referral),
                                strict=True):
            filters.addWidget(label)
            filters.addWidget(combo, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.date_from)
        self.to_label = QLabel()
        dates.addWidget(self.to_label)
        dates.addWidget(self.date_to)
        dates.addWidget(self.minors)
        dates.addStretch(1)
        dates.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addLayout(dates)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.retranslate()

    # -- life cycle -------------------------------------------------------------------
    def set_context(self, ctx: ViewContext | None) -> None:
        self.ctx = ctx
        self.model.set_context(ctx)
        self._fill_combos()
        follow_changes(self, ctx, self.on_changes)
        if ctx is not None:
            self.new_button.setVisible(ctx.role in (Role.OFFICER, Role.SUPERVISOR))
            # The national desk records no rescue (HQ refuses it): shown, greyed, and why.
            self.new_button.setEnabled(not ctx.national_desk)
            self.new_button.setToolTip(desk_reason() if ctx.national_desk else "")
            # An officer sees its own post only: the post filter would only confuse.
            self.post.setVisible(ctx.role is Role.SUPERVISOR)
            self.filter_labels[1].setVisible(ctx.role is Role.SUPERVISOR)

    def activate(self) -> None:
        if self.ctx is not None and not self.model.rows and not self.model.loading:
            self.model.reload(self.current_filter())

    def on_changes(self, changes: Changes, _origin: object) -> None:
        """A write somewhere changed cases: list them again with the same filter."""
        if self.ctx is not None and changes.touches_cases():
            self.model.reload(self.current_filter())

    def clear(self) -> None:
        self._debounce.stop()
        self.model.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.banner.clear_message()
        self.count_label.clear()

    # -- user actions -----------------------------------------------------------------
    def current_filter(self) -> CaseFilter:
        def value(combo: QComboBox) -> str | None:
            data = combo.currentData()
            return str(data) if data else None

        use_dates = self.use_dates.isChecked()
        return CaseFilter(
            text=self.search.text(),
            province_code=value(self.province),
            post_code=value(self.post),
            exploitation_type=value(self.kind),
            referral_status=value(self.referral),
            minors_only=self.minors.isChecked(),
            date_from=self.date_from.date().toPython() if use_dates else None,  # type: ignore[arg-type]
            date_to=self.date_to.date().toPython() if use_dates else None,  # type: ignore[arg-type]
        )

    def apply_filters(self) -> None:
        if self.ctx is None:
            return
        self.banner.clear_message()
        self.model.reload(self.current_filter())
        # A search lists newest-recorded first unless the user picked a column.
        self.table.horizontalHeader().setSortIndicatorShown(
            self.model.effective_sort().column != "recorded")

    def clear_filters(self) -> None:
        for combo in (self.province, self.post, self.kind, self.referral):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._fill_posts()  # every province again: every post
        for check in (self.minors, self.use_dates):
            check.blockSignals(True)
            check.setChecked(False)
            check.blockSignals(False)
        self.date_from.setEnabled(False)
        self.date_to.setEnabled(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.apply_filters()

    def new_rescue(self) -> None:
        open_form(self, "rescue", {})

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for col in range(self.model.columnCount() - 1):
            header.resizeSection(col, min(header.sectionSize(col) + 12, 340))

    def _activated(self, index: QModelIndex) -> None:
        rescue_id = self.model.data(index, Qt.ItemDataRole.UserRole)
        if rescue_id:
            self.open_case.emit(rescue_id)

    # -- text -------------------------------------------------------------------------
    def _show_count(self) -> None:
        shown = len(self.model.rows)
        if self.model.total is None:
            self.count_label.setText(self.tr("{shown} cases shown").format(shown=i18n.digits(shown)))
        elif self.model.total > caselist.COUNT_CAP:
            self.count_label.setText(self.tr("{shown} of more than {total} cases shown").format(
                shown=i18n.digits(shown), total=i18n.digits(caselist.COUNT_CAP)))
        else:
            self.count_label.setText(self.tr("{shown} of {total} cases shown").format(
                shown=i18n.digits(shown), total=i18n.digits(self.model.total)))

    def _fill_combos(self) -> None:
        ctx = self.ctx

        def refill(combo: QComboBox, items: list[tuple[str, str]], any_text: str) -> None:
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(any_text, None)
            for code, label in items:
                combo.addItem(label, code)
            found = combo.findData(current) if current else 0
            combo.setCurrentIndex(max(found, 0))
            combo.blockSignals(False)

        provinces = ([(c.code, i18n.ref_name(c.en, c.km)) for c in ctx.choices.provinces]
                     if ctx else [])
        refill(self.province, provinces, self.tr("All provinces"))
        self._fill_posts()
        refill(self.kind, [(t.value, i18n.exploitation_label(t.value)) for t in ExploitationType],
               self.tr("All types"))
        statuses = [ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_SERVICE,
                    ReferralStatus.COMPLETED, ReferralStatus.DECLINED, ReferralStatus.CANCELLED]
        refill(self.referral, [(s.value, i18n.referral_status_label(s.value)) for s in statuses],
               self.tr("Any referral status"))

    def _fill_posts(self) -> None:
        """The posts of the chosen province (all posts when no province is chosen)."""
        ctx, province = self.ctx, self.province.currentData()
        posts = [(c.code, i18n.ref_name(c.en, c.km)) for c in (ctx.choices.posts if ctx else [])
                 if not province or c.province == province]
        current = self.post.currentData()
        self.post.blockSignals(True)
        self.post.clear()
        self.post.addItem(self.tr("All posts"), None)
        for code, label in posts:
            self.post.addItem(label, code)
        self.post.setCurrentIndex(max(self.post.findData(current) if current else 0, 0))
        self.post.blockSignals(False)

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("Search"))
        self.search.setPlaceholderText(self.tr("Case number, or a victim's or suspect's name "
                                               "(Khmer or Latin)"))
        self.new_button.setText(self.tr("New rescue…"))
        if self.ctx is not None and self.ctx.national_desk:
            self.new_button.setToolTip(desk_reason())
        for label, text in zip(self.filter_labels, (self.tr("Province"), self.tr("Post"),
                                                    self.tr("Type"), self.tr("Referral")), strict=True):
            label.setText(text)
        self.use_dates.setText(self.tr("Between"))
        self.to_label.setText(self.tr("and"))
        self.minors.setText(self.tr("Minors only"))
        self.clear_button.setText(self.tr("Clear filters"))
        self._fill_combos()
        self.model.retranslate()
        self._show_count() if self.model.rows or self.model.total is not None else None

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())
