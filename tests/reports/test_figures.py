"""Every figure on a hand-built store with known answers; device and HQ adapters agree."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from fieldapp.domain.enums import Role
from fieldapp.reports import ReportFilter, compute, publish
from fieldapp.reports.figures import Change, Figures
from fieldapp.reports.source import JsonRecordSource, StoreRecordSource
from fieldapp.services.figures import figures_for
from fieldapp.services.workspace import Actor, Workspace
from fieldapp.store.models import Outbox
from fieldapp.sync.merge import merge_record

Y2026 = ReportFilter.year(2026)
AS_OF = dt.date(2026, 6, 30)
Known = Any  # tests/reports/conftest.py: the hand-built store


@pytest.fixture(scope="module")
def figs(known: Known) -> Figures:
    return figures_for(known.ws, Y2026, as_of=AS_OF)


def counts(f: Figures, key: str) -> dict[str, Any]:
    return {k: v for k, v in f.table(key).as_dict().items() if v}


def test_cases(figs: Figures) -> None:
    assert counts(figs, "cases_by_type") == {"labour": 2, "sexual_exploitation": 1, "online_scam": 1}
    assert counts(figs, "cases_by_province") == {"KH-1": 3, "KH-20": 1}
    assert counts(figs, "cases_by_post") == {"POIPET": 3, "BAVET": 1}
    assert counts(figs, "cases_by_month") == {"2026-01": 1, "2026-02": 2, "2026-03": 1}
    assert figs.table("cases_by_month").rows[-1] == "2026-12"  # every month of the period
    assert counts(figs, "cases_by_year") == {"2026": 4}
    assert figs.table("cases_by_type").total == 4


def test_victims(figs: Figures) -> None:
    assert counts(figs, "victims_by_sex") == {"female": 3, "male": 3, "other": 1}
    assert counts(figs, "victims_by_age_group") == {
        "0-13": 1, "14-17": 1, "18-24": 1, "25-34": 2, "35+": 1, "unknown": 1}
    assert counts(figs, "victims_by_nationality") == {"KHM": 4, "THA": 1, "VNM": 1, "CHN": 1}
    assert figs.table("victims_by_nationality").rows == ("CHN", "KHM", "THA", "VNM")
    assert counts(figs, "victims_by_type") == {"labour": 3, "sexual_exploitation": 2, "online_scam": 2}
    month_type = figs.table("victims_by_month_type")
    assert month_type.value("2026-01", "labour") == 2
    assert month_type.value("2026-02", "sexual_exploitation") == 2
    assert month_type.value("2026-02", "online_scam") == 2
    assert month_type.value("2026-03", "labour") == 1
    assert month_type.total == 7
    pyramid = figs.table("victims_by_sex_age")
    assert pyramid.value("25-34", "male") == 1 and pyramid.value("25-34", "other") == 1
    assert pyramid.value("14-17", "female") == 1 and pyramid.value("unknown", "male") == 1


def test_suspects_are_cumulative_stages(figs: Figures) -> None:
    assert counts(figs, "suspects") == {"identified": 4, "arrested": 3, "sent_to_court": 2,
                                        "convicted": 1}
    assert not figs.table("suspects").additive


def test_outcomes_count_each_victim_once(figs: Figures) -> None:
    # V1 completed shelter and medical care: one victim rehabilitated, not two.
    assert counts(figs, "victim_outcomes") == {"victims_rehabilitated": 1,
                                               "victims_returned_home": 1}


def test_referrals(figs: Figures) -> None:
    table = figs.table("referrals_by_service_status")
    assert {k: v for k, v in table.cells.items() if v} == {
        ("shelter", "completed"): 1, ("medical", "completed"): 1,
        ("repatriation", "completed"): 1, ("psychosocial", "declined"): 1,
        ("legal_aid", "accepted"): 1, ("reintegration", "sent"): 1,
        ("family_tracing", "cancelled"): 1}
    # F5 was due 1 March and is still only accepted; F8 was due earlier but is cancelled.
    assert counts(figs, "referrals_overdue") == {"legal_aid": 1}
    assert figs.completed_referrals == 3
    assert figs.median_days == 10.0  # of 4, 10 and 30 days


def test_year_on_year(figs: Figures) -> None:
    assert figs.yoy["cases"] == Change(previous=1, current=4)
    assert figs.yoy["cases"].diff == 3 and figs.yoy["cases"].percent == 300.0
    assert figs.yoy["victims"] == Change(2, 7)
    assert figs.yoy["child_victims"] == Change(0, 2)
    assert figs.yoy["child_victims"].percent is None
    assert figs.yoy["suspects_arrested"] == Change(1, 3)
    assert figs.yoy["victims_rehabilitated"] == Change(1, 1)
    assert figs.yoy["victims_rehabilitated"].percent == 0.0
    assert figs.yoy["victims_returned_home"] == Change(0, 1)


def test_change_arithmetic() -> None:
    change = Change(previous=134, current=163)
    assert (change.diff, change.percent) == (29, 21.6)
    assert (Change(50, 40).diff, Change(50, 40).percent) == (-10, -20.0)


def test_filters_narrow_every_figure(known: Known) -> None:
    f = figures_for(known.ws, dataclasses.replace(Y2026, province="KH-20"), as_of=AS_OF)
    assert f.table("cases_by_type").total == 1
    assert counts(f, "victims_by_sex") == {"male": 2}
    assert counts(f, "suspects") == {"identified": 1, "arrested": 1, "sent_to_court": 1}
    assert counts(f, "referrals_overdue") == {"legal_aid": 1}
    f = figures_for(known.ws, dataclasses.replace(Y2026, exploitation_type="labour"), as_of=AS_OF)
    assert f.table("victims_by_sex").total == 3 and f.yoy["cases"] == Change(1, 2)
    f = figures_for(known.ws, ReportFilter(dt.date(2026, 2, 1), dt.date(2026, 2, 28)), as_of=AS_OF)
    assert f.table("cases_by_month").rows == ("2026-02",) and f.table("cases_by_month").total == 2


def test_officers_see_their_own_post_only(known: Known) -> None:
    officer = Workspace(known.ws.store, Actor("off", Role.OFFICER, "BAVET"))
    f = figures_for(officer, Y2026, as_of=AS_OF)
    assert counts(f, "cases_by_post") == {"BAVET": 1}


def test_centre_staff_cannot_see_figures(known: Known) -> None:
    from fieldapp.domain.errors import PermissionDenied

    staff = Workspace(known.ws.store, Actor("c", Role.CENTRE_STAFF, "PTC", "PTC"))
    with pytest.raises(PermissionDenied):
        figures_for(staff, Y2026)


def hq_records(known: Known) -> list[tuple[str, str, dict[str, list[Any]]]]:
    """What HQ would hold after receiving this device's outbox: per-field LWW merged state."""
    merged: dict[tuple[str, str], dict[str, list[Any]]] = {}
    with known.ws.tx() as s:
        for change in s.scalars(select(Outbox).order_by(Outbox.seq)):
            key = (change.entity, change.entity_id)
            stamp = getattr(change, "hlc", None)  # one stamp per change row, or one per field
            fields = ({k: [v, stamp] for k, v in change.fields.items()} if stamp
                      else change.fields)
            merged[key], _ = merge_record(change.entity, merged.get(key, {}), fields)
    return [(entity, entity_id, fields) for (entity, entity_id), fields in merged.items()]


@pytest.mark.parametrize("flt", [Y2026, ReportFilter.year(2025),
                                 dataclasses.replace(Y2026, post="POIPET")])
def test_device_and_hq_adapters_give_the_same_figures(known: Known, flt: ReportFilter) -> None:
    records = hq_records(known)
    with known.ws.tx() as s:
        device = compute(StoreRecordSource(s), flt, AS_OF)
    hq_kept = compute(JsonRecordSource(records), flt, AS_OF)
    hq_queried = compute(JsonRecordSource(lambda e: (r for r in records if r[0] == e)), flt, AS_OF)
    two_tuples = compute(JsonRecordSource([(e, {**f, "id": i}) for e, i, f in records]), flt, AS_OF)
    for other in (hq_kept, hq_queried, two_tuples):
        assert other == device
        assert publish(other) == publish(device)
