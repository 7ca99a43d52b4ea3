"""The PDF report: published (suppressed) figures, charts as images, definitions; English or Khmer."""

from __future__ import annotations

import datetime as dt
import html
import os
from pathlib import Path

from PySide6.QtCharts import QChartView
from PySide6.QtCore import QMarginsF, QSize, QSizeF, QUrl
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication

from fieldapp.reports.definitions import DEFINITIONS, YOY_KEYS, YOY_TITLES
from fieldapp.reports.suppress import PublishedFigures, PublishedTable
from fieldapp.ui.reports.charts import CHARTS
from fieldapp.ui.reports.labels import AXES, Labeller

CHART_SIZE = QSize(1100, 520)
#: Tables printed after the charts (the charts' own tables come with them).
OTHER_TABLES = ("cases_by_type", "cases_by_post", "cases_by_month", "cases_by_year",
                "victims_by_nationality", "victims_by_type", "suspects", "victim_outcomes",
                "referrals_overdue")


def _ensure_app() -> QApplication:
    """HQ runs without a window: make an offscreen application if there is none."""
    app = QApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    assert isinstance(app, QApplication)
    return app


def report_font(lang: str) -> QFont:
    from fieldapp.ui import i18n

    khmer = i18n.load_fonts()
    font = QFont()
    # Latin in Noto Sans / DejaVu; Khmer shaped by Noto Sans Khmer (shipped in resources/fonts).
    font.setFamilies((["Noto Sans Khmer"] if lang == "km" else []) + ["Noto Sans", "DejaVu Sans", *khmer])
    font.setPointSize(9)
    return font


def chart_image(key: str, table: PublishedTable, lab: Labeller, font: QFont) -> QImage:
    big = QFont(font)
    big.setPointSize(13)  # drawn at CHART_SIZE, then scaled to the page width
    chart = CHARTS[key](table, lab, big)
    view = QChartView(chart)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.resize(CHART_SIZE)
    image = view.grab().toImage()
    view.deleteLater()
    return image


def _cell(lab: Labeller, value: object) -> str:
    if value is None:
        return ""
    return html.escape(lab.digits(value))


