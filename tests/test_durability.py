"""Power-cut and kill safety: a save that returned survives SIGKILL, and the store stays sound."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from fieldapp.services import auth, maintenance
from fieldapp.store.models import Rescue
from tests.conftest import FAST_KDF, PASSPHRASE

WRITER = """
import sys, datetime as dt
from pathlib import Path
from fieldapp.services import auth, intake
ws = auth.unlock(Path(sys.argv[1]), "sup", sys.argv[2])
start = int(sys.argv[3])
for i in range(start, start + 200):
    r = intake.create_rescue(ws, operation_date=dt.date(2026, 1, 1) + dt.timedelta(days=i % 300),
                             province_code="KH-1", exploitation_type="labour", notes=f"save {i}")
    intake.add_victim(ws, r.id, name_latin=f"Person {i}", sex="female", estimated_age=20)
    print(i, flush=True)   # printed only after the save returned
"""

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def test_sigkill_at_random_moments_loses_no_returned_save(tmp_path: Path) -> None:
    root = tmp_path / "device"
    auth.initialise(root, post_code="POIPET", username="sup", passphrase=PASSPHRASE, kdf=FAST_KDF).close()
    rng = random.Random(20261122)
    confirmed: set[int] = set()
    start = 0
    for _round in range(6):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(root), PASSPHRASE, str(start)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        # Wait for the child to be writing, then kill it at a random moment.
        first = child.stdout.readline()
        assert first.strip(), "the writer did not start"
        confirmed.add(int(first))
        time.sleep(rng.uniform(0.05, 0.8))
        os.kill(child.pid, signal.SIGKILL)
        rest, _ = child.communicate(timeout=30)
        confirmed |= {int(line) for line in rest.split()}
        start += 200
        # The store opens, passes both integrity checks and holds every confirmed save.
        with auth.unlock(root, "sup", PASSPHRASE) as ws:
            report = maintenance.check(ws)
            assert report.ok, report
            with ws.tx() as s:
                notes = set(s.scalars(select(Rescue.notes)))
            saved = {int(n.split()[1]) for n in notes}
            assert confirmed <= saved, sorted(confirmed - saved)[:5]
    assert len(confirmed) > 20
