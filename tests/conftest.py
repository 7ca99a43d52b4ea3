"""Fixtures shared by every test: real encrypted stores (cheap Argon2id unless a test says)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.crypto.keystore import KdfParams
from fieldapp.domain.enums import Role
from fieldapp.services import auth, intake
from fieldapp.services.workspace import Workspace

#: Argon2id at test cost; the real cost is exercised by tests that say so.
FAST_KDF = KdfParams(iterations=1, lanes=1, memory_kib=8 * 1024)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def fast_kdf() -> KdfParams:
    return FAST_KDF


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "device"


@pytest.fixture
def ws(store_dir: Path) -> Iterator[Workspace]:
    """A supervisor on a fresh Poipet store."""
    workspace = auth.initialise(store_dir, post_code="POIPET", username="sup",
                                passphrase=PASSPHRASE, kdf=FAST_KDF)
    yield workspace
    workspace.close()


def add_user(ws: Workspace, name: str, role: Role, centre: str | None = None) -> None:
    auth.add_user(ws, name, PASSPHRASE, role, centre_code=centre, kdf=FAST_KDF)


@pytest.fixture
def rescue(ws: Workspace):  # type: ignore[no-untyped-def]
    return intake.create_rescue(ws, operation_date=dt.date(2026, 3, 14), province_code="KH-1",
                                exploitation_type="labour", place="Poipet market")
