"""Damaged, replayed or foreign envelopes: 4xx with a reason at the server, nothing written."""

from __future__ import annotations

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from fieldapp.crypto.envelope import EnvelopeKind
from fieldapp.hq.models import ChangeLog, Record
from tests.support.hqserver import RunningHq, TestDevice, make_settings, running_server

OCTETS = {"content-type": "application/octet-stream"}


def _written(hq_server: RunningHq) -> int:
    with hq_server.hq.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(ChangeLog)) or 0) + int(
            s.scalar(select(func.count()).select_from(Record)) or 0
        )


def _post(client: httpx.Client, blob: bytes, path: str = "/v1/push") -> httpx.Response:
    return client.post(path, content=blob, headers=OCTETS)


def test_refusals_each_have_a_reason(hq_server: RunningHq, client: httpx.Client, enrolled) -> None:  # type: ignore[no-untyped-def]
    d = enrolled()
    changes = [d.change("victim", {"name_latin": "Sok Dara"})]
    good = d.seal_push(changes)
    tampered = bytearray(good)
    tampered[-100] ^= 0x01  # inside the ciphertext
    cases = {
        "tampered": (bytes(tampered), 401, "bad_signature"),
        "truncated": (good[:-10], 400, "truncated"),
        "wrong signer": (
            d.seal_push(changes, signer=Ed25519PrivateKey.generate()),
            401,
            "bad_signature",
        ),
        "unknown device": (
            d.seal_push(changes, device_id="01900000-0000-7000-8000-00000000dead"),
            401,
            "unknown_sender",
        ),
        "unknown version": (good[:4] + b"\x07" + good[5:], 400, "unknown_version"),
        "bad magic": (b"PK\x03\x04" + good[4:], 400, "malformed"),
        "wrong kind": (d.seal_push(changes, kind=EnvelopeKind.PULL_ANSWER), 400, "malformed"),
        "empty": (b"", 400, "truncated"),
    }
    for name, (blob, status, reason) in cases.items():
        r = _post(client, blob)
        assert (r.status_code, r.json()["error"]) == (status, reason), name
        assert r.json()["reason"], name
    assert _written(hq_server) == 0
    # Replay: the very same bytes again are refused, and the first copy was applied once.
    assert _post(client, good).status_code == 200
    r = _post(client, good)
    assert (r.status_code, r.json()["error"]) == (409, "replay")
    assert _written(hq_server) == 2
    pull = d.seal_pull(0)
    assert _post(client, pull, "/v1/pull").status_code == 200
    assert _post(client, pull, "/v1/pull").json()["error"] == "replay"
    # A push envelope is not a pull request, and vice versa.
    assert _post(client, d.seal_pull(0)).json()["error"] == "malformed"


def test_oversized_bodies_are_413(tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = make_settings(tmp_path / "small", None, max_envelope_bytes=4096)
    with running_server(settings) as small, small.client() as c:
        from datetime import timedelta

        from fieldapp.domain.enums import Role

        code = small.hq.create_enrolment_code(
            post_code="POIPET", role=Role.OFFICER, centre_code=None, ttl=timedelta(days=1)
        )
        d = TestDevice()
        d.enrol(c, code)
        import os

        big = d.seal_push([d.change("victim", {"photo": os.urandom(8000).hex()})])
        r = _post(c, big)
        assert (r.status_code, r.json()["error"]) == (413, "too_large")

        def chunks():  # no Content-Length: the limit holds for streamed bodies too
            yield big[:3000]
            yield big[3000:]

        r = c.post("/v1/push", content=chunks(), headers=OCTETS)
        assert r.status_code == 413
        assert small.hq.stats()["victims"] == 0


@pytest.mark.parametrize("path", ["/v1/push", "/v1/pull"])
def test_garbage_is_never_a_5xx(hq_server: RunningHq, client: httpx.Client, path: str) -> None:
    for blob in (b"FAE1", b"FAE1\x01\x01" + b"\xff" * 200, b"\x00" * 5000, "ក".encode() * 100):
        r = _post(client, blob, path)
        assert 400 <= r.status_code < 500 and r.json()["reason"]


def test_the_same_envelope_twice_at_once_is_a_replay_not_an_error(
    hq_server: RunningHq, enrolled
) -> None:  # type: ignore[no-untyped-def]
    """A duplicating link delivers one envelope twice at the same moment: one copy is
    answered, the other refused as a replay (409), never an internal error (500)."""
    import concurrent.futures

    d = enrolled()
    for path, blobs in (("/v1/push", [d.seal_push([d.change("victim", {"name_latin": "x"})])
                                      for _ in range(5)]),
                        ("/v1/pull", [d.seal_pull(0) for _ in range(5)])):
        for blob in blobs:
            with concurrent.futures.ThreadPoolExecutor(4) as pool:
                statuses = sorted(pool.map(
                    lambda args: hq_server.client().post(args[0], content=args[1],
                                                         headers=OCTETS).status_code,
                    [(path, blob)] * 4))
            assert statuses[0] == 200 and set(statuses[1:]) <= {409}, (path, statuses)
