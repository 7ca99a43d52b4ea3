"""Fixtures: a real HQ server on loopback, over SQLite and over PostgreSQL, plus enrolled devices."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from fieldapp.domain.enums import Role
from tests.support.hqserver import (
    RunningHq,
    TestDevice,
    database_url,
    make_settings,
    running_server,
)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def hq_server(db_kind: str, tmp_path: Path) -> Iterator[RunningHq]:
    data_dir = tmp_path / "hq"
    try:
        with (
            database_url(db_kind, data_dir) as url,
            running_server(make_settings(data_dir, url)) as running,
        ):
            yield running
    except RuntimeError as exc:
        if "PostgreSQL" in str(exc):
            pytest.fail(str(exc))
        raise


@pytest.fixture
def client(hq_server: RunningHq) -> Iterator[httpx.Client]:
    with hq_server.client() as c:
        yield c


@pytest.fixture
def enrolled(hq_server: RunningHq, client: httpx.Client) -> Callable[..., TestDevice]:
    """Make and enrol a device: enrolled(post="POIPET", role=Role.OFFICER, centre=None)."""

    def make(
        post: str = "POIPET", role: Role = Role.OFFICER, centre: str | None = None
    ) -> TestDevice:
        code = hq_server.hq.create_enrolment_code(
            post_code=post, role=role, centre_code=centre, ttl=timedelta(days=1)
        )
        device = TestDevice()
        device.enrol(client, code)
        return device

    return make
