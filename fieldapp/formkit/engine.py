"""A form being filled in (``FormState``): values, relevance, calculations, checks, drafts.

Qt-free: the renderer calls ``set()`` on each edit and redraws the names it returns;
services call ``validate()`` and ``to_record_values()``; the draft saver calls
``to_draft()`` and ``FormState.from_draft()``. Only what depends on a changed answer is
recomputed, following the dependency graph built when the form was loaded.

Addressing: a field outside repeats is ``name`` with index ``()``; inside a repeat it is
``name`` with the instance numbers of its enclosing repeats, outermost first, e.g.
``state.set("approx_age", "14", (2,))`` for the third person found.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from fieldapp.domain.errors import Field as FieldName
from fieldapp.domain.errors import InvalidInput
from fieldapp.formkit.errors import (
    DefinitionError,
    ExpressionError,
    FieldValueError,
    FormIncomplete,
)
from fieldapp.formkit.expr import Env, Expression, NodeSet, is_empty
from fieldapp.formkit.loader import TEXT_REF_RE
from fieldapp.formkit.model import (
    MSG_CONSTRAINT,
    MSG_NO_RESULT,
    MSG_NOT_A_CHOICE,
    MSG_REQUIRED,
    Choice,
    ChoiceList,
    ChoiceSource,
    Field,
    FormDef,
    Group,
    Item,
    LocalText,
    MetadataField,
    Repeat,
    SelectMultipleField,
    SelectOneField,
)

Index = tuple[int, ...]
Value = Any
DRAFT_FORMAT = 1


@dataclass
class _Instance:
    """The answers at one level: the whole form, or one repeat instance."""

    values: dict[str, Value] = field(default_factory=dict)
    raw: dict[str, tuple[str, dict[str, str]]] = field(default_factory=dict)  # unreadable input
    relevant: dict[str, bool] = field(default_factory=dict)
    calc_errors: set[str] = field(default_factory=set)
    repeats: dict[str, list[_Instance]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Problem:
    """One answer that needs attention, with the message in the language asked for."""

    name: str
    index: Index
    kind: str  # required | constraint | type | choice | calculate | count
    message: str


def form_applies(form: FormDef, context: Mapping[str, Any]) -> bool:
    """Whether ``form.applies_when`` holds for these context values (true if it has none)."""
    if form.applies_when is None:
        return True
    return form.applies_when.test(Env(lookup=lambda n: context.get(n)))


def choose_form(forms: Iterable[FormDef], record: str, context: Mapping[str, Any]) -> FormDef:
    """The form to use for ``record`` given the context (the child statement form for a minor).

    A form whose ``applies_when`` holds wins over a form without one.
    """
    candidates = [f for f in forms if f.record == record and form_applies(f, context)]
    if not candidates:
        raise DefinitionError("no form for record '{record}' applies here", record=record)
    candidates.sort(key=lambda f: f.applies_when is None)
    return candidates[0]


class FormState:
    """The answers to one form, kept consistent after every change."""

    def __init__(
        self,
        form: FormDef,
        *,
        choices: ChoiceSource | None = None,
        context: Mapping[str, Any] | None = None,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        self.form = form
        self.context = dict(context or {})
        self.choices = choices or ChoiceSource()
        self.clock = clock
        # Draft values whose field no longer exists (the form changed version): kept and
        # written back into the next draft, so an upgrade never loses what was typed.
        self.dropped: dict[str, Any] = {}
        self._root = _Instance()
        self._set_defaults(self._root, form.fields)
        self._fill_auto(self._root, form.fields, ())
        self._recompute(list(form.deps.order), {name: () for name in form.deps.order})

    # ----------------------------------------------------------------- reading answers

    def get(self, name: str, index: Index = ()) -> Value:
        """The stored answer (kept even while the field is not relevant)."""
        return self._holder(name, index).values.get(name)

    def raw_text(self, name: str, index: Index = ()) -> str | None:
        """What was typed into ``name`` if it could not be read as the field's type."""
        raw = self._holder(name, index).raw.get(name)
        return None if raw is None else raw[0]

    def is_relevant(self, name: str, index: Index = ()) -> bool:
        return self._holder(name, index).relevant.get(name, True)

    def repeat_count(self, name: str, index: Index = ()) -> int:
        return len(self._holder(name, index).repeats.get(name, []))

    def options(self, name: str, index: Index = ()) -> list[Choice]:
        """The choices to offer for a select field, after its choice_filter."""
        f = self.form.field(name)
        if not isinstance(f, SelectOneField):
            raise KeyError(f"'{name}' is not a select field")
        clist = self.choice_list(f.list_name)
        if f.choice_filter is None:
            return list(clist.choices)
        match = _COLUMN_EQUALS.match(f.choice_filter.source)
        if match and match[1] in clist.columns:
            value = self.get(match[2], index)
            if value is None or isinstance(value, str):
                # A cascade (``district = ${province}``) over thousands of villages: looked up
                # in an index of the list by that column, not evaluated choice by choice.
                return list(_by_column(clist, match[1]).get(value or "", ()))
        return [c for c in clist.choices if self._passes_filter(f.choice_filter, c, name, index)]

    def choice_list(self, list_name: str) -> ChoiceList:
        """The list as used by this session: the store's copy of a reference list, if given."""
        own = self.form.choices[list_name]
        if own.reference:
            supplied = self.choices.get(list_name)
            if supplied is not None:
                return supplied
        return own

    def label_of(self, name: str, value: str, lang: str = "en") -> str:
        """The label of ``value`` in a select field's list (the value itself if unknown)."""
        f = self.form.field(name)
        assert isinstance(f, SelectOneField)
        choice = self.choice_list(f.list_name).get(value)
        return choice.label.get(lang) if choice else value

    def is_read_only(self, name: str, index: Index = ()) -> bool:
        """Whether the answer cannot be edited now (``read_only`` true or its expression holds)."""
        f = self.form.field(name)
        if f.read_only or f.is_computed:
            return True
        if f.read_only_if is None:
            return False
        try:
            return f.read_only_if.test(self._env(name, index))
        except ExpressionError:
            return False

    def text(self, name: str, which: str = "label", lang: str = "en", index: Index = ()) -> str:
        """A label or hint in ``lang`` with every ``${field}`` replaced by its current answer
        (a choice by its label); an empty answer shows as nothing."""
        item = self.form.item(name)
        source: str = getattr(item, which).get(lang)
        if not item.text_refs or "${" not in source:
            return source

        def value_of(m: re.Match[str]) -> str:
            ref = m.group(1)
            try:
                value = self._lookup(ref, tuple(r.name for r in self.form.repeats_of(name)),
                                     index)
            except (KeyError, IndexError):
                return ""
            target = self.form.items.get(ref)
            if isinstance(value, NodeSet):
                value = value[0] if value else None
            if value is None:
                return ""
            if isinstance(target, SelectMultipleField):
                return ", ".join(self.label_of(ref, v, lang) for v in value)
            if isinstance(target, SelectOneField):
                return self.label_of(ref, str(value), lang)
            if isinstance(value, dt.date | dt.time):
                return value.isoformat()
            if isinstance(value, float) and value.is_integer():
                return str(int(value))
            return str(value)

        return TEXT_REF_RE.sub(value_of, source)

    # ----------------------------------------------------------------- changing answers

    def set(self, name: str, raw: Value, index: Index = ()) -> frozenset[str]:
        """Store an answer and update what depends on it.

        ``raw`` may be widget text, a draft's JSON value or a typed Python value. Text that
        cannot be read (``"12x"`` for an integer) is kept as typed and reported by
        ``errors()``; nothing typed is dropped. Returns the names whose value, relevance,
        options or checks may have changed, for the renderer to redraw.
        """
        f = self.form.field(name)
        if not f.has_value:
            raise InvalidInput("'{name}' is a {type_name} and holds no answer",
                               name=FieldName(name),
                               type_name=f.type_name)
        if f.is_computed:
            raise InvalidInput("'{name}' is worked out by the form and cannot be set",
                               name=FieldName(name))
        holder = self._holder(name, index)
        try:
            value = f.coerce(raw)
        except FieldValueError as exc:
            holder.raw[name] = (str(raw), exc.messages)
            value = None
        else:
            holder.raw.pop(name, None)
        if holder.values.get(name) != value or type(holder.values.get(name)) is not type(value):
            if value is None:
                holder.values.pop(name, None)
            else:
                holder.values[name] = value
            self._changed(name, index)
        return self.form.deps.refresh[name] | {name}

    def add_repeat(self, name: str, index: Index = ()) -> int:
        """Add an instance to repeat ``name`` (under ``index`` of its own enclosing repeats)."""
        rep = self.form.item(name)
        if not isinstance(rep, Repeat):
            raise KeyError(f"'{name}' is not a repeat")
        instances = self._holder(name, index).repeats.setdefault(name, [])
        if len(instances) >= rep.max_count:
            raise InvalidInput("'{name}' allows at most {max_count} entries", name=FieldName(name),
                               max_count=rep.max_count)
        inst = _Instance()
        instances.append(inst)
        self._set_defaults(inst, rep.children)
        self._fill_auto(inst, rep.children, (*index, len(instances) - 1))
        self._changed(name, index)
        return len(instances) - 1

    def remove_repeat(self, name: str, position: int, index: Index = ()) -> object:
        """Remove one instance; returns it (opaque) so ``restore_repeat`` can undo the removal."""
        instances = self._holder(name, index).repeats.get(name, [])
        removed = instances.pop(position)
        self._changed(name, index)
        return removed

    def restore_repeat(self, name: str, position: int, removed: object, index: Index = ()) -> None:
        """Put back an instance ``remove_repeat`` returned, at its old position (undo)."""
        if not isinstance(removed, _Instance):
            raise TypeError("restore_repeat takes what remove_repeat returned")
        instances = self._holder(name, index).repeats.setdefault(name, [])
        instances.insert(min(position, len(instances)), removed)
        self._changed(name, index)

    # ----------------------------------------------------------------------- checking

    def errors(self, name: str, index: Index = (), lang: str = "en") -> list[str]:
        """Messages for one answer, in ``lang`` (``en`` or ``km``); empty when it is fine."""
        return [p.message for p in self._problems_of(self.form.item(name), index, lang)]

    def validate(self, lang: str = "en") -> list[Problem]:
        """Every answer that needs attention, in form order."""
        problems: list[Problem] = []
        for item, index in self._walk():
            problems.extend(self._problems_of(item, index, lang))
        return problems

    def _problems_of(self, item: Item, index: Index, lang: str) -> list[Problem]:
        if not self.is_relevant(item.name, index):
            return []
        if isinstance(item, Repeat):
            count = self.repeat_count(item.name, index)
            if count < item.min_count:
                msg = LocalText(
                    f"Add at least {item.min_count}.", f"សូមបន្ថែមយ៉ាងតិច {item.min_count}។"
                )
                return [Problem(item.name, index, "count", msg.get(lang))]
            return []
        if not isinstance(item, Field) or not item.has_value:
            return []
        holder = self._holder(item.name, index)
        name = item.name
        if name in holder.raw:
            messages = holder.raw[name][1]
            return [Problem(name, index, "type", messages.get(lang) or messages["en"])]
        if name in holder.calc_errors:
            return [Problem(name, index, "calculate", MSG_NO_RESULT.get(lang))]
        value = holder.values.get(name)
        env = self._env(name, index, current=value)
        problems: list[Problem] = []
        try:
            if is_empty(value):
                if item.required is not None and item.required.test(env):
                    msg = item.required_message if item.required_message.en else MSG_REQUIRED
                    problems.append(Problem(name, index, "required", msg.get(lang)))
                return problems
            if isinstance(item, SelectOneField) and not item.is_computed:
                allowed = {c.value for c in self.options(name, index)}
                picked = tuple(value or ()) if isinstance(item, SelectMultipleField) else (value,)
                if any(v not in allowed for v in picked):
                    problems.append(Problem(name, index, "choice", MSG_NOT_A_CHOICE.get(lang)))
            if item.constraint is not None and not item.constraint.test(env):
                msg = item.constraint_message if item.constraint_message.en else MSG_CONSTRAINT
                problems.append(Problem(name, index, "constraint", msg.get(lang)))
        except ExpressionError:
            problems.append(Problem(name, index, "calculate", MSG_NO_RESULT.get(lang)))
        return problems

    # ------------------------------------------------------------------------ output

    def to_record_values(self, *, check: bool = True) -> dict[str, Any]:
        """``{bind_name: value}`` for the record, repeats as lists of such dicts.

        Answers that are not relevant are written as ``None`` (so an edit clears what no
        longer applies). A dotted bind (``child_protocol.guardian_present``) becomes a
        nested dict. With ``check`` (the default) raises ``FormIncomplete`` when anything
        needs attention.
        """
        if check:
            problems = self.validate()
            if problems:
                raise FormIncomplete(problems)
        now = self.clock()
        for item, index in self._walk():
            if isinstance(item, MetadataField) and item.kind == "end":
                self._holder(item.name, index).values[item.name] = now
        return self._record_of(self._root, (), self.form.fields)

    def _record_of(self, inst: _Instance, index: Index, items: tuple[Item, ...]) -> dict:
        out: dict[str, Any] = {}
        for item in items:
            if isinstance(item, Repeat):
                rows = []
                if inst.relevant.get(item.name, True):
                    for i, child in enumerate(inst.repeats.get(item.name, [])):
                        rows.append(self._record_of(child, (*index, i), item.children))
                out[item.bind_name] = rows
            elif isinstance(item, Group):
                for key, value in self._record_of(inst, index, item.children).items():
                    if isinstance(value, dict) and isinstance(out.get(key), dict):
                        out[key].update(value)
                    else:
                        out[key] = value
            elif isinstance(item, Field) and item.has_value:
                value = inst.values.get(item.name) if inst.relevant.get(item.name, True) else None
                if isinstance(value, tuple):
                    value = list(value)  # select_multiple: a list suits the record's JSON column
                head, _, tail = item.bind_name.partition(".")
                if tail:
                    out.setdefault(head, {})[tail] = value
                else:
                    out[head] = value
        return out

    def to_draft(self) -> dict[str, Any]:
        """A JSON-able snapshot of everything entered (calculations are recomputed on load)."""
        draft: dict[str, Any] = {
            "format": DRAFT_FORMAT,
            "form_id": self.form.form_id,
            "version": self.form.version,
            "answers": self._draft_of(self._root, self.form.fields),
        }
        if self.dropped:
            draft["dropped"] = self.dropped
        return draft

    def _draft_of(self, inst: _Instance, items: tuple[Item, ...]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for item in items:
            if isinstance(item, Repeat):
                out[item.name] = [
                    self._draft_of(child, item.children)
                    for child in inst.repeats.get(item.name, [])
                ]
            elif isinstance(item, Group):
                out.update(self._draft_of(inst, item.children))
            elif isinstance(item, Field) and item.has_value and not item.is_computed:
                if item.name in inst.raw:
                    out[item.name] = {"typed": inst.raw[item.name][0]}
                elif item.name in inst.values:
                    out[item.name] = item.to_json(inst.values[item.name])
        return out

    @classmethod
    def from_draft(
        cls,
        form: FormDef,
        draft: Mapping[str, Any],
        *,
        choices: ChoiceSource | None = None,
        context: Mapping[str, Any] | None = None,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> FormState:
        """Restore a session from ``to_draft()`` output, also one saved by an older version.

        Answers for fields the form no longer has go to ``state.dropped`` (and stay in the
        next draft); answers that no longer read as the field's type are kept as typed.
        """
        if draft.get("form_id") != form.form_id:
            raise InvalidInput(
                "this draft belongs to form '{draft_form}', not '{form_id}'",
                draft_form=draft.get("form_id"), form_id=form.form_id
            )
        state = cls(form, choices=choices, context=context, clock=clock)
        state.dropped = dict(draft.get("dropped") or {})
        state._load_answers(draft.get("answers") or {}, (), state.form.fields)
        state._recompute(list(form.deps.order), {name: () for name in form.deps.order})
        return state

    def load_answers(self, answers: Mapping[str, Any]) -> None:
        """Set stored answers (a record being edited), repeats as lists of answer dicts."""
        self._load_answers(answers, (), self.form.fields)
        self._recompute(list(self.form.deps.order), {name: () for name in self.form.deps.order})

    def _load_answers(self, answers: Mapping[str, Any], index: Index, items: tuple[Item, ...]
                      ) -> None:  # fmt: skip
        known = {it.name: it for it in _flatten(items)}
        for key, data in answers.items():
            item = known.get(key)
            if item is None or (isinstance(item, Field) and item.is_computed):
                if item is None:
                    self.dropped[key if not index else f"{key}@{list(index)}"] = data
                continue
            holder = self._holder(key, index)
            if isinstance(item, Repeat):
                holder.repeats[key] = []
                for i, child in enumerate(data or []):
                    holder.repeats[key].append(_Instance())
                    self._load_answers(child, (*index, i), item.children)
            elif isinstance(item, Field):
                typed = data.get("typed") if isinstance(data, dict) else None
                try:
                    value = item.from_json(typed if typed is not None else data)
                except FieldValueError as exc:
                    holder.raw[key] = (str(typed if typed is not None else data), exc.messages)
                    continue
                if value is None:
                    holder.values.pop(key, None)
                else:
                    holder.values[key] = value

    # ------------------------------------------------------------------- internals

    def _holder(self, name: str, index: Index) -> _Instance:
        """The instance holding ``name``'s answer (a repeat's instances live in its parent)."""
        repeats = self.form.repeats_of(name)
        if len(index) != len(repeats):
            raise IndexError(
                f"'{name}' is inside {len(repeats)} repeat(s); give {len(repeats)} index numbers"
            )
        inst = self._root
        for rep, i in zip(repeats, index, strict=True):
            inst = inst.repeats.get(rep.name, [])[i]
        return inst

    @staticmethod
    def _set_defaults(inst: _Instance, items: tuple[Item, ...]) -> None:
        for item in _flatten(items):
            if isinstance(item, Field) and item.default is not None:
                inst.values.setdefault(item.name, item.default)

    def _fill_auto(self, inst: _Instance, items: tuple[Item, ...], index: Index) -> None:
        """Metadata (start, today, device, user) and default expressions, once at opening."""
        now = self.clock()
        for item in _flatten(items):
            if isinstance(item, MetadataField):
                value = {"start": now, "end": None, "today": now.date(),
                         "deviceid": self.context.get("deviceid"),
                         "username": self.context.get("username")}.get(item.kind)
                if value is not None:
                    inst.values[item.name] = value
            elif isinstance(item, Field) and item.default_calc is not None:
                try:
                    value = item.coerce(_calc_value(item.default_calc, self._env(item.name,
                                                                                 index)))
                except (ExpressionError, FieldValueError):
                    continue  # no default, rather than a form that will not open
                if value is not None:
                    inst.values.setdefault(item.name, value)

    def _env(self, name: str, index: Index, current: Value = None) -> Env:
        chain = tuple(r.name for r in self.form.repeats_of(name))
        return Env(
            lookup=lambda ref: self._lookup(ref, chain, index),
            current=current,
            clock=self.clock,
        )

    def _lookup(self, ref: str, chain: tuple[str, ...], index: Index) -> Value:
        """``${ref}`` as seen from an item inside repeats ``chain`` at ``index``.

        A field in the same repeat instance (or outside any repeat) gives one value; a
        field in a repeat the asking item is not inside gives a ``NodeSet`` of the values
        across instances; ``${repeat}`` itself gives one entry per instance, for count().
        """
        if ref in self.form.context:
            return self.context.get(ref)
        target = self.form.items[ref]
        t_chain = tuple(r.name for r in self.form.repeats_of(ref))
        common = 0
        while common < min(len(chain), len(t_chain)) and chain[common] == t_chain[common]:
            common += 1
        bases = self._instances_under(t_chain, index[:common])
        if isinstance(target, Repeat):
            values: list[Value] = []
            for inst, _ in bases:
                if inst.relevant.get(ref, True):
                    values.extend(True for _ in inst.repeats.get(ref, []))
            return NodeSet(values)
        found = [
            inst.values.get(ref) if inst.relevant.get(ref, True) else None for inst, _ in bases
        ]
        if len(t_chain) == common:
            return found[0] if found else None
        return NodeSet(found)

    def _instances_under(self, chain: tuple[str, ...], prefix: Index
                         ) -> list[tuple[_Instance, Index]]:  # fmt: skip
        """Every instance along ``chain`` whose index starts with ``prefix``."""
        level: list[tuple[_Instance, tuple[int, ...]]] = [(self._root, ())]
        for depth, rep in enumerate(chain):
            nxt: list[tuple[_Instance, Index]] = []
            for inst, idx in level:
                children = inst.repeats.get(rep, [])
                if depth < len(prefix):
                    i = prefix[depth]
                    if i < len(children):
                        nxt.append((children[i], (*idx, i)))
                else:
                    nxt.extend((c, (*idx, i)) for i, c in enumerate(children))
            level = nxt
        return level

    def _changed(self, name: str, index: Index) -> None:
        affected = self.form.deps.affected[name]
        if not affected:
            return
        dirty = {name: index}
        if isinstance(self.form.items[name], Repeat):
            # Adding or removing an instance changes every nodeset inside the repeat
            # (sum(${x}) outside it), although no single answer changed.
            for inner, parents in self.form.parents.items():
                if any(p.name == name for p in parents):
                    dirty[inner] = index
        self._recompute(list(affected), dirty)

    def _recompute(self, names: list[str], dirty: dict[str, Index]) -> None:
        """Recompute relevance and calculations of ``names`` (topological order).

        ``dirty`` maps each changed item to the index prefix under which it changed; an
        item is recomputed, under the widest prefix its changed sources imply, only if one
        of its sources changed — and marks itself dirty only if its result changed.
        """
        form = self.form
        for name in names:
            chain = tuple(r.name for r in form.repeats_of(name))
            prefix: Index | None = None
            if name in dirty and not form.deps.sources[name]:
                prefix = dirty[name]
            for src in form.deps.sources[name]:
                if src not in dirty:
                    continue
                s_chain = tuple(r.name for r in form.repeats_of(src))
                if isinstance(form.items[src], Repeat):
                    s_chain = (*s_chain, src)  # its children live one level down
                common = 0
                while common < min(len(chain), len(s_chain)) and chain[common] == s_chain[common]:
                    common += 1
                p = dirty[src][:common]
                prefix = p if prefix is None or len(p) < len(prefix) else prefix
            if prefix is None:
                continue
            if self._recompute_item(form.items[name], chain, prefix):
                dirty[name] = prefix

    def _recompute_item(self, item: Item, chain: tuple[str, ...], prefix: Index) -> bool:
        changed = False
        parent = self.form.parents[item.name][-1] if self.form.parents[item.name] else None
        for inst, index in self._instances_under(chain, prefix):
            if parent is None:
                parent_ok = True
            elif isinstance(parent, Repeat):
                parent_ok = self._holder(parent.name, index[:-1]).relevant.get(parent.name, True)
            else:
                parent_ok = inst.relevant.get(parent.name, True)
            env = self._env(item.name, index)
            relevant = parent_ok
            calc_failed = False
            try:
                if relevant and item.relevant is not None:
                    relevant = item.relevant.test(env)
            except ExpressionError:
                relevant, calc_failed = True, True  # show the field rather than hide a problem
            if inst.relevant.get(item.name, True) != relevant:
                inst.relevant[item.name] = relevant
                changed = True
            if isinstance(item, Field) and item.calculate is not None:
                value = None
                if relevant:
                    try:
                        value = _calc_value(item.calculate, env)
                    except ExpressionError:
                        calc_failed = True
                if inst.values.get(item.name) != value:
                    inst.values[item.name] = value
                    changed = True
            if calc_failed:
                inst.calc_errors.add(item.name)
            else:
                inst.calc_errors.discard(item.name)
        return changed

    def _walk(self) -> Iterable[tuple[Item, Index]]:
        def rec(items: tuple[Item, ...], index: Index) -> Iterable[tuple[Item, Index]]:
            for item in items:
                yield item, index
                if isinstance(item, Repeat):
                    if self.is_relevant(item.name, index):
                        for i in range(self.repeat_count(item.name, index)):
                            yield from rec(item.children, (*index, i))
                elif isinstance(item, Group):
                    yield from rec(item.children, index)

        return rec(self.form.fields, ())

    def _passes_filter(self, expr: Expression, choice: Choice, name: str, index: Index) -> bool:
        env = self._env(name, index)

        def column(col: str) -> Value:
            if col == "name":
                return choice.value
            if col == "label":
                return choice.label.en
            return choice.columns.get(col)

        env.column = column
        try:
            return expr.test(env)
        except ExpressionError:
            return False


#: ``column = ${field}``: the one choice_filter shape answered from an index (cascades).
_COLUMN_EQUALS = re.compile(r"^\s*([A-Za-z_][\w]*)\s*=\s*\$\{([A-Za-z_][\w.-]*)\}\s*$")
_COLUMN_INDEX: dict[tuple[int, str], tuple[ChoiceList, dict[str, list[Choice]]]] = {}


def _by_column(clist: ChoiceList, column: str) -> dict[str, list[Choice]]:
    """The list's choices grouped by one column's value, built once per list."""
    held = _COLUMN_INDEX.get((id(clist), column))
    if held is not None and held[0] is clist:
        return held[1]
    groups: dict[str, list[Choice]] = {}
    for c in clist.choices:
        groups.setdefault(str(c.columns.get(column) or ""), []).append(c)
    if len(_COLUMN_INDEX) > 64:  # lists supplied per form opening: keep the cache small
        _COLUMN_INDEX.clear()
    _COLUMN_INDEX[(id(clist), column)] = (clist, groups)
    return groups


def _calc_value(expr: Expression, env: Env) -> Value:
    value = expr.evaluate(env)
    if isinstance(value, NodeSet):
        value = value[0] if value else None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and value == "":
        value = None
    return value


def _flatten(items: tuple[Item, ...]) -> Iterable[Item]:
    """Items at this level, looking through groups but not into repeats."""
    for item in items:
        yield item
        if isinstance(item, Group) and not isinstance(item, Repeat):
            yield from _flatten(item.children)
