"""A real X server for window tests: Xvfb on a free display number, at a chosen screen size."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _free_display() -> int:
    for n in range(90, 400):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return n
    raise RuntimeError("no free X display number between :90 and :399")


@contextmanager
def xvfb(width: int, height: int) -> Iterator[str]:
    """Start Xvfb at `width`x`height`; yield its DISPLAY (":N"); stop it afterwards."""
    exe = shutil.which("Xvfb")
    if exe is None:
        raise RuntimeError("Xvfb is not installed (Debian/Ubuntu: apt install xvfb)")
    for _attempt in range(5):
        n = _free_display()
        proc = subprocess.Popen([exe, f":{n}", "-screen", "0", f"{width}x{height}x24", "-nolisten",
                                 "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and proc.poll() is None:
            if Path(f"/tmp/.X11-unix/X{n}").exists():
                break
            time.sleep(0.05)
        if proc.poll() is None:
            break
    else:
        raise RuntimeError("Xvfb did not start")
    try:
        yield f":{n}"
    finally:
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def x_env(display: str) -> dict[str, str]:
    """The environment for a child process that opens a real window on `display`."""
    env = dict(os.environ)
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    return env
