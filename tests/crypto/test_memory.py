"""The memory policy: the process that holds keys and records can't be dumped or traced."""

from __future__ import annotations

import subprocess
import sys

import pytest

from fieldapp.crypto import memory


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl and RLIMIT_CORE are Linux's")
def test_hardened_process_writes_no_core_and_is_not_dumpable() -> None:
    code = (
        "import resource\n"
        "from fieldapp.crypto.memory import harden_process, is_dumpable\n"
        "assert is_dumpable() is True\n"
        "done = harden_process()\n"
        "print(done['no_core_dumps'], done['not_dumpable'], is_dumpable(),"
        " resource.getrlimit(resource.RLIMIT_CORE))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "True True False (0, 0)"


def test_both_commands_harden_before_anything_else() -> None:
    # The device CLI (which also opens the window) and HQ's CLI call it first thing.
    import inspect

    from fieldapp.cli import device as cli
    from fieldapp.cli import hq as hq_cli

    for module in (cli, hq_cli):
        body = inspect.getsource(module.main).splitlines()
        assert body[1].strip() == "memory.harden_process()"
    assert memory.SQLCIPHER_MEMORY_SECURITY == "OFF"
