"""The desktop window (the only package that imports PySide6); importing it guards None's refcount.

PySide6 6.12 returns ``None`` from void methods without taking a reference. On Python 3.12+
None is immortal and nothing happens; on Python 3.11 every such call (``setText``,
``processEvents`` …) drops None's refcount by one, and after a few thousand calls the
interpreter aborts with "none_dealloc: deallocating None". We give None the effectively
infinite refcount that Python 3.12 gives it. This module does not import Qt.
"""

from __future__ import annotations

import ctypes
import sys

_GUARD = 1 << 40


def protect_none() -> None:
    """Make None immortal in practice on Python < 3.12 (idempotent, cheap)."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < _GUARD:
        refcount.value += _GUARD


protect_none()
