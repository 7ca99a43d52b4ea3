"""`fieldapp-hq serve --workers N`: N real worker processes serve pushes and pulls on one
PostgreSQL, every change applied once and pulled back whole."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from fieldapp.cli.hq import main
from fieldapp.domain.enums import Role
from fieldapp.domain.ids import uuid7
from fieldapp.hq.keys import RECOVERY_PRIVATE_FILE
from fieldapp.hq.models import ChangeLog
from fieldapp.hq.service import Hq
from tests.support.hqserver import (
    TestDevice,
    cli_env,
    free_port,
    make_settings,
    postgres_schema,
)

BIN = Path(sys.executable).parent
OCTETS = {"content-type": "application/octet-stream"}


def _workers(pid: int) -> list[int]:
    """The worker processes `pid` spawned (Linux /proc; not multiprocessing's resource
    tracker)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid and b"spawn_main" in cmdline:
                out.append(int(entry.name))
    return out


def _cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Hq, list[int]]]:
    """HQ on PostgreSQL served by `fieldapp-hq serve --workers 2`: (URL, admin Hq, worker pids)."""
    data_dir = tmp_path / "hq"
    with postgres_schema() as url:
        settings = make_settings(data_dir, url)
        # The operator moved the recovery key to offline media (serve refuses to start beside it).
        (data_dir / RECOVERY_PRIVATE_FILE).rename(tmp_path / "offline-recovery.pem")
        admin = Hq(settings)
        port = free_port()
        args = ["serve", "--data-dir", str(data_dir), "--database-url", url, "--no-tls",
                "--port", str(port), "--workers", "2"]
        proc = subprocess.Popen([str(BIN / "fieldapp-hq"), *args], env=cli_env(args),
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                workers = _workers(proc.pid)
                try:
                    if len(workers) >= 2 and httpx.get(base + "/v1/health",
                                                      timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
                assert time.monotonic() < deadline, "serve --workers 2 did not start"
                time.sleep(0.2)
            yield base, admin, workers
        finally:
            proc.terminate()
            proc.wait(30)
            admin.close()


def test_two_workers_serve_pushes_and_pulls_on_one_postgresql(
    served: tuple[str, Hq, list[int]],
) -> None:
    base, admin, workers = served
    spawned = workers
    assert len(spawned) == 2
    before = {p: _cpu_ticks(p) for p in spawned}

    devices = []
    for _ in range(6):
        code = admin.create_enrolment_code(post_code="POIPET", role=Role.OFFICER,
                                           centre_code=None, ttl=timedelta(days=1))
        device = TestDevice()
        with httpx.Client(base_url=base, timeout=30) as c:
            device.enrol(c, code)
        devices.append(device)
    victims: set[str] = set()
    errors: list[str] = []
    lock = threading.Lock()

    def push_all(device: TestDevice) -> None:
        for _ in range(5):
            rescue = uuid7()
            changes = [device.change("rescue", {"place": "checkpoint"}, entity_id=rescue)]
            ids = [uuid7() for _ in range(40)]
            changes += [device.change("victim", {"name_latin": "n", "sex": "female",
                                                 "rescue_id": rescue}, entity_id=v)
                        for v in ids]
            # A new connection each time: the kernel hands it to either worker.
            with httpx.Client(base_url=base, timeout=60) as c:
                answer = device.push(c, changes)
            with lock:
                victims.update(ids)
                if answer.acked_seq != device.next_seq - 1 or answer.applied != len(changes):
                    errors.append(f"acked {answer.acked_seq}, applied {answer.applied}")

    threads = [threading.Thread(target=push_all, args=(d,)) for d in devices]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []

    with admin.sessions() as s:
        assert s.scalar(select(func.count()).select_from(ChangeLog)) == 6 * 5 * 41
    # Every device of the post pulls every record, page by page over fresh connections.
    for device in devices[:2]:
        cursor, pulled = 0, []
        while True:
            with httpx.Client(base_url=base, timeout=60) as c:
                answer = device.pull(c, cursor, limit=100)
            pulled += answer.records
            cursor = answer.next_cursor
            if not answer.has_more:
                break
        got = {r.entity_id for r in pulled if r.entity == "victim"}
        assert got == victims
        assert len({r.entity_id for r in pulled}) == len(pulled)  # each record once
    # Both workers served requests (their CPU time grew well past an idle process's).
    assert all(_cpu_ticks(p) - before[p] >= 5 for p in spawned), \
        {p: _cpu_ticks(p) - before[p] for p in spawned}


def test_more_workers_need_postgresql(tmp_path: Path) -> None:
    data_dir = tmp_path / "hq"
    make_settings(data_dir, None)
    env = cli_env(["--data-dir", str(data_dir)])
    proc = subprocess.run([str(BIN / "fieldapp-hq"), "serve", "--data-dir", str(data_dir),
                           "--no-tls", "--workers", "2"], env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and "needs PostgreSQL" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert main(["serve", "--data-dir", str(data_dir), "--workers", "0"]) == 2
