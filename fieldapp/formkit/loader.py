"""Reads form and choice YAML files into ``FormDef`` objects, refusing anything malformed.

Every refusal is a ``DefinitionError`` naming the file, the line and the field, because
the person fixing it is editing that file. Everything that can be checked without data is
checked here, once: field types, names, references, choice lists and columns, expression
syntax and limits, and cycles between calculations and relevance.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from fieldapp import vocabulary
from fieldapp.domain.entities import FORM_RECORDS
from fieldapp.formkit.errors import DefinitionError, ExpressionError, FieldValueError
from fieldapp.formkit.expr import Expression, parse
from fieldapp.formkit.model import (
    CONTEXT_TYPES,
    FIELD_TYPES,
    CalculateField,
    Choice,
    ChoiceList,
    ContextVar,
    Dependencies,
    FormDef,
    Group,
    Item,
    LocalText,
    MetadataField,
    NoteField,
    Repeat,
    SelectOneField,
)

#: Every `record:` a form may name (the entity registry's form records).
RECORDS = FORM_RECORDS
NAME_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
BIND_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?\Z")
CHOICES_DIR = "choices"
log = logging.getLogger("fieldapp.formkit")

_FORM_KEYS = {
    "form_id", "version", "title", "record", "fields", "choices", "context",
    "applies_when", "description",
}  # fmt: skip
_ITEM_KEYS = {"type", "name", "label", "hint", "relevant", "appearance"}
_FIELD_KEYS = _ITEM_KEYS | {
    "required", "required_message", "constraint", "constraint_message", "calculate",
    "default", "read_only", "bind", "htcds", "choice_filter", "max_length",
}  # fmt: skip
_GROUP_KEYS = _ITEM_KEYS | {"fields"}
_REPEAT_KEYS = _GROUP_KEYS | {"bind", "min_count", "max_count"}
_CHOICE_LIST_KEYS = {"reference", "columns", "choices", "vocabulary"}
_FLAT_BEGIN = {"begin_group": "group", "begin_repeat": "repeat"}
_FLAT_END = {"end_group": "begin_group", "end_repeat": "begin_repeat"}


# ------------------------------------------------------------------ YAML with line numbers


class _Map(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers its line and each key's line (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class _Seq(list):  # type: ignore[type-arg]
    line: int = 0


class _LineLoader(yaml.SafeLoader):
    pass


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    m = _Map()
    m.line = node.start_mark.line + 1
    m.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str | int | float | bool):
            raise DefinitionError("mapping keys must be plain words", file=loader.name, line=m.line)
        key = str(key)
        if key in m:
            raise DefinitionError(
                "key '{entry}' appears twice",
                file=loader.name, line=key_node.start_mark.line + 1, entry=key
            )
        m[key] = loader.construct_object(value_node, deep=True)
        m.key_lines[key] = key_node.start_mark.line + 1
    return m


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> _Seq:
    s = _Seq(loader.construct_object(n, deep=True) for n in node.value)
    s.line = node.start_mark.line + 1
    return s


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


def _read_yaml(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DefinitionError("cannot read: {exc}", file=str(path), exc=exc) from None
    return _parse_yaml(text, str(path))


def _parse_yaml(text: str, name: str) -> Any:
    loader = _LineLoader(text)
    loader.name = name
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise DefinitionError("not valid YAML: {problem}",
                              file=name, line=line, problem=exc.problem) from None
    except yaml.YAMLError as exc:
        raise DefinitionError("not valid YAML: {exc}", file=name, exc=exc) from None
    finally:
        loader.dispose()


# ---------------------------------------------------------------------------- the loader


@dataclass
class _Ctx:
    """Where we are, so every error can say file, line and field."""

    file: str

    def err(self, template: str, node: Any = None, key: str | None = None,
            field: str | None = None, **params: object) -> DefinitionError:
        line = None
        if isinstance(node, _Map):
            line = node.key_lines.get(key, node.line) if key else node.line
        elif isinstance(node, _Seq):
            line = node.line
        elif isinstance(node, int):
            line = node
        return DefinitionError(template, file=self.file, line=line, field=field, **params)


def load_shared_choices(choices_dir: Path) -> dict[str, ChoiceList]:
    """Every list in ``choices_dir/*.yaml`` (top-level key ``lists``); a name may be used once."""
    lists: dict[str, ChoiceList] = {}
    if not choices_dir.is_dir():
        return lists
    for path in sorted(choices_dir.glob("*.yaml")):
        ctx = _Ctx(str(path))
        data = _read_yaml(path)
        if (
            not isinstance(data, _Map)
            or set(data) != {"lists"}
            or not isinstance(data["lists"], _Map)
        ):
            raise ctx.err("a choices file must hold one key, 'lists', mapping names to lists", data)
        for name, spec in _parse_choice_lists(data["lists"], ctx).items():
            if name in lists:
                raise ctx.err(
                    "choice list '{name}' is also defined in {other}",
                    data["lists"],
                    name, name=name, other=lists[name].file,
                )
            lists[name] = spec
    return lists


def load_form(path: str | Path, shared: Mapping[str, ChoiceList] | None = None) -> FormDef:
    """Load and validate one form file.

    ``shared`` are the choice lists from ``forms/choices``; when not given they are read
    from the ``choices`` folder beside the form, if there is one.
    """
    path = Path(path)
    if shared is None:
        shared = load_shared_choices(path.parent / CHOICES_DIR)
    return _build_form(_read_yaml(path), _Ctx(str(path)), shared)


def load_form_text(text: str, name: str, shared: Mapping[str, ChoiceList] | None = None
                   ) -> FormDef:  # fmt: skip
    """Load a form from YAML text (an XLSForm conversion, a test); ``name`` labels errors."""
    return _build_form(_parse_yaml(text, name), _Ctx(name), shared or {})


#: First line of every form ``fieldapp forms import-xlsform`` writes: marks a user's form,
#: which may be skipped when broken; every other file in forms/ ships with the app.
IMPORTED_MARK = "# fieldapp: imported form"


def is_imported(path: Path) -> bool:
    """Whether ``path`` is a user's imported form (not one shipped with the app)."""
    try:
        with path.open(encoding="utf-8") as f:
            return f.readline().startswith(IMPORTED_MARK)
    except (OSError, UnicodeDecodeError):
        return False


def load_all(forms_dir: str | Path, skipped: list[str] | None = None) -> dict[str, FormDef]:
    """Every ``*.yaml`` form in ``forms_dir`` by ``form_id`` (shared lists from ``choices/``).

    Shipped forms must all load (a broken one is a bug: ``DefinitionError``). An imported
    form that does not load, or whose form_id another form already uses, is skipped with a
    one-line reason in ``skipped`` (and the log), so it never stops the others opening.
    """
    forms_dir = Path(forms_dir)
    shared = load_shared_choices(forms_dir / CHOICES_DIR)
    forms: dict[str, FormDef] = {}
    paths = sorted(forms_dir.glob("*.yaml"))
    imported = [p for p in paths if is_imported(p)]
    for path in [p for p in paths if p not in imported]:
        form = load_form(path, shared)
        if form.form_id in forms:
            raise DefinitionError(
                "form_id '{form_id}' is also used by {other}",
                file=str(path), form_id=form.form_id, other=forms[form.form_id].file,
            )
        forms[form.form_id] = form
    for path in imported:
        try:
            form = load_form(path, shared)
        except DefinitionError as exc:
            reason = f"imported form {path.name} skipped: {exc}"
        else:
            if form.form_id not in forms:
                forms[form.form_id] = form
                continue
            reason = (f"imported form {path.name} skipped: its form_id '{form.form_id}' is "
                      f"already used by {Path(forms[form.form_id].file).name}")
        log.warning("%s", reason)
        if skipped is not None:
            skipped.append(reason)
    return forms


# ------------------------------------------------------------------------------ pieces


def _text(raw: Any, ctx: _Ctx, node: Any, key: str, field: str | None) -> LocalText:
    if raw is None:
        return LocalText()
    if isinstance(raw, str):
        return LocalText(en=raw)
    if isinstance(raw, _Map):
        unknown = set(raw) - {"en", "km"}
        if unknown:
            raise ctx.err(
                "'{entry}' has unknown language(s) {value}; use 'en' and 'km'",
                raw,
                min(unknown),
                field, entry=key, value=sorted(unknown),
            )
        if not all(isinstance(v, str) for v in raw.values()):
            raise ctx.err("'{entry}' texts must be text", raw, None, field, entry=key)
        return LocalText(en=raw.get("en", ""), km=raw.get("km", ""))
    raise ctx.err("'{entry}' must be text or {{en: ..., km: ...}}", node, key, field, entry=key)


def _expr(raw: Any, ctx: _Ctx, node: _Map, key: str, field: str | None) -> Expression | None:
    if raw is None:
        return None
    if isinstance(raw, bool):
        raw = "true()" if raw else "false()"
    try:
        return parse(str(raw))
    except ExpressionError as exc:
        raise ctx.err("{entry}: {exc}", node, key, field, entry=key, exc=exc) from None


def _parse_choice_lists(raw: _Map, ctx: _Ctx) -> dict[str, ChoiceList]:
    lists: dict[str, ChoiceList] = {}
    for name, spec in raw.items():
        line = raw.key_lines[name]
        if not NAME_RE.match(name):
            raise ctx.err("'{name}' is not a valid choice list name", line, name=name)
        reference = False
        declared: set[str] = set()
        items = spec
        if isinstance(spec, _Map):
            unknown = set(spec) - _CHOICE_LIST_KEYS
            if unknown:
                raise ctx.err("choice list '{name}': unknown key '{value}'",
                              spec, name=name, value=min(unknown))
            if "vocabulary" in spec:
                lists[name] = _vocabulary_list(name, spec, ctx, line)
                continue
            reference = bool(spec.get("reference", False))
            declared = set(spec.get("columns") or [])
            items = spec.get("choices") or _Seq()
        if not isinstance(items, list):
            raise ctx.err("choice list '{name}' must be a list of choices", line, name=name)
        if not items and not reference:
            raise ctx.err("choice list '{name}' is empty", line, name=name)
        choices: list[Choice] = []
        seen: set[str] = set()
        for item in items:
            if not isinstance(item, _Map) or "value" not in item:
                raise ctx.err("choice list '{name}': each choice needs a 'value'",
                              item or line, name=name)
            value = str(item["value"])
            if value in seen:
                raise ctx.err("choice list '{name}': value '{value}' appears twice",
                              item, name=name, value=value)
            if " " in value:
                raise ctx.err("choice list '{name}': value '{value}' contains a space",
                              item, name=name, value=value)
            seen.add(value)
            label = _text(item.get("label"), ctx, item, "label", None)
            columns = {k: str(v) for k, v in item.items() if k not in ("value", "label")}
            choices.append(Choice(value, label, columns))
        all_columns = frozenset(declared | {k for c in choices for k in c.columns})
        lists[name] = ChoiceList(
            name, tuple(choices), reference, all_columns, file=ctx.file, line=line
        )
    return lists


def _vocabulary_list(name: str, spec: _Map, ctx: _Ctx, line: int) -> ChoiceList:
    """``{vocabulary: sex}``: every code of that enum, worded by fieldapp/vocabulary.py."""
    kind = str(spec["vocabulary"])
    if kind not in vocabulary.KINDS or set(spec) != {"vocabulary"}:
        raise ctx.err("choice list '{name}': 'vocabulary' takes one of {kinds} and nothing else",
                      spec, name=name, kinds=sorted(vocabulary.KINDS))
    choices = tuple(Choice(m.value, LocalText(vocabulary.label(m, "en"), vocabulary.label(m, "km")))
                    for m in vocabulary.KINDS[kind])
    return ChoiceList(name, choices, False, frozenset(), file=ctx.file, line=line)


def _parse_items(raw: Any, ctx: _Ctx, key_node: Any) -> tuple[Item, ...]:
    if not isinstance(raw, list):
        raise ctx.err("'fields' must be a list", key_node, "fields")
    return tuple(_parse_item(spec, ctx) for spec in _nest_flat_groups(raw, ctx))


def _nest_flat_groups(raw: list[Any], ctx: _Ctx) -> list[Any]:
    """Turn XLSForm-style ``begin_group`` … ``end_group`` runs into nested ``fields``."""
    out: list[Any] = []
    stack: list[tuple[_Map, list[Any]]] = []
    for spec in raw:
        if not isinstance(spec, _Map):
            raise ctx.err("each entry in 'fields' must be a mapping", spec if spec else raw)
        kind = str(spec.get("type", "")).strip().replace(" ", "_")
        target = stack[-1][1] if stack else out
        if kind in _FLAT_BEGIN:
            group = _Map(spec)
            group.line, group.key_lines = spec.line, spec.key_lines
            group["type"] = _FLAT_BEGIN[kind]
            group["fields"] = _Seq()
            target.append(group)
            stack.append((spec, group["fields"]))
        elif kind in _FLAT_END:
            if not stack or str(stack[-1][0]["type"]).replace(" ", "_") != _FLAT_END[kind]:
                raise ctx.err("'{kind}' without a matching '{flat_end}'",
                              spec, kind=kind, flat_end=_FLAT_END[kind])
            stack.pop()
        else:
            target.append(spec)
    if stack:
        begin = stack[-1][0]
        raise ctx.err("'{begin}' is never closed",
                      begin, field=begin.get("name"), begin=begin['type'])
    return out


def _parse_item(spec: _Map, ctx: _Ctx) -> Item:
    name = spec.get("name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise ctx.err(
            "name '{name}' is missing or invalid (letters, digits, '_'; not starting with a digit)",
            spec,
            "name", name=name,
        )
    type_raw = spec.get("type")
    if not isinstance(type_raw, str) or not type_raw.strip():
        raise ctx.err("'type' is missing", spec, "type", name)
    words = type_raw.split()
    kind, arg = words[0], " ".join(words[1:]) or None
    label = _text(spec.get("label"), ctx, spec, "label", name)
    hint = _text(spec.get("hint"), ctx, spec, "hint", name)
    common: dict[str, Any] = {
        "name": name,
        "label": label,
        "hint": hint,
        "text_refs": text_refs(label, hint),
        "relevant": _expr(spec.get("relevant"), ctx, spec, "relevant", name),
        "appearance": str(spec.get("appearance") or ""),
        "line": spec.line,
    }
    if kind in ("group", "repeat"):
        allowed = _REPEAT_KEYS if kind == "repeat" else _GROUP_KEYS
        _check_keys(spec, allowed, ctx, name, kind)
        if arg:
            raise ctx.err("type '{kind}' takes no argument", spec, "type", name, kind=kind)
        children = _parse_items(spec.get("fields", _Seq()), ctx, spec)
        if not children:
            raise ctx.err("{kind} '{name}' has no fields",
                          spec, "fields", name, kind=kind, name=name)
        if kind == "group":
            return Group(children=children, **common)
        return Repeat(
            children=children,
            bind=_bind(spec, ctx, name),
            min_count=_count(spec, "min_count", 0, ctx, name),
            max_count=_count(spec, "max_count", 200, ctx, name),
            **common,
        )
    cls = FIELD_TYPES.get(kind)
    if cls is None:
        raise ctx.err(
            "unknown type '{kind}' (known: {field_types}, group, repeat)",
            spec,
            "type",
            name, kind=kind, field_types=sorted(FIELD_TYPES),
        )
    _check_keys(spec, _FIELD_KEYS, ctx, name, kind)
    try:
        extra = cls.type_argument(arg)
    except ValueError as exc:
        raise ctx.err("{reason}", spec, "type", name, reason=exc) from None
    if "choice_filter" in spec:
        if not issubclass(cls, SelectOneField):
            raise ctx.err(
                "choice_filter only applies to select fields", spec, "choice_filter", name
            )
        extra["choice_filter"] = _expr(spec["choice_filter"], ctx, spec, "choice_filter", name)
    if "max_length" in spec:
        if kind != "text":
            raise ctx.err("max_length only applies to text fields", spec, "max_length", name)
        extra["max_length"] = _count(spec, "max_length", 0, ctx, name)
    calculate = _expr(spec.get("calculate"), ctx, spec, "calculate", name)
    if cls is CalculateField and calculate is None:
        raise ctx.err("a calculate field needs a 'calculate' expression", spec, "type", name)
    if cls not in (CalculateField, MetadataField) and not label.en and not label.km:
        raise ctx.err("a visible field needs a label", spec, "label", name)
    required = _expr(spec.get("required"), ctx, spec, "required", name)
    if required is not None and required.source == "false()":
        required = None
    field = cls(
        required=required,
        required_message=_text(spec.get("required_message"), ctx, spec, "required_message", name),
        constraint=_expr(spec.get("constraint"), ctx, spec, "constraint", name),
        constraint_message=_text(
            spec.get("constraint_message"), ctx, spec, "constraint_message", name
        ),
        calculate=calculate,
        read_only=(spec.get("read_only") is True) or calculate is not None,
        read_only_if=_read_only_if(spec, ctx, name),
        bind=_bind(spec, ctx, name),
        htcds=str(spec.get("htcds") or ""),
        **common,
        **extra,
    )
    if is_dynamic_default(spec.get("default")):
        # pyxform's rule: a default with a function call or ${...} is worked out at opening.
        object.__setattr__(field, "default_calc", _expr(spec["default"], ctx, spec, "default",
                                                        name))
    elif "default" in spec:
        try:
            default = field.coerce(spec["default"])
        except FieldValueError as exc:
            raise ctx.err("default: {exc}", spec, "default", name, exc=exc) from None
        object.__setattr__(field, "default", default)
    return field


TEXT_REF_RE = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")


def text_refs(*texts: LocalText) -> frozenset[str]:
    """Names referenced as ``${name}`` in labels or hints (filled in at run time)."""
    return frozenset(m for t in texts for part in (t.en, t.km) for m in TEXT_REF_RE.findall(part))


def is_dynamic_default(value: Any) -> bool:
    return isinstance(value, str) and ("(" in value or "${" in value)


def _read_only_if(spec: _Map, ctx: _Ctx, name: str) -> Expression | None:
    raw = spec.get("read_only")
    if raw is None or isinstance(raw, bool):
        return None
    e = _expr(raw, ctx, spec, "read_only", name)
    return None if e is None or e.source in ("false()", "true()") else e


def _check_keys(spec: _Map, allowed: set[str], ctx: _Ctx, name: str, kind: str) -> None:
    for key in spec:
        if key not in allowed:
            raise ctx.err("unknown key '{entry}' for a {kind}",
                          spec, key, name, entry=key, kind=kind)


def _bind(spec: _Map, ctx: _Ctx, name: str) -> str:
    bind = spec.get("bind")
    if bind is None:
        return ""
    if not isinstance(bind, str) or not BIND_RE.match(bind):
        raise ctx.err("bind '{bind}' must be a record field name", spec, "bind", name, bind=bind)
    return bind


def _count(spec: _Map, key: str, default: int, ctx: _Ctx, name: str) -> int:
    value = spec.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ctx.err("'{entry}' must be a whole number ≥ 0", spec, key, name, entry=key)
    return value


# ------------------------------------------------------------------------------ the form


def _build_form(data: Any, ctx: _Ctx, shared: Mapping[str, ChoiceList]) -> FormDef:
    if not isinstance(data, _Map):
        raise ctx.err("a form file must be a mapping with form_id, version, record, fields")
    for key in data:
        if key not in _FORM_KEYS:
            raise ctx.err("unknown top-level key '{entry}'", data, key, entry=key)
    for key in ("form_id", "version", "record", "fields"):
        if key not in data:
            raise ctx.err("'{entry}' is missing", data, entry=key)
    form_id = data["form_id"]
    if not isinstance(form_id, str) or not NAME_RE.match(form_id):
        raise ctx.err("form_id '{form_id}' is not a valid name", data, "form_id", form_id=form_id)
    record = data["record"]
    if record not in RECORDS:
        raise ctx.err(
            "record '{record}' is not one of {records}",
            data, "record", record=record, records=sorted(RECORDS)
        )
    inline = _parse_choice_lists(data["choices"], ctx) if data.get("choices") else {}
    if data.get("choices") is not None and not isinstance(data["choices"], _Map):
        raise ctx.err("'choices' must map list names to lists", data, "choices")
    choices = {**shared, **inline}

    context: dict[str, ContextVar] = {}
    raw_ctx = data.get("context") or _Map()
    if not isinstance(raw_ctx, _Map):
        raise ctx.err("'context' must map names to types", data, "context")
    for name, type_ in raw_ctx.items():
        if not NAME_RE.match(name) or type_ not in CONTEXT_TYPES:
            raise ctx.err(
                "context '{name}': type must be one of {context_types}",
                raw_ctx,
                name, name=name, context_types=CONTEXT_TYPES,
            )
        context[name] = ContextVar(name, type_, raw_ctx.key_lines[name])

    fields = _parse_items(data["fields"], ctx, data)
    items, parents = _index(fields, ctx, context)
    applies_when = _expr(data.get("applies_when"), ctx, data, "applies_when", None)
    form = FormDef(
        form_id=form_id,
        version=str(data["version"]),
        title=_text(data.get("title"), ctx, data, "title", None),
        record=record,
        fields=fields,
        choices=choices,
        context=context,
        applies_when=applies_when,
        file=ctx.file,
        items=items,
        parents=parents,
        deps=Dependencies((), {}, {}, {}),
    )
    _check_references(form, ctx, data)
    object.__setattr__(form, "deps", _dependencies(form, ctx))
    return form


def _index(fields: tuple[Item, ...], ctx: _Ctx, context: Mapping[str, ContextVar]
           ) -> tuple[dict[str, Item], dict[str, tuple[Group, ...]]]:  # fmt: skip
    items: dict[str, Item] = {}
    parents: dict[str, tuple[Group, ...]] = {}
    binds: dict[tuple[tuple[str, ...], str], str] = {}

    def rec(level: tuple[Item, ...], chain: tuple[Group, ...]) -> None:
        for it in level:
            # Names are unique form-wide, not just among siblings, so ${name} is unambiguous.
            if it.name in items:
                raise ctx.err(
                    "name '{name}' is used twice (first on line {first})",
                    it.line,
                    field=it.name, name=it.name, first=items[it.name].line,
                )
            if it.name in context:
                raise ctx.err("name '{name}' is also a context value",
                              it.line, field=it.name, name=it.name)
            items[it.name] = it
            parents[it.name] = chain
            repeat_path = tuple(p.name for p in chain if isinstance(p, Repeat))
            bind = (
                getattr(it, "bind_name", None) if (it.has_value or isinstance(it, Repeat)) else None
            )
            if bind:
                other = binds.get((repeat_path, bind))
                if other:
                    raise ctx.err(
                        "binds to '{bind}', which '{other}' already writes",
                        it.line, field=it.name, bind=bind, other=other
                    )
                binds[(repeat_path, bind)] = it.name
            if isinstance(it, Group):
                rec(it.children, (*chain, it))

    rec(fields, ())
    return items, parents


def _expressions(it: Item) -> Iterable[tuple[str, Expression]]:
    for key in ("relevant", "calculate", "constraint", "required", "choice_filter",
                "read_only_if", "default_calc"):
        e = getattr(it, key, None)
        if e is not None:
            yield key, e


def _check_references(form: FormDef, ctx: _Ctx, data: _Map) -> None:
    def check_refs(e: Expression, line: int, field: str | None, key: str) -> None:
        for ref in sorted(e.refs):
            target = form.items.get(ref)
            if target is None and ref not in form.context:
                raise ctx.err(
                    "{entry} refers to ${{{ref}}}, which does not exist",
                    line, field=field, entry=key, ref=ref
                )
            if target is not None and not (target.has_value or isinstance(target, Repeat)):
                raise ctx.err(
                    "{entry} refers to ${{{ref}}}, a {type_name} that holds no value",
                    line,
                    field=field, entry=key, ref=ref, type_name=target.type_name,
                )

    if form.applies_when is not None:
        line = data.key_lines.get("applies_when", data.line)
        for ref in form.applies_when.refs:
            if ref not in form.context:
                raise ctx.err(
                    "applies_when may only use context values; ${{{ref}}} is not one", line, ref=ref
                )
    for it in form.walk():
        for ref in sorted(it.text_refs):
            target = form.items.get(ref)
            if (target is None and ref not in form.context) or (
                    target is not None and not target.has_value):
                raise ctx.err("label or hint shows ${{{ref}}}, which holds no value",
                              it.line, field=it.name, ref=ref)
        for key, e in _expressions(it):
            check_refs(e, it.line, it.name, key)
            if e.uses_current and key != "constraint":
                raise ctx.err("'.' (this value) can only be used in a constraint ({entry})",
                              it.line, field=it.name, entry=key)  # fmt: skip
            if e.columns and key != "choice_filter":
                raise ctx.err(
                    "{entry}: bare name '{value}' — write ${{name}} to use a field",
                    it.line,
                    field=it.name, entry=key, value=min(e.columns),
                )
        if isinstance(it, SelectOneField):
            clist = form.choices.get(it.list_name)
            if clist is None:
                raise ctx.err(
                    "choice list '{list_name}' does not exist",
                    it.line, field=it.name, list_name=it.list_name
                )
            if it.choice_filter is not None:
                missing = it.choice_filter.columns - clist.columns - {"name", "label"}
                if missing:
                    raise ctx.err(
                        "choice_filter uses column '{value}', which list '{name}' does not have",
                        it.line,
                        field=it.name, value=min(missing), name=clist.name,
                    )
        if isinstance(it, NoteField) and (it.required or it.constraint):
            raise ctx.err("a note holds no value, so it cannot be required or constrained",
                          it.line, field=it.name)  # fmt: skip


def _dependencies(form: FormDef, ctx: _Ctx) -> Dependencies:
    # An edge a -> b means: when a changes, b's value or relevance must be recomputed.
    edges: dict[str, set[str]] = {name: set() for name in form.items}
    refresh: dict[str, set[str]] = {name: set() for name in form.items}
    for it in form.walk():
        for key, e in _expressions(it):
            for ref in e.refs:
                if ref not in form.items:
                    continue  # a context value: fixed for the session
                if key in ("relevant", "calculate"):
                    edges[ref].add(it.name)
                elif key != "default_calc":  # a default is worked out once, at opening
                    refresh[ref].add(it.name)
        for ref in it.text_refs:
            if ref in form.items:
                refresh[ref].add(it.name)  # its label shows ${ref}: redraw it
        parents = form.parents[it.name]
        if parents:
            edges[parents[-1].name].add(it.name)

    order = _toposort(form, edges, ctx)
    position = {name: i for i, name in enumerate(order)}
    affected: dict[str, tuple[str, ...]] = {}
    for name in form.items:
        seen: set[str] = set()
        todo = list(edges[name])
        while todo:
            n = todo.pop()
            if n not in seen:
                seen.add(n)
                todo.extend(edges[n])
        affected[name] = tuple(sorted(seen, key=position.__getitem__))
    full_refresh = {
        name: frozenset(affected[name]).union(*(refresh[a] for a in (name, *affected[name])))
        for name in form.items
    }
    sources: dict[str, frozenset[str]] = {name: frozenset() for name in form.items}
    for a, targets in edges.items():
        for t in targets:
            sources[t] = sources[t] | {a}
    return Dependencies(tuple(order), sources, affected, full_refresh)


def _toposort(form: FormDef, edges: Mapping[str, set[str]], ctx: _Ctx) -> list[str]:
    indegree = {name: 0 for name in edges}
    for targets in edges.values():
        for t in targets:
            indegree[t] += 1
    # Start from form order so the result is stable and readable.
    position = {name: i for i, name in enumerate(form.items)}
    ready = [name for name in form.items if indegree[name] == 0]
    order: list[str] = []
    while ready:
        n = ready.pop(0)
        order.append(n)
        for t in sorted(edges[n], key=position.__getitem__):
            indegree[t] -= 1
            if indegree[t] == 0:
                ready.append(t)
    if len(order) < len(edges):
        stuck = [n for n in form.items if indegree[n] > 0]
        cycle = _find_cycle(stuck, edges)
        first = form.items[cycle[0]]
        raise ctx.err(
            "relevant/calculate expressions depend on each other in a circle: {cycle}",
            first.line,
            field=first.name,
            cycle=" -> ".join(cycle + [cycle[0]]),
        )
    return order


def _find_cycle(stuck: list[str], edges: Mapping[str, set[str]]) -> list[str]:
    # Every node left over has a predecessor that is also left over, so walking
    # backwards must come round to a node already seen.
    stuck_set = set(stuck)
    preds: dict[str, list[str]] = {n: [] for n in stuck}
    for a, targets in edges.items():
        if a in stuck_set:
            for t in targets:
                if t in stuck_set:
                    preds[t].append(a)
    path = [stuck[0]]
    while True:
        prev = min(preds[path[-1]])
        if prev in path:
            cycle = path[path.index(prev) :]
            return cycle[::-1]
        path.append(prev)
