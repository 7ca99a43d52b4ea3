"""`python -m fieldapp.ui.i18n_build`: lupdate the window's strings, fill Khmer, lrelease the .qm."""

from __future__ import annotations

import ast
import importlib.util
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from fieldapp.resources import resource_path

UI_DIR = Path(__file__).resolve().parent
PACKAGE = UI_DIR.parent


def _tool(name: str) -> str:
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install pyside6-essentials in this environment")
    return found


#: Written beside the .ts for lupdate to read, then removed: the words that live below the
#: window (fieldapp/vocabulary.py, fieldapp/reports/labels.py), so the .ts lists them too.
STUB = "vocabulary_phrases.py"


# -- the errors' message templates, found by reading the source -----------------------------
@dataclass(frozen=True)
class ErrorSite:
    """One place an error's template is given: a call making the error, a class's default
    ``template``, or a custom ``__init__``'s call to ``super().__init__``. `template` is the
    literal, or None with `problem` saying why the site has none."""

    where: str
    template: str | None
    problem: str = ""


def _name(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def _trees(package: Path) -> dict[str, ast.Module]:
    return {p.relative_to(package.parent).as_posix(): ast.parse(p.read_text("utf-8"))
            for p in sorted(package.rglob("*.py"))}


def _error_classes(trees: dict[str, ast.Module]) -> dict[str, ast.ClassDef]:
    """Every class of ours that derives from FieldAppError, by name."""
    classes = {n.name: n for tree in trees.values() for n in ast.walk(tree)
               if isinstance(n, ast.ClassDef)}
    found = {"FieldAppError": classes["FieldAppError"]}
    grew = True
    while grew:
        grew = False
        for name, node in classes.items():
            if name not in found and any(_name(b) in found for b in node.bases):
                found[name] = node
                grew = True
    return found


def _own_init(node: ast.ClassDef) -> ast.FunctionDef | None:
    return next((f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)


def _takes_template(name: str, classes: dict[str, ast.ClassDef]) -> bool:
    """Whether calls to this class pass the template first (no ``__init__`` of its own
    between it and FieldAppError that takes something else first)."""
    node = classes[name]
    init = _own_init(node)
    if init is not None:
        args = init.args.posonlyargs + init.args.args
        return len(args) > 1 and args[1].arg == "template"
    bases = [b for b in (_name(b) for b in node.bases) if b in classes]
    return name == "FieldAppError" or all(_takes_template(b, classes) for b in bases)


def _has_default(name: str, classes: dict[str, ast.ClassDef]) -> bool:
    """Whether the class, or a base below FieldAppError, says a ``template`` of its own."""
    if name == "FieldAppError":
        return False
    node = classes[name]
    if any(isinstance(i, ast.Assign) and any(_name(t) == "template" for t in i.targets)
           for i in node.body):
        return True
    return any(_has_default(b, classes) for b in (_name(b) for b in node.bases) if b in classes)


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _forwarders(trees: dict[str, ast.Module], classes: dict[str, ast.ClassDef]) -> set[str]:
    """Functions that pass on a template they are given: their first parameter (after self)
    is called ``template`` and goes first into an error they make (a loader's
    ``err(template, node, …)``); and `Phrase`."""
    found = {"Phrase"}
    for tree in trees.values():
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef) or node.name == "__init__":
                continue
            args = [a.arg for a in node.args.posonlyargs + node.args.args if a.arg not in ("self",
                                                                                           "cls")]
            if args[:1] == ["template"] and any(
                    isinstance(c, ast.Call) and _name(c.func) in classes and c.args
                    and isinstance(c.args[0], ast.Name) and c.args[0].id == "template"
                    for c in ast.walk(node)):
                found.add(node.name)
    return found


def error_sites(package: Path = PACKAGE) -> list[ErrorSite]:
    """Every template given anywhere in `package` (where an error or a `Phrase` is made),
    and every place one is made without a literal template."""
    trees = _trees(package)
    classes = _error_classes(trees)
    forwarders = _forwarders(trees, classes)
    sites: list[ErrorSite] = []
    for path, tree in trees.items():
        for node in ast.walk(tree):
            where = f"{path}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.ClassDef) and node.name in classes and node.name != "FieldAppError":
                for item in node.body:
                    if (isinstance(item, ast.Assign) and len(item.targets) == 1
                            and _name(item.targets[0]) == "template"):
                        text = _literal(item.value)
                        sites.append(ErrorSite(f"{path}:{item.lineno}", text,
                                               "" if text else "the default template is not a literal"))
                init = _own_init(node)
                for call in ast.walk(init) if init is not None else ():
                    if (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)
                            and call.func.attr == "__init__" and isinstance(call.func.value, ast.Call)
                            and _name(call.func.value.func) == "super"):
                        sites.append(_site(f"{path}:{call.lineno}", call, default_ok=True))
            elif isinstance(node, ast.Call) and _name(node.func) in classes:
                name = _name(node.func) or ""
                if _takes_template(name, classes):
                    sites.append(_site(where, node, default_ok=_has_default(name, classes)))
            elif isinstance(node, ast.Call) and _name(node.func) in forwarders:
                sites.append(_site(where, node, default_ok=False))
    return sites


