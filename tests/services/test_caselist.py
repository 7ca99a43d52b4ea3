"""The desktop window's read-side queries: paging, search, filters, roles, pending changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.crypto.keystore import KdfParams
from fieldapp.domain.enums import ReferralStatus, Role
from fieldapp.domain.errors import InvalidInput, PermissionDenied
from fieldapp.services import auth, caselist, intake, referrals
from fieldapp.services.caselist import CaseFilter, CaseSort
from fieldapp.services.workspace import Workspace
from tests.support.cases import set_case_code

FAST = KdfParams(iterations=1, lanes=1, memory_kib=8192)


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    w = auth.initialise(tmp_path / "d", post_code="POIPET", username="sup", passphrase="correct horse",
                        kdf=FAST)
    set_case_code(w, "A")
    with w.tx():
        for i in range(30):
            post = "POIPET" if i % 3 else "BAVET"
            r = intake.create_rescue(w, operation_date=dt.date(2025, 1, 1) + dt.timedelta(days=i),
                                     province_code="KH-1" if post == "POIPET" else "KH-20",
                                     post_code=post, exploitation_type="labour" if i % 2 else "online_scam")
            v = intake.add_victim(w, r.id, name_km="សុខ ស្រីពៅ" if i == 7 else "ចាន់ ដារ៉ា",
                                  name_latin="Sok Sreypov" if i == 7 else "Chan Dara", sex="female",
                                  estimated_age=15 if i % 5 == 0 else 30)
            if i == 9:
                referrals.create_referral(w, v.id, service="shelter", provider_code="PTC")
    yield w
    w.close()


def test_pages_cover_every_case_once_in_order(ws: Workspace) -> None:
    seen, after = [], None
    while True:
        page = caselist.case_page(ws, after=after, limit=7)
        seen += page.rows
        if page.next_cursor is None:
            break
        after = page.next_cursor
    assert len(seen) == 30 and len({r.id for r in seen}) == 30
    dates = [r.operation_date for r in seen]
    assert dates == sorted(dates, reverse=True)
    assert caselist.count_cases(ws) == 30


@pytest.mark.parametrize("column", [c for c in caselist.SORTABLE if c != "recorded"])
@pytest.mark.parametrize("descending", [True, False])
def test_every_sortable_column_pages_consistently(ws: Workspace, column: str, descending: bool) -> None:
    sort = CaseSort(column, descending)
    seen, after = [], None
    while True:
        page = caselist.case_page(ws, sort=sort, after=after, limit=4)
        seen += page.rows
        if page.next_cursor is None:
            break
        after = page.next_cursor
    assert len({r.id for r in seen}) == 30
    keys = [str(getattr(r, column)) for r in seen]
    assert keys == sorted(keys, reverse=descending)


def test_unknown_sort_column_is_refused(ws: Workspace) -> None:
    with pytest.raises(InvalidInput):
        caselist.case_page(ws, sort=CaseSort("narrative"))


def test_search_khmer_and_latin_substrings(ws: Workspace) -> None:
    for query in ("ស្រីពៅ", "sreypov", "Sok Sr", "POIPET-2025-A-0005"):
        rows = caselist.case_page(ws, CaseFilter(text=query)).rows
        assert len(rows) >= 1, query
    assert len(caselist.case_page(ws, CaseFilter(text="ស្រីពៅ")).rows) == 1
    assert caselist.case_page(ws, CaseFilter(text='"; DROP TABLE rescue; --')).rows == []
    assert len(caselist.case_page(ws, CaseFilter(text="So")).rows) == 1  # short: LIKE


def test_filters(ws: Workspace) -> None:
    assert caselist.count_cases(ws, CaseFilter(post_code="BAVET")) == 10
    assert caselist.count_cases(ws, CaseFilter(province_code="KH-1")) == 20
    assert caselist.count_cases(ws, CaseFilter(exploitation_type="labour")) == 15
    assert caselist.count_cases(ws, CaseFilter(minors_only=True)) == 6
    assert caselist.count_cases(ws, CaseFilter(date_from=dt.date(2025, 1, 11),
                                               date_to=dt.date(2025, 1, 20))) == 10
    assert caselist.count_cases(ws, CaseFilter(referral_status=ReferralStatus.SENT.value)) == 1
    rows = caselist.case_page(ws, CaseFilter(minors_only=True)).rows
    assert all(r.minors == 1 and r.victims == 1 for r in rows)


def test_officer_sees_only_its_post_and_centre_staff_none(ws: Workspace, tmp_path: Path) -> None:
    auth.add_user(ws, "off", "officer pass", Role.OFFICER, kdf=FAST)
    auth.add_user(ws, "ptc", "centre pass1", Role.CENTRE_STAFF, centre_code="PTC", kdf=FAST)
    root = ws.store.data_dir.root
    ws.close()
    officer = auth.unlock(root, "off", "officer pass")
    try:
        assert caselist.count_cases(officer) == 20
        assert {r.post_code for r in caselist.case_page(officer).rows} == {"POIPET"}
        assert caselist.count_cases(officer, CaseFilter(post_code="BAVET")) == 0
    finally:
        officer.close()
    staff = auth.unlock(root, "ptc", "centre pass1")
    try:
        with pytest.raises(PermissionDenied):
            caselist.case_page(staff)
        with pytest.raises(PermissionDenied):
            caselist.conflicted_referrals(staff)
    finally:
        staff.close()


def test_pending_changes_counts_past_acked(ws: Workspace) -> None:
    before = caselist.pending_changes(ws)
    assert before > 0
    r = caselist.case_page(ws, limit=1).rows[0]
    intake.update_rescue(ws, r.id, place="Market")
    assert caselist.pending_changes(ws) > before
    from sqlalchemy import func, select

    from fieldapp.store.models import AuditEvent, Device, Outbox

    with ws.tx() as s:
        top = s.scalar(select(func.max(Outbox.seq)))
        device = s.scalars(select(Device)).one()
        device.acked_seq = top
        # Audit events count too until they are queued for HQ (store.unsent, one definition).
        assert caselist.pending_changes(ws) > 0
        device.audit_pushed_seq = s.scalar(select(func.max(AuditEvent.seq)))
    assert caselist.pending_changes(ws) == 0


def test_case_extras_and_summary(ws: Workspace) -> None:
    r = caselist.case_page(ws, CaseFilter(text="ស្រីពៅ")).rows[0]
    extras = caselist.case_extras(ws, r.id)
    assert {a.action for a in extras.audit} >= {"create"}
    assert extras.attachments == []
    summary = caselist.summary(ws)
    assert summary.rescues == 30 and summary.victims == 30 and summary.minors == 6
    assert sum(summary.by_type.values()) == 30
    choices = caselist.reference_choices(ws)
    assert any(p.code == "POIPET" for p in choices.posts)
    assert [c.code for c in choices.centres] == sorted(c.code for c in choices.centres) or choices.centres
    assert caselist.device_info(ws).post_code == "POIPET"
    assert caselist.conflicted_referrals(ws) == []


@pytest.mark.parametrize("query", ["ស្រីពៅ", "Chan", "So", "POIPET-2025"])
def test_recorded_order_search_pages_like_the_full_search(ws: Workspace, query: str) -> None:
    full = {r.id for r in caselist.case_page(ws, CaseFilter(text=query), limit=1000).rows}
    seen, after = [], None
    while True:
        page = caselist.case_page(ws, CaseFilter(text=query), CaseSort("recorded"), after, limit=3)
        seen += [r.id for r in page.rows]
        if page.next_cursor is None:
            break
        after = page.next_cursor
    assert len(seen) == len(set(seen)) and set(seen) == full and full
    newest_first = caselist.case_page(ws, CaseFilter(text=query), CaseSort("recorded"), limit=1000)
    assert [r.id for r in newest_first.rows] == seen


def test_recorded_search_keeps_the_other_filters_and_the_officer_post(ws: Workspace) -> None:
    flt = CaseFilter(text="Chan", post_code="BAVET")
    rows = caselist.case_page(ws, flt, CaseSort("recorded")).rows
    assert rows and {r.post_code for r in rows} == {"BAVET"}
    assert len(rows) == caselist.count_cases(ws, flt)


def test_count_cap(ws: Workspace) -> None:
    assert caselist.count_cases(ws, cap=10) == 11
    assert caselist.count_cases(ws, cap=100) == 30


def test_case_numbers_are_found_by_prefix_on_their_index(ws: Workspace) -> None:
    assert caselist.case_number_prefix("poipet-2025-00") == "POIPET-2025-00"
    assert caselist.case_number_prefix("Sok Sreypov") is None
    assert caselist.case_number_prefix("2025-01") is None  # a bare substring: full text
    assert caselist.case_number_prefix("poipet-2026-a-00") == "POIPET-2026-A-00"
    assert caselist.case_number_prefix("pailin-2026-poipet.a") == "PAILIN-2026-POIPET.A"
    rows = caselist.case_page(ws, CaseFilter(text="poipet-2025-a-001"), CaseSort("recorded")).rows
    assert [r.case_number for r in rows] == [f"POIPET-2025-A-00{i}" for i in range(19, 9, -1)]
    assert caselist.count_cases(ws, CaseFilter(text="BAVET-2025")) == 10
    assert len(caselist.case_page(ws, CaseFilter(text="A-0001")).rows) == 2
