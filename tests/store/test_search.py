"""The case search inside the encrypted store: diacritics, short Khmer fragments, subscript
consonants, phonetic variants and phone numbers (fieldapp.store.search via the case list)."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldapp.services import caselist, intake
from fieldapp.services.caselist import CaseFilter
from fieldapp.services.workspace import Workspace


@pytest.fixture
def cases(ws: Workspace) -> dict[str, str]:
    out = {}
    for key, victim in {
        "vn": {"name_latin": "Nguyễn Thị Hoa", "sex": "female"},
        "km": {"name_km": "សុខ ស្រីមុំ", "sex": "female"},
        "latin": {"name_latin": "Sok Srey Mom", "sex": "female", "contact_phone": "+855 12 345 678"},
        "other": {"name_latin": "Chan Dara", "sex": "male"},
    }.items():
        rid = intake.create_rescue(ws, operation_date=dt.date(2026, 1, 5), province_code="KH-1",
                                   exploitation_type="labour").id
        intake.add_victim(ws, rid, **victim)
        out[key] = rid
    return out


def _found(ws: Workspace, text: str) -> set[str]:
    return {r.id for r in caselist.case_page(ws, CaseFilter(text=text)).rows}


def test_latin_without_diacritics_finds_vietnamese(ws: Workspace, cases: dict[str, str]) -> None:
    assert _found(ws, "Nguyen") == {cases["vn"]}
    assert _found(ws, "nguyễn thi") == {cases["vn"]}
    assert _found(ws, "NGUYEN THI HOA") == {cases["vn"]}


def test_any_khmer_fragment(ws: Workspace, cases: dict[str, str]) -> None:
    assert _found(ws, "មុំ") == {cases["km"]}
    assert cases["km"] in _found(ws, "ស")          # one letter
    assert _found(ws, "្រ") == {cases["km"]}       # a subscript consonant (coeng + ro)
    assert _found(ws, "ស្រី") == {cases["km"]}


def test_phonetic_variants_and_scripts(ws: Workspace, cases: dict[str, str]) -> None:
    # One spelling finds the others: run together, another vowel, the Khmer record.
    assert {cases["km"], cases["latin"]} <= _found(ws, "Sreimom")
    assert cases["other"] not in _found(ws, "Sreimom")


def test_phone_numbers_however_written(ws: Workspace, cases: dict[str, str]) -> None:
    assert _found(ws, "012345678") == {cases["latin"]}
    assert _found(ws, "12-345-678") == {cases["latin"]}
