"""The Reports screen, its charts and the PDF report (Qt); the figures themselves are in fieldapp.reports."""

from __future__ import annotations

from typing import Any


def __getattr__(name: str) -> Any:
    # Lazy, so HQ can import .pdf without building the screen's widgets module.
    if name == "ReportsView":
        from fieldapp.ui.reports.view import ReportsView

        return ReportsView
    raise AttributeError(name)
