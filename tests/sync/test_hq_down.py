"""Issue 12: with HQ down the device says so within seconds, while a slow 2G link still works.

The rounds use the real default timings (SyncOptions()), not the tests' fast ones: the point
is how long an officer waits. Seconds are printed (run with -s); the only bound is generous.
"""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from fieldapp.services import sync
from fieldapp.services.sync import HqUnreachable, SyncOptions
from fieldapp.services.workspace import Workspace
from tests.support.hqserver import free_port
from tests.support.proxy import Faults, Proxy
from tests.support.syncenv import fast_options, hq_running, minor_case, new_device

#: Generous: the defaults give up after about 2 x 3 s connect timeouts.
BOUND_S = 15.0


@pytest.fixture
def enrolled(tmp_path: Path) -> Iterator[Workspace]:
    """An enrolled device with changes waiting, whose HQ has since gone away."""
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "poipet", hq, "POIPET")
    minor_case(ws)
    try:
        yield ws
    finally:
        ws.close()


def _timed_failure(ws: Workspace, url: str | None, what: str) -> tuple[float, str]:
    pending = sync.status(ws).pending
    start = time.monotonic()
    with pytest.raises(HqUnreachable) as caught:
        sync.sync_round(ws, hq_url=url, options=SyncOptions())
    seconds = time.monotonic() - start
    print(f"\nHQ down ({what}): error after {seconds:.2f} s: {caught.value}")
    assert seconds < BOUND_S
    assert sync.status(ws).pending == pending  # nothing lost
    assert "could not be reached" in (sync.status(ws).last_error or "")
    return seconds, str(caught.value)


def test_refused_connection_is_reported_quickly(enrolled: Workspace) -> None:
    # The stored address: HQ's port, now closed.
    _seconds, message = _timed_failure(enrolled, None, "connection refused")
    assert "connection refused" in message


def test_black_holed_address_is_reported_quickly(enrolled: Workspace) -> None:
    # Packets to HQ vanish: a listening socket whose accept queue is full drops every SYN,
    # so connecting hangs exactly as to a non-routable address (10.255.255.1 is answered by
    # an interceptor on this build machine, so it cannot stand in here).
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as hole, \
            socket.socket(socket.AF_INET, socket.SOCK_STREAM) as filler:
        hole.bind(("127.0.0.1", 0))
        hole.listen(0)
        port = hole.getsockname()[1]
        filler.connect(("127.0.0.1", port))  # fills the queue: later SYNs are dropped
        _seconds, message = _timed_failure(enrolled, f"https://127.0.0.1:{port}",
                                           "black-holed address")
    assert "no answer to the connection" in message


def test_tls_handshake_that_hangs_is_reported_quickly(enrolled: Workspace) -> None:
    # Something accepts the TCP connection but never answers the TLS handshake.
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        port = silent.getsockname()[1]
        _seconds, message = _timed_failure(enrolled, f"https://127.0.0.1:{port}", "TLS hang")
    assert "no answer to the connection" in message


def test_slow_link_with_answers_slower_than_the_connect_timeout_still_syncs(
        tmp_path: Path) -> None:
    # Each chunk is delayed longer than the connect timeout: reads must keep waiting.
    with hq_running("sqlite", tmp_path) as hq:
        ws = new_device(tmp_path / "poipet", hq, "POIPET")
        try:
            minor_case(ws)
            pending = sync.status(ws).pending
            port = int(hq.base_url.rsplit(":", 1)[1])
            with Proxy(port, faults=Faults(latency_s=0.6, bandwidth_bps=64_000)) as proxy:
                opts = fast_options(connect_timeout=0.3, attempts=1)
                start = time.monotonic()
                result = sync.sync_round(ws, hq_url=proxy.url, options=opts)
                seconds = time.monotonic() - start
            print(f"\nslow link (0.6 s per chunk, 64 kbit/s, connect timeout 0.3 s): "
                  f"round of {result.requests} requests in {seconds:.1f} s")
            assert result.pushed + result.audit_sent >= pending and sync.status(ws).pending == 0
        finally:
            ws.close()


def test_a_closed_port_never_given_a_connection_is_not_retried_for_long(tmp_path: Path) -> None:
    # Not enrolled yet: enrolment to a closed port fails at once too (one attempt).
    ws = new_device(tmp_path / "kk", None, "KOHKONG")
    try:
        start = time.monotonic()
        with pytest.raises(HqUnreachable):
            sync.enrol(ws, f"http://127.0.0.1:{free_port()}", "AAAA-BBBB-CCCC-DDDD-EEEE")
        print(f"\nenrolment to a closed port: error after {time.monotonic() - start:.2f} s")
        assert time.monotonic() - start < BOUND_S
    finally:
        ws.close()
