"""A man-in-the-middle HTTP proxy on loopback: forwards to HQ and lets a test rewrite answers.

``rewrite(path, request_body, answer)`` gets every answer from HQ (status, headers, body) and returns the
one the device receives: unchanged, altered, replaced by a forgery or by an older genuine
answer. Every answer that passed is kept in ``seen`` (for replays).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import httpx
import uvicorn

from tests.support.hqserver import free_port

HOP = {b"host", b"content-length", b"transfer-encoding", b"connection"}


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


Rewrite = Callable[[str, bytes, Answer], Answer]


@dataclass
class Mitm:
    upstream: str
    rewrite: Rewrite = lambda _path, _request, answer: answer  # noqa: E731
    seen: list[tuple[str, Answer]] = field(default_factory=list)

    async def __call__(self, scope, receive, send):  # type: ignore[no-untyped-def]
        if scope["type"] != "http":
            return
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = [(k.decode(), v.decode()) for k, v in scope["headers"] if k not in HOP]
        async with httpx.AsyncClient(base_url=self.upstream, timeout=30) as client:
            r = await client.request(scope["method"], scope["path"], content=body,
                                     headers=headers)
        genuine = Answer(r.status_code, {k: v for k, v in r.headers.items()
                                         if k.encode() not in HOP}, r.content)
        self.seen.append((scope["path"], genuine))
        out = self.rewrite(scope["path"], body, genuine)
        await send({
            "type": "http.response.start",
            "status": out.status,
            "headers": [(k.encode(), v.encode()) for k, v in out.headers.items()
                        if k.encode() not in HOP]
            + [(b"content-length", str(len(out.body)).encode())],
        })
        await send({"type": "http.response.body", "body": out.body})


@contextlib.contextmanager
def running_mitm(upstream: str, rewrite: Rewrite | None = None) -> Iterator[tuple[str, Mitm]]:
    """Yield (the proxy's base URL, the proxy) for HQ at `upstream`."""
    mitm = Mitm(upstream)
    if rewrite is not None:
        mitm.rewrite = rewrite
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(mitm, host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("MITM proxy did not start")
        time.sleep(0.005)
    try:
        yield f"http://127.0.0.1:{port}", mitm
    finally:
        server.should_exit = True
        thread.join(10)
