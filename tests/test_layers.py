"""The layering promise: only fieldapp/ui imports Qt; the core and HQ import without it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "fieldapp"


def test_no_qt_import_outside_the_ui_package() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts[:1]:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(n.split(".")[0] in ("PySide6", "shiboken6") for n in names):
                offenders.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert offenders == []


def test_core_modules_import_without_loading_qt() -> None:
    modules = [
        f"fieldapp.{p.relative_to(PACKAGE).with_suffix('').as_posix().replace('/', '.')}"
        for p in PACKAGE.rglob("*.py")
        if p.relative_to(PACKAGE).parts[0] not in ("ui",) and p.name != "__main__.py"
        and "migrations" not in p.parts
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.startswith('PySide6')]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr


#: What each layer may import of ours (docs/ARCHITECTURE.md). Imports inside functions count.
ALLOWED = {
    "domain": {"domain"},
    "crypto": {"crypto", "domain"},
    "store": {"store", "crypto", "domain", "resources", "linkage"},
    "formkit": {"formkit", "domain", "resources", "vocabulary"},
    "linkage": {"linkage", "domain"},
    "reports": {"reports", "crypto", "store", "linkage", "domain", "resources", "vocabulary"},
    "sync": {"sync", "store", "crypto", "domain", "resources"},
    "services": {"services", "formkit", "sync", "reports", "linkage", "store", "crypto", "domain",
                 "resources", "vocabulary", "logs"},
    "hq": {"hq", "sync", "reports", "linkage", "crypto", "domain", "resources", "vocabulary",
           "logs"},
    # The window reaches crypto, store and the network only through services.
    "ui": {"ui", "services", "formkit", "reports", "domain", "resources", "vocabulary", "logs"},
}
#: The command lines are the entry-point layer: they choose what runs (the services behind a
#: command, the Qt PDF writer `report --format pdf` uses), so they may import any layer.
ALLOWED["cli"] = {"cli", "__version__", *set().union(*ALLOWED.values())}
#: Third-party packages only some layers may use: the network client belongs to sync (and
#: the services over it, and HQ's tests of itself), never to the window.
NETWORK = {"httpx"}
NETWORK_ALLOWED = {"sync", "services", "hq"}
#: Named exceptions, each for a reason. HQ shares the store's schema version gate.
EXCEPTIONS = {
    ("hq/db.py", "fieldapp.store.migrate"),
}


def _imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "fieldapp":  # from fieldapp import logs
                found += [(node.lineno, f"fieldapp.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, node.module))
    return found


def test_every_import_points_down_lazy_ones_included() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if "migrations" in rel.parts or len(rel.parts) == 1:  # top level: __main__, logs…
            continue
        layer = rel.parts[0]
        for line, module in _imports(path):
            if not module.startswith("fieldapp."):
                continue
            target = module.split(".")[1]
            if target not in ALLOWED[layer] and (rel.as_posix(), module) not in EXCEPTIONS:
                offenders.append(f"{rel}:{line} imports {module}")
    assert offenders == []


def test_only_sync_services_and_hq_talk_to_the_network() -> None:
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        if len(rel.parts) == 1 or rel.parts[0] in NETWORK_ALLOWED:
            continue
        offenders += [f"{rel}:{line} imports {module}" for line, module in _imports(path)
                      if module.split(".")[0] in NETWORK]
    assert offenders == []


def test_the_layer_check_sees_every_import_form(tmp_path: Path) -> None:
    """Lazy imports, `from fieldapp import x` and plain `import fieldapp.x` all count."""
    probe = tmp_path / "probe.py"
    probe.write_text("import fieldapp.store.models\nfrom fieldapp import logs\n"
                     "def f():\n    from fieldapp.crypto import keystore\n", "utf-8")
    assert sorted(m for _, m in _imports(probe)) == [
        "fieldapp.crypto", "fieldapp.logs", "fieldapp.store.models"]


def test_the_window_language_module_imports_no_form_module() -> None:
    """ui/i18n.py and ui/forms/translate.py imported each other; the forms' phrasebook is now
    part of the one Khmer catalogue (the .ts), so the window's language module needs no form."""
    i18n = PACKAGE / "ui" / "i18n.py"
    assert [m for _, m in _imports(i18n) if m.startswith("fieldapp.ui.forms")] == []


def test_the_sync_command_line_reaches_only_the_services() -> None:
    """cli/sync.py runs the services, and reaches nothing of sync, store or crypto itself."""
    targets = {m.split(".")[1] for _, m in _imports(PACKAGE / "cli" / "sync.py")
               if m.startswith("fieldapp.")}
    assert targets <= {"services", "domain"}
