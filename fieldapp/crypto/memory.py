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
- Secrets we hold are in buffers we zero (`wipe`): the keys (`KeyRing`, `Store`), the
  passphrase's bytes for the KDF, the raw-key text a connection is keyed with (never a
  Python string, which cannot be zeroed).
- A library's own copies are freed without clearing: OpenSSL's Argon2id keeps the passphrase
  in a parameter block it frees. After the KDF and after keying a connection,
  `scrub_freed_heap` takes back the small blocks glibc keeps for reuse in that thread, zeroes
  them and frees them again (Linux with glibc; elsewhere nothing). Measured by
  tests/crypto/test_memory_after_lock.py: without it, 1-2 copies of the passphrase stayed
  in freed memory after lock.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from typing import Any

#: `PRAGMA cipher_memory_security` on every connection (see the module docstring).
SQLCIPHER_MEMORY_SECURITY = "OFF"

_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3


def wipe(buf: bytearray) -> None:
    """Zero a buffer in place."""
    buf[:] = bytes(len(buf))


#: glibc's per-thread cache of freed blocks: 64 size classes of 16 bytes (24 to 1,032
#: bytes asked), 7 blocks each by default; more are taken so that blocks of those sizes
#: held in the arena's own bins (freed when the cache was full) are zeroed too.
_SCRUB_SIZES = tuple(range(24, 1033, 16))
_SCRUB_PER_SIZE = 16
_libc: Any = None


def _glibc() -> Any:
    global _libc
    if _libc is None:
        _libc = False
        if sys.platform.startswith("linux"):
            try:
                libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
                libc.gnu_get_libc_version  # noqa: B018 - glibc only (not musl)
                libc.malloc.restype = ctypes.c_void_p
                libc.malloc.argtypes = [ctypes.c_size_t]
                libc.free.argtypes = [ctypes.c_void_p]
                libc.free.restype = None
                _libc = libc
            except (OSError, AttributeError):
                pass
    return _libc


def scrub_freed_heap() -> bool:
    """Zero the small freed blocks glibc keeps for this thread to reuse (best effort).

    A library that copied a secret into a block and freed it leaves the secret there until
    the block is reused; taking every cached block of each small size back, zeroing and
    freeing it clears those copies. Call it in the thread that used the library, right
    after. Returns whether it ran (glibc only).
    """
    libc = _glibc()
    if not libc:
        return False
    taken: list[tuple[int, int]] = []
    try:
        for size in _SCRUB_SIZES:
            for _ in range(_SCRUB_PER_SIZE):
                ptr = libc.malloc(size)
                if not ptr:
                    return True
                ctypes.memset(ptr, 0, size)
                taken.append((ptr, size))
    finally:
        for ptr, _size in taken:
            libc.free(ptr)
    return True


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
