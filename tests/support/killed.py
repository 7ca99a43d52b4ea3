"""A store's upgrade run in a child process that is killed midway (SIGKILL), to prove a
migration's transaction leaves the store as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSPHRASE

_SCRIPT = r'''
import os, signal, sys
from pathlib import Path
from fieldapp.services import auth
from fieldapp.store import migrate
from fieldapp.store.engine import open_engine

def die():
    os.kill(os.getpid(), signal.SIGKILL)

{patch}
root = Path(sys.argv[1])
engine = open_engine(root / "fieldapp.db", auth.unlock_key(root, "sup", sys.argv[2]))
migrate.upgrade(engine)
'''

#: Dies once the report counters' yearly sums are made again (`counters.roll_all`): the
#: tables before them converted, nothing committed.
AFTER_ROLL_ALL = '''
import fieldapp.reports.counters as counters
real = counters.roll_all

def dying(conn, codec):
    real(conn, codec)
    die()

counters.roll_all = dying
'''


def upgrade_killed(root: Path, patch: str) -> None:
    """Upgrade the store in `root` (user "sup") in a child process, `patch` (Python, may call
    `die()`) run first; it must end killed."""
    repo = Path(__file__).resolve().parents[2]
    run = subprocess.run([sys.executable, "-c", _SCRIPT.format(patch=patch), str(root),
                          PASSPHRASE], cwd=repo, capture_output=True, text=True, check=False,
                         timeout=300, env={**os.environ, "PYTHONPATH": str(repo)})
    assert run.returncode == -signal.SIGKILL, run.stderr[-2000:]
