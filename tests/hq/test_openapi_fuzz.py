"""Schemathesis against the app's own OpenAPI document: malformed input never gives a 5xx."""

from __future__ import annotations

from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from fieldapp.hq.app import create_app
from tests.support.hqserver import make_settings

_DIR = Path(__import__("tempfile").mkdtemp(prefix="hq-fuzz-"))
APP = create_app(make_settings(_DIR, None))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


def test_openapi_document_lists_the_api() -> None:
    paths = set(schema.raw_schema["paths"])
    assert {
        "/v1/health",
        "/v1/enrol",
        "/v1/push",
        "/v1/pull",
        "/v1/attachments/{attachment_id}",
    } <= paths


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case: schemathesis.Case) -> None:
    response = case.call()
    not_a_server_error_checked = response.status_code < 500
    assert not_a_server_error_checked, (
        f"{case.method} {case.path} -> {response.status_code}: {response.text[:200]}"
    )
    if response.status_code >= 400 and case.method != "HEAD":
        body = response.json()
        assert body["error"] and body["reason"]


def test_check_function_is_available() -> None:
    # Keep the import honest: schemathesis's own check exists under this name in 4.x.
    assert callable(not_a_server_error)


@pytest.fixture(scope="module", autouse=True)
def _close() -> object:
    yield None
    APP.state.hq.close()
