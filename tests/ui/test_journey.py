"""The Poipet morning walked end to end in a real window (xcb on Xvfb at 1366x768) with real
mouse and keyboard events from the X server (xdotool); each phase is the app in its own
process (tests/ui/journey_probe.py), so a SIGKILL and a restart are real.

The clicks, keystrokes and seconds a user needs are written to docs/JOURNEY.md when
JOURNEY_REPORT=1 is set (`make journey`); otherwise to the test's own folder, so an ordinary
test run leaves the working tree as it found it.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from xserver import x_env, xvfb

from fieldapp.domain.enums import Role
from tests.support.syncenv import code_for, hq_running

PROBE = Path(__file__).with_name("journey_probe.py")
PHASE_LIMIT_S = 480
REPORT = Path(__file__).parents[2] / "docs" / "JOURNEY.md"
#: The heading from which docs/JOURNEY.md is kept as it is when the test rewrites it.
HISTORY = "## Before and after"


@pytest.fixture(scope="module")
def screen() -> Iterator[str]:
    with xvfb(1366, 768) as display:
        yield display


def run_phase(display: str, phase: str, root: Path, shots: Path, *args: str,
              kill_at_mid: bool = False) -> dict[str, Any]:
    env = x_env(display)
    env["JOURNEY_SHOTS"] = str(shots)
    log = shots / f"{phase}.stderr"
    with log.open("w") as errors:
        proc = subprocess.Popen([sys.executable, str(PROBE), phase, str(root), *args], env=env,
                                stdout=subprocess.PIPE, stderr=errors, text=True, cwd=os.getcwd())
    # A window stuck on something unexpected must not hang the suite.
    watchdog = threading.Timer(PHASE_LIMIT_S, proc.kill)
    watchdog.start()
    assert proc.stdout is not None
    result: dict[str, Any] | None = None
    steps: dict[str, Any] = {}
    try:
        for line in proc.stdout:
            print(line, end="")
            if line.startswith("STEP "):
                _, name, counts = line.split(" ", 2)
                steps[name] = json.loads(counts)
            if line.startswith("MID") and kill_at_mid:
                os.kill(proc.pid, signal.SIGKILL)
                proc.wait(10)
                return {"killed": proc.returncode == -signal.SIGKILL, "steps": steps}
            if line.startswith("RESULT "):
                result = json.loads(line[len("RESULT "):])
        proc.wait(60)
    finally:
        watchdog.cancel()
    err = log.read_text("utf-8", "replace")
    assert result is not None, f"{phase} printed no result (exit {proc.returncode}): {err[-3000:]}"
    assert "error" not in result, f"{phase}: {result['error']}\n{err[-2000:]}"
    return result


def test_poipet_morning(screen: str, tmp_path: Path) -> None:
    shots = Path(os.environ.get("JOURNEY_SHOTS", tmp_path / "shots"))  # failures leave pictures
    shots.mkdir(parents=True, exist_ok=True)
    poipet = tmp_path / "poipet"
    with hq_running("sqlite", tmp_path) as hq:
        code = code_for(hq, "POIPET", Role.SUPERVISOR)
        first = run_phase(screen, "poipet1", poipet, shots, f"hq={hq.base_url}", f"code={code}",
                          kill_at_mid=True)
        assert first["killed"]
        second = run_phase(screen, "poipet2", poipet, shots)
        # The README's centre code: --post POIPET --role centre_staff --centre PTC.
        centre_code = code_for(hq, "POIPET", Role.CENTRE_STAFF, "PTC")
        centre = run_phase(screen, "centre", tmp_path / "centre", shots, f"hq={hq.base_url}",
                           f"code={centre_code}")
        third = run_phase(screen, "poipet3", poipet, shots)
    report = REPORT if os.environ.get("JOURNEY_REPORT") == "1" else tmp_path / "JOURNEY.md"
    write_report({"poipet1": first, "poipet2": second, "centre": centre, "poipet3": third}, report)


PHASES = {"poipet1": "Poipet laptop, first start (killed mid-statement)",
          "poipet2": "Poipet laptop, restarted", "centre": "Transit-centre laptop",
          "poipet3": "Poipet laptop, next morning"}


def write_report(phases: dict[str, dict[str, Any]], report: Path = REPORT) -> None:
    """docs/JOURNEY.md: what a user did, step by step (counts within each phase's window)."""
    lines = ["# The Poipet morning, walked in a real window",
             "",
             "Written by `tests/ui/test_journey.py` (xcb on Xvfb at 1366x768, real X input via",
             "xdotool; each phase is the app in its own process). Counts are cumulative within a",
             "phase: mouse clicks, keystrokes (each typed character or key press), mouse-wheel",
             "notches, Khmer texts pasted because xdotool's typing garbled them, and seconds since",
             "the phase's window opened (machine shared; Argon2id, HQ round trips included).",
             "",
             "| phase | step | clicks | keystrokes | wheel | pasted | seconds |",
             "|---|---|---:|---:|---:|---:|---:|"]
    total = {"clicks": 0, "keys": 0, "wheel": 0, "seconds": 0.0}
    for phase, result in phases.items():
        steps = result["steps"]
        for name, c in steps.items():
            lines.append(f"| {PHASES[phase]} | {name} | {c['clicks']} | {c['keys']} | {c['wheel']} | "
                         f"{c['pasted']} | {c['seconds']} |")
        last = result.get("counts") or list(steps.values())[-1]
        for k in ("clicks", "keys", "wheel"):
            total[k] += last[k]
        total["seconds"] += last["seconds"]
    first = phases["poipet1"]["steps"]["first_rescue"]
    lines += ["",
              f"- First window to first saved rescue: {first['clicks']} clicks, {first['keys']} "
              f"keystrokes, {first['wheel']} wheel notches, {first['seconds']} s.",
              f"- Whole journey (all phases): {total['clicks']} clicks, {total['keys']} keystrokes, "
              f"{total['wheel']} wheel notches, {round(total['seconds'], 1)} s in the windows.",
              ""]
    # What earlier runs measured (written by hand, kept across runs).
    old = REPORT.read_text("utf-8") if REPORT.exists() else ""  # the history lives in docs/
    history = old[old.find(HISTORY):] if HISTORY in old else ""
    report.write_text("\n".join(lines) + ("\n" + history if history else ""), "utf-8")

