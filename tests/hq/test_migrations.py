"""The HQ migrations build exactly the schema the models describe, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from fieldapp.hq import db
from fieldapp.hq.models import Base
from tests.support.hqserver import database_url


def test_migrations_match_models(db_kind: str, tmp_path: Path) -> None:
    with database_url(db_kind, tmp_path) as url:
        engine = db.make_engine(url or db.default_url(tmp_path))
        try:
            db.migrate(engine)
            db.migrate(engine)  # run on every start: a second run is a no-op
            with engine.connect() as conn:
                diff = compare_metadata(
                    MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
                )
            assert diff == []
        finally:
            engine.dispose()
