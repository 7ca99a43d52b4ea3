"""XLSForm (.xlsx from ODK / KoboToolbox) → our form YAML, listing everything not carried over.

The workbook is read with pyxform's own reader (``xlsx_to_dict``), so cell handling matches
what ODK tools see. The conversion is deliberately lossy-but-loud: every row, column or
expression we do not support is reported by sheet and row ("survey row 12: type
'geopoint' is not supported") in ``Conversion.unsupported`` and left out, so the YAML
always loads with ``load_form``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pyxform.aliases import yes_no
from pyxform.errors import PyXFormError
from pyxform.xls2json_backends import xlsx_to_dict

from fieldapp.formkit.errors import DefinitionError, ExpressionError
from fieldapp.formkit.expr import parse
from fieldapp.formkit.loader import NAME_RE, RECORDS, load_form_text

# XLSForm type (after lower-casing and turning spaces into '_') → our type.
_TYPES = {
    "text": "text",
    "string": "text",
    "integer": "integer",
    "int": "integer",
    "decimal": "decimal",
    "date": "date",
    "datetime": "datetime",
    "note": "note",
    "calculate": "calculate",
    "acknowledge": "acknowledge",
    "image": "image",
    "photo": "image",
    "audio": "audio",
    "file": "file",
}
_SELECTS = {
    "select_one": "select_one",
    "select1": "select_one",
    "select_multiple": "select_multiple",
    "select_all_that_apply": "select_multiple",
}
_BEGIN = {"begin_group": "group", "begin_repeat": "repeat", "begin_loop": None}
_END = {"end_group": "group", "end_repeat": "repeat", "end_loop": None}
_METADATA = {
    "start", "end", "today", "deviceid", "imei", "username", "email", "phonenumber",
    "subscriberid", "simserial", "audit", "start-geopoint", "start_geopoint",
}  # fmt: skip
# Survey columns we carry over; translatable ones may have ``::Language (code)``.
_TRANSLATED = {"label", "hint", "constraint_message", "required_message"}
_PLAIN = {
    "type", "name", "required", "relevant", "constraint", "calculation", "default",
    "read_only", "readonly", "choice_filter", "appearance",
}  # fmt: skip
_EXPR_COLUMNS = ("relevant", "constraint", "calculation", "choice_filter", "required")
_LANG_NAMES = {"english": "en", "khmer": "km", "en": "en", "km": "km"}


@dataclass
class Conversion:
    yaml_text: str
    unsupported: list[str] = field(default_factory=list)


def convert(xlsx_path: str | Path, *, record: str | None = None) -> Conversion:
    """Convert an XLSForm workbook; ``record`` (or a ``record`` settings column) says what it makes.

    Raises ``DefinitionError`` only when the workbook cannot be read at all or has no survey.
    """
    path = Path(xlsx_path)
    try:
        book = xlsx_to_dict(str(path))
    except PyXFormError as exc:
        raise DefinitionError(f"cannot read the XLSForm: {exc}", file=str(path)) from None
    return _Converter(book, path, record).run()


def _lang_of(column: str) -> tuple[str, str | None]:
    """``label::Khmer (km)`` → ``("label", "km")``; ``label`` → ``("label", None)``."""
    base, sep, lang = column.partition("::")
    if not sep:
        return column.strip().lower(), None
    m = re.search(r"\(([^)]+)\)\s*$", lang)
    code = (m.group(1) if m else lang).strip().lower()
    return base.strip().lower(), _LANG_NAMES.get(code, code)


class _Converter:
    def __init__(self, book: dict[str, Any], path: Path, record: str | None) -> None:
        self.book = book
        self.path = path
        self.record = record
        self.notes: list[tuple[str, int, str]] = []
        self.names: set[str] = set()
        self.default_lang = "en"

    def note(self, sheet: str, row: int | None, message: str) -> None:
        self.notes.append(
            (sheet, row or 0, f"{sheet} row {row}: {message}" if row else f"{sheet}: {message}")
        )

    # --------------------------------------------------------------------------- run

    def run(self) -> Conversion:
        if not self.book.get("survey"):
            raise DefinitionError("the workbook has no 'survey' sheet", file=str(self.path))
        for sheet in self.book.get("sheet_names", []):
            if sheet.lower() not in ("survey", "choices", "settings"):
                self.note(sheet, None, f"sheet '{sheet}' is not supported and was ignored")
        settings = (self.book.get("settings") or [{}])[0]
        form = self.settings(settings)
        choices = self.choices()
        fields = self.survey(choices)
        used = {f["type"].split()[1] for f in _walk(fields) if f["type"].startswith("select_")}
        form["choices"] = {k: v for k, v in choices.items() if k in used}
        if not form["choices"]:
            del form["choices"]
        self.prune_references(fields, choices)
        form["fields"] = fields
        text = yaml.safe_dump(form, allow_unicode=True, sort_keys=False, width=100)
        # The result must load: if it does not, this converter has a bug worth a clear error.
        load_form_text(text, f"{self.path} (converted)")
        # Reported in sheet and row order, whichever pass found the problem.
        return Conversion(text, [n[2] for n in sorted(self.notes, key=lambda n: n[:2])])

    # ---------------------------------------------------------------------- settings

    def settings(self, settings: dict[str, str]) -> dict[str, Any]:
        lang = settings.get("default_language")
        if lang:
            self.default_lang = _lang_of(f"x::{lang}")[1] or "en"
        form_id = settings.get("form_id") or re.sub(r"\W+", "_", self.path.stem).strip("_")
        if not NAME_RE.match(form_id):
            self.note("settings", 2, f"form_id '{form_id}' is not a valid name; used 'imported'")
            form_id = "imported"
        record = self.record or settings.get("record")
        if record not in RECORDS:
            self.note(
                "settings",
                2,
                f"no known record type given ({record!r}); set 'record:' to one of "
                f"{', '.join(sorted(RECORDS))} — 'victim' was assumed",
            )
            record = "victim"
        title: dict[str, str] = {}
        for col, value in settings.items():
            base, lang = _lang_of(col)
            if base == "form_title":
                title[lang or self.default_lang] = value
        for col in settings:
            base, _ = _lang_of(col)
            if base not in ("form_title", "form_id", "version", "default_language", "record"):
                self.note("settings", 2, f"setting '{col}' is not supported and was ignored")
        return {
            "form_id": form_id,
            "version": str(settings.get("version") or "1"),
            "title": self.keep_langs(title, "settings", 2, "form_title") or {"en": form_id},
            "record": record,
        }

    def keep_langs(self, texts: dict[str, str], sheet: str, row: int, column: str
                   ) -> dict[str, str]:  # fmt: skip
        kept = {k: v for k, v in texts.items() if k in ("en", "km")}
        for lang in sorted(set(texts) - set(kept)):
            self.note(
                sheet, row, f"{column} in language '{lang}' dropped (only en and km are kept)"
            )
        return kept

    # ----------------------------------------------------------------------- choices

    def choices(self) -> dict[str, list[dict[str, Any]]]:
        lists: dict[str, list[dict[str, Any]]] = {}
        for i, row in enumerate(self.book.get("choices") or []):
            rownum = i + 2
            if not row:
                continue
            list_name = row.get("list_name") or row.get("list name")
            value = row.get("name") or row.get("value")
            if not list_name or value is None:
                self.note("choices", rownum, "needs both list_name and name; row skipped")
                continue
            if not NAME_RE.match(list_name):
                self.note("choices", rownum, f"list name '{list_name}' is not valid; row skipped")
                continue
            if " " in value:
                self.note("choices", rownum, f"choice '{value}' contains a space; row skipped")
                continue
            if any(c["value"] == value for c in lists.get(list_name, [])):
                self.note("choices", rownum, f"choice '{value}' repeats in '{list_name}'; skipped")
                continue
            choice: dict[str, Any] = {"value": value}
            label: dict[str, str] = {}
            for col, cell in row.items():
                base, lang = _lang_of(col)
                if base in ("list_name", "list name", "name", "value"):
                    continue
                if base == "label":
                    label[lang or self.default_lang] = cell
                elif lang is None and NAME_RE.match(base):
                    choice[base] = cell  # an extra column, for choice_filter
                else:
                    self.note("choices", rownum, f"column '{col}' is not supported")
            choice["label"] = self.keep_langs(label, "choices", rownum, "label") or {"en": value}
            lists.setdefault(list_name, []).append(choice)
        return lists

    # ------------------------------------------------------------------------ survey

    def survey(self, choices: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
        root: list[dict[str, Any]] = []
        stack: list[tuple[str, list[dict[str, Any]], int]] = []  # kind, children, begin row
        skipping: list[int] = []  # begin rows of groups/loops being skipped
        for i, row in enumerate(self.book["survey"]):
            rownum = i + 2
            if not row:
                continue
            raw_type = " ".join(str(row.get("type", "")).split())
            words = raw_type.split(" ")
            kind = words[0].lower().replace("-", "_") if words[0] else ""
            if len(words) > 1 and f"{kind}_{words[1].lower()}" in {**_BEGIN, **_END, **_SELECTS}:
                kind = f"{kind}_{words[1].lower()}"  # "begin group", "select one"
                words = [kind, *words[2:]]
            target = stack[-1][1] if stack else root
            if kind in _BEGIN:
                opened = _BEGIN[kind]
                if skipping or opened is None:
                    if not skipping:
                        self.note("survey", rownum, f"type '{raw_type}' is not supported; "
                                  "its contents were skipped")  # fmt: skip
                    skipping.append(rownum)
                    continue
                item = self.item(row, rownum, opened, None)
                if item is None:
                    skipping.append(rownum)
                    continue
                item["fields"] = []
                target.append(item)
                stack.append((opened, item["fields"], rownum))
                continue
            if kind in _END:
                if skipping:
                    skipping.pop()
                elif not stack or stack[-1][0] != _END[kind]:
                    self.note("survey", rownum, f"'{raw_type}' has no matching begin; ignored")
                else:
                    _, children, begin = stack.pop()
                    if not children:
                        self.note("survey", begin, "group or repeat left empty; removed")
                        target_parent = stack[-1][1] if stack else root
                        target_parent.pop()
                continue
            if skipping:
                continue
            item = self.question(row, rownum, kind, words, raw_type, choices)
            if item is not None:
                target.append(item)
        for _, _, begin in stack:
            self.note("survey", begin, "group or repeat is never closed; closed at the end")
        return root

    def question(self, row: dict[str, str], rownum: int, kind: str, words: list[str],
                 raw_type: str, choices: dict[str, Any]) -> dict[str, Any] | None:  # fmt: skip
        if kind in _METADATA:
            self.note("survey", rownum, f"metadata type '{raw_type}' is not supported "
                      "(the app records who, when and which device itself)")  # fmt: skip
            return None
        if kind in _SELECTS:
            if len(words) < 2:
                self.note("survey", rownum, f"'{raw_type}' names no choice list; row skipped")
                return None
            list_name = words[1]
            if len(words) > 2:
                extra = " ".join(words[2:])
                self.note("survey", rownum, f"'{extra}' in type '{raw_type}' is not supported "
                          "(no free-text 'other' box); converted without it")  # fmt: skip
            if list_name not in choices:
                self.note("survey", rownum, f"choice list '{list_name}' is missing; row skipped")
                return None
            our_type = f"{_SELECTS[kind]} {list_name}"
        elif kind in _TYPES and len(words) == 1:
            our_type = _TYPES[kind]
        else:
            self.note("survey", rownum, f"type '{raw_type}' is not supported")
            return None
        return self.item(row, rownum, our_type, kind)

    def item(self, row: dict[str, str], rownum: int, our_type: str, kind: str | None
             ) -> dict[str, Any] | None:  # fmt: skip
        name = row.get("name", "")
        if not NAME_RE.match(name):
            self.note("survey", rownum, f"name {name!r} is not valid here; row skipped")
            return None
        if name in self.names:
            self.note("survey", rownum, f"name '{name}' is used twice (names must be unique "
                      "in the whole form); row skipped")  # fmt: skip
            return None
        out: dict[str, Any] = {"type": our_type, "name": name}
        texts: dict[str, dict[str, str]] = {}
        for col, cell in row.items():
            base, lang = _lang_of(col)
            if base in ("type", "name"):
                continue
            if base in _TRANSLATED:
                texts.setdefault(base, {})[lang or self.default_lang] = cell
            elif lang is not None or base not in _PLAIN:
                self.note("survey", rownum, f"column '{col}' is not supported (value dropped)")
            elif base in ("required", "read_only", "readonly"):
                key = "read_only" if base != "required" else "required"
                flag = yes_no.get(cell)
                if flag is not None:
                    if flag:
                        out[key] = True
                elif key == "required" and self.expression_ok(cell, rownum, base):
                    out[key] = cell
            elif base in _EXPR_COLUMNS:
                if self.expression_ok(cell, rownum, base):
                    out["calculate" if base == "calculation" else base] = cell
            elif base == "default":
                out["default"] = cell
            elif base == "appearance":
                out["appearance"] = cell
        for key in ("hint", "label"):  # label first when read, as in our own forms
            kept = self.keep_langs(texts.pop(key, {}), "survey", rownum, key)
            if kept:
                out = {"type": out.pop("type"), "name": out.pop("name"), key: kept, **out}
        for key, values in texts.items():
            kept = self.keep_langs(values, "survey", rownum, key)
            if kept:
                out[key] = kept
        if kind == "calculate" and "calculate" not in out:
            self.note("survey", rownum, "calculate row without a usable calculation; skipped")
            return None
        visible = our_type not in ("group", "repeat", "calculate")
        if visible and "label" not in out:
            out["label"] = {"en": name}
            self.note("survey", rownum, f"'{name}' has no label; its name is used as the label")
        if "choice_filter" in out and not our_type.startswith("select_"):
            self.note("survey", rownum, "choice_filter on a non-select row dropped")
            del out["choice_filter"]
        out["_row"] = rownum  # removed before output; lets later passes name the row
        self.names.add(name)
        return out

    def expression_ok(self, source: str, rownum: int, column: str) -> bool:
        try:
            parse(source)
        except ExpressionError as exc:
            self.note("survey", rownum, f"{column} '{source}' is not supported ({exc}); dropped")
            return False
        return True

    def prune_references(self, fields: list[dict[str, Any]], choices: dict[str, Any]) -> None:
        """Drop expressions that mention what was not converted, until nothing changes.

        Dropping a calculation removes its calculate row, which may orphan another
        expression, hence the loop. Every drop is reported.
        """
        changed = True
        while changed:
            changed = False
            valid = {f["name"] for f in _walk(fields) if f["type"] not in ("group", "note")}
            for f in _walk(fields):
                for key in ("relevant", "constraint", "calculate", "choice_filter", "required"):
                    src = f.get(key)
                    if not isinstance(src, str):
                        continue
                    expr = parse(src)
                    missing = sorted(expr.refs - valid)
                    if key == "choice_filter":
                        cols = {k for c in choices[f["type"].split()[1]] for k in c}
                        missing += sorted(expr.columns - cols - {"name"})
                    if missing:
                        self.note("survey", f["_row"], f"{key} uses '{missing[0]}', which was "
                                  "not converted; the expression was dropped")  # fmt: skip
                        del f[key]
                        changed = True
            for siblings in [fields, *(f["fields"] for f in _walk(fields) if "fields" in f)]:
                for f in list(siblings):
                    if f["type"] == "calculate" and "calculate" not in f:
                        self.note("survey", f["_row"], f"calculate '{f['name']}' removed")
                        siblings.remove(f)
                        changed = True
        for f in _walk(fields):
            del f["_row"]


def _walk(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for f in fields:
        out.append(f)
        out.extend(_walk(f.get("fields", [])))
    return out
