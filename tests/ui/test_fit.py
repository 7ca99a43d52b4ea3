"""Every page and dialog fits a 1366x768 and a 1280x720 laptop screen, in English and Khmer.

Run in a child process on a real X server (Xvfb), because offscreen windows have no
screen to respect; tests/ui/fit_probe.py does the looking.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from xserver import x_env, xvfb

PROBE = Path(__file__).with_name("fit_probe.py")
EXPECTED = ("first run page 1", "first run page 4", "unlock", "page home", "page cases", "page referrals",
            "page sync", "page reports", "page admin", "case view tab 0", "form rescue",
            "form victim", "form suspect", "form statement", "form referral", "statement dialog",
            "add user dialog", "reset dialog")


@pytest.mark.parametrize("lang", ["en", "km"])
@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)], ids=["1366x768", "1280x720"])
def test_every_page_and_dialog_fits(store: tuple[Path, dict[str, str]], tmp_path: Path,
                                    size: tuple[int, int], lang: str) -> None:
    root, ids = store
    with xvfb(*size) as display:
        env = x_env(display)
        env["FIT_RESCUE"] = ids["rescue"]
        done = subprocess.run([sys.executable, str(PROBE), str(root), str(tmp_path / "first"), lang],
                              env=env, capture_output=True, text=True, timeout=240,
                              cwd=os.getcwd())
    assert done.returncode == 0, done.stderr[-3000:]
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, f"the probe printed nothing: {done.stderr[-3000:]}"
    report = json.loads(lines[-1])
    assert report["problems"] == [], "\n".join(report["problems"])
    for where in EXPECTED:
        assert where in report["checked"], f"{where} was not looked at"
