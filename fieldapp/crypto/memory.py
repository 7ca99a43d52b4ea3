"""The memory policy: what keeps decrypted records and keys in this process's RAM from leaking.

SQLCipher's `cipher_memory_security` wipes and mlocks *every* allocation SQLite makes: about
1,000 `mlock`/`munlock` system calls per rescue saved, half the CPU of a save (BENCHMARKS.md,
`store.memsec`). It is switched off; what it guarded is covered as follows:

- SQLCipher still zeroes what it frees with a size - its key material and its page
  encryption buffers - whatever that setting says (`sqlcipher_free`).
- This process can't be dumped or read by another process of the same user: no core files
  (`RLIMIT_CORE = 0`) and, on Linux, not dumpable (`PR_SET_DUMPABLE = 0`), which also stops
  a same-user debugger attaching (ptrace).
- Swap and hibernation files are the operating system's: laptops must use full-disk
  encryption (README, "Security"), as a lost laptop needs it anyway.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys

#: `PRAGMA cipher_memory_security` on every connection (see the module docstring).
SQLCIPHER_MEMORY_SECURITY = "OFF"

_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3


def harden_process() -> dict[str, bool]:
    """No core dumps, not dumpable; returns which measures took effect (best effort, never raises)."""
    done = {"no_core_dumps": False, "not_dumpable": False}
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        done["no_core_dumps"] = True
    except (ImportError, ValueError, OSError):  # Windows has no resource module
        pass
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
            done["not_dumpable"] = libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0) == 0
        except OSError:
            pass
    return done


def is_dumpable() -> bool | None:
    """Linux only: whether the process can still be dumped or traced (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    return bool(libc.prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0))
