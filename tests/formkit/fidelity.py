"""Side-by-side views of a workbook: pyxform's own parse and our conversion, normalised."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pyxform.aliases import yes_no
from pyxform.xls2json import parse_file_to_json

from fieldapp.formkit.loader import load_form_text
from fieldapp.formkit.model import Field, Group, SelectOneField
from fieldapp.formkit.xlsform import Conversion

_GROUPS = ("group", "repeat", "loop")


def _flag(value: Any) -> Any:
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    if str(value) in yes_no:
        return bool(yes_no[str(value)])
    return str(value)


def pyxform_view(path: Path) -> dict[str, dict[str, Any]]:
    """Question name → required, relevant, constraint, choices, as pyxform reads them."""
    data = parse_file_to_json(str(path))
    lists = data.get("choices") or {}
    out: dict[str, dict[str, Any]] = {}

    def walk(children: list[dict[str, Any]]) -> None:
        for c in children:
            if c.get("type") in _GROUPS or "children" in c:
                if c.get("name") != "meta":
                    walk(c.get("children") or [])
                continue
            if c.get("type") in ("calculate", "start", "end", "today", "deviceid", "username"):
                continue
            bind = c.get("bind") or {}
            choices = c.get("choices") or lists.get(c.get("itemset") or c.get("list_name") or "")
            out[c["name"]] = {
                "required": _flag(bind.get("required")),
                "relevant": bind.get("relevant") or None,
                "constraint": bind.get("constraint") or None,
                "choices": [str(x["name"]) for x in choices] if choices else None,
            }

    walk(data.get("children") or [])
    return out


def our_view(conv: Conversion) -> dict[str, dict[str, Any]]:
    form = load_form_text(conv.yaml_text, "converted")
    out: dict[str, dict[str, Any]] = {}
    for it in form.walk():
        if isinstance(it, Group) or not isinstance(it, Field) or it.is_computed:
            continue
        if it.type_name == "metadata":
            continue
        req = it.required.source if it.required is not None else None
        choices = None
        if isinstance(it, SelectOneField):
            choices = [c.value for c in form.choices[it.list_name].choices]
        out[it.name] = {
            "required": True if req == "true()" else (req or False),
            "relevant": it.relevant.source if it.relevant else None,
            "constraint": it.constraint.source if it.constraint else None,
            "choices": choices,
        }
    return out
