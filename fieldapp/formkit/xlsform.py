"""XLSForm (.xlsx/.xls from ODK / KoboToolbox) → our form YAML, listing everything not carried over.

The workbook is read with pyxform's own readers, and the syntax pyxform accepts is read
the way pyxform reads it: case-insensitive headers, legacy ``label:English`` and
``bind:relevant`` headers, pyxform's column and type aliases (``select one from LIST``,
``select all that apply``), smart quotes in expressions, the ``settings`` sheet.

The conversion is lossy-but-loud, and robust per cell: a value we cannot use is reported
by sheet and row ("survey row 12: required 'basic' is not yes, no or an expression;
left out") and left out, never failing the whole import; a name that is not valid is made
valid and reported (references to it follow). The YAML written always loads.

Questions are bound to record fields where the record has one (by HTCDS name and the
alias table in ``fieldapp.formkit.mapping``); ``Conversion.mapped`` lists them. Every
other answer is kept with the record as an extra answer (``fieldapp.services.answers``).
"""

from __future__ import annotations

import re
import zipfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pyxform import aliases
from pyxform.errors import PyXFormError

from fieldapp.formkit import mapping
from fieldapp.formkit.errors import DefinitionError, ExpressionError
from fieldapp.formkit.expr import parse
from fieldapp.formkit.loader import (
    CHOICES_DIR,
    IMPORTED_MARK,
    NAME_RE,
    RECORDS,
    TEXT_REF_RE,
    is_dynamic_default,
    load_form_text,
    load_shared_choices,
)
from fieldapp.formkit.model import FIELD_TYPES, METADATA_KINDS, ChoiceList

# XLSForm type (lower-cased, spaces as '_') → our type.
_TYPES = {
    "text": "text", "string": "text", "integer": "integer", "int": "integer",
    "decimal": "decimal", "date": "date", "datetime": "datetime", "datetime_": "datetime",
    "time": "time", "note": "note", "calculate": "calculate", "acknowledge": "acknowledge",
    "image": "image", "photo": "image", "audio": "audio", "file": "file",
    "geopoint": "geopoint", "gps": "geopoint", "location": "geopoint",
    "phone_number": "text",
}  # fmt: skip
_CONTROL = {"group": "group", "repeat": "repeat", "lgroup": "repeat", "looped_group": "repeat",
            "loop": None}  # fmt: skip
#: pyxform's metadata types → what fills them in (imei is the old name of deviceid).
_METADATA = {k: k for k in METADATA_KINDS} | {"imei": "deviceid"}
_UNSUPPORTED_METADATA = {
    "email", "phonenumber", "subscriberid", "simserial", "audit", "start_geopoint",
    "start-geopoint", "background_audio", "background-audio",
}  # fmt: skip
# Survey columns (after aliases) we carry over; translatable ones may have ``::Language``.
_TRANSLATED = {"label", "hint", "constraint_message", "required_message"}
_PLAIN = {
    "type", "name", "required", "relevant", "constraint", "calculation", "default",
    "read_only", "choice_filter", "appearance",
}  # fmt: skip
_EXPR_COLUMNS = ("relevant", "constraint", "calculation", "choice_filter", "required",
                 "read_only")  # fmt: skip
_LANG_NAMES = {"english": "en", "khmer": "km", "en": "en", "km": "km"}
#: Column aliases (pyxform's, and what its ``bind::``/``control::`` headers name).
_SURVEY_ALIASES = {
    "caption": "label", "relevance": "relevant", "readonly": "read_only",
    "constraining_message": "constraint_message", "constraintmsg": "constraint_message",
    "jr:constraintmsg": "constraint_message", "calculate": "calculation",
    "requiredmsg": "required_message", "jr:requiredmsg": "required_message",
    "command": "type", "tag": "name", "jr:count": "repeat_count", "count": "repeat_count",
    "list name": "list_name", "value": "name",
}  # fmt: skip
#: Prefixes that old forms write with one colon (``label:English``, ``bind:relevant``).
_PREFIXES = {"label", "hint", "constraint_message", "required_message", "media", "image",
             "audio", "video", "bind", "control", "guidance_hint", "jr"}  # fmt: skip
_SMART = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'"})
_READERS = (".xlsx", ".xlsm", ".xls", ".csv")


@dataclass
class Conversion:
    yaml_text: str
    unsupported: list[str] = field(default_factory=list)
    #: "question → record field" lines for every question bound to a record column.
    mapped: list[str] = field(default_factory=list)
    form_id: str = ""
    record: str = ""


