"""The case search inside the encrypted store: diacritics, short Khmer fragments, subscript
consonants, phonetic variants and phone numbers (fieldapp.store.search via the case list)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from fieldapp.services import caselist, intake
from fieldapp.services.caselist import CaseFilter
from fieldapp.services.workspace import Workspace
from tests.support import search_before


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



def test_merged_index_finds_the_same(ws: Workspace, cases: dict[str, str]) -> None:
    from fieldapp.store import search

    queries = ["Nguyen", "ស", "្រ", "Sreimom", "012345678", "chan"]
    before = {q: _found(ws, q) for q in queries}
    segments = "SELECT count(DISTINCT segid) FROM case_search_idx"
    with ws.tx() as s:
        assert s.execute(text(segments)).scalar() > 1  # a case a transaction
        search.merge_segments(s)
        assert s.execute(text(segments)).scalar() == 1
        s.execute(text("INSERT INTO case_search (case_search) VALUES ('integrity-check')"))
    assert {q: _found(ws, q) for q in queries} == before

# -- the same rescues as the search before revision 0015 ---------------------------------
#: Names that test folding: Vietnamese (several marks on one letter), capitals with marks,
#: Thai, hyphens and doubled spaces, a name in Khmer only, a name in Latin only.
HARD_NAMES = [
    {"name_latin": "NGUYỄN Thị Hoà", "contact_phone": "+84 (0)90-123.4567"},
    {"name_latin": "Đặng Văn  Lâm-Sơn", "name_km": "ដាំង ឡាំ"},
    {"name_latin": "Ŏk Sŏphéap", "name_km": "អ៊ុក សុភាព", "contact_phone": "012 987 654"},
    {"name_latin": "สมชาย ใจดี"},
    {"name_km": "ស្រី ញ៉ិប ្រ"},
    {"name_latin": "Zhāng Wěi (Jack)", "contact_phone": "55"},
]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """A store of demo cases and the names above, with the index before 0015 beside today's."""
    from fieldapp.services import auth, demo, suspects
    from tests.conftest import FAST_KDF, PASSPHRASE

    ws = auth.initialise(tmp_path_factory.mktemp("search") / "device", post_code="POIPET",
                         username="sup", passphrase=PASSPHRASE, kdf=FAST_KDF)
    demo.generate(ws, 120, seed=16)
    for victim in HARD_NAMES:
        rid = intake.create_rescue(ws, operation_date=dt.date(2026, 2, 1), province_code="KH-1",
                                   exploitation_type="labour").id
        intake.add_victim(ws, rid, sex="female", **victim)
        suspect = intake.add_suspect(ws, rid, name="Somchai Jaidee", alias="Big Ŏk", role="broker")
        suspects.add_identifier(ws, suspect.id, "phone", "+66 81 234 5678")
        suspects.add_identifier(ws, suspect.id, "plate", "Phnom Penh 2A-1234")
    with ws.tx() as s:
        search_before.build(s, "old_search", "old_doc")
    yield ws
    ws.close()


def _both(ws: Workspace, queries: Iterable[str]) -> list[tuple[str, list[str], list[str]]]:
    """(query, rescues found before 0015, rescues found today) for each query."""
    from fieldapp.store import search

    with ws.tx() as s:
        return [(q, search_before.hits(s, q, "old_search", "old_doc"),
                 sorted(s.scalars(search.matching_rescue_ids(q)))) for q in queries]


def _queries(ws: Workspace, seed: int) -> list[str]:
    from fieldapp.store import search

    with ws.tx() as s:
        ids = list(s.scalars(select(search.SEARCH_DOC.c.rescue_id)))
        bodies = [" ".join(t for t in terms if t) for terms in search.terms(s, ids).values()]
    return sorted({*search_before.queries(bodies, seed),
                   "Sreimom", "sreymom", "Srey Mom", "012987654", "12-987-654", "+66812345678",
                   "2A-1234", "hoa", "HOÀ", "hoà nguyễn", "lâm-sơn", "lam son", "ใจดี", "jack)",
                   "្រ"})


def test_finds_what_the_search_before_0015_found(generated: Workspace) -> None:
    queries = _queries(generated, seed=1)
    assert len(queries) > 1500
    differ = [(q, old, new) for q, old, new in _both(generated, queries) if old != new]
    assert differ == []
    assert sum(1 for _q, old, _new in _both(generated, queries) if old) > 1000


@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet="aeiouhkmnsty ÀÁẠÂỄĐđăơưİ0123456789-().+្ស្រីមុំពៅកខ", min_size=1,
                     max_size=8))
def test_any_text_finds_what_it_found_before_0015(generated: Workspace, query: str) -> None:
    assert [(q, old) for q, old, new in _both(generated, [query]) if old != new] == []
