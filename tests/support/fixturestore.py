"""The committed store of `tests/data/stores/compact_0007` (a device, its HQ and HQ's key
media) copied and brought to a revision: where the migration tests start."""

from __future__ import annotations

import shutil
from pathlib import Path

from fieldapp.services import auth
from fieldapp.store import migrate
from fieldapp.store.engine import open_engine
from tests.conftest import PASSPHRASE

COMPACT_0007 = Path(__file__).resolve().parents[1] / "data" / "stores" / "compact_0007"


def upgrade(root: Path, revision: str = "head") -> None:
    """Migrate the device store in `root` to `revision` (sup's passphrase)."""
    engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", PASSPHRASE))
    try:
        migrate.upgrade(engine, revision)
    finally:
        engine.dispose()


def fixture_at(tmp_path: Path, revision: str, *parts: str) -> Path:
    """Copy `parts` of the fixture (`device`, `hq`, `hq-keymedia`) into `tmp_path` and bring
    its device store to `revision`; returns the device's folder."""
    for part in parts or ("device",):
        shutil.copytree(COMPACT_0007 / part, tmp_path / part)
    root = tmp_path / "device"
    upgrade(root, revision)
    return root
