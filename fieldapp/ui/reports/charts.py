"""The four report charts (QtCharts), built from a table of counts for the screen and the PDF."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QStackedBarSeries,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from fieldapp.reports.figures import COUNT
from fieldapp.ui.reports.labels import AXES, Labeller

#: One colour per series, readable in grey print too (dark to light).
PALETTE = ("#1f4e79", "#c0504d", "#9bbb59", "#8064a2", "#f79646", "#4bacc6", "#7f7f7f",
           "#2e8b57", "#b8860b")


class Counts(Protocol):
    @property
    def rows(self) -> tuple[str, ...]: ...

    @property
    def cols(self) -> tuple[str, ...]: ...

    def value(self, row: str, col: str = COUNT) -> object: ...


def number(value: object) -> int:
    """A count to draw: hidden small cells ('<5', 'x') are drawn as 0 (the PDF says so)."""
    return value if isinstance(value, int) else 0


def _chart(title: str, font: QFont | None) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    if font is not None:
        bold = QFont(font)
        bold.setBold(True)
        chart.setTitleFont(bold)
        chart.legend().setFont(font)
    return chart


def _style_axes(chart: QChart, font: QFont | None) -> None:
    for axis in chart.axes():
        # A chart laid out while its section was hidden measured its labels at no width and
        # drew every count as "…": labels are short, never cut them.
        axis.setTruncateLabels(False)
        if font is not None:
            axis.setLabelsFont(font)


def _value_axis(maximum: int, lab: Labeller) -> QCategoryAxis:
    """A count axis with whole-number ticks written in the report's digits (Khmer in Khmer).

    A category axis with our own labels: QValueAxis formats with printf, always in Latin
    digits, and elided its labels to "…" where the Khmer font is wide.
    """
    top = max(1, maximum)
    step = 1 if top <= 10 else _nice(-(-top // 5))
    top = -(-top // step) * step
    axis = QCategoryAxis()
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setRange(0, top)
    axis.setStartValue(0)
    for tick in range(0, top + 1, step):
        axis.append(lab.digits(tick), tick)
    return axis


def _sets(table: Counts, kind: str, lab: Labeller, keep: Sequence[str]) -> list[QBarSet]:
    out = []
    for i, col in enumerate(keep):
        s = QBarSet(lab.code(kind, col))
        s.setColor(QColor(PALETTE[i % len(PALETTE)]))
        s.append([float(number(table.value(r, col))) for r in table.rows])
        out.append(s)
    return out


def _nonzero_cols(table: Counts) -> list[str]:
    cols = [c for c in table.cols if any(number(table.value(r, c)) for r in table.rows)]
    return cols or list(table.cols[:1])


def _nice(value: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten that is >= value."""
    scale = 1
    while True:
        for m in (1, 2, 5):
            if m * scale >= value:
                return m * scale
        scale *= 10


def victims_per_month(table: Counts, lab: Labeller, font: QFont | None = None) -> QChart:
    """Stacked columns: victims per month, one colour per exploitation type."""
    chart = _chart(lab.title("victims_by_month_type"), font)
    series = QStackedBarSeries()
    for s in _sets(table, "type", lab, _nonzero_cols(table)):
        series.append(s)
    chart.addSeries(series)
    months = QBarCategoryAxis()
    months.append([lab.digits(m[2:]) if len(table.rows) > 12 else lab.digits(m[5:])
                   for m in table.rows])
    chart.addAxis(months, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(months)
    peak = max((sum(number(table.value(r, c)) for c in table.cols) for r in table.rows), default=0)
    counts = _value_axis(peak, lab)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(counts)
    _style_axes(chart, font)
    return chart


def cases_by_province(table: Counts, lab: Labeller, font: QFont | None = None) -> QChart:
    """Horizontal bars: cases per province, largest at the top."""
    chart = _chart(lab.title("cases_by_province"), font)
    rows = sorted(table.rows, key=lambda r: number(table.value(r)))
    bars = QBarSet(lab.header("count"))
    bars.setColor(QColor(PALETTE[0]))
    bars.append([float(number(table.value(r))) for r in rows])
    series = QHorizontalBarSeries()
    series.append(bars)
    chart.addSeries(series)
    chart.legend().hide()
    names = QBarCategoryAxis()
    names.append([lab.code(AXES["cases_by_province"][0], r) for r in rows] or ["-"])
    chart.addAxis(names, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(names)
    counts = _value_axis(max((number(table.value(r)) for r in rows), default=0), lab)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(counts)
    _style_axes(chart, font)
    return chart


def age_pyramid(table: Counts, lab: Labeller, font: QFont | None = None) -> QChart:
    """Males to the left, females to the right, youngest at the bottom (other sexes in the table)."""
    chart = _chart(lab.title("victims_by_sex_age"), font)
    series = QHorizontalStackedBarSeries()
    peak = 1
    for i, (sex, sign) in enumerate((("male", -1), ("female", 1))):
        s = QBarSet(lab.code("sex", sex))
        s.setColor(QColor(PALETTE[i]))
        values = [number(table.value(r, sex)) for r in table.rows]
        peak = max(peak, *values) if values else peak
        s.append([float(sign * v) for v in values])
        series.append(s)
    chart.addSeries(series)
    ages = QBarCategoryAxis()
    ages.append([lab.code("age", r) for r in table.rows])
    chart.addAxis(ages, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(ages)
    # Both directions are counts: label the ticks without a minus sign.
    counts = QCategoryAxis()
    counts.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    step = _nice(-(-peak // 2))
    counts.setRange(-2 * step, 2 * step)
    counts.setStartValue(-2 * step)
    for tick in (-2 * step, -step, 0, step, 2 * step):
        counts.append(lab.digits(abs(tick)) + " " * (tick < 0) + "\u200b" * (tick > 0), tick)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(counts)
    _style_axes(chart, font)
    return chart


def referral_outcomes(table: Counts, lab: Labeller, font: QFont | None = None) -> QChart:
    """Horizontal stacked bars: referrals per service, coloured by status."""
    chart = _chart(lab.text("Referral outcomes"), font)
    series = QHorizontalStackedBarSeries()
    for s in _sets(table, "status", lab, _nonzero_cols(table)):
        series.append(s)
    chart.addSeries(series)
    services = QBarCategoryAxis()
    services.append([lab.code("service", r) for r in table.rows])
    chart.addAxis(services, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(services)
    peak = max((sum(number(table.value(r, c)) for c in table.cols) for r in table.rows), default=0)
    counts = _value_axis(peak, lab)
    chart.addAxis(counts, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(counts)
    _style_axes(chart, font)
    return chart


#: Figure key -> chart builder, in the order the screen and the PDF show them.
CHARTS = {
    "victims_by_month_type": victims_per_month,
    "cases_by_province": cases_by_province,
    "victims_by_sex_age": age_pyramid,
    "referrals_by_service_status": referral_outcomes,
}
