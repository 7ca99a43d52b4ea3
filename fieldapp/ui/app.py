"""Starting the desktop window: display check, logging, fonts, language, then the controller."""

from __future__ import annotations

import gc
import logging
import os
import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt is imported only after the display check
    from PySide6.QtCore import QObject, QTimer

log = logging.getLogger("fieldapp.ui.app")
NO_DISPLAY_EXIT = 2


def display_problem(environ: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """One line saying how to run without a screen, or None if Qt can open a window."""
    env = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return ("fieldapp: no display found (DISPLAY and WAYLAND_DISPLAY are unset); "
            f"run it under a virtual screen with: xvfb-run -a {launch_command(env)}")


def launch_command(environ: dict[str, str] | os._Environ[str] | None = None) -> str:
    """A command that starts this very installation, as the user can type it here.

    `fieldapp` only if it is on PATH (a venv that is not activated is not); else the
    script beside this interpreter (.venv/bin/fieldapp); else `python -m fieldapp`.
    """
    env = os.environ if environ is None else environ
    if shutil.which("fieldapp", path=env.get("PATH", "")):
        return "fieldapp"
    script = Path(sys.executable).parent / ("fieldapp.exe" if sys.platform == "win32" else "fieldapp")
    if script.exists():
        return _shorter(script)
    return f"{_shorter(Path(sys.executable))} -m fieldapp"


def _shorter(path: Path) -> str:
    """`.venv/bin/fieldapp` when run from the project folder, else the absolute path."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def collect_on_ui_thread(app: QObject, interval_ms: int = 30_000) -> QTimer:
    """Run Python's cyclic garbage collection on the UI thread only, as Anki does.

    Jobs run on worker threads; an automatic collection there could destroy widgets of the
    UI thread from the wrong thread ("Timers cannot be stopped from another thread", or
    worse). Reference counting still frees almost everything at once; cycles wait for this.
    """
    from PySide6.QtCore import QTimer

    gc.disable()
    timer = QTimer(app)
    timer.timeout.connect(gc.collect)
    timer.start(interval_ms)
    return timer


def run(data_dir: Path, argv: list[str] | None = None) -> int:
    """Open the window on `data_dir` (first run if no store there yet); return the exit status."""
    from fieldapp.services import files

    files.owner_only()  # the store, logs, exports and PDFs: owner-only files
    problem = display_problem()
    if problem is not None:
        print(problem, file=sys.stderr)
        return NO_DISPLAY_EXIT
    from fieldapp import logs

    logs.setup(data_dir / "logs" if data_dir.exists() else None)
    from PySide6.QtWidgets import QApplication

    from fieldapp.ui import i18n
    from fieldapp.ui.shell import AppController

    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("fieldapp")
    i18n.apply_font(app)  # type: ignore[arg-type]
    collector = collect_on_ui_thread(app)
    controller = AppController(data_dir)
    controller.start()
    status = app.exec()
    controller.runner.shutdown()
    collector.stop()
    if data_dir.exists():
        logs.setup(data_dir / "logs")
    log.info("window closed")
    return int(status)


def main() -> int:
    """`python -m fieldapp.ui.app [DATA_DIR]` (the CLI's `fieldapp --data-dir D` calls run())."""
    from fieldapp.services.files import default_data_dir

    root = Path(sys.argv[1]) if len(sys.argv) > 1 else default_data_dir()
    return run(root)


if __name__ == "__main__":
    sys.exit(main())
