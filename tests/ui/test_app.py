"""Starting the window: the no-display message, and that nothing below ui/ imports Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from fieldapp.ui import app


def test_no_display_says_what_to_run() -> None:
    line = app.display_problem({}, "linux")
    assert line is not None and "xvfb-run -a " in line and "\n" not in line
    # The command named must exist as typed (a venv that is not activated has no `fieldapp`).
    command = line.split("xvfb-run -a ", 1)[1].split()[0]
    assert Path(command).exists(), line
    assert app.display_problem({"PATH": str(Path(sys.executable).parent)}, "linux").endswith(
        "xvfb-run -a fieldapp")
    assert app.display_problem({"DISPLAY": ":0"}, "linux") is None
    assert app.display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert app.display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert app.display_problem({}, "win32") is None


def test_run_without_display_exits_2_with_one_line(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-c", ("import sys; from pathlib import Path; "
                           "from fieldapp.ui.app import run; sys.exit(run(Path(sys.argv[1])))"),
                           str(tmp_path / "d")], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "xvfb-run -a " in proc.stderr
    assert Path(proc.stderr.split("xvfb-run -a ", 1)[1].split()[0]).exists()
    assert "qt.qpa" not in proc.stderr


def test_core_imports_without_qt() -> None:
    # walk_packages imports every package it descends into: never give it fieldapp.ui.
    code = ("import importlib, pkgutil, sys, fieldapp\n"
            "names = [m.name for m in pkgutil.iter_modules(fieldapp.__path__, 'fieldapp.')\n"
            "         if m.name != 'fieldapp.ui']\n"
            "for top in names:\n"
            "    mod = importlib.import_module(top)\n"
            "    for m in pkgutil.walk_packages(getattr(mod, '__path__', []), top + '.',\n"
            "                                   onerror=lambda name: None):\n"
            "        if 'migrations' not in m.name:\n"
            "            try:\n"
            "                importlib.import_module(m.name)\n"
            "            except Exception:\n"
            "                pass\n"
            "import fieldapp.ui.sync_status\n"
            "print('PySide6' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert out.stdout.strip().splitlines()[-1] == "False", out.stderr[-2000:]


def test_sync_panel_shows_a_status(qtbot: Any, store: Any, make_controller: Any) -> None:
    import datetime as dt

    from uihelpers import unlock_as, wait_idle

    from fieldapp.ui.sync_status import SyncStatus

    root, _ = store
    c = make_controller(root)
    unlock_as(qtbot, c, "sup")
    main = c.shell.main
    main.go("sync")
    wait_idle(qtbot, c)
    panel = main.sync
    assert panel.status is not None and panel.status.pending > 0
    assert "Not enrolled" in panel.values[0].text()
    assert not c.background.timer.isActive() or c.background.active
    panel.sync_now()
    wait_idle(qtbot, c)
    assert panel.banner.text().startswith("This laptop is not enrolled with HQ")
    panel.show_status(SyncStatus(True, "https://hq", dt.datetime(2026, 1, 2, 3, 4), 0, None, 900.0))
    assert panel.values[5].text().startswith("This laptop's clock is 15 minutes off")
    assert main.sync_label.text() == "Sync: last 2026-01-02 03:04"
    assert main.pending_label.text() == "0 changes not yet sent"


def test_many_void_qt_calls_do_not_abort_the_interpreter() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None per void call and aborts;
    pyproject.toml pins a release without that bug, and this guards the pin."""
    code = ("import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
            "from PySide6.QtWidgets import QApplication, QLabel\n"
            "app = QApplication([]); label = QLabel()\n"
            "for _ in range(50_000):\n"
            "    label.setText('x'); app.processEvents()\n"
            "print('ok')\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         check=False)
    assert out.returncode == 0 and out.stdout.strip() == "ok", out.stderr[-500:]


def test_garbage_is_collected_on_the_ui_thread_only(qapp: Any) -> None:
    import gc

    from fieldapp.ui.app import collect_on_ui_thread

    timer = collect_on_ui_thread(qapp, interval_ms=10)
    try:
        assert not gc.isenabled() and timer.isActive()
    finally:
        timer.stop()
        gc.enable()