def table_html(t: PublishedTable, lab: Labeller) -> str:
    row_kind, col_kind = AXES[t.key]
    total = html.escape(lab.text("Total"))
    head = [html.escape(lab.header(row_kind))]
    head += [html.escape(lab.code(col_kind, c) if t.is_2d else lab.header("count")) for c in t.cols]
    if t.is_2d:
        head.append(total)
    out = ["<table class='n' cellspacing='0' cellpadding='3'><tr>"
           + "".join(f"<th>{h}</th>" for h in head) + "</tr>"]
    for r in t.rows:
        cells = [_cell(lab, t.cells[(r, c)]) for c in t.cols]
        if t.is_2d:
            cells.append(_cell(lab, t.row_totals.get(r)))
        out.append(f"<tr><td class='l'>{html.escape(lab.code(row_kind, r))}</td>"
                   + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    if t.total is not None:
        cells = ([_cell(lab, t.col_totals.get(c)) for c in t.cols] if t.is_2d else [])
        cells.append(_cell(lab, t.total))
        out.append(f"<tr class='t'><td class='l'>{total}</td>"
                   + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    out.append("</table>")
    return "".join(out)


def _yoy_html(pub: PublishedFigures, lab: Labeller) -> str:
    head = ["", lab.text("This period"), lab.text("Same period last year"), lab.text("Change"), "%"]
    rows = ["<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr>"]
    for key in YOY_KEYS:
        y = pub.yoy[key]
        change = y["change"]
        sign = "+" if isinstance(change, int) and change > 0 else ""
        pct = y["percent"]
        pct_text = "" if pct is None else (f"{'+' if isinstance(pct, float) and pct > 0 else ''}{pct}"
                                           if not isinstance(pct, str) else pct)
        cells = [_cell(lab, y["current"]), _cell(lab, y["previous"]),
                 html.escape(lab.digits(f"{sign}{change}")), html.escape(lab.digits(pct_text))]
        rows.append(f"<tr><td class='l'>{html.escape(lab.text(YOY_TITLES[key]))}</td>"
                    + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return "<table class='n' cellspacing='0' cellpadding='3'>" + "".join(rows) + "</table>"


STYLE = """
h1 { font-size: 16pt; } h2 { font-size: 12pt; margin-top: 14px; }
table.n { border: 1px solid #999; margin-bottom: 6px; }
table.n th { background: #dde4ee; border: 1px solid #999; }
table.n td { text-align: right; border: 1px solid #ccc; }
table.n td.l { text-align: left; }
tr.t td { font-weight: bold; }
p.note { color: #444; font-size: 8pt; }
"""


def report_document(pub: PublishedFigures, lang: str = "en",
                    device: QPdfWriter | None = None) -> QTextDocument:
    """The whole report as a QTextDocument (charts added as image resources).

    With `device`, the document is laid out in that device's pixels, page by page.
    """
    _ensure_app()
    lab = Labeller(lang)
    font = report_font(lang)
    doc = QTextDocument()
    width = 640
    if device is not None:
        rect = device.pageLayout().paintRectPixels(device.resolution())
        doc.documentLayout().setPaintDevice(device)
        doc.setPageSize(QSizeF(rect.width(), rect.height()))
        # <img width> is in CSS pixels (1/96 inch), scaled to the device's resolution.
        width = int(rect.width() * 0.97 * 96 / device.logicalDpiX())
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(STYLE)
    flt = pub.figures.filter
    t = pub.threshold
    parts = [f"<h1>{html.escape(lab.text('Trafficking rescues and victims: report'))}</h1>"]
    scope = [f"{lab.text('Period')}: {lab.digits(flt.start.isoformat())} – {lab.digits(flt.end.isoformat())}"]
    if flt.province:
        scope.append(f"{lab.header('province')}: {lab.code('province', flt.province)}")
    if flt.post:
        scope.append(f"{lab.header('post')}: {lab.code('post', flt.post)}")
    if flt.exploitation_type:
        scope.append(f"{lab.header('type')}: {lab.code('type', flt.exploitation_type)}")
    scope.append(f"{lab.text('Made on')}: {lab.digits(dt.date.today().isoformat())}")
    parts.append("<p>" + html.escape(" · ".join(scope)) + "</p>")
    legend = lab.text("'<{t}' means between 1 and {m}; 'x' is hidden so that a small number cannot "
                      "be worked out from the totals. Charts draw hidden numbers as zero.")
    parts.append(f"<p class='note'><b>{html.escape(lab.text('Small numbers'))}:</b> "
                 f"{html.escape(legend.format(t=lab.digits(t), m=lab.digits(t - 1)))}</p>")
    parts.append(f"<h2>{html.escape(lab.text('Headline figures'))}</h2>" + _yoy_html(pub, lab))
    median = pub.median_days
    days = lab.text("none completed") if median is None else lab.digits(median)
    parts.append("<p>" + html.escape(lab.text("Median days from referral to completion: {days}")
                                     .format(days=days)) + "</p>")
    for i, key in enumerate(CHARTS):
        table = pub.tables[key]
        url = f"chart://{i}"
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url),
                        chart_image(key, table, lab, font))
        title = lab.text("Referral outcomes") if key == "referrals_by_service_status" else lab.title(key)
        parts.append(f"<h2>{html.escape(title)}</h2><p><img src='{url}' width='{width}'></p>"
                     + table_html(table, lab))
    for key in OTHER_TABLES:
        parts.append(f"<h2>{html.escape(lab.title(key))}</h2>" + table_html(pub.tables[key], lab))
    parts.append(f"<h2>{html.escape(lab.text('Definitions'))}</h2>")
    if lab.definitions_in_english():
        parts.append(f"<p class='note'>{html.escape(lab.text('Definitions are given in English.'))}</p>")
    for key in DEFINITIONS:
        parts.append(f"<p class='note'><b>{html.escape(lab.title(key))}</b> — "
                     f"{html.escape(lab.definition(key))}</p>")
    doc.setHtml("".join(parts))
    return doc


def write_pdf(pub: PublishedFigures, out: Path, lang: str = "en") -> Path:
    """Render the report to `out` (A4), through a private temp file renamed into place."""
    _ensure_app()
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.part")
    # Made owner-only before Qt writes a byte (Qt keeps an existing file's mode).
    os.close(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
    writer = QPdfWriter(str(tmp))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
    writer.setResolution(144)
    writer.setTitle("fieldapp report")
    writer.setCreator("fieldapp")
    doc = report_document(pub, lang, writer)
    doc.print_(writer)
    del writer  # closes the file
    os.chmod(tmp, 0o600)
    os.replace(tmp, out)
    return out