def read_workbook(path: Path) -> dict[str, Any]:
    """The workbook as pyxform reads it; a one-line ``DefinitionError`` for anything else."""
    if not path.exists():
        raise DefinitionError("no such file: {path}", path=path)
    if path.is_dir():
        raise DefinitionError("{path} is a folder; give an XLSForm workbook (.xlsx or .xls)",
                              path=path)
    suffix = path.suffix.lower()
    if suffix not in _READERS:
        raise DefinitionError("{name} is not an XLSForm workbook: save it as .xlsx or .xls (or "
                              "pyxform's .csv layout)",
                              name=path.name)  # fmt: skip
    from pyxform import xls2json_backends as backends

    reader = {".xls": backends.xls_to_dict, ".csv": backends.csv_to_dict}.get(
        suffix, backends.xlsx_to_dict)
    try:
        book = reader(str(path))
    except PyXFormError as exc:
        raise DefinitionError("cannot read {name}: {value}",
                              name=path.name, value=_one_line(exc)) from None
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise DefinitionError("cannot read {name}: it is not a readable {suffix} workbook ({name2})",
                              name=path.name, suffix=suffix[1:], name2=type(exc).__name__) from None
    except Exception as exc:  # noqa: BLE001 - xlrd/openpyxl raise their own error types
        raise DefinitionError("cannot read {name}: not a readable workbook ({name2})",
                              name=path.name, name2=type(exc).__name__) from None
    if not isinstance(book, dict):
        raise DefinitionError("cannot read {name}: not an XLSForm workbook", name=path.name)
    return book


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300]


def convert(xlsx_path: str | Path, *, record: str | None = None,
            forms_dir: str | Path | None = None, form_id: str | None = None) -> Conversion:
    """Convert an XLSForm workbook; ``record`` (or a ``record`` settings column) says what it makes.

    ``forms_dir`` holds the shared choice lists a ``select_one_from_file`` may use (the
    app's forms/ by default). Raises ``DefinitionError`` (one line) only when the
    workbook cannot be read at all or has no survey sheet.
    """
    path = Path(xlsx_path)
    book = read_workbook(path)
    if forms_dir is None:
        from fieldapp.resources import forms_dir as shipped_dir

        forms_dir = shipped_dir()
    try:
        shared = load_shared_choices(Path(forms_dir) / CHOICES_DIR)
    except DefinitionError:
        shared = {}
    converter = _Converter(book, path, record, shared)
    converter.form_id = form_id
    return converter.run()


def _lang_of(column: str) -> tuple[str, str | None]:
    """``label::Khmer (km)`` → ``("label", "km")``; ``label`` → ``("label", None)``."""
    base, sep, lang = column.partition("::")
    if not sep:
        return column.strip().lower(), None
    m = re.search(r"\(([^)]+)\)\s*$", lang)
    code = (m.group(1) if m else lang).strip().lower()
    return base.strip().lower(), _LANG_NAMES.get(code, code)


def normalise_header(column: str) -> str:
    """A header the way pyxform reads it: case-insensitive, legacy colons, aliases.

    ``LABEL::English (en)`` → ``label::English (en)``; ``label:English`` →
    ``label::English``; ``bind:relevant`` / ``bind::jr:constraintMsg`` → ``relevant`` /
    ``constraint_message``; ``caption`` → ``label``. The language part keeps its case.
    """
    col = " ".join(str(column).split())
    base, sep, rest = col.partition("::")
    if not sep and ":" in col:
        head, _, tail = col.partition(":")
        if head.strip().lower() in _PREFIXES:
            base, sep, rest = head, "::", tail
    base = base.strip().lower()
    if base in ("bind", "control") and sep:
        inner = rest.strip().lower()
        return _SURVEY_ALIASES.get(inner, inner)
    base = _SURVEY_ALIASES.get(base, base)
    if base == "list_name":
        return base
    return f"{base}::{rest.strip()}" if sep else base


def _clean_rows(rows: Any) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for row in rows or []:
        clean: dict[str, str] = {}
        if isinstance(row, dict):
            for col, cell in row.items():
                if cell is None or str(cell).strip() == "":
                    continue
                key = normalise_header(col)
                clean.setdefault(key, str(cell).strip())
        out.append(clean)
    return out


def _smart(text: str) -> str:
    return text.translate(_SMART)


def _valid_name(name: str) -> str:
    fixed = re.sub(r"[^A-Za-z0-9_]", "_", name.strip())
    if not fixed or not re.match(r"[A-Za-z_]", fixed):
        fixed = f"_{fixed}"
    return fixed


