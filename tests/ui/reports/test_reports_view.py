"""The Reports screen: figures off the UI thread, charts with their numbers, roles, Khmer, exports."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCharts import QAbstractBarSeries
from PySide6.QtCore import QDate
from sqlalchemy import select
from uihelpers import PASSPHRASES

from fieldapp.domain.enums import Role
from fieldapp.services import auth
from fieldapp.services.workspace import Actor, Workspace
from fieldapp.store.models import AuditEvent
from fieldapp.ui import i18n
from fieldapp.ui.reports import ReportsView
from fieldapp.ui.tasks import TaskRunner


@pytest.fixture
def ws(store: tuple[Path, dict[str, str]]) -> Iterator[Workspace]:
    root, _ = store
    w = auth.unlock(root, "sup", PASSPHRASES["sup"])
    yield w
    w.close()


@pytest.fixture
def view(qtbot: Any, ws: Workspace) -> Iterator[ReportsView]:
    runner = TaskRunner()
    v = ReportsView(lambda: ws, runner=runner)
    qtbot.addWidget(v)
    v.resize(1100, 900)
    v.start.setDate(QDate(2025, 1, 1))
    v.end.setDate(QDate(2025, 12, 31))
    yield v
    runner.wait_idle()
    runner.shutdown()


def shown(v: ReportsView, qtbot: Any) -> None:
    with qtbot.waitSignal(v.figures_ready, timeout=10000):
        v.refresh()


def table_text(v: ReportsView, key: str) -> dict[str, list[str]]:
    t = v.sections[key].table
    return {t.item(r, 0).text(): [t.item(r, c).text() for c in range(1, t.columnCount())]
            for r in range(t.rowCount())}


def test_figures_are_computed_off_the_ui_thread_and_shown(view: ReportsView, qtbot: Any) -> None:
    shown(view, qtbot)
    assert view.figures is not None
    assert table_text(view, "cases_by_province") == {
        "Banteay Meanchey": ["9"], "Svay Rieng": ["3"], "Total": ["12"]}
    assert table_text(view, "cases_by_type")["Online-scam compound"] == ["6"]
    pyramid = table_text(view, "victims_by_sex_age")
    assert pyramid["14-17"][0] == "2" and pyramid["Total"][-1] == "12"
    assert view.headline.item(0, 1).text() == "12"  # cases this period


def test_every_chart_has_its_numbers_beside_it(view: ReportsView, qtbot: Any) -> None:
    shown(view, qtbot)
    for key in ("victims_by_month_type", "cases_by_province", "victims_by_sex_age",
                "referrals_by_service_status"):
        section = view.sections[key]
        assert section.chart_view is not None and section.isVisibleTo(view)
        series = section.chart_view.chart().series()
        assert series and isinstance(series[0], QAbstractBarSeries)
        assert section.table.rowCount() > 0
    month = view.sections["victims_by_month_type"].chart_view.chart().series()[0]
    drawn = sum(s.sum() for s in month.barSets())
    assert drawn == 12


def test_year_follows_the_dates(view: ReportsView) -> None:
    assert view.year.currentData() == 2025  # the fixture set 2025-01-01 to 2025-12-31
    view.year.setCurrentIndex(1)
    year = view.year.currentData()
    assert view.start.date() == QDate(year, 1, 1) and view.end.date() == QDate(year, 12, 31)
    view.end.setDate(QDate(year, 6, 30))
    assert view.year.currentData() == 0 and view.year.currentText() == "Custom period"


def test_filters_narrow_the_figures(view: ReportsView, qtbot: Any) -> None:
    view.province.setCurrentIndex(view.province.findData("KH-20"))
    shown(view, qtbot)
    assert table_text(view, "cases_by_province") == {"Svay Rieng": ["3"], "Total": ["3"]}


def test_officers_see_their_post_and_cannot_export(qtbot: Any, ws: Workspace) -> None:
    officer = Workspace(ws.store, Actor("off", Role.OFFICER, "BAVET"))
    runner = TaskRunner()
    v = ReportsView(lambda: officer, runner=runner)
    qtbot.addWidget(v)
    v.set_context(type("Ctx", (), {"ws": officer, "runner": runner})())
    v.start.setDate(QDate(2025, 1, 1))
    v.end.setDate(QDate(2025, 12, 31))
    assert not v.pdf_button.isVisibleTo(v) and not v.post.isEnabled()
    shown(v, qtbot)
    assert table_text(v, "cases_by_post") == {"Bavet border post": ["3"], "Total": ["3"]}
    v.export_pdf(Path("/nonexistent/x.pdf"), confirm=False)  # silently refused: no button either
    runner.wait_idle()
    runner.shutdown()


def test_khmer_labels(view: ReportsView, qtbot: Any) -> None:
    i18n.set_language("km")
    shown(view, qtbot)
    assert view.show_button.text() == "បង្ហាញ"
    assert "បន្ទាយមានជ័យ" in table_text(view, "cases_by_province")
    assert table_text(view, "cases_by_province")["សរុប"] == ["១២"]
    # Every definition is shown in Khmer (issue 12), the nationality codes' standard included.
    from fieldapp import vocabulary
    from fieldapp.reports.definitions import DEFINITIONS
    for key, section in view.sections.items():
        assert section.definition.text() == vocabulary.khmer(DEFINITIONS[key][1]), key


def last_audit(ws: Workspace) -> AuditEvent:
    with ws.tx() as s:
        return s.scalars(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1)).one()


def test_pdf_export_is_audited(view: ReportsView, qtbot: Any, ws: Workspace, tmp_path: Path) -> None:
    shown(view, qtbot)
    out = tmp_path / "report.pdf"
    view.export_pdf(out, confirm=False, lang="en")
    qtbot.waitUntil(lambda: "Saved" in view.status.text(), timeout=10000)
    assert out.read_bytes().startswith(b"%PDF")
    event = last_audit(ws)
    assert (event.action, event.entity, event.detail["format"]) == ("export", "report", "pdf")


def test_figures_export_is_suppressed_and_audited(view: ReportsView, qtbot: Any, ws: Workspace,
                                                  tmp_path: Path) -> None:
    out = tmp_path / "figures.json"
    view.export_figures(out, confirm=False)
    qtbot.waitUntil(lambda: "Saved" in view.status.text(), timeout=10000)
    data = json.loads(out.read_text("utf-8"))
    # 3 is small; 9 is hidden too, else 12 - 9 would give the 3 away.
    assert data["tables"]["cases_by_province"]["counts"] == {"KH-1": "x", "KH-20": "<5"}
    assert data["tables"]["cases_by_province"]["total"] == 12
    assert last_audit(ws).detail["format"] == "json"


def test_screenshot(view: ReportsView, qtbot: Any) -> None:
    shown(view, qtbot)
    view.show()
    qtbot.waitExposed(view)
    image = view.grab()
    assert not image.isNull() and image.width() >= 1000
