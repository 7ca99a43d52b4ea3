"""The `fieldapp` command as a user runs it: real processes, real encrypted stores."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PASS = "a long enough passphrase"


def fieldapp(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "fieldapp.cli.device", *args], input=stdin, text=True,
                          capture_output=True, timeout=300, env=env)


@pytest.fixture(scope="module")
def device(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli") / "device"
    run = fieldapp("init", "--data-dir", str(root), "--post", "POIPET", "--user", "sok",
                   "--passphrase-stdin", stdin=PASS + "\n")
    assert run.returncode == 0, run.stderr
    run = fieldapp("demo", "--data-dir", str(root), "--user", "sok", "--rescues", "15", "--seed", "7",
                   "--passphrase-stdin", stdin=PASS + "\n")
    assert run.returncode == 0, run.stderr
    return root


def test_stats_json(device: Path) -> None:
    run = fieldapp("stats", "--json", "--data-dir", str(device), "--user", "sok", "--passphrase-stdin",
                   stdin=PASS + "\n")
    assert run.returncode == 0, run.stderr
    counts = json.loads(run.stdout)
    assert counts["rescues"] == 15
    assert {"victims", "statements", "suspects", "referrals"} <= counts.keys()


def test_wrong_passphrase_exits_2_with_one_line_and_writes_nothing(device: Path) -> None:
    db = {p.name: p.read_bytes() for p in device.glob("fieldapp.db*")}
    run = fieldapp("stats", "--data-dir", str(device), "--user", "sok", "--passphrase-stdin",
                   stdin="not the passphrase\n")
    assert run.returncode == 2
    assert run.stderr.strip() == "fieldapp: wrong passphrase"
    assert "Traceback" not in run.stderr + run.stdout
    assert {p.name: p.read_bytes() for p in device.glob("fieldapp.db*")} == db


def test_check_verifies_pages_and_audit_chain(device: Path) -> None:
    run = fieldapp("check", "--data-dir", str(device), "--user", "sok", "--passphrase-stdin",
                   stdin=PASS + "\n")
    assert run.returncode == 0, run.stderr
    assert "intact" in run.stdout
    assert "Report counters: equal to the records" in run.stdout


def test_rebuild_figures_repairs_the_report_counters(device: Path) -> None:
    run = fieldapp("rebuild-figures", "--data-dir", str(device), "--user", "sok",
                   "--passphrase-stdin", stdin=PASS + "\n")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("Report counters made again from ")


def test_users_add_list_and_officer_limits(device: Path) -> None:
    run = fieldapp("users", "add", "vichet", "--role", "officer", "--data-dir", str(device),
                   "--user", "sok", "--passphrase-stdin", stdin=f"{PASS}\nofficer passphrase\n")
    assert run.returncode == 0, run.stderr
    run = fieldapp("users", "list", "--data-dir", str(device), "--user", "sok", "--passphrase-stdin",
                   stdin=PASS + "\n")
    assert "vichet\tofficer" in run.stdout
    run = fieldapp("users", "list", "--data-dir", str(device), "--user", "vichet",
                   "--passphrase-stdin", stdin="officer passphrase\n")
    assert run.returncode == 2 and "cannot do this" in run.stderr


@pytest.mark.parametrize("args,message", [
    (["stats", "--data-dir", "/nonexistent/x", "--user", "a", "--passphrase-stdin"], "no fieldapp store"),
    (["init", "--data-dir", "{tmp}/n", "--post", "ATLANTIS", "--user", "a", "--passphrase-stdin"], "unknown post"),
    (["stats", "--bogus"], "--help"),
    (["users"], "required"),
])
def test_user_errors_are_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    run = fieldapp(*[a.replace("{tmp}", str(tmp_path)) for a in args], stdin=PASS + "\n")
    assert run.returncode == 2
    assert message in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1, run.stderr


def test_self_test() -> None:
    run = fieldapp("--self-test")
    assert run.returncode == 0, run.stderr
    assert "self-test passed" in run.stdout


def test_window_without_a_display_says_what_to_do(device: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = fieldapp("--data-dir", str(device), env=env)
    if sys.platform != "linux":
        pytest.skip("the no-display hint is for Linux desktops")
    assert run.returncode == 2
    assert "xvfb-run" in run.stderr and len(run.stderr.strip().splitlines()) == 1


def test_options_before_the_command_are_honoured(device: Path) -> None:
    # `fieldapp --data-dir X stats` must read X, not the default folder.
    run = fieldapp("--data-dir", str(device), "--passphrase-stdin", "stats", "--json", "--user", "sok",
                   stdin=PASS + "\n")
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["rescues"] == 15
