"""Every store an earlier release wrote (tests/data/stores/) upgrades with its data intact,
and a store or HQ database from a newer release is refused with nothing changed."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import select, text

from fieldapp.domain.errors import NewerRelease
from fieldapp.hq.db import make_engine, migrate
from fieldapp.services import auth, statements, stats
from fieldapp.store.engine import open_engine
from fieldapp.store.models import Statement

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "stores"
RELEASES = sorted(p for p in FIXTURES.iterdir() if (p / "expected.json").exists())


def _expected(release: Path) -> dict:  # type: ignore[type-arg]
    return json.loads((release / "expected.json").read_text("utf-8"))


def _copy(release: Path, part: str, tmp_path: Path) -> Path:
    target = tmp_path / part
    shutil.copytree(release / part, target)
    return target


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: p.name)
def test_device_store_upgrades_with_every_record_and_narrative(release: Path, tmp_path: Path) -> None:
    expected = _expected(release)
    root = _copy(release, "device", tmp_path)
    users = expected["users"]
    sup = next(name for name, u in users.items() if u["role"] == "supervisor")
    ws = auth.unlock(root, sup, users[sup]["passphrase"])
    try:
        counts = stats.counts(ws)
        for key, value in expected["device"].items():
            assert counts[key] == value, key
        with ws.tx() as s:
            ids = list(s.scalars(select(Statement.id)))
        assert len(ids) == expected["device"]["statements"]
        assert all(statements.view_statement(ws, i).narrative for i in ids)
    finally:
        ws.close()
    # Every user of the old release still unlocks.
    for name, user in users.items():
        auth.unlock(root, name, user["passphrase"]).close()


@pytest.mark.parametrize("release", RELEASES, ids=lambda p: p.name)
def test_hq_database_upgrades_with_every_record(release: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from fieldapp.cli.hq import run

    expected = _expected(release)
    root = _copy(release, "hq", tmp_path)
    assert run(["stats", "--json", "--data-dir", str(root)]) == 0
    counts = json.loads(capsys.readouterr().out)
    for key, value in expected["hq"].items():
        assert counts[key] == value, key


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_store_from_a_newer_release_is_refused_untouched(tmp_path: Path) -> None:
    release = RELEASES[-1]
    users = _expected(release)["users"]
    root = _copy(release, "device", tmp_path)
    sup = next(name for name, u in users.items() if u["role"] == "supervisor")
    key = auth.unlock_key(root, sup, users[sup]["passphrase"])
    engine = open_engine(root / "fieldapp.db", key)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()
    before = _digest(root / "fieldapp.db")
    with pytest.raises(NewerRelease, match="newer release"):
        auth.unlock(root, sup, users[sup]["passphrase"])
    assert _digest(root / "fieldapp.db") == before


def test_hq_database_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    root = _copy(RELEASES[-1], "hq", tmp_path)
    engine = make_engine(f"sqlite:///{root / 'hq.sqlite3'}")
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    with pytest.raises(NewerRelease, match="HQ database"):
        migrate(engine)
    engine.dispose()