class _Converter:
    def __init__(self, book: dict[str, Any], path: Path, record: str | None,
                 shared: dict[str, ChoiceList]) -> None:  # fmt: skip
        self.book = {str(k).lower(): v for k, v in book.items()}
        self.path = path
        self.record = record
        self.shared = shared
        self.notes: list[tuple[str, int, str]] = []
        self.names: set[str] = set()
        self.renamed: dict[str, str] = {}  # workbook name → our valid name
        self.default_lang = "en"
        self.mapped: list[str] = []
        self.added_lists: dict[str, list[dict[str, Any]]] = {}
        self.used_shared: set[str] = set()
        self.form_id: str | None = None
        self.bound: set[str] = set()  # record columns a question already fills

    def note(self, sheet: str, row: int | None, message: str) -> None:
        self.notes.append(
            (sheet, row or 0, f"{sheet} row {row}: {message}" if row else f"{sheet}: {message}")
        )

    # --------------------------------------------------------------------------- run

    def run(self) -> Conversion:
        survey = _clean_rows(self.book.get("survey"))
        if not any(survey):
            raise DefinitionError("{name} has no 'survey' sheet with questions",
                                  name=self.path.name)
        for sheet in self.book.get("sheet_names", []):
            if str(sheet).lower() not in ("survey", "choices", "settings"):
                self.note(str(sheet), None, f"sheet '{sheet}' is not supported and was ignored")
        settings_rows = _clean_rows(self.book.get("settings"))
        form = self.settings(settings_rows[0] if settings_rows else {})
        self.rename_survey(survey)
        choices = self.choices(_clean_rows(self.book.get("choices")))
        fields = self.survey(survey, choices, form["record"])
        choices.update(self.added_lists)
        used = {f["type"].split()[1] for f in _walk(fields) if f["type"].startswith("select_")}
        form["choices"] = {k: v for k, v in choices.items() if k in used}
        if not form["choices"]:
            del form["choices"]
        self.prune_references(fields, {**choices, **{k: [
            {"value": c.value, **dict(c.columns)} for c in v.choices]
            for k, v in self.shared.items()}})
        form["fields"] = fields
        text = self.loadable(form)
        notes = [n[2] for n in sorted(self.notes, key=lambda n: n[:2])]
        header = (f"{IMPORTED_MARK} from {self.path.name} by fieldapp forms import-xlsform\n")
        return Conversion(header + text, notes, self.mapped, form["form_id"], form["record"])

    def loadable(self, form: dict[str, Any]) -> str:
        """YAML that loads: whatever the loader still refuses is reported and left out.

        The per-cell checks above catch what we know of; this is the net under them (two
        relevants that depend on each other, say), so an import never fails as a whole.
        """
        for _ in range(200):
            clean = _strip_rows(form)
            text = yaml.safe_dump(clean, allow_unicode=True, sort_keys=False, width=100)
            try:
                load_form_text(text, f"{self.path.name} (converted)", self.shared)
            except DefinitionError as exc:
                if not self.drop_for(form, exc):
                    raise DefinitionError("{name}: could not be converted ({reason})",
                                          name=self.path.name, reason=exc.reason) from None  # fmt: skip
                continue
            return text
        raise DefinitionError("{name}: too many problems to convert", name=self.path.name)

    def drop_for(self, form: dict[str, Any], exc: DefinitionError) -> bool:
        """Leave out what ``exc`` complains about; False if it names nothing we can drop."""
        target = next((f for f in _walk(form["fields"]) if f["name"] == exc.field), None)
        if target is None:
            return False
        row = target.get("_row")
        message = exc.reason
        keys: list[str]
        if "in a circle" in message:
            keys = [k for k in ("relevant", "calculate") if k in target]
        else:
            keys = [k for k in ("relevant", "constraint", "calculate", "choice_filter",
                                "required", "read_only", "default")
                    if message.startswith(f"{k}:") or f"({k})" in message
                    or message.startswith(f"{k} ")]  # fmt: skip
            if not keys and "label or hint" in message:
                keys = [k for k in ("label", "hint") if k in target]
        if keys:
            for k in keys:
                target.pop(k, None)
            self.note("survey", row, f"{', '.join(keys)} of '{target['name']}' left out: "
                      f"{message}")  # fmt: skip
            if target["type"] == "calculate" and "calculate" not in target:
                _remove(form["fields"], target)
            elif "label" in keys and target["type"] not in ("calculate", "group", "repeat"):
                target["label"] = {"en": target["name"]}
            return True
        _remove(form["fields"], target)
        self.note("survey", row, f"'{target['name']}' left out: {message}")
        return True

    # ---------------------------------------------------------------------- settings

    def settings(self, settings: dict[str, str]) -> dict[str, Any]:
        lang = settings.get("default_language")
        if lang:
            self.default_lang = _lang_of(f"x::{lang}")[1] or "en"
            if self.default_lang not in ("en", "km"):
                self.note("settings", 2, f"default_language '{lang}' is neither English nor "
                          "Khmer; its texts are dropped unless also given in en or km")  # fmt: skip
        raw_id = (self.form_id or settings.get("form_id") or settings.get("id_string")
                  or self.path.stem)
        form_id = _valid_name(raw_id).strip("_") or "imported"
        form_id = form_id if NAME_RE.match(form_id) else "imported"
        if form_id != raw_id:
            self.note("settings", 2 if settings.get("form_id") else None,
                      f"form_id '{raw_id}' is not a valid name; '{form_id}' used")  # fmt: skip
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
        known = ("form_title", "title", "form_id", "id_string", "version", "default_language",
                 "record")  # fmt: skip
        for col, value in settings.items():
            base, lang = _lang_of(col)
            if base in ("form_title", "title"):
                title[lang or self.default_lang] = value
            elif base not in known:
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

    def choices(self, rows: list[dict[str, str]]) -> dict[str, list[dict[str, Any]]]:
        lists: dict[str, list[dict[str, Any]]] = {}
        for i, row in enumerate(rows):
            rownum = i + 2
            if not row:
                continue
            list_name = _smart(row.get("list_name") or "")
            value = _smart(row.get("name") or "")
            if not list_name or not value:
                self.note("choices", rownum, "needs both list_name and name; row skipped")
                continue
            if not NAME_RE.match(list_name):
                fixed = _valid_name(list_name)
                self.note("choices", rownum, f"list name '{list_name}' is not valid; "
                          f"'{fixed}' used")  # fmt: skip
                list_name = fixed
            if " " in value:
                fixed = "_".join(value.split())
                self.note("choices", rownum, f"choice '{value}' contains a space; '{fixed}' "
                          "stored instead")  # fmt: skip
                value = fixed
            if any(c["value"] == value for c in lists.get(list_name, [])):
                self.note("choices", rownum, f"choice '{value}' repeats in '{list_name}'; skipped")
                continue
            choice: dict[str, Any] = {"value": value}
            label: dict[str, str] = {}
            for col, cell in row.items():
                base, lang = _lang_of(col)
                if base in ("list_name", "name"):
                    continue
                if base == "label":
                    lang = lang or self.default_lang
                    if lang in label and label[lang] != cell:
                        self.note("choices", rownum, f"two labels in language '{lang}'; "
                                  f"the one in column '{col}' was dropped")  # fmt: skip
                        continue
                    label[lang] = cell
                elif lang is None and NAME_RE.match(base) and base not in ("value", "label"):
                    choice[base] = cell  # an extra column, for choice_filter
                else:
                    self.note("choices", rownum, f"column '{col}' is not supported")
            choice["label"] = self.keep_langs(label, "choices", rownum, "label") or {"en": value}
            lists.setdefault(list_name, []).append(choice)
        return lists

    # ------------------------------------------------------------------------ survey

    def rename_survey(self, survey: list[dict[str, str]]) -> None:
        """Make every name valid and unique up front, so references can follow renames."""
        taken: set[str] = set()
        for row in survey:
            name = _smart(row.get("name", ""))
            if name and NAME_RE.match(name):
                taken.add(name)
        for i, row in enumerate(survey):
            name = _smart(row.get("name", ""))
            if not name or NAME_RE.match(name):
                continue
            fixed = base = _valid_name(name)
            n = 2
            while fixed in taken:
                fixed = f"{base}_{n}"
                n += 1
            taken.add(fixed)
            self.renamed.setdefault(name, fixed)
            row["name"] = fixed
            self.note("survey", i + 2, f"name '{name}' is not valid here; renamed '{fixed}'")

    def fix_refs(self, source: str) -> str:
        """An expression from the workbook: smart quotes straightened, renamed refs followed."""
        source = _smart(source)
        if self.renamed:
            source = re.sub(r"\$\{([^}]*)\}",
                            lambda m: "${" + self.renamed.get(m.group(1).strip(),
                                                              m.group(1).strip()) + "}",
                            source)  # fmt: skip
        return source

    def survey(self, survey: list[dict[str, str]], choices: dict[str, list[dict[str, Any]]],
               record: str) -> list[dict[str, Any]]:  # fmt: skip
        root: list[dict[str, Any]] = []
        stack: list[tuple[str, list[dict[str, Any]], int]] = []  # kind, children, begin row
        skipping: list[int] = []  # begin rows of groups/loops being skipped
        for i, row in enumerate(survey):
            rownum = i + 2
            if not row or not row.get("type"):
                if row and any(k != "type" for k in row):
                    self.note("survey", rownum, "row has no type; skipped")
                continue
            raw_type = " ".join(_smart(row["type"]).split())
            target = stack[-1][1] if stack else root
            control = _control(raw_type)
            if control is not None and control[0] == "begin":
                opened = _CONTROL.get(control[1])
                if skipping or opened is None:
                    if not skipping:
                        self.note("survey", rownum, f"type '{raw_type}' is not supported; "
                                  "its contents were skipped")  # fmt: skip
                    skipping.append(rownum)
                    continue
                item = self.item(row, rownum, opened, None, record)
                if item is None:
                    skipping.append(rownum)
                    continue
                if opened == "repeat" and row.get("repeat_count"):
                    self.note("survey", rownum, "repeat_count is not supported (entries are "
                              "added by hand)")  # fmt: skip
                item["fields"] = []
                target.append(item)
                stack.append((opened, item["fields"], rownum))
                continue
            if control is not None and control[0] == "end":
                kind = _CONTROL.get(control[1], "")
                if skipping:
                    skipping.pop()
                elif not stack or (kind is not None and stack[-1][0] != kind):
                    self.note("survey", rownum, f"'{raw_type}' has no matching begin; ignored")
                else:
                    _, children, begin = stack.pop()
                    if not children:
                        self.note("survey", begin, "group or repeat left empty; removed")
                        target_parent = stack[-1][1] if stack else root
                        target_parent.pop()
                continue
            if skipping:
                if row.get("name"):
                    self.note("survey", rownum, f"'{row['name']}' skipped with the unsupported "
                              f"block it is in (row {skipping[0]})")  # fmt: skip
                continue
            for item in self.question(row, rownum, raw_type, choices, record):
                target.append(item)
        for _, _, begin in stack:
            self.note("survey", begin, "group or repeat is never closed; closed at the end")
        return root

    def question(self, row: dict[str, str], rownum: int, raw_type: str,
                 choices: dict[str, Any], record: str) -> list[dict[str, Any]]:  # fmt: skip
        low = raw_type.lower()
        kind = low.replace(" ", "_").replace("-", "_")
        if kind in _METADATA:
            item = self.item(row, rownum, f"metadata {_METADATA[kind]}", "metadata", record)
            return [item] if item else []
        if kind in _UNSUPPORTED_METADATA:
            self.note("survey", rownum, f"metadata type '{raw_type}' is not supported "
                      "(the app records who, when and which device itself)")  # fmt: skip
            return []
        select = _select(raw_type)
        if select is not None:
            return self.select(row, rownum, raw_type, select, choices, record)
        our_type = _TYPES.get(kind)
        if our_type is None:
            self.note("survey", rownum, f"type '{raw_type}' is not supported")
            return []
        if our_type == "geopoint":
            self.note("survey", rownum, "geopoint is kept as coordinates TYPED by the officer "
                      "(never read from a location service), with a warning that a position "
                      "can reveal a victim or a shelter")  # fmt: skip
        item = self.item(row, rownum, our_type, kind, record)
        return [item] if item else []

    def select(self, row: dict[str, str], rownum: int, raw_type: str,
               select: tuple[str, list[str], bool], choices: dict[str, Any], record: str
               ) -> list[dict[str, Any]]:  # fmt: skip
        kind, words, from_file = select
        tail = " ".join(words[-3:]).lower()
        or_other = bool(words) and (words[-1].lower() == "or_other"
                                    or tail == "or specify other")  # pyxform's two spellings
        if or_other:
            words = words[:-3] if tail == "or specify other" else words[:-1]
        if kind == "rank" or kind.endswith("external"):
            self.note("survey", rownum, f"type '{raw_type}' is not supported")
            return []
        if len(words) != 1:
            self.note("survey", rownum, f"'{raw_type}' names no single choice list; row skipped")
            return []
        list_name = words[0]
        if from_file:
            stem = Path(list_name).stem
            if stem in self.shared:
                self.note("survey", rownum, f"'{list_name}' is read from the app's own list "
                          f"'{stem}'")  # fmt: skip
                self.used_shared.add(stem)
                list_name = stem
            else:
                self.note("survey", rownum, f"choices file '{list_name}' is not shipped with "
                          "the app; the question asks for the answer as text instead")
                item = self.item(row, rownum, "text", "text", record)
                return [item] if item else []
        elif list_name not in choices:
            if list_name in self.shared:
                self.used_shared.add(list_name)
            else:
                fixed = _valid_name(list_name)
                if fixed not in choices:
                    self.note("survey", rownum, f"choice list '{list_name}' is missing; the "
                              "question asks for the answer as text instead")  # fmt: skip
                    item = self.item(row, rownum, "text", "text", record)
                    return [item] if item else []
                list_name = fixed
        if or_other:
            list_name = self.with_other(list_name, choices)
        item = self.item(row, rownum, f"{kind} {list_name}", kind, record)
        if item is None:
            return []
        out = [item]
        if or_other:
            other = f"{item['name']}_other"
            if other in self.names:
                other = f"{other}_{rownum}"
            self.names.add(other)
            test = (f"selected(${{{item['name']}}}, 'other')")
            out.append({"type": "text", "name": other,
                        "label": {"en": "Specify other.", "km": "សូមបញ្ជាក់ផ្សេងទៀត។"},
                        "relevant": test, "_row": rownum})
            self.note("survey", rownum, f"or_other: an 'Other' choice and the text question "
                      f"'{other}' were added (as pyxform does)")  # fmt: skip
        return out

    def with_other(self, list_name: str, choices: dict[str, Any]) -> str:
        """A copy of the list with an 'other' choice (pyxform adds one for ``or_other``)."""
        name = f"{list_name}_or_other"
        if name not in self.added_lists:
            base = choices.get(list_name) or [
                {"value": c.value, "label": c.label.as_dict()}
                for c in self.shared[list_name].choices]
            extra = [] if any(c["value"] == "other" for c in base) else [
                {"value": "other", "label": {"en": "Other", "km": "ផ្សេងទៀត"}}]
            self.added_lists[name] = [*base, *extra]
        return name

    def item(self, row: dict[str, str], rownum: int, our_type: str, kind: str | None,
             record: str) -> dict[str, Any] | None:  # fmt: skip
        name = _smart(row.get("name", ""))
        if not name:
            if our_type == "group":
                name = f"group_{rownum}"  # pyxform allows unnamed groups
            elif our_type == "note":
                name = f"generated_note_name_{rownum}"  # and names unnamed notes so
            else:
                self.note("survey", rownum, "question has no name; row skipped")
                return None
        if name in self.names:
            fixed, n = name, 2
            while fixed in self.names:
                fixed = f"{name}_{n}"
                n += 1
            self.note("survey", rownum, f"name '{name}' is used twice (names must be unique "
                      f"in the whole form); renamed '{fixed}'")  # fmt: skip
            name = fixed
        out: dict[str, Any] = {"type": our_type, "name": name}
        texts: dict[str, dict[str, str]] = {}
        for col, cell in row.items():
            base, lang = _lang_of(col)
            if base in ("type", "name", "repeat_count"):
                continue
            if base in _TRANSLATED:
                lang = lang or self.default_lang
                bucket = texts.setdefault(base, {})
                if lang in bucket and bucket[lang] != cell:
                    self.note("survey", rownum, f"two {base}s in language '{lang}'; the one in "
                              f"column '{col}' was dropped")  # fmt: skip
                    continue
                bucket[lang] = self.fix_refs(cell) if "${" in cell else cell
            elif lang is not None or base not in _PLAIN:
                self.note("survey", rownum, f"column '{col}' is not supported (value dropped)")
            elif base in ("required", "read_only"):
                self.flag(out, base, self.fix_refs(cell), rownum, our_type)
            elif base in _EXPR_COLUMNS:
                self.expression(out, base, self.fix_refs(cell), rownum, our_type)
            elif base == "default":
                self.default(out, self.fix_refs(cell), rownum, our_type)
            elif base == "appearance":
                out["appearance"] = cell
        for key in ("hint", "label"):  # label first when read, as in our own forms
            kept = self.keep_langs(texts.pop(key, {}), "survey", rownum, key)
            if kept:
                out = {"type": out.pop("type"), "name": out.pop("name"), key: kept, **out}
        for key, values in texts.items():
            kept = self.keep_langs(values, "survey", rownum, key)
            if kept and our_type not in ("group", "repeat", "note", "calculate"):
                out[key] = kept
        if kind == "calculate" and "calculate" not in out:
            self.note("survey", rownum, "calculate row without a usable calculation; skipped")
            return None
        visible = our_type not in ("group", "repeat", "calculate") and kind != "metadata"
        if visible and "label" not in out:
            out["label"] = {"en": name}
            self.note("survey", rownum, f"'{name}' has no label; its name is used as the label")
        if "choice_filter" in out and not our_type.startswith("select_"):
            self.note("survey", rownum, "choice_filter on a non-select row dropped")
            del out["choice_filter"]
        if our_type not in ("group", "repeat", "note") and kind not in ("calculate", "metadata"):
            self.bind(out, rownum, record)
        out["_row"] = rownum  # removed before output; lets later passes name the row
        self.names.add(name)
        return out

    def flag(self, out: dict[str, Any], column: str, cell: str, rownum: int, our_type: str
             ) -> None:  # fmt: skip
        """``required`` / ``read_only``: yes/no (pyxform's words) or an expression."""
        if our_type in ("group", "repeat", "note") or our_type.startswith("metadata"):
            self.note("survey", rownum, f"{column} on a {our_type.split()[0]} has no effect; "
                      "left out")  # fmt: skip
            return
        flag = aliases.yes_no.get(cell, aliases.yes_no.get(cell.lower()))
        if flag is not None:
            if flag:
                out[column] = True
            return
        if "(" not in cell and "$" not in cell and "=" not in cell:
            self.note("survey", rownum, f"{column} '{cell}' is not yes, no or an expression; "
                      "left out")  # fmt: skip
            return
        self.expression(out, column, cell, rownum, our_type)

    def expression(self, out: dict[str, Any], column: str, source: str, rownum: int,
                   our_type: str) -> None:  # fmt: skip
        key = "calculate" if column == "calculation" else column
        if column in ("constraint", "required") and our_type in ("group", "repeat", "note"):
            self.note("survey", rownum, f"{column} on a {our_type} has no effect; left out")
            return
        try:
            expr = parse(source)
        except ExpressionError as exc:
            self.note("survey", rownum, f"{column} '{source}' is not supported ({exc}); "
                      "left out")  # fmt: skip
            return
        if expr.uses_current and column != "constraint":
            self.note("survey", rownum, f"{column} '{source}' uses '.', which only a "
                      "constraint can; left out")  # fmt: skip
            return
        if expr.columns and column != "choice_filter":
            self.note("survey", rownum, f"{column} '{source}' uses the bare name "
                      f"'{min(expr.columns)}' (write ${{name}}); left out")  # fmt: skip
            return
        out[key] = source

    def default(self, out: dict[str, Any], cell: str, rownum: int, our_type: str) -> None:
        if our_type in ("group", "repeat", "note", "calculate"):
            self.note("survey", rownum, f"default on a {our_type} has no effect; left out")
            return
        if is_dynamic_default(cell):
            try:
                parse(cell)
            except ExpressionError as exc:
                self.note("survey", rownum, f"default '{cell}' is not supported ({exc}); "
                          "left out")  # fmt: skip
                return
            out["default"] = cell
            return
        cls = FIELD_TYPES.get(our_type.split()[0])
        if cls is not None:
            try:
                probe = cls(name="probe", **cls.type_argument(" ".join(our_type.split()[1:])
                                                              or None))
                probe.coerce(cell)
            except Exception:  # noqa: BLE001 - FieldValueError or a type's own refusal
                self.note("survey", rownum, f"default '{cell}' is not a valid "
                          f"{our_type.split()[0]}; left out")  # fmt: skip
                return
        out["default"] = cell

    def bind(self, out: dict[str, Any], rownum: int, record: str) -> None:
        """Bind to a record column when the name or HTCDS name says which; note the HTCDS name."""
        htcds = mapping.htcds_name(out["name"])
        if htcds:
            out["htcds"] = htcds
        target = mapping.column_for(record, out["name"], htcds)
        column = target.column if target else ""
        if (target is None or column in self.bound
                or not _type_fits(out["type"], target.kind)):
            if out["name"] in mapping.COLUMNS.get(record, ()):
                # Same name as a column, but not known to fit it: kept as an extra answer
                # rather than risk a record that cannot be saved.
                out["bind"] = f"{out['name']}_answer"
                self.note("survey", rownum, f"'{out['name']}' is kept as the extra answer "
                          f"'{out['bind']}' (not bound to the {record}'s own "
                          f"'{out['name']}'; add 'bind: {out['name']}' to bind it)")
            return
        if target.htcds and "htcds" not in out:
            out["htcds"] = target.htcds  # "gender" stands for prs_Gender
        self.bound.add(column)
        if column != out["name"]:
            out["bind"] = column
        if target.required and out.get("required") is not True:
            out["required"] = True
            self.note("survey", rownum, f"'{out['name']}' made required: a {record} cannot be "
                      f"saved without its {column}")  # fmt: skip
        self.mapped.append(f"survey row {rownum}: '{out['name']}' → {record}.{column}"
                           + (f" ({target.note})" if target.note else ""))

    # --------------------------------------------------------------- references

    def prune_references(self, fields: list[dict[str, Any]], choices: dict[str, Any]) -> None:
        """Drop expressions (and ``${}`` in texts) that mention what was not converted.

        Dropping a calculation removes its calculate row, which may orphan another
        expression: a worklist follows those chains, so each expression is parsed once
        and the work grows with the form, not with its square. Every drop is reported.
        """
        items = _walk(fields)
        valid = {f["name"] for f in items if f["type"] not in ("group", "note")}
        readers: dict[str, list[tuple[dict[str, Any], str]]] = defaultdict(list)
        work: list[tuple[dict[str, Any], str, str]] = []  # field, key, missing name
        for f in items:
            for key in ("relevant", "constraint", "calculate", "choice_filter", "required",
                        "read_only", "default"):  # fmt: skip
                src = f.get(key)
                if not isinstance(src, str):
                    continue
                try:
                    expr = parse(src)
                except ExpressionError:
                    continue  # a literal default (text), checked when it was read
                missing = sorted(expr.refs - valid)
                if key == "choice_filter":
                    cols = {k for c in choices.get(f["type"].split()[1], []) for k in c}
                    missing += sorted(expr.columns - cols - {"name", "label"})
                if missing:
                    work.append((f, key, missing[0]))
                for ref in expr.refs:
                    readers[ref].append((f, key))
            for tkey in ("label", "hint"):
                for lang, text in list((f.get(tkey) or {}).items()):
                    for ref in TEXT_REF_RE.findall(text):
                        if ref not in valid:
                            f[tkey][lang] = text.replace(f"${{{ref}}}", "…")
                            self.note("survey", f["_row"], f"{tkey} shows '${{{ref}}}', which "
                                      "was not converted; shown as '…'")  # fmt: skip
        removed: set[int] = set()
        while work:
            f, key, gone = work.pop()
            if id(f) in removed or key not in f:
                continue
            self.note("survey", f["_row"], f"{key} uses '{gone}', which was not "
                      "converted; the expression was dropped")  # fmt: skip
            del f[key]
            if f["type"] == "calculate" and "calculate" not in f:
                removed.add(id(f))
                _remove(fields, f)
                self.note("survey", f["_row"], f"calculate '{f['name']}' removed")
                for reader, rkey in readers.get(f["name"], []):
                    if id(reader) not in removed and rkey in reader:
                        work.append((reader, rkey, f["name"]))


