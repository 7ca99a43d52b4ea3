from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from sqlalchemy import text

from fieldapp.store import migrate
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
        hits = conn.execute(text(
            "SELECT d.rescue_id FROM case_search JOIN search_doc d ON d.rowid = case_search.rowid"
            " WHERE case_search MATCH '\"ស្រីពៅ\"'")).all()
        assert [h[0] for h in hits] == ["r1"]
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
