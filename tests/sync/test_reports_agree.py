"""A device and HQ compute the same published figures from the same records, via both CLIs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from fieldapp.domain.enums import Role
from fieldapp.services import demo
from tests.conftest import PASSPHRASE
from tests.support.hqserver import cli_env
from tests.support.syncenv import hq_running, new_device

BIN = Path(sys.executable).parent


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    out = subprocess.run([str(BIN / args[0]), *args[1:]], input=stdin, capture_output=True,
                         check=False, text=True, timeout=120,
                         env=cli_env(args))
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    return out


def test_device_and_hq_reports_are_identical(tmp_path: Path) -> None:
    with hq_running("sqlite", tmp_path) as hq:
        root = tmp_path / "post"
        ws = new_device(root, hq, "POIPET", role=Role.SUPERVISOR)
        # A supervisor's demo: other posts' paper forms too, and referrals in every state.
        demo.generate(ws, 60, seed=11)
        ws.close()
        me = ["--data-dir", str(root), "--user", "sup", "--passphrase-stdin"]
        run("fieldapp", "sync", *me, stdin=PASSPHRASE + "\n")
        device_json, hq_json = tmp_path / "device.json", tmp_path / "hq.json"
        run("fieldapp", "report", "--year", "2025", "--format", "json", "--out", str(device_json),
            *me, stdin=PASSPHRASE + "\n")
        run("fieldapp-hq", "report", "--year", "2025", "--format", "json", "--out", str(hq_json),
            "--data-dir", str(hq.settings.data_dir))
        device, central = json.loads(device_json.read_text()), json.loads(hq_json.read_text())
        assert device == central
        assert "<5" in device_json.read_text()  # small cells were suppressed on both sides
        pdf = tmp_path / "hq.pdf"
        run("fieldapp-hq", "report", "--year", "2025", "--format", "pdf", "--lang", "km",
            "--out", str(pdf), "--data-dir", str(hq.settings.data_dir))
        assert pdf.read_bytes().startswith(b"%PDF")
        exported = tmp_path / "records.json"
        shown = run("fieldapp", "export", "--format", "htcds", "--out", str(exported), *me,
                    stdin=PASSPHRASE + "\n")
        assert "NOT encrypted" in shown.stderr and exported.exists()
