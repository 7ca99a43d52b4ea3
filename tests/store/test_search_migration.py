"""Migration 0015 on a store of revision 0014 (the 0007 fixture, brought there): every
rescue keeps its document row, and today's search finds what the search before found."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.orm import Session

from fieldapp.services import auth
from fieldapp.store import migrate, search
from fieldapp.store.engine import open_engine
from tests.conftest import PASSPHRASE
from tests.support import search_before

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "stores" / "compact_0007"
BEFORE = "0014_h16s5fig"


def _session_at(root: Path, revision: str) -> Session:
    engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", PASSPHRASE))
    migrate.upgrade(engine, revision)
    return Session(engine)


def test_0015_remakes_every_document_and_finds_the_same(tmp_path: Path) -> None:
    shutil.copytree(FIXTURE / "device", tmp_path / "device")
    root = tmp_path / "device"
    with _session_at(root, BEFORE) as s:
        assert search_before.before_0015(s)
        docs = s.execute(text("SELECT rowid, rescue_id, body FROM search_doc")).all()
        queries = search_before.queries([d.body for d in docs], seed=3)
        before = {q: search_before.hits(s, q) for q in queries}
    with _session_at(root, "head") as s:
        assert not search_before.before_0015(s)
        after = s.execute(text("SELECT rowid, rescue_id, body FROM search_doc")).all()
        found = {q: sorted(s.scalars(search.matching_rescue_ids(q))) for q in queries}
        check = s.execute(text("INSERT INTO case_search (case_search) VALUES ('integrity-check')"))
    assert len(queries) > 200 and sum(1 for ids in before.values() if ids) > 150
    assert found == before
    assert [(d.rowid, d.rescue_id) for d in after] == [(d.rowid, d.rescue_id) for d in docs]
    assert all("\n" in d.body and d.body == d.body.casefold() for d in after)
    assert check is not None
