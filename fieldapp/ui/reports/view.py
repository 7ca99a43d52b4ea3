"""The Reports screen: filters, headline figures, four charts with their numbers, and exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fieldapp import vocabulary
from fieldapp.domain.enums import ExploitationType, Role
from fieldapp.reports.definitions import (
    DEFAULT_THRESHOLD,
    YOY_KEYS,
    YOY_TITLES,
    ReportFilter,
)
from fieldapp.reports.figures import Figures, Table
from fieldapp.reports.suppress import publish
from fieldapp.services import exports
from fieldapp.services.auth import read_reference
from fieldapp.services.changes import AUDITED
from fieldapp.services.figures import figures_for
from fieldapp.services.workspace import Workspace
from fieldapp.ui import i18n
from fieldapp.ui.localdigits import DateEdit
from fieldapp.ui.reports.charts import CHARTS
from fieldapp.ui.reports.labels import AXES, Labeller
from fieldapp.ui.tasks import TaskRunner, user_message

#: Tables shown without a chart, after the charted ones.
PLAIN_TABLES = ("cases_by_type", "cases_by_post", "cases_by_month", "victims_by_nationality",
                "suspects", "victim_outcomes", "referrals_overdue")


def km(text: str) -> str:
    """The vocabulary's Khmer (the same .ts) for a text Qt left in English."""
    return vocabulary.text(text, i18n.current_language())


def translated(context: str, text: str) -> str:
    """Qt's translation; an empty one (an unfinished .qm entry) falls back to the vocabulary."""
    result = QCoreApplication.translate(context, text)
    return result if result and result != text else km(text)