def _site(where: str, call: ast.Call, *, default_ok: bool) -> ErrorSite:
    first = call.args[0] if call.args else None
    if first is None or (isinstance(first, ast.Constant) and first.value is None):
        return ErrorSite(where, None, "" if default_ok else "no template (and no default)")
    text = _literal(first)
    if isinstance(first, ast.Name) and first.id == "template":
        return ErrorSite(where, None)  # passed on by a forwarder, whose callers are checked
    if text is None:
        return ErrorSite(where, None, "the template is not a string literal")
    given = {k.arg for k in call.keywords}
    if None not in given:  # no **params: the fields must be exactly the names given
        from fieldapp.domain.errors import fields_of

        wanted = set(fields_of(text))
        if not wanted <= given:
            return ErrorSite(where, text, f"no value for {sorted(wanted - given)}")
    return ErrorSite(where, text)


#: Modules whose errors only an administrator at a terminal meets: HQ's server and command
#: line, the device's command line, and the form author's tools (definitions, XLSForm,
#: expressions). Their templates stay English and are left out of the `.ts`.
ADMIN_ONLY = ("fieldapp/hq/", "fieldapp/cli/", "fieldapp/formkit/loader.py",
              "fieldapp/formkit/xlsform.py", "fieldapp/formkit/expr.py")


def error_templates(package: Path = PACKAGE) -> list[str]:
    """Every error template a window user can meet (raised outside `ADMIN_ONLY`), once each."""
    return sorted({s.template for s in error_sites(package)
                   if s.template and not s.where.startswith(ADMIN_ONLY)})


def _stub_source() -> str:
    from fieldapp import vocabulary
    from fieldapp.domain import errors
    from fieldapp.reports import labels

    lines = ["# Generated by fieldapp.ui.i18n_build for lupdate; not kept."]
    for context, texts in ((vocabulary.CONTEXT, vocabulary.phrases()), ("Reports",
                                                                        labels.phrases()),
                           (errors.CONTEXT, error_templates())):
        lines += [f"QT_TRANSLATE_NOOP({context!r}, {text!r})" for text in texts]
    return "\n".join(lines) + "\n"


def build() -> int:
    ts = resource_path("i18n", "fieldapp_km.ts")
    qm = ts.with_suffix(".qm")
    # Every window module (forms and reports included) and the words below the window.
    stub = ts.with_name(STUB)
    stub.write_text(_stub_source(), "utf-8")
    sources = sorted(str(p) for p in UI_DIR.rglob("*.py")) + [str(stub)]
    # The entity registry's labels (marked with QT_TRANSLATE_NOOP, context "Labels").
    sources.append(str(UI_DIR.parent / "domain" / "entities.py"))
    try:
        subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(ts), "-target-language",
                        "km_KH", "-no-obsolete"], check=True)
    finally:
        stub.unlink()
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
