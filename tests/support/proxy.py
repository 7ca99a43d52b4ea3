"""A userspace TCP proxy that makes a loopback link behave like a bad 2G one (no tc netem here).

Faults, all adjustable while it runs (tests switch them off to let stores converge):

- ``latency_s``: added before each forwarded chunk, both directions;
- ``bandwidth_bps``: a cap in bits per second per direction, shared by all connections
  (one physical link), paced byte-accurately;
- ``reset_after``: a connection is cut with a TCP RST once it has relayed this many bytes
  (an int, or a (low, high) range drawn per connection);
- ``truncate_after``: a response is cut (connection closed) after this many bytes;
- ``duplicate``: every request is also sent to HQ on a second connection, whose answer is
  thrown away (a middlebox that replays);
- ``fault_rate``: the share of connections the cutting faults apply to (latency and
  bandwidth always apply).
"""

from __future__ import annotations

import asyncio
import random
import socket
import struct
import threading
import time
from dataclasses import dataclass, field


@dataclass
class Faults:
    latency_s: float = 0.0
    bandwidth_bps: int | None = None
    reset_after: int | tuple[int, int] | None = None
    truncate_after: int | tuple[int, int] | None = None
    duplicate: bool = False
    fault_rate: float = 1.0

    def clear(self) -> None:
        self.latency_s, self.bandwidth_bps = 0.0, None
        self.reset_after = self.truncate_after = None
        self.duplicate = False


@dataclass
class Counters:
    connections: int = 0
    resets: int = 0
    truncations: int = 0
    duplicates: int = 0
    bytes_up: int = 0
    bytes_down: int = 0


class _Pacer:
    """One direction of the link: bytes leave no faster than the cap allows."""

    def __init__(self) -> None:
        self.free_at = 0.0
        self.lock = asyncio.Lock()

    async def pace(self, n: int, bps: int | None) -> None:
        if not bps:
            return
        async with self.lock:
            now = time.monotonic()
            start = max(now, self.free_at)
            self.free_at = start + n * 8 / bps
            delay = self.free_at - now
        await asyncio.sleep(delay)


def _draw(value: int | tuple[int, int] | None, rng: random.Random) -> int | None:
    if value is None:
        return None
    if isinstance(value, tuple):
        return rng.randint(*value)
    return value


@dataclass
class Proxy:
    target_port: int
    target_host: str = "127.0.0.1"
    faults: Faults = field(default_factory=Faults)
    seed: int = 1
    counters: Counters = field(default_factory=Counters)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        #: Faulty connections so far: with both cuts configured they take turns, so a run
        #: with two faulty connections sees both a reset and a truncation (which one fires
        #: first on a connection otherwise depends on timing).
        self._faulty = 0
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.AbstractServer | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    # -- lifecycle -----------------------------------------------------------------------

    def start(self) -> Proxy:
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        if not self._ready.wait(5):
            raise RuntimeError("proxy did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(5)

    def __enter__(self) -> Proxy:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _run(self) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._up, self._down = _Pacer(), _Pacer()
        self._server = loop.run_until_complete(
            asyncio.start_server(self._handle, "127.0.0.1", 0)
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        try:
            loop.run_forever()
        finally:
            self._server.close()
            for task in asyncio.all_tasks(loop):
                task.cancel()
            loop.run_until_complete(asyncio.sleep(0))
            loop.close()

    # -- one connection ------------------------------------------------------------------

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.counters.connections += 1
        faulty = self.rng.random() < self.faults.fault_rate
        reset_at = _draw(self.faults.reset_after, self.rng) if faulty else None
        truncate_at = _draw(self.faults.truncate_after, self.rng) if faulty else None
        if faulty and reset_at is not None and truncate_at is not None:
            self._faulty += 1
            if self._faulty % 2:
                truncate_at = None
            else:
                reset_at = None
        try:
            up_reader, up_writer = await asyncio.open_connection(self.target_host,
                                                                 self.target_port)
        except OSError:
            _abort(writer)
            return
        dup_writer: asyncio.StreamWriter | None = None
        if self.faults.duplicate and faulty:
            try:
                dup_reader, dup_writer = await asyncio.open_connection(self.target_host,
                                                                       self.target_port)
                asyncio.ensure_future(_drain_away(dup_reader))
                self.counters.duplicates += 1
            except OSError:
                dup_writer = None
        state = {"relayed": 0, "down": 0, "closed": False}

        def cut(kind: str) -> None:
            if state["closed"]:
                return
            state["closed"] = True
            if kind == "reset":
                self.counters.resets += 1
            else:
                self.counters.truncations += 1
            _abort(writer)
            _abort(up_writer)

        async def pump(src: asyncio.StreamReader, dst: asyncio.StreamWriter, up: bool) -> None:
            pacer = self._up if up else self._down
            try:
                while not state["closed"]:
                    data = await src.read(4096)
                    if not data:
                        break
                    if self.faults.latency_s:
                        await asyncio.sleep(self.faults.latency_s)
                    if not up and truncate_at is not None and state["down"] + len(data) > truncate_at:
                        keep = max(0, truncate_at - state["down"])
                        if keep:
                            dst.write(data[:keep])
                            await dst.drain()
                        cut("truncate")
                        return
                    if reset_at is not None and state["relayed"] + len(data) > reset_at:
                        keep = max(0, reset_at - state["relayed"])
                        if keep:
                            await pacer.pace(keep, self.faults.bandwidth_bps)
                            dst.write(data[:keep])
                        cut("reset")
                        return
                    await pacer.pace(len(data), self.faults.bandwidth_bps)
                    if state["closed"]:
                        return
                    dst.write(data)
                    await dst.drain()
                    state["relayed"] += len(data)
                    if up:
                        self.counters.bytes_up += len(data)
                        if dup_writer is not None:
                            dup_writer.write(data)
                    else:
                        state["down"] += len(data)
                        self.counters.bytes_down += len(data)
            except (ConnectionError, OSError, asyncio.CancelledError):
                pass
            finally:
                if not state["closed"]:
                    try:
                        dst.write_eof() if dst.can_write_eof() else dst.close()
                    except (OSError, RuntimeError):
                        pass

        await asyncio.gather(pump(reader, up_writer, True), pump(up_reader, writer, False))
        for w in (writer, up_writer, dup_writer):
            if w is not None:
                try:
                    w.close()
                except (OSError, RuntimeError):
                    pass


async def _drain_away(reader: asyncio.StreamReader) -> None:
    try:
        while await reader.read(65536):
            pass
    except (ConnectionError, OSError):
        pass


def _abort(writer: asyncio.StreamWriter) -> None:
    """Close with RST (SO_LINGER 0), as a dropped radio link looks to the other side."""
    sock = writer.get_extra_info("socket")
    try:
        if sock is not None:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        writer.transport.abort()
    except (OSError, RuntimeError):
        pass
