from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlalchemy import text

from fieldapp.store import migrate, search
from fieldapp.store.engine import open_engine


def test_empty_store_upgrades_to_head(tmp_path: Path) -> None:
    engine = open_engine(tmp_path / "x.db", os.urandom(32))
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    engine.dispose()


def test_store_from_the_previous_revision_keeps_its_data_and_gains_search(tmp_path: Path) -> None:
    key = os.urandom(32)
    engine = open_engine(tmp_path / "x.db", key)
    migrate.upgrade(engine, "0001")
    now = dt.datetime(2026, 1, 1)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO province VALUES ('KH-1', 'Banteay Meanchey', 'បន្ទាយមានជ័យ')"))
        conn.execute(text("INSERT INTO post VALUES ('POIPET', 'Poipet', 'ប៉ោយប៉ែត', 'border_post', 'KH-1')"))
        conn.execute(text(
            "INSERT INTO rescue (id, created_by, device_id, created_at, updated_at, hlc, case_number,"
            " operation_date, place, province_code, post_code, unit, exploitation_type, notes)"
            " VALUES ('r1', 'u', 'd', :now, :now, '{}', 'POIPET-2025-0001', '2025-05-01', '',"
            " 'KH-1', 'POIPET', '', 'labour', '')"), {"now": now})
        conn.execute(text(
            "INSERT INTO victim (id, created_by, device_id, created_at, updated_at, hlc, rescue_id,"
            " name_km, name_latin, sex, is_minor, nationality, languages, documents, contact_phone,"
            " vulnerabilities, consent_given) VALUES ('v1', 'u', 'd', :now, :now, '{}', 'r1',"
            " 'សុខ ស្រីពៅ', 'Sok Sreypov', 'female', 1, 'KHM', '[]', '[]', '', '[]', 1)"), {"now": now})
    engine.dispose()

    engine = open_engine(tmp_path / "x.db", key)
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM victim")).scalar() == 1
        hits = conn.execute(search.matching_rescue_ids("ស្រីពៅ")).scalars().all()
        assert hits == ["r1"]
    engine.dispose()


