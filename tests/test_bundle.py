"""The PyInstaller bundle builds and its self-test opens an encrypted store (slow: ~1-2 min)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pyinstaller", path=str(Path(sys.executable).parent)) is None,
                    reason="PyInstaller is installed by `make test` (the bundle extra)")
def test_bundle_builds_and_self_test_passes(tmp_path: Path) -> None:
    pyinstaller = str(Path(sys.executable).parent / "pyinstaller")
    build = subprocess.run(
        [pyinstaller, "--noconfirm", "--log-level", "WARN", "--distpath", str(tmp_path / "dist"),
         "--workpath", str(tmp_path / "build"), str(ROOT / "build.spec")],
        cwd=ROOT, capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]
    exe = tmp_path / "dist" / "fieldapp" / ("fieldapp.exe" if os.name == "nt" else "fieldapp")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run([str(exe), "--self-test"], capture_output=True, text=True, timeout=120, env=env)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "self-test passed" in run.stdout
    bundled = tmp_path / "dist" / "fieldapp" / "_internal"
    assert (bundled / "forms" / "rescue.yaml").exists()
    assert (bundled / "fieldapp" / "store" / "migrations" / "versions").is_dir()
