"""Owner-only modes on every file the app writes, and officers' counts over their own post only."""

from __future__ import annotations

import datetime as dt
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp import logs
from fieldapp.cli import device as cli
from fieldapp.domain.enums import Role
from fieldapp.services import auth, exports, intake, stats
from fieldapp.services.workspace import Workspace
from tests.conftest import PASSPHRASE, add_user


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def modes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): stat.S_IMODE(p.stat().st_mode)
            for p in root.rglob("*") if p.is_file()}


def test_every_file_of_a_store_is_owner_only(tmp_path: Path, loose_umask: None,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    root = tmp_path / "d"
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n" + PASSPHRASE + "\n"))
    assert cli.main(["init", "--data-dir", str(root), "--post", "POIPET", "--user", "sup",
                     "--passphrase-stdin"]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSPHRASE + "\n"))
    out = tmp_path / "export.json"
    assert cli.main(["export", "--data-dir", str(root), "--user", "sup", "--format", "json",
                     "--out", str(out), "--passphrase-stdin"]) == 0
    logs.setup(None)
    found = modes(root)
    assert "fieldapp.db" in found and "keystore.json" in found
    assert any(name.startswith("logs") for name in found)
    assert {name: m for name, m in found.items() if m & 0o077} == {}
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_a_store_made_with_a_loose_umask_is_tightened_on_open(store_dir: Path, loose_umask: None) -> None:
    ws = auth.initialise(store_dir, post_code="POIPET", username="sup", passphrase=PASSPHRASE,
                         kdf=__import__("tests.conftest").conftest.FAST_KDF)
    intake.create_rescue(ws, operation_date=dt.date(2026, 3, 1), province_code="KH-1",
                         exploitation_type="labour")
    found = modes(store_dir)
    ws.close()
    assert found["fieldapp.db"] == 0o600
    assert all(m == 0o600 for name, m in found.items() if name.startswith("fieldapp.db"))
    os.chmod(store_dir / "fieldapp.db", 0o644)  # as today's release left it
    with auth.unlock(store_dir, "sup", PASSPHRASE):
        assert stat.S_IMODE((store_dir / "fieldapp.db").stat().st_mode) == 0o600


def test_an_officer_counts_only_their_own_post(ws: Workspace, store_dir: Path) -> None:
    for post in ("POIPET", "PAILIN", "PAILIN"):
        rescue = intake.create_rescue(ws, operation_date=dt.date(2026, 3, 1), province_code="KH-1",
                                      post_code=post, exploitation_type="labour")
        intake.add_victim(ws, rescue.id, name_latin="V", sex="female", estimated_age=12)
        intake.add_suspect(ws, rescue.id, name="S", role="broker")
    everything = stats.counts(ws)
    assert (everything["rescues"], everything["victims"], everything["minors"]) == (3, 3, 3)
    add_user(ws, "off", Role.OFFICER)
    ws.close()
    with auth.unlock(store_dir, "off", PASSPHRASE) as officer:
        own = stats.counts(officer)
    assert (own["rescues"], own["victims"], own["suspects"], own["minors"]) == (1, 1, 1, 1)
    assert exports  # (exports are supervisors' only: see tests/services/test_exports.py)
