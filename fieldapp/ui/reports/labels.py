"""The reports screen's Labeller: the report words (fieldapp/reports/labels.py) in the window's language."""

from __future__ import annotations

from fieldapp.reports.labels import AXES, HEADERS
from fieldapp.reports.labels import Labeller as FixedLabeller
from fieldapp.ui import i18n

__all__ = ["AXES", "HEADERS", "Labeller"]


class Labeller(FixedLabeller):
    """`lang=None` follows the window's language as it changes; 'en'/'km' are fixed (the PDF)."""

    def __init__(self, lang: str | None = None) -> None:
        super().__init__(lang or "en")
        self._follow = lang is None

    @property
    def lang(self) -> str:
        return i18n.current_language() if self._follow else self._lang