# ------------------------------------------------------------------------------ helpers


def _control(raw_type: str) -> tuple[str, str] | None:
    """``begin group`` / ``end_repeat`` / ``begin looped group`` → ("begin", "group")."""
    words = raw_type.lower().replace("_", " ").split()
    if len(words) >= 2 and words[0] in ("begin", "end"):
        return words[0], "_".join(words[1:])
    return None


def _select(raw: str) -> tuple[str, list[str], bool] | None:
    """pyxform's select syntax → (our kind, the words after it, from a file?)."""
    low = raw.lower()
    for alias in sorted(aliases.select, key=len, reverse=True):
        if low == alias or low.startswith(alias + " "):
            rest = raw.split()[len(alias.split()):]  # list names keep their case
            meaning = aliases.select[alias]
            kind = {"select one": "select_one", "select all that apply": "select_multiple",
                    "select one external": "select_one_external", "rank": "rank"}[meaning]
            return kind, rest, alias in aliases.select_from_file
    return None


def _type_fits(our_type: str, kind: str) -> bool:
    head = our_type.split()[0]
    return {"text": head == "text", "date": head in ("date", "datetime"),
            "select": head == "select_one", "multi": head == "select_multiple",
            "integer": head in ("integer", "decimal")}.get(kind, False)


def _walk(fields: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for f in fields:
        out.append(f)
        out.extend(_walk(f.get("fields", [])))
    return out


def _remove(fields: list[dict[str, Any]], target: dict[str, Any]) -> bool:
    for i, f in enumerate(fields):
        if f is target:
            del fields[i]
            return True
        if "fields" in f and _remove(f["fields"], target):
            if not f["fields"]:
                del fields[i]  # a group left empty goes too
            return True
    return False


def _strip_rows(form: dict[str, Any]) -> dict[str, Any]:
    def clean(f: dict[str, Any]) -> dict[str, Any]:
        out = {k: v for k, v in f.items() if k != "_row"}
        if "fields" in out:
            out["fields"] = [clean(c) for c in out["fields"]]
        return out

    return {**form, "fields": [clean(f) for f in form["fields"]]}
