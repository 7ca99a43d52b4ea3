"""`python -m fieldapp.ui.i18n_build`: lupdate the window's strings, fill Khmer, lrelease the .qm."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

from fieldapp.resources import resource_path

UI_DIR = Path(__file__).resolve().parent


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install pyside6-essentials in this environment")
    return found


def build() -> int:
    ts = resource_path("i18n", "fieldapp_km.ts")
    qm = ts.with_suffix(".qm")
    # The window's own modules; fieldapp/ui/forms and fieldapp/ui/reports keep their own
    # phrasebooks until they are merged here.
    sources = sorted(str(p) for p in UI_DIR.glob("*.py"))
    # The entity registry's labels (marked with QT_TRANSLATE_NOOP, context "Labels").
    sources.append(str(UI_DIR.parent / "domain" / "entities.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(ts), "-target-language", "km_KH",
                    "-no-obsolete"], check=True)
    spec = importlib.util.spec_from_file_location("fill_km", resource_path("i18n", "fill_km.py"))
    assert spec is not None and spec.loader is not None
    fill_km = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(fill_km)
    missing = fill_km.fill(ts)
    for source in missing:
        print("no Khmer yet for:", repr(source), file=sys.stderr)
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(build())
