"""Resumable attachment upload: offsets, chunk and whole-file SHA-256, limits, signatures."""

from __future__ import annotations

import hashlib
import json
import os
import time

import httpx

from fieldapp.hq.attachments import read_attachment
from fieldapp.sync.protocol import sign_request
from tests.support.hqserver import RunningHq, TestDevice


def _h(
    d: TestDevice, method: str, path: str, body: bytes = b"", offset: int | None = None,
    timestamp_ms: int | None = None,
) -> dict[str, str]:
    return sign_request(
        method, path, body, device_id=d.id, private=d.ed25519, offset=offset,
        timestamp_ms=timestamp_ms if timestamp_ms is not None else time.time_ns() // 1_000_000,
    )


def _create(c: httpx.Client, d: TestDevice, aid: str, data: bytes) -> httpx.Response:
    path = f"/v1/attachments/{aid}"
    body = json.dumps({"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}).encode()
    return c.post(
        path, content=body, headers=_h(d, "POST", path, body) | {"content-type": "application/json"}
    )


def _patch(
    c: httpx.Client, d: TestDevice, aid: str, offset: int, chunk: bytes, sha: str | None = None
) -> httpx.Response:
    path = f"/v1/attachments/{aid}"
    headers = _h(d, "PATCH", path, chunk, offset) | {
        "upload-offset": str(offset),
        "chunk-sha256": sha or hashlib.sha256(chunk).hexdigest(),
        "content-type": "application/octet-stream",
    }
    return c.patch(path, content=chunk, headers=headers)


def test_upload_resumes_after_an_interruption(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    d = enrolled()
    data = os.urandom(300_000)  # stands for an already-encrypted photo
    aid = "01900000-0000-7000-8000-0000000000f1"
    path = f"/v1/attachments/{aid}"
    assert _create(client, d, aid, data).json() == {
        "id": aid,
        "offset": 0,
        "size": len(data),
        "complete": False,
    }
    assert _patch(client, d, aid, 0, data[:100_000]).headers["upload-offset"] == "100000"
    # The link drops; the device asks where to resume.
    head = client.head(path, headers=_h(d, "HEAD", path))
    assert head.status_code == 200 and head.headers["upload-offset"] == "100000"
    # Creating again is a resume, not a reset.
    assert _create(client, d, aid, data).json()["offset"] == 100_000
    # A resend of the first chunk is refused with the offset to use.
    r = _patch(client, d, aid, 0, data[:100_000])
    assert r.status_code == 409 and "100000" in r.json()["reason"]
    r = _patch(client, d, aid, 100_000, data[100_000:200_000], sha="0" * 64)
    assert r.status_code == 400 and r.json()["error"] == "checksum_mismatch"
    assert _patch(client, d, aid, 100_000, data[100_000:200_000]).status_code == 200
    done = _patch(client, d, aid, 200_000, data[200_000:]).json()
    assert done["complete"] is True and done["offset"] == len(data)
    assert read_attachment(hq_server.hq, aid) == data


def test_whole_file_checksum_and_limits(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    d, other = enrolled(), enrolled()
    data = os.urandom(1000)
    aid = "att-2"
    path = f"/v1/attachments/{aid}"
    body = ('{"size": 1000, "sha256": "%s"}' % ("ab" * 32)).encode()
    json_ct = {"content-type": "application/json"}
    assert (
        client.post(path, content=body, headers=_h(d, "POST", path, body) | json_ct).status_code
        == 200
    )
    r = _patch(client, d, aid, 0, data)
    assert r.status_code == 400 and "whole file" in r.json()["reason"]
    assert client.head(path, headers=_h(d, "HEAD", path)).headers["upload-offset"] == "0"
    r = _patch(client, d, aid, 0, data + b"x")
    assert r.status_code == 413
    # Another device cannot see or add to it; an unsigned or mis-signed request is 401/422.
    assert client.head(path, headers=_h(other, "HEAD", path)).status_code == 404
    bad = _h(d, "PATCH", path, b"other", 0) | {
        "upload-offset": "0",
        "chunk-sha256": hashlib.sha256(data).hexdigest(),
    }
    r = client.patch(path, content=data, headers=bad)
    assert r.status_code == 401 and r.json()["error"] == "unauthenticated"
    assert client.patch(path, content=data).status_code == 422
    big = json.dumps({"size": 10**12, "sha256": "ab" * 32}).encode()
    r = client.post(
        "/v1/attachments/att-3",
        content=big,
        headers=_h(d, "POST", "/v1/attachments/att-3", big) | json_ct,
    )
    assert r.status_code == 413
    hq_server.hq.revoke(d.id)
    r = _patch(client, d, aid, 0, data)
    assert r.status_code == 403 and r.json()["action"] == "wipe"


def _push_attachment_record(c: httpx.Client, d: TestDevice, aid: str, data: bytes) -> None:
    """The attachment's record, as the device that made the file pushes it before uploading."""
    rescue = d.change("rescue", {"operation_date": "2026-03-14", "province_code": "KH-1",
                                 "exploitation_type": "labour"})
    record = d.change("attachment", {"owner_entity": "rescue", "owner_id": rescue["entity_id"],
                                     "filename": "photo.jpg", "mime": "image/jpeg",
                                     "size": len(data),
                                     "sha256": hashlib.sha256(data).hexdigest()},
                      entity_id=aid)
    d.push(c, [rescue, record])


def test_replayed_requests_and_moved_offsets_are_refused(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    d = enrolled()
    data = os.urandom(3000)
    aid = "01900000-0000-7000-8000-0000000000a1"
    path = f"/v1/attachments/{aid}"
    assert _create(client, d, aid, data).status_code == 200
    first = data[:1000]
    headers = _h(d, "PATCH", path, first, 0) | {
        "upload-offset": "0", "chunk-sha256": hashlib.sha256(first).hexdigest(),
        "content-type": "application/octet-stream"}
    assert client.patch(path, content=first, headers=headers).status_code == 200
    # The same request again, byte for byte (a replay), is refused and changes nothing.
    r = client.patch(path, content=first, headers=headers)
    assert r.status_code == 409 and r.json()["error"] == "replay"
    # The signed request with another Upload-Offset does not verify.
    moved = headers | {"upload-offset": "1000"}
    r = client.patch(path, content=first, headers=moved)
    assert r.status_code == 401 and r.json()["error"] == "unauthenticated"
    # Requests dated 1970, or an hour ahead, are refused whatever their signature.
    for ts in (1, time.time_ns() // 1_000_000 + 3_600_000):
        old = _h(d, "PATCH", path, data[1000:2000], 1000, timestamp_ms=ts) | {
            "upload-offset": "1000", "chunk-sha256": hashlib.sha256(data[1000:2000]).hexdigest()}
        r = client.patch(path, content=data[1000:2000], headers=old)
        assert r.status_code == 401 and "minutes" in r.json()["reason"]
    head = client.head(path, headers=_h(d, "HEAD", path))
    assert head.headers["upload-offset"] == "1000"
    assert _patch(client, d, aid, 1000, data[1000:]).json()["complete"] is True
    assert read_attachment(hq_server.hq, aid) == data


def test_an_upload_id_belongs_to_the_device_that_made_the_file(
    hq_server: RunningHq, client: httpx.Client, enrolled
) -> None:  # type: ignore[no-untyped-def]
    owner, thief = enrolled(), enrolled(post="PAILIN")
    data = os.urandom(2000)
    aid = "01900000-0000-7000-8000-0000000000b2"
    path = f"/v1/attachments/{aid}"
    # The thief claims the id first (before HQ has the record)…
    assert _create(client, thief, aid, data).status_code == 200
    assert _patch(client, thief, aid, 0, data[:500]).status_code == 200
    # …the owner pushes the attachment's record, then uploads: the id is the owner's.
    _push_attachment_record(client, owner, aid, data)
    assert _create(client, owner, aid, data).json()["offset"] == 0
    assert _patch(client, owner, aid, 0, data[:1000]).status_code == 200
    # The thief can neither see, extend nor re-claim it.
    assert client.head(path, headers=_h(thief, "HEAD", path)).status_code == 404
    assert _patch(client, thief, aid, 1000, data[1000:]).status_code == 404
    r = _create(client, thief, aid, data)
    assert r.status_code == 403 and r.json()["error"] == "not_entitled"
    # The owner keeps working to the end.
    assert _patch(client, owner, aid, 1000, data[1000:]).json()["complete"] is True
    assert read_attachment(hq_server.hq, aid) == data
