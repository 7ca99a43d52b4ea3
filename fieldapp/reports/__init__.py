"""Report figures shared by devices and HQ: definitions, row sources, computation, suppression."""

from __future__ import annotations

from fieldapp.reports.definitions import DEFAULT_THRESHOLD, DEFINITIONS, ReportFilter
from fieldapp.reports.figures import Change, Figures, Table, compute
from fieldapp.reports.source import JsonRecordSource, RecordSource, StoreRecordSource
from fieldapp.reports.suppress import PublishedFigures, PublishedTable, publish

__all__ = [
    "DEFAULT_THRESHOLD", "DEFINITIONS", "Change", "Figures", "JsonRecordSource",
    "PublishedFigures", "PublishedTable", "RecordSource", "ReportFilter", "StoreRecordSource",
    "Table", "compute", "publish",
]