def test_migrations_match_the_models(tmp_path: Path) -> None:
    """Every schema change is a migration: head and the models describe the same schema."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from fieldapp.store.models import Base

    engine = open_engine(tmp_path / "x.db", os.urandom(32))
    migrate.upgrade(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    # Tables the migrations own outright (FTS5 search, sync bookkeeping) are not models.
    owned = ("search_doc", "case_search", "sync_parked", "sync_upload", "sync_refused",
             "figure_")

    def owned_by_migrations(d: tuple) -> bool:  # type: ignore[type-arg]
        target = d[1]
        table = getattr(target, "table", target)
        return str(getattr(table, "name", "")).startswith(owned)

    real = [d for d in diff if not (isinstance(d, tuple) and owned_by_migrations(d))]
    assert real == []


def test_a_released_store_gets_lean_audit_rows_with_its_chain_intact_and_shrinks(
        tmp_path: Path) -> None:
    """Migration 0006 on a store the 0.1.0 release wrote: every audit event reads back as it
    was, the chain verifies, every other row is still there, and the store is smaller (the
    fixture is mostly schema pages; `benchmarks.bench_store` measures a store of size)."""
    import json
    import shutil

    from sqlalchemy import select

    from fieldapp.domain.auditchain import GENESIS, event_hash
    from fieldapp.services import auth
    from fieldapp.store import audit
    from fieldapp.store.models import Outbox, OutboxSent, OutboxSentAudit
    from fieldapp.sync.outbox import rows_after as queued_rows

    release = Path(__file__).resolve().parents[1] / "data" / "stores" / "0.1.0"
    root = tmp_path / "device"
    shutil.copytree(release / "device", root)
    passphrase = json.loads((release / "expected.json").read_text("utf-8"))["users"]["sup"][
        "passphrase"]
    key = auth.unlock_key(root, "sup", passphrase)

    def counts(conn: object) -> dict[str, int]:
        tables = [t for (t,) in conn.execute(text(  # type: ignore[attr-defined]
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'case_search_%' AND name != 'alembic_version'"))]
        return {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() for t in tables}  # type: ignore[attr-defined]

    def used_bytes(conn: object) -> int:
        def pragma(name: str) -> int:
            return int(conn.exec_driver_sql(f"PRAGMA {name}").scalar())  # type: ignore[attr-defined]
        return (pragma("page_count") - pragma("freelist_count")) * pragma("page_size")

    engine = open_engine(root / "fieldapp.db", key)
    # Just before 0006, and (as every upgrade ends) vacuumed: compacted alike, to compare.
    migrate.upgrade(engine, "0005_h16dev_scale")
    with engine.connect() as conn:
        old = [dict(r._mapping) for r in conn.execute(text("SELECT * FROM audit_event ORDER BY seq"))]
        outbox = conn.execute(text("SELECT seq, entity, entity_id, post_code FROM outbox")).all()
        acked = conn.execute(text("SELECT acked_seq FROM device")).scalar()
        rows_before, size_before = counts(conn), used_bytes(conn)
    engine.dispose()
    assert len(old) > 20
    prev = GENESIS
    for event in old:  # the old chain, checked the old way (stored links)
        event["at"] = dt.datetime.fromisoformat(event["at"])
        event["detail"] = json.loads(event["detail"])
        assert event["prev_hash"] == prev and event_hash(prev, event) == event["hash"]
        prev = event["hash"]

    ws = auth.unlock(root, "sup", passphrase)  # migrates to head
    with ws.tx() as s:
        assert audit.verify_chain(s)[1] is None
        # Read as `store.audit` gives them (hashes between checkpoints recomputed).
        new = [{k: v for k, v in e.items() if k != "prev_hash"}
               for e in audit.events_after(s, 0)]
        kinds = s.execute(text(
            "SELECT DISTINCT typeof(id), typeof(at), typeof(device_id), "
            "typeof(hash) || length(hash) FROM audit_event")).all()
        assert s.connection().exec_driver_sql("PRAGMA auto_vacuum").scalar() == 2
        # Every change queued is still listed, acknowledged ones by the records that name
        # them (`out_seq`), in `outbox_sent` (superseded) or, audit events pushed as changes,
        # as runs in `outbox_sent_audit`.
        listed = [(r.seq, r.entity, r.entity_id, r.post_code) for r in queued_rows(s, 0)]
        assert listed == sorted(tuple(r) for r in outbox)
        sent = list(s.scalars(select(OutboxSent.seq)))
        runs = s.execute(select(OutboxSentAudit.seq, OutboxSentAudit.count)).all()
        waiting = set(s.scalars(select(Outbox.seq)))  # the newest row stays: the clock's floor
        audit_rows = [r for r in listed if r[1] == "audit_event" and r[0] not in waiting]
        assert audit_rows and sum(n for _, n in runs) == len(audit_rows) > 2 * len(runs)
        assert max(sent + [seq + n - 1 for seq, n in runs]) <= acked
    ws.close()
    # Nothing lost: the old events are all there (unlocking added its own sign-in event).
    assert new[:len(old)] == [{k: v for k, v in e.items() if k != "prev_hash"} for e in old]
    # Old events keep their ids; the sign-in this unlock added stores none (made from the chain).
    assert sorted(kinds) == [("blob", "integer", "blob", "blob32"), ("blob", "integer", "blob",
                                                                     "text0"),
                             ("text", "integer", "blob", "blob32")]

    engine = open_engine(root / "fieldapp.db", key)
    with engine.connect() as conn:
        rows_after, size_after = counts(conn), used_bytes(conn)
    engine.dispose()
    rows_after["audit_event"] = rows_before["audit_event"]  # the sign-ins of this unlock
    rows_after["outbox"] = len(listed)  # every change queued, listed as above
    assert {t: rows_after[t] for t in rows_before} == rows_before  # later releases add tables
    assert size_after < size_before, (size_before, size_after)
