"""Extra answers: what a form collected that has no column of its own, kept with its record.

An imported XLSForm asks questions our records have no column for (``occupation``,
``recruiter_phone``, a whole repeat of household members). Nothing a person answered is
dropped: such answers go into the record's ``extra`` JSON field, by question name, inside
the encrypted store, synced and merged like any other field (one HLC-stamped field), shown
in the case view, exported and readable by reports. ``extra["@htcds"]`` remembers which
questions carry an HTCDS 2.0 name, so the HTCDS export can place them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from fieldapp.formkit import FormDef, mapping
from fieldapp.formkit.model import Field, Group, Repeat, SelectOneField
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit
from fieldapp.store.changes import find
from fieldapp.store.models import SYNCED_MODELS

#: Key inside ``extra`` that maps question names to their HTCDS field names.
HTCDS_KEY = "@htcds"


def jsonable(value: Any) -> Any:
    """Dates as ISO text, tuples as lists, recursively (the column is JSON)."""
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return value


def _answer_items(form: FormDef) -> Iterable[tuple[str, str]]:
    """(record key, htcds name) of every top-level answer: fields outside repeats, repeats."""

    def rec(items: tuple[Any, ...]) -> Iterable[tuple[str, str]]:
        for it in items:
            if isinstance(it, Repeat):
                yield it.bind_name, ""
            elif isinstance(it, Group):
                yield from rec(it.children)
            elif isinstance(it, Field) and it.has_value and not it.is_computed:
                head = it.bind_name.partition(".")[0]
                yield head, it.htcds

    return rec(form.fields)


def unbound(form: FormDef, values: Mapping[str, Any], columns: Iterable[str]
            ) -> tuple[dict[str, Any], dict[str, str]]:  # fmt: skip
    """The answers in ``values`` that ``columns`` (what the record service takes) leave out.

    Returns (answers by question name, HTCDS names of those that have one). An answer
    that is empty now is kept as ``None`` so an edit clears what no longer applies.
    """
    taken = set(columns)
    answers: dict[str, Any] = {}
    names: dict[str, str] = {}
    for key, htcds in _answer_items(form):
        if key in taken or key not in values:
            continue
        answers[key] = jsonable(values[key])
        if htcds:
            names[key] = htcds
    return answers, names


def translate(form: FormDef, values: dict[str, Any]) -> tuple[dict[str, str], dict[str, Any]]:
    """Turn bound answers spelled another way (HTCDS ``Feminine``) into the column's values,
    in place. Returns (HTCDS names, originals) of answers the translation said less about
    (``TransgenderFeminine`` → ``other``), to be kept as extra answers too."""
    names: dict[str, str] = {}
    originals: dict[str, Any] = {}
    for key, htcds in _answer_items(form):
        if key not in values or values[key] is None:
            continue
        ours, lossy = mapping.to_column(form.record, key, values[key])
        if lossy:
            item = next(it for it in form.walk() if getattr(it, "bind_name", "") == key)
            originals[item.name] = values[key]
            if htcds:
                names[item.name] = htcds
        values[key] = ours
    return names, originals


def as_choices(form: FormDef, initial: dict[str, Any]) -> None:
    """Column values shown again in the form's own spelling (``female`` → ``Feminine``), in
    place, so editing a record made with an imported form offers its choices again."""
    for it in form.walk():
        if not isinstance(it, SelectOneField) or it.name not in initial:
            continue
        table = mapping.VALUES.get((form.record, it.bind_name))
        clist = form.choices.get(it.list_name)
        value = initial[it.name]
        if table is None or clist is None or any(c.value == value for c in clist.choices):
            continue
        match = [c.value for c in clist.choices if table.get(c.value.lower()) == value]
        if match:
            initial[it.name] = match[0]


def keep(s: Session, entity: str, entity_id: str, answers: Mapping[str, Any],
         htcds: Mapping[str, str]) -> list[str]:  # fmt: skip
    """Merge ``answers`` into the record's ``extra`` (``None`` removes); returns changed names."""
    model = SYNCED_MODELS[entity]
    obj = find(s, model, entity_id)
    if obj is None:
        return []
    extra = dict(obj.extra or {})
    names = dict(extra.get(HTCDS_KEY) or {})
    changed = []
    for key, value in answers.items():
        if value in (None, "", [], {}):
            if key in extra:
                del extra[key]
                names.pop(key, None)
                changed.append(key)
            continue
        if extra.get(key) != value:
            extra[key] = value
            changed.append(key)
        if key in htcds:
            names[key] = htcds[key]
    if names:
        extra[HTCDS_KEY] = names
    else:
        extra.pop(HTCDS_KEY, None)
    if changed:
        obj.extra = extra  # a new dict: the change is seen, stamped and queued
        # Field names only, never values (the audit log is not a place for answers).
        audit.append(s, "update", entity, entity_id, {"extra": sorted(changed)})
    return changed


def answers_of(extra: Mapping[str, Any] | None) -> dict[str, Any]:
    """The answers in an ``extra`` value, without the bookkeeping keys."""
    return {k: v for k, v in (extra or {}).items() if not k.startswith("@")}


def htcds_of(extra: Mapping[str, Any] | None) -> dict[str, Any]:
    """``{HTCDS field: answer}`` for the answers that carry an HTCDS name."""
    extra = extra or {}
    names = extra.get(HTCDS_KEY) or {}
    return {names[k]: v for k, v in extra.items() if k in names}


def initial_from(form: FormDef, extra: Mapping[str, Any] | None) -> dict[str, Any]:
    """Stored extra answers as a form's initial values (editing a record again)."""
    stored = answers_of(extra)
    out: dict[str, Any] = {}

    def rec(items: tuple[Any, ...]) -> None:
        for it in items:
            # Stored under the question's name, or its bind for a translated original's
            # sake (prs_Gender) under the name: the name wins.
            key = getattr(it, "bind_name", it.name).partition(".")[0]
            for k in (it.name, key):
                if k in stored:
                    out[it.name] = stored[k]
                    break
            if isinstance(it, Group) and not isinstance(it, Repeat):
                rec(it.children)

    rec(form.fields)
    return out


def tally(ws: Workspace, entity: str, question: str) -> dict[str, int]:
    """How many ``entity`` records gave each answer to ``question`` (an imported form's
    extra answer; each choice of a multiple answer counts once), for reports. Counts leave
    the device only through the reports' small-cell suppression (``reports.suppress``)."""
    from fieldapp.services.figures import VIEWERS

    ws.require(*VIEWERS)
    model = SYNCED_MODELS[entity]
    counts: dict[str, int] = {}
    with ws.tx() as s:
        for (extra,) in s.execute(select(model.extra).execution_options(yield_per=2000)):
            value = (extra or {}).get(question)
            for v in value if isinstance(value, list) else [value]:
                if v not in (None, "") and not isinstance(v, dict):
                    counts[str(v)] = counts.get(str(v), 0) + 1
    return counts
