"""Enrolment: one-time codes, expiry, key validation."""

from __future__ import annotations

from datetime import timedelta

import httpx

from fieldapp.domain.enums import Role
from fieldapp.sync.protocol import unb64
from tests.support.hqserver import RunningHq, TestDevice


def test_enrol_gives_keys_and_post(hq_server: RunningHq, client: httpx.Client) -> None:
    code = hq_server.hq.create_enrolment_code(
        post_code="POIPET", role=Role.OFFICER, centre_code=None, ttl=timedelta(days=7)
    )
    device = TestDevice()
    answer = device.enrol(
        client, code.lower().replace("-", " ")
    )  # typed by hand, any case or spacing
    assert (
        answer.post_code == "POIPET" and answer.role is Role.OFFICER and answer.centre_code is None
    )
    assert (
        len(unb64(answer.hq_x25519_public)) == 32
        and len(unb64(answer.hq_recovery_x25519_public)) == 32
    )
    assert answer.hq_x25519_public != answer.hq_recovery_x25519_public
    [listed] = hq_server.hq.devices()
    assert listed.id == answer.device_id and listed.post_code == "POIPET"


def test_code_is_single_use(hq_server: RunningHq, client: httpx.Client) -> None:
    code = hq_server.hq.create_enrolment_code(
        post_code="PAILIN", role=Role.OFFICER, centre_code=None, ttl=timedelta(days=1)
    )
    TestDevice().enrol(client, code)
    r = client.post("/v1/enrol", json=TestDevice().enrol_body(code))
    assert r.status_code == 403
    assert r.json()["error"] == "enrolment_refused" and "already used" in r.json()["reason"]
    assert len(hq_server.hq.devices()) == 1


def test_expired_and_unknown_codes_refused(hq_server: RunningHq, client: httpx.Client) -> None:
    code = hq_server.hq.create_enrolment_code(
        post_code="PAILIN", role=Role.OFFICER, centre_code=None, ttl=timedelta(seconds=-1)
    )
    r = client.post("/v1/enrol", json=TestDevice().enrol_body(code))
    assert r.status_code == 403 and "expired" in r.json()["reason"]
    r = client.post("/v1/enrol", json=TestDevice().enrol_body("AAAA-BBBB-CCCC"))
    assert r.status_code == 403 and "not known" in r.json()["reason"]
    assert hq_server.hq.devices() == []


def test_bad_keys_and_bad_json_are_4xx(hq_server: RunningHq, client: httpx.Client) -> None:
    code = hq_server.hq.create_enrolment_code(
        post_code="PAILIN", role=Role.OFFICER, centre_code=None, ttl=timedelta(days=1)
    )
    body = TestDevice().enrol_body(code) | {"x25519_public": "bm90IGEga2V5"}
    r = client.post("/v1/enrol", json=body)
    assert r.status_code == 422 and r.json()["error"] == "invalid_payload"
    r = client.post("/v1/enrol", content=b"{not json", headers={"content-type": "application/json"})
    assert r.status_code == 422 and r.json()["reason"]
    r = client.post(
        "/v1/enrol", content=b"x" * 100_000, headers={"content-type": "application/json"}
    )
    assert r.status_code == 413 and r.json()["error"] == "too_large"
    # The code was not consumed by the failed attempts.
    TestDevice().enrol(client, code)


def test_centre_code_carries_centre(enrolled) -> None:  # type: ignore[no-untyped-def]
    device = enrolled(post="POIPET", role=Role.CENTRE_STAFF, centre="PTC")
    assert device.enrolment.role is Role.CENTRE_STAFF and device.enrolment.centre_code == "PTC"