class ReportSection(QGroupBox):
    """One figure: its chart (if it has one), the numbers behind it, and its definition."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.chart_view: QChartView | None = None
        layout = QVBoxLayout(self)
        if key in CHARTS:
            self.chart_view = QChartView()
            self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
            self.chart_view.setMinimumHeight(320)
            layout.addWidget(self.chart_view)
        self.table = QTableWidget()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        layout.addWidget(self.table)
        self.definition = QLabel()
        self.definition.setWordWrap(True)
        self.definition.setObjectName("definition")
        layout.addWidget(self.definition)

    def show_table(self, table: Table, lab: Labeller) -> None:
        self.setTitle(lab.text("Referral outcomes") if self.key == "referrals_by_service_status"
                      else lab.title(self.key))
        self.definition.setText(lab.definition(self.key))
        if self.chart_view is not None:
            old = self.chart_view.chart()
            self.chart_view.setChart(CHARTS[self.key](table, lab))
            if old is not None:
                old.deleteLater()
        row_kind, col_kind = AXES[self.key]
        headers = [lab.header(row_kind)]
        headers += [lab.code(col_kind, c) if table.is_2d else lab.header("count") for c in table.cols]
        totals = table.additive
        if table.is_2d and totals:
            headers.append(lab.text("Total"))
        rows = [[lab.code(row_kind, r), *(lab.digits(table.value(r, c)) for c in table.cols),
                 *([lab.digits(table.row_total(r))] if table.is_2d and totals else [])]
                for r in table.rows]
        if totals:
            rows.append([lab.text("Total"),
                         *([lab.digits(table.col_total(c)) for c in table.cols] if table.is_2d else []),
                         lab.digits(table.total)])
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setRowCount(len(rows))
        self.table.setHorizontalHeaderLabels(headers)
        for i, row in enumerate(rows):
            for j, text in enumerate(row):
                item = QTableWidgetItem(text)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(i, j, item)
        self.table.resizeColumnsToContents()


class ReportsView(QWidget):
    """Embedded by the main window. Figures are computed on the task runner's database worker.

    Give `ws_provider` (returns the open workspace, or None when locked) and the window's
    `runner`; or call `set_context(ctx)` with the window's ViewContext, which has both.
    """

    figures_ready = Signal(object)
    failed = Signal(str)

    def __init__(self, ws_provider: Callable[[], Workspace | None] | None = None,
                 parent: QWidget | None = None, runner: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self._ws_provider = ws_provider
        self._own_runner = runner is None
        self.runner = runner or TaskRunner(self)
        self.figures: Figures | None = None
        self.threshold = DEFAULT_THRESHOLD
        self.lab = Labeller()
        reference = read_reference()
        self._provinces = [(p["code"], p["en"], p["km"]) for p in reference.get("provinces", [])]
        self._posts = [(p["code"], p["en"], p["km"]) for p in reference.get("posts", [])
                       if p.get("kind") != "hq"]

        self.year = QComboBox()
        this_year = dt.date.today().year
        for y in range(this_year, this_year - 6, -1):
            self.year.addItem(str(y), y)
        self.year.currentIndexChanged.connect(self._year_picked)
        self.start = DateEdit(QDate(this_year, 1, 1))
        self.end = DateEdit(QDate(this_year, 12, 31))
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self._dates_changed)
        self.province = QComboBox()
        self.post = QComboBox()
        self.kind = QComboBox()
        self.show_button = QPushButton()
        self.show_button.clicked.connect(self.refresh)
        self.pdf_button = QPushButton()
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        self.figures_button = QPushButton()
        self.figures_button.clicked.connect(lambda: self.export_figures())
        self.labels = {k: QLabel() for k in ("year", "from", "to", "province", "post", "type")}

        filters = QGridLayout()
        widgets = [("year", self.year), ("from", self.start), ("to", self.end),
                   ("province", self.province), ("post", self.post), ("type", self.kind)]
        # Two rows of three: one row of six needs ~1,300 px, wider than a 1280 px laptop.
        for i, (name, widget) in enumerate(widgets):
            filters.addWidget(self.labels[name], i // 3, 2 * (i % 3))
            filters.addWidget(widget, i // 3, 2 * (i % 3) + 1)
            filters.setColumnStretch(2 * (i % 3) + 1, 1)
        for combo in (self.province, self.post, self.kind):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addStretch(1)
        buttons.addWidget(self.figures_button)
        buttons.addWidget(self.pdf_button)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.headline = QTableWidget()
        self.headline.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.headline.verticalHeader().setVisible(False)
        self.headline.setSizeAdjustPolicy(QTableWidget.SizeAdjustPolicy.AdjustToContents)
        self.median = QLabel()
        self.sections = {key: ReportSection(key) for key in (*CHARTS, *PLAIN_TABLES)}

        body = QWidget()
        content = QVBoxLayout(body)
        content.addWidget(self.note)
        content.addWidget(self.headline)
        content.addWidget(self.median)
        for section in self.sections.values():
            content.addWidget(section)
        content.addStretch(1)
        self.scroller = QScrollArea()
        self.scroller.setWidgetResizable(True)
        self.scroller.setWidget(body)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.scroller, 1)
        self.retranslate()

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:  # type: ignore[override]
        return translated("ReportsView", text)

    # -- the window's life cycle (same calls as the other views) ------------------------
    def set_context(self, ctx: Any) -> None:
        """Use the main window's ViewContext (its runner serialises database jobs)."""
        if ctx is None:
            self._ws_provider = None
            self.clear()
            return
        self._ws_provider = lambda: ctx.ws
        if self._own_runner:
            self.runner.shutdown()
            self.runner, self._own_runner = ctx.runner, False
        self._apply_role()

    def activate(self) -> None:
        self.refresh()

    def clear(self) -> None:
        """The window locked: forget every figure."""
        self.figures = None
        self.status.clear()
        self._render()

    def workspace(self) -> Workspace | None:
        ws = self._ws_provider() if self._ws_provider else None
        return ws if ws is not None and ws.is_open else None

    # -- filters ------------------------------------------------------------------------
    def current_filter(self) -> ReportFilter:
        start = cast(dt.date, self.start.date().toPython())
        end = cast(dt.date, self.end.date().toPython())
        if end < start:
            start, end = end, start
        return ReportFilter(start, end, self.province.currentData() or None,
                            self.post.currentData() or None, self.kind.currentData() or None)

    def _year_picked(self) -> None:
        year = self.year.currentData()
        if year:
            self.start.setDate(QDate(year, 1, 1))
            self.end.setDate(QDate(year, 12, 31))

    def _dates_changed(self) -> None:
        """Show the year when the dates are exactly one calendar year, else 'Custom period'."""
        start, end = self.start.date(), self.end.date()
        whole = (start.month(), start.day(), end.month(), end.day()) == (1, 1, 12, 31)
        index = self.year.findData(start.year()) if whole and start.year() == end.year() else -1
        self.year.blockSignals(True)
        self.year.setCurrentIndex(index if index >= 0 else self.year.findData(0))
        self.year.blockSignals(False)

    def _apply_role(self) -> None:
        ws = self.workspace()
        supervisor = ws is not None and ws.actor.role is Role.SUPERVISOR
        self.pdf_button.setVisible(supervisor)
        self.figures_button.setVisible(supervisor)
        officer = ws is not None and ws.actor.role is Role.OFFICER
        if officer and ws is not None:
            # Officers see their own post's figures only (the service enforces it too).
            index = self.post.findData(ws.actor.post_code)
            self.post.setCurrentIndex(max(index, 0))
        self.post.setEnabled(not officer)

    # -- computing ------------------------------------------------------------------------
    def refresh(self) -> None:
        ws = self.workspace()
        if ws is None:
            return
        flt = self.current_filter()
        self.status.setText(km(self.tr("Computing the figures…")))
        self.show_button.setEnabled(False)
        self.runner.run_db("report figures", lambda: figures_for(ws, flt), self._loaded,
                           self._failed)

    def _loaded(self, figures: Figures) -> None:
        self.figures = figures
        self.show_button.setEnabled(True)
        flt = figures.filter
        self.status.setText(km(self.tr("Figures for {start} to {end}, as of {as_of}.")).format(
            start=self.lab.digits(flt.start.isoformat()), end=self.lab.digits(flt.end.isoformat()),
            as_of=self.lab.digits(figures.as_of.isoformat())))
        self._render()
        self.figures_ready.emit(figures)

    def _failed(self, exc: BaseException) -> None:
        self.show_button.setEnabled(True)
        message = user_message(exc)
        self.status.setText(message)
        self.failed.emit(message)

    # -- showing --------------------------------------------------------------------------
    def _render(self) -> None:
        f = self.figures
        for section in self.sections.values():
            section.setVisible(f is not None)
        self.headline.setVisible(f is not None)
        self.median.setVisible(f is not None)
        if f is None:
            return
        lab = self.lab
        for key, section in self.sections.items():
            section.show_table(f.table(key), lab)
        headers = ["", km(self.tr("This period")), km(self.tr("Same period last year")),
                   km(self.tr("Change")), "%"]
        self.headline.clear()
        self.headline.setColumnCount(len(headers))
        self.headline.setRowCount(len(YOY_KEYS))
        self.headline.setHorizontalHeaderLabels(headers)
        for i, key in enumerate(YOY_KEYS):
            change = f.yoy[key]
            pct = change.percent
            cells = [lab.text(YOY_TITLES[key]), lab.digits(change.current), lab.digits(change.previous),
                     lab.digits(f"{change.diff:+d}"), "" if pct is None else lab.digits(f"{pct:+.1f}")]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.headline.setItem(i, j, item)
        self.headline.resizeColumnsToContents()
        days = (km(self.tr("none completed")) if f.median_days is None
                else lab.digits(f.median_days))
        self.median.setText(km(self.tr("Median days from referral to completion: {days}")).format(days=days))

    # -- exports (supervisor; audited; the file is not encrypted) -------------------------
    def _confirm_unencrypted(self) -> bool:
        answer = QMessageBox.warning(
            self, km(self.tr("The file will NOT be encrypted")), km(self.tr(exports.EXPORT_WARNING)),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Ok

    def export_pdf(self, path: Path | None = None, *, confirm: bool = True,
                   lang: str | None = None) -> None:
        """Write the PDF of the figures on screen (small cells suppressed), then audit it."""
        ws, f = self.workspace(), self.figures
        if ws is None or f is None or ws.actor.role is not Role.SUPERVISOR:
            return
        if confirm and not self._confirm_unencrypted():
            return
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, km(self.tr("Export PDF…")), "report.pdf",
                                                  "PDF (*.pdf)")
            if not name:
                return
            path = Path(name)
        from fieldapp.ui.reports.pdf import write_pdf

        # Charts are widgets: the PDF is drawn here, on the UI thread; the audit runs after.
        written = write_pdf(publish(f, self.threshold), path, lang or i18n.current_language())
        flt, threshold = f.filter, self.threshold

        def audit() -> Path:
            exports.record_report_export(ws, "pdf", flt, threshold)
            return written

        def undo(exc: BaseException) -> None:
            written.unlink(missing_ok=True)  # an export that was not audited must not stay
            self._failed(exc)

        self.runner.run_op("report pdf audit", audit, AUDITED, self._saved, undo)

    def export_figures(self, path: Path | None = None, *, confirm: bool = True) -> None:
        """Write the figures (suppressed) as CSV or JSON, by the file name's extension."""
        ws = self.workspace()
        if ws is None or ws.actor.role is not Role.SUPERVISOR:
            return
        if confirm and not self._confirm_unencrypted():
            return
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, km(self.tr("Export figures…")), "report.csv",
                                                  "CSV (*.csv);;JSON (*.json)")
            if not name:
                return
            path = Path(name)
        fmt = "json" if path.suffix.lower() == ".json" else "csv"
        flt, threshold = self.current_filter(), self.threshold
        self.runner.run_op("report export",
                           lambda: exports.export_report(ws, flt, fmt, path, threshold=threshold),
                           AUDITED, self._saved, self._failed)

    def _saved(self, path: Path) -> None:
        self.status.setText(km(self.tr("Saved {path}")).format(path=path.name))

    # -- language ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {"year": self.tr("Year"), "from": self.tr("From"), "to": self.tr("To"),
                 "province": self.tr("Province"), "post": self.tr("Post"),
                 "type": self.tr("Exploitation type")}
        for key, text in texts.items():
            self.labels[key].setText(km(text))
        self.show_button.setText(km(self.tr("Show")))
        self.pdf_button.setText(km(self.tr("Export PDF…")))
        self.figures_button.setText(km(self.tr("Export figures…")))
        self.note.setText(km(self.tr("Numbers on this screen are exact. Exports and the PDF hide "
                                     "counts below {t}.")).format(t=self.lab.digits(self.threshold)))
        khmer = i18n.current_language() == "km"
        for combo, items in ((self.province, self._provinces), (self.post, self._posts)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(km(self.tr("All")), None)
            for code, en, km_name in items:
                combo.addItem(km_name if khmer and km_name else en, code)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)
        custom = self.year.findData(0)
        if custom < 0:
            self.year.addItem("", 0)  # chosen when the dates are not one calendar year
            custom = self.year.count() - 1
        self.year.setItemText(custom, km(self.tr("Custom period")))
        for i in range(self.year.count()):
            if self.year.itemData(i):  # the years, in the language's digits
                self.year.setItemText(i, self.lab.digits(self.year.itemData(i)))
        current = self.kind.currentData()
        self.kind.clear()
        self.kind.addItem(km(self.tr("All")), None)
        for t in ExploitationType:
            self.kind.addItem(self.lab.code("type", t.value), t.value)
        self.kind.setCurrentIndex(max(self.kind.findData(current), 0))
        self._render()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def closeEvent(self, event: Any) -> None:
        if self._own_runner:
            self.runner.shutdown()
        super().closeEvent(event)
