"""Report figures on a device: who may see them, and reading them from the open store
(the figures themselves are computed in fieldapp.reports, with no store or Qt)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from fieldapp.domain.enums import Role
from fieldapp.reports import counters, store_counts
from fieldapp.reports.definitions import ReportFilter
from fieldapp.reports.figures import Figures
from fieldapp.services.workspace import Workspace

VIEWERS = (Role.OFFICER, Role.SUPERVISOR)


def scoped(ws: Workspace, flt: ReportFilter) -> ReportFilter:
    """Officers see their own post's figures only (as with cases); supervisors any post."""
    if ws.actor.role is Role.OFFICER:
        return dataclasses.replace(flt, post=ws.actor.post_code)
    return flt


def figures_for(ws: Workspace, flt: ReportFilter, as_of: dt.date | None = None) -> Figures:
    """Every figure for `flt` from this device's store, read from the report counters
    (`fieldapp.reports.counters`; not audited: nothing leaves the device until it is
    exported — see fieldapp.services.exports)."""
    ws.require(*VIEWERS)
    flt = scoped(ws, flt)
    with ws.tx() as s:
        store_counts.drain(s)  # cases a store opened without the commit hook changed
        return counters.figures(s.connection(), store_counts.StoreCases(s), flt, as_of)
