"""Migration 0013_h16s5rows on a store at revision 0012 (the committed fixture store of
`test_compact_migration`, brought to 0012): every row reads back as it did (`updated_at` at
its creation as `created_at`), the search finds the same cases, the audit chain verifies,
the own device is stored as nothing, five record tables are WITHOUT ROWID, and sync works
both ways afterwards."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from fieldapp.services import auth, casework, sync
from fieldapp.store import audit, migrate
from fieldapp.store.engine import open_engine
from fieldapp.store.models import Device, Rescue, Victim
from tests.conftest import PASSPHRASE
from tests.support.fixturestore import fixture_at, upgrade
from tests.support.hqserver import make_settings, running_server
from tests.support.storedump import dump, search_hits, updated_as_created
from tests.support.syncenv import case_numbers, colleague_closes_one, fast_options, unlock

BEFORE = "0012_h16s5audit"
QUERIES = ["POIPET", "sok", "~SRMM~", "012", "ស"]
REBUILT = ("suspect", "victim", "statement", "referral", "referral_event")


def _state(root: Path) -> tuple[str | None, dict[str, Any], dict[str, list[str]],
                                tuple[int, int | None], dict[str, Any]]:
    """(revision, every row, search hits, the chain's check, the raw layout of my tables)."""
    engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", PASSPHRASE))
    try:
        revision = migrate.current_revision(engine)
        with Session(engine) as s:
            raw: dict[str, Any] = {}
            for table in (*REBUILT, "rescue"):
                raw[table] = s.execute(text(
                    f"SELECT count(*), sum(length(device_id) = 0), sum(updated_at = ''), "
                    f"max(length(hlc)) FROM {table}")).one()
                raw[table + " sql"] = s.execute(text(
                    "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = :t"),
                    {"t": table}).scalar()
            raw["triggers"] = sorted(s.execute(text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")).all())
            raw["indexes"] = sorted(s.execute(text(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN "
                "('suspect', 'victim', 'statement', 'referral', 'referral_event')")).all())
            return (revision, dump(s), search_hits(s, QUERIES),
                    audit.verify_chain(s), raw)
    finally:
        engine.dispose()


def test_0012_converts_row_for_row(tmp_path: Path) -> None:
    root = fixture_at(tmp_path, BEFORE, "device")
    revision, rows, hits, chain, raw = _state(root)
    assert revision == BEFORE and chain[1] is None
    assert all(not raw[t][1] and not raw[t][2] for t in (*REBUILT, "rescue"))
    upgrade(root)
    after = _state(root)
    assert after[0] == migrate.head_revision()
    assert after[1] == updated_as_created(rows) and after[2] == hits and after[3] == chain
    lean = after[4]
    for table in (*REBUILT, "rescue"):
        count, own, unchanged, longest = lean[table]
        assert own == count  # every record of the fixture is its own device's
        assert 0 < unchanged <= count
        assert longest < raw[table][3]  # stamps without the device's 16 bytes
    # The statement table is a rowid table again from 0016 (its rows are long).
    assert all(lean[t + " sql"].endswith("WITHOUT ROWID") for t in REBUILT if t != "statement")
    assert not lean["statement sql"].endswith("WITHOUT ROWID")
    assert not lean["rescue sql"].endswith("WITHOUT ROWID")  # the case list pages by rowid
    names = {name for name, _sql in lean["indexes"]}
    assert not names & {"ix_victim_is_minor", "ix_referral_status", "ix_referral_provider_code"}
    assert dict(lean["indexes"])["ix_statement_amends_id"].endswith("WHERE amends_id IS NOT NULL")
    assert {"ix_victim_rescue_id", "ix_statement_victim_id", "ix_referral_victim_id",
            "ix_referral_event_referral_id", "ix_suspect_rescue_id"} <= names
    assert {n for n in names if n.startswith("sqlite_autoindex")} <= {"sqlite_autoindex_statement_1"}
    # A final statement stays immutable in the database (its triggers are made again).
    assert lean["triggers"] == raw["triggers"]
    assert {"statement_final_no_update", "statement_final_no_delete"} <= dict(lean["triggers"]).keys()
    upgrade(root)  # again: nothing changes
    assert _state(root)[1:] == after[1:]


def test_records_change_and_sync_both_ways_after_the_conversion(tmp_path: Path) -> None:
    root = fixture_at(tmp_path, BEFORE, "device", "hq", "hq-keymedia")
    with running_server(make_settings(tmp_path / "hq", None)) as hq:
        ws = unlock(root)  # converts
        try:
            with ws.tx() as s:
                device = s.scalars(select(Device)).one()
                device.hq_url = hq.base_url  # HQ listens on another port than at the build
                victim = s.scalars(select(Victim).order_by(Victim.id)).first()
                assert victim is not None
                created = victim.created_at
            assert sync.sync_round(ws, options=fast_options()).pending == 0
            ours = case_numbers(ws)
        finally:
            ws.close()
        first = colleague_closes_one(tmp_path / "other", hq, ours)
        ws = unlock(root)
        try:
            assert sync.sync_round(ws, options=fast_options()).pending == 0
            with ws.tx() as s:
                closed = s.get(Rescue, first)
                assert closed is not None and closed.closure_reason == "other"
                # Made here, closed by the colleague's device: each stamp names its own.
                nodes = {stamp.split("-", 2)[2] for stamp in closed.hlc.values()}
                assert ws.store.device_id in nodes and len(nodes) == 2
                assert closed.device_id == ws.store.device_id
                assert audit.verify_chain(s)[1] is None
            second = next(r for r in sorted(ours) if r != first)
            casework.close_case(ws, second, "other")
            with ws.tx() as s:
                raw = s.execute(text(
                    "SELECT updated_at != '', length(device_id) FROM rescue WHERE id = :i"),
                    {"i": bytes.fromhex(second.replace("-", ""))}).one()
                assert tuple(raw) == (1, 0)  # changed now: its time is kept; still ours
                same = s.get(Victim, victim.id)
                assert same is not None and same.updated_at == created
        finally:
            ws.close()
