"""The device's figures from each referral's stored status and only the completion events
(issue 16) equal today's computation that folds every event, on random stores (Hypothesis)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from fieldapp.reports.definitions import ReportFilter
from fieldapp.reports.figures import compute
from fieldapp.reports.source import StoreRecordSource
from fieldapp.services import demo
from tests.support.syncenv import new_device

AS_OF = dt.date(2026, 11, 20)
FILTERS = [ReportFilter.year(2026), ReportFilter.year(2025),
           dataclasses.replace(ReportFilter.year(2026), post="POIPET")]


@settings(max_examples=4, deadline=None, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(seed=st.integers(0, 2**16), rescues=st.integers(5, 40))
def test_stored_status_figures_equal_the_folded_events(
    tmp_path_factory: Any, seed: int, rescues: int
) -> None:
    ws = new_device(tmp_path_factory.mktemp("figs"), None, "POIPET")
    demo.generate(ws, rescues, seed=seed)
    with ws.tx() as s:
        for flt in FILTERS:
            fast = compute(StoreRecordSource(s), flt, AS_OF)
            reference = compute(StoreRecordSource(s, stored_status=False), flt, AS_OF)
            assert fast == reference
    ws.close()
