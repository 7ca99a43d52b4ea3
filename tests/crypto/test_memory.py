"""The memory policy: the process that holds keys and records can't be dumped or traced."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from fieldapp.crypto import memory


def _run(code: str) -> str:
    """`code` in a fresh Python process (what it does to its memory stays there); its output."""
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


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
    assert _run(code) == "True True False (0, 0)"


def test_both_commands_harden_before_anything_else() -> None:
    # The device CLI (which also opens the window) and HQ's CLI call it first thing.
    import inspect

    from fieldapp.cli import device as cli
    from fieldapp.cli import hq as hq_cli

    for module in (cli, hq_cli):
        body = inspect.getsource(module.main).splitlines()
        assert body[1].strip() == "memory.harden_process()"
    assert memory.SQLCIPHER_MEMORY_SECURITY == "OFF"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's allocator")
def test_scrub_zeroes_a_secret_a_library_freed_uncleared() -> None:
    # In a child process: a C block holding a secret is freed (as OpenSSL frees its copy of
    # the passphrase), then the process's memory is searched before and after the scrub.
    code = textwrap.dedent("""
        import ctypes
        from fieldapp.crypto import memory
        from tests.crypto.memscan import scan
        libc = memory._glibc()
        needle = bytes(b ^ 0x5A for b in b"scrub probe secret 0123456789")
        secret = bytes(b ^ 0x5A for b in needle)
        ptr = libc.malloc(200)
        ctypes.memmove(ptr + 32, secret, len(secret))  # past the links free() writes
        del secret
        libc.free(ptr)
        probe = bytes(b ^ 0x5A for b in needle)
        before = scan({"s": probe})["s"]
        print(before, memory.scrub_freed_heap(), scan({"s": probe})["s"])
    """)
    before, ran, after = _run(code).split()
    assert ran == "True"
    assert int(before) >= 2  # the probe's own copy, and the freed block's
    assert int(after) == int(before) - 1


def test_wipe_zeroes_in_place() -> None:
    buf = bytearray(b"secret")
    memory.wipe(buf)
    assert buf == bytearray(6)
