"""Edge input at HQ: huge numbers, malformed numbers, keys and cursors get a 4xx with a
reason, never a 500 (SQLite and PostgreSQL)."""

from __future__ import annotations

import base64
import hashlib
import json
import time
from datetime import timedelta

import httpx

from fieldapp.crypto.envelope import EnvelopeHeader, EnvelopeKind, seal
from fieldapp.domain.enums import Role
from fieldapp.sync.protocol import sign_request
from tests.support.hqserver import RunningHq, TestDevice

OCTETS = {"content-type": "application/octet-stream"}


def _4xx(r: httpx.Response) -> None:
    assert 400 <= r.status_code < 500, (r.status_code, r.text)
    assert r.json()["reason"]


def test_huge_cursors_and_timestamps_are_4xx(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    d = enrolled()
    # A pull cursor of 2^63 and 2^64-1 in the header, and 2^63 inside the payload.
    for cursor in (2**63, 2**64 - 1):
        payload = json.dumps({"protocol": 1, "cursor": cursor, "limit": 10}).encode()
        for header in (
            EnvelopeHeader(kind=EnvelopeKind.PULL_REQUEST, device_id=d.id, seq_from=cursor,
                           seq_to=cursor),
            EnvelopeHeader(kind=EnvelopeKind.PULL_REQUEST, device_id=d.id),
        ):
            blob = seal(payload, recipient_x25519_public=d.hq_x25519,
                        sender_ed25519_private=d.ed25519, header=header)
            _4xx(client.post("/v1/pull", content=blob, headers=OCTETS))
    # An envelope dated 2^64-1 ms, and seqs beyond any database integer.
    change = d.change("rescue", {"place": "x"})
    _4xx(client.post("/v1/push", content=d.seal_push([change], timestamp_ms=2**64 - 1),
                     headers=OCTETS))
    change["seq"] = 2**63
    header = EnvelopeHeader(kind=EnvelopeKind.PUSH, device_id=d.id, seq_from=2**63,
                            seq_to=2**63)
    blob = seal(json.dumps({"protocol": 1, "changes": [change]}).encode(),
                recipient_x25519_public=d.hq_x25519, sender_ed25519_private=d.ed25519,
                header=header)
    _4xx(client.post("/v1/push", content=blob, headers=OCTETS))
    # The device still works afterwards.
    assert d.pull(client, 0).next_cursor >= 0
    assert d.push(client, [d.change("rescue", {"place": "y"})]).applied == 1


def test_malformed_numbers_in_headers_are_4xx(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    d = enrolled()
    aid = "edge-1"
    path = f"/v1/attachments/{aid}"
    body = json.dumps({"size": 10, "sha256": "ab" * 32}).encode()
    now = time.time_ns() // 1_000_000
    signed = sign_request("POST", path, body, device_id=d.id, private=d.ed25519, timestamp_ms=now)
    json_ct = {"content-type": "application/json"}
    assert client.post(path, content=body, headers=signed | json_ct).status_code == 200
    chunk = b"0123456789"
    sha = hashlib.sha256(chunk).hexdigest()
    for offset in ("abc", "-1", str(2**63), str(2**64 + 5), "1e3", ""):
        r = client.patch(path, content=chunk, headers=sign_request(
            "PATCH", path, chunk, device_id=d.id, private=d.ed25519, timestamp_ms=now, offset=0)
            | {"upload-offset": offset, "chunk-sha256": sha})
        _4xx(r)
    for ts in ("1e3", "-5", str(2**64 - 1), "99999999999999999999999", "x"):
        headers = sign_request("PATCH", path, chunk, device_id=d.id, private=d.ed25519,
                               timestamp_ms=now, offset=0)
        r = client.patch(path, content=chunk, headers=headers | {
            "x-fieldapp-timestamp": ts, "upload-offset": "0", "chunk-sha256": sha})
        _4xx(r)
    for size in (2**63, 2**64 - 1, -1):
        big = json.dumps({"size": size, "sha256": "ab" * 32}).encode()
        r = client.post("/v1/attachments/edge-2", content=big, headers=sign_request(
            "POST", "/v1/attachments/edge-2", big, device_id=d.id, private=d.ed25519,
            timestamp_ms=now + 1) | json_ct)
        _4xx(r)
    _4xx(client.post("/v1/push", content=b"FAE1" + b"\x01" * 60, headers=OCTETS))


def test_all_zero_and_low_order_x25519_keys_are_refused_at_enrolment(
    hq_server: RunningHq, client: httpx.Client
) -> None:
    low_order = [
        bytes(32),
        bytes([1]) + bytes(31),
        bytes.fromhex("e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800"),
        bytes.fromhex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
    ]
    code = hq_server.hq.create_enrolment_code(
        post_code="POIPET", role=Role.OFFICER, centre_code=None, ttl=timedelta(days=1))
    for raw in low_order:
        body = TestDevice().enrol_body(code) | {"x25519_public": base64.b64encode(raw).decode()}
        r = client.post("/v1/enrol", json=body)
        assert r.status_code == 422 and "low order" in r.json()["reason"], r.text
    assert hq_server.hq.devices() == []
    TestDevice().enrol(client, code)  # the code was not used up by the refusals
