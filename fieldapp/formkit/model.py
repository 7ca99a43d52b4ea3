"""Typed form definitions: texts, choice lists, one class per field type, groups, repeats, forms.

Every class is a frozen dataclass built once by the loader. A field type owns how a raw
value (text from a widget, JSON from a draft, a Python value from a service) becomes its
typed value, and how that value is written to JSON — nothing else in the engine knows
per-type rules.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from fieldapp.formkit.errors import FieldValueError
from fieldapp.formkit.expr import Expression

LANGUAGES = ("en", "km")
MAX_TEXT = 100_000  # a long statement narrative fits many times over
MAX_INTEGER = 10**12

Value = Any


@dataclass(frozen=True, slots=True)
class LocalText:
    """A text in English and Khmer; either may be missing, English is the fallback."""

    en: str = ""
    km: str = ""

    def get(self, lang: str) -> str:
        if lang == "km":
            return self.km or self.en
        return self.en or self.km

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in (("en", self.en), ("km", self.km)) if v}

    def format(self, **kwargs: object) -> LocalText:
        return LocalText(self.en.format(**kwargs), self.km.format(**kwargs))


def _msg(en: str, km: str) -> LocalText:
    return LocalText(en, km)


MSG_REQUIRED = _msg("This field is required.", "ត្រូវតែបំពេញចំណុចនេះ។")
MSG_CONSTRAINT = _msg("This value is not accepted.", "តម្លៃនេះមិនត្រូវបានទទួលយកទេ។")
MSG_NOT_A_CHOICE = _msg("This is not one of the choices.", "នេះមិនមែនជាជម្រើសដែលមានទេ។")
MSG_NO_RESULT = _msg(
    "This value could not be worked out; check the answers it depends on.",
    "មិនអាចគណនាតម្លៃនេះបានទេ សូមពិនិត្យចម្លើយដែលពាក់ព័ន្ធ។",
)


# ------------------------------------------------------------------------------ choices


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: LocalText
    # Extra columns (e.g. a provider's ``service``) that choice_filter expressions can use.
    columns: Mapping[str, str] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True, slots=True)
class ChoiceList:
    """A named list of choices.

    ``reference`` lists come from the store at runtime (provinces, posts, providers, the
    victims of a case); what the definition holds for them is only a fallback.
    """

    name: str
    choices: tuple[Choice, ...]
    reference: bool = False
    columns: frozenset[str] = frozenset()
    file: str = ""
    line: int = 0

    def get(self, value: str) -> Choice | None:
        for c in self.choices:
            if c.value == value:
                return c
        return None

    @classmethod
    def from_rows(
        cls,
        name: str,
        rows: Iterable[tuple[str, str, str] | tuple[str, str, str, Mapping[str, str]]],
    ) -> ChoiceList:
        """Build a reference list from the store's ``(code, label_en, label_km[, columns])``."""
        choices = []
        for row in rows:
            code, en, km = row[0], row[1], row[2]
            extra = dict(row[3]) if len(row) > 3 else {}  # type: ignore[misc]
            choices.append(Choice(str(code), LocalText(en or "", km or ""), extra))
        columns = frozenset(k for c in choices for k in c.columns)
        return cls(name, tuple(choices), reference=True, columns=columns)


class ChoiceSource:
    """Reference lists supplied at runtime, e.g. by the store.

    A list given here replaces the definition's list of the same name only where the
    definition marks that list ``reference: true``; a form ignores lists it does not use,
    so services can hand one source to every form.
    """

    def __init__(self, lists: Mapping[str, ChoiceList] | None = None) -> None:
        self._lists: dict[str, ChoiceList] = dict(lists or {})

    def with_list(
        self,
        name: str,
        rows: Iterable[tuple[str, str, str] | tuple[str, str, str, Mapping[str, str]]],
    ) -> ChoiceSource:
        """A new source with ``name`` set from ``(code, label_en, label_km[, columns])`` rows."""
        lists = dict(self._lists)
        lists[name] = ChoiceList.from_rows(name, rows)
        return ChoiceSource(lists)

    def get(self, name: str) -> ChoiceList | None:
        return self._lists.get(name)


# ------------------------------------------------------------------------------- fields


@dataclass(frozen=True, kw_only=True)
class Item:
    """Anything in a form's ``fields`` list."""

    type_name: ClassVar[str] = ""
    has_value: ClassVar[bool] = True

    name: str
    label: LocalText = LocalText()
    hint: LocalText = LocalText()
    relevant: Expression | None = None
    appearance: str = ""
    line: int = 0
    #: ``${name}`` references in the label and hint, filled in at run time.
    text_refs: frozenset[str] = frozenset()


@dataclass(frozen=True, kw_only=True)
class Field(Item):
    """A question. Subclasses define ``coerce`` (raw value → typed value) and ``to_json``."""

    required: Expression | None = None
    constraint: Expression | None = None
    constraint_message: LocalText = LocalText()
    required_message: LocalText = LocalText()
    calculate: Expression | None = None
    default: Value = None
    read_only: bool = False
    bind: str = ""
    htcds: str = ""
    #: ``read_only`` given as an expression: the answer cannot be edited while it holds.
    read_only_if: Expression | None = None
    #: ``default`` given as an expression (``today()``): worked out once, when the form opens.
    default_calc: Expression | None = None

    @property
    def bind_name(self) -> str:
        return self.bind or self.name

    @property
    def is_computed(self) -> bool:
        return self.calculate is not None

    def coerce(self, raw: Value) -> Value:
        """Typed value for ``raw``, ``None`` when empty; ``FieldValueError`` if unreadable."""
        if _blank(raw):
            return None
        return self._coerce(raw)

    def _coerce(self, raw: Value) -> Value:
        return raw

    def to_json(self, value: Value) -> Value:
        return value

    def from_json(self, data: Value) -> Value:
        return self.coerce(data)

    @classmethod
    def type_argument(cls, arg: str | None) -> dict[str, Any]:
        """Options taken from the words after the type (``select_one sexes``)."""
        if arg:
            raise ValueError(f"type '{cls.type_name}' takes no argument (got '{arg}')")
        return {}


def _blank(raw: Value) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return not raw.strip()
    if isinstance(raw, list | tuple):
        return not raw
    return False


@dataclass(frozen=True, kw_only=True)
class TextField(Field):
    type_name: ClassVar[str] = "text"
    max_length: int = MAX_TEXT

    def _coerce(self, raw: Value) -> Value:
        if not isinstance(raw, str):
            raw = str(raw)
        text = raw.strip()
        if len(text) > self.max_length:
            raise FieldValueError("The text is too long (at most {max_length} characters).",
                                  max_length=self.max_length)
        return text


@dataclass(frozen=True, kw_only=True)
class IntegerField(Field):
    type_name: ClassVar[str] = "integer"

    def _coerce(self, raw: Value) -> Value:
        bad = FieldValueError("Enter a whole number.")
        if isinstance(raw, bool):
            raise bad
        if isinstance(raw, float):
            if not raw.is_integer():
                raise bad
            raw = int(raw)
        if isinstance(raw, str):
            try:
                # int() reads any Unicode digits, so Khmer numerals (០-៩) work as typed.
                raw = int(raw.strip())
            except ValueError:
                raise bad from None
        if not isinstance(raw, int) or abs(raw) > MAX_INTEGER:
            raise bad
        return raw


@dataclass(frozen=True, kw_only=True)
class DecimalField(Field):
    type_name: ClassVar[str] = "decimal"

    def _coerce(self, raw: Value) -> Value:
        bad = FieldValueError("Enter a number.")
        if isinstance(raw, bool):
            raise bad
        try:
            n = float(raw.strip()) if isinstance(raw, str) else float(raw)
        except (TypeError, ValueError):
            raise bad from None
        if math.isnan(n) or math.isinf(n) or abs(n) > MAX_INTEGER:
            raise bad
        return n


@dataclass(frozen=True, kw_only=True)
class DateField(Field):
    type_name: ClassVar[str] = "date"

    def _coerce(self, raw: Value) -> Value:
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        try:
            return dt.date.fromisoformat(str(raw).strip()[:10])
        except ValueError:
            raise FieldValueError("Enter a date as YYYY-MM-DD.") from None

    def to_json(self, value: Value) -> Value:
        return None if value is None else value.isoformat()


@dataclass(frozen=True, kw_only=True)
class DateTimeField(Field):
    type_name: ClassVar[str] = "datetime"

    def _coerce(self, raw: Value) -> Value:
        if isinstance(raw, dt.datetime):
            return raw
        if isinstance(raw, dt.date):
            return dt.datetime(raw.year, raw.month, raw.day)
        try:
            return dt.datetime.fromisoformat(str(raw).strip())
        except ValueError:
            raise FieldValueError("Enter a date and time.") from None

    def to_json(self, value: Value) -> Value:
        return None if value is None else value.isoformat()


@dataclass(frozen=True, kw_only=True)
class TimeField(Field):
    """A time of day (``HH:MM`` or ``HH:MM:SS``)."""

    type_name: ClassVar[str] = "time"

    def _coerce(self, raw: Value) -> Value:
        if isinstance(raw, dt.datetime):
            return raw.time().replace(microsecond=0)
        if isinstance(raw, dt.time):
            return raw
        text = str(raw).strip()
        try:
            # ODK writes 14:30:00.000+07:00; the clock time is what the officer entered.
            return dt.time.fromisoformat(text[:8] if len(text) > 8 else text)
        except ValueError:
            raise FieldValueError("Enter a time as HH:MM.") from None

    def to_json(self, value: Value) -> Value:
        return None if value is None else value.isoformat()


#: Shown with every geopoint question: a typed position can reveal a shelter or a victim.
GEOPOINT_WARNING = LocalText(
    "Sensitive: a position can reveal where a victim or a shelter is. Type coordinates only "
    "if they are needed, never a shelter's or safe house's position.",
    "ព័ត៌មានរសើប៖ ទីតាំងអាចបង្ហាញកន្លែងជនរងគ្រោះ ឬជម្រក។ វាយបញ្ចូលកូអរដោនេ តែពេលចាំបាច់ "
    "ហើយកុំបញ្ចូលទីតាំងជម្រក ឬផ្ទះសុវត្ថិភាព។",
)


@dataclass(frozen=True, kw_only=True)
class GeopointField(Field):
    """Coordinates TYPED by the officer ("lat lon"), never taken from a location service."""

    type_name: ClassVar[str] = "geopoint"

    def _coerce(self, raw: Value) -> Value:
        bad = FieldValueError("Type latitude and longitude in degrees, e.g. 13.65 102.56.")
        parts = str(raw).replace(",", " ").split()
        if len(parts) not in (2, 3, 4):
            raise bad
        try:
            nums = [float(p) for p in parts]
        except ValueError:
            raise bad from None
        if not (-90 <= nums[0] <= 90 and -180 <= nums[1] <= 180):
            raise bad
        return " ".join(parts)


METADATA_KINDS = ("start", "end", "today", "deviceid", "username")


@dataclass(frozen=True, kw_only=True)
class MetadataField(Field):
    """Filled in by the app, never typed (XLSForm's start, end, today, deviceid, username).

    The device id and user name come from the form's context (``prepare()`` supplies them);
    start and today when the form opens, end when its answers are taken for saving.
    """

    type_name: ClassVar[str] = "metadata"
    kind: str = ""

    @classmethod
    def type_argument(cls, arg: str | None) -> dict[str, Any]:
        if arg not in METADATA_KINDS:
            raise ValueError(f"type 'metadata' needs one of {', '.join(METADATA_KINDS)}")
        return {"kind": arg}

    def to_json(self, value: Value) -> Value:
        return value.isoformat() if isinstance(value, dt.date | dt.datetime) else value

    def _coerce(self, raw: Value) -> Value:
        if self.kind in ("start", "end") and isinstance(raw, str):
            try:
                return dt.datetime.fromisoformat(raw)
            except ValueError:
                return None
        if self.kind == "today" and isinstance(raw, str):
            try:
                return dt.date.fromisoformat(raw[:10])
            except ValueError:
                return None
        return raw


@dataclass(frozen=True, kw_only=True)
class SelectOneField(Field):
    type_name: ClassVar[str] = "select_one"
    list_name: str = ""
    choice_filter: Expression | None = None

    @classmethod
    def type_argument(cls, arg: str | None) -> dict[str, Any]:
        if not arg or " " in arg:
            raise ValueError(f"type '{cls.type_name}' needs one choice list name after it")
        return {"list_name": arg}

    def _coerce(self, raw: Value) -> Value:
        return str(raw).strip()


@dataclass(frozen=True, kw_only=True)
class SelectMultipleField(SelectOneField):
    type_name: ClassVar[str] = "select_multiple"

    def _coerce(self, raw: Value) -> Value:
        items = raw.split() if isinstance(raw, str) else [str(x).strip() for x in raw]
        # Keep the order chosen, drop repeats; ODK stores the answer space-separated.
        out = tuple(dict.fromkeys(x for x in items if x))
        return out or None

    def to_json(self, value: Value) -> Value:
        return None if value is None else list(value)


@dataclass(frozen=True, kw_only=True)
class NoteField(Field):
    type_name: ClassVar[str] = "note"
    has_value: ClassVar[bool] = False


@dataclass(frozen=True, kw_only=True)
class CalculateField(Field):
    """A hidden value worked out from others (``is_minor``)."""

    type_name: ClassVar[str] = "calculate"

    def to_json(self, value: Value) -> Value:
        return value.isoformat() if isinstance(value, dt.date) else value


@dataclass(frozen=True, kw_only=True)
class AcknowledgeField(Field):
    """A tick box that is either confirmed (``True``) or empty; ODK stores "OK"."""

    type_name: ClassVar[str] = "acknowledge"

    def _coerce(self, raw: Value) -> Value:
        if raw is True or (isinstance(raw, int) and raw == 1):
            return True
        if raw is False or raw == 0:
            return None
        if isinstance(raw, str) and raw.strip().lower() in ("ok", "true", "yes", "1"):
            return True
        if isinstance(raw, str) and raw.strip().lower() in ("false", "no", "0"):
            return None
        raise FieldValueError("Tick to confirm.")


@dataclass(frozen=True, kw_only=True)
class AttachmentField(Field):
    """A photo, recording or file; the value is the store's attachment id, never the bytes."""

    def _coerce(self, raw: Value) -> Value:
        if not isinstance(raw, str):
            raise FieldValueError("Attach a file.")
        return raw.strip()


@dataclass(frozen=True, kw_only=True)
class ImageField(AttachmentField):
    type_name: ClassVar[str] = "image"


@dataclass(frozen=True, kw_only=True)
class AudioField(AttachmentField):
    type_name: ClassVar[str] = "audio"


@dataclass(frozen=True, kw_only=True)
class FileField(AttachmentField):
    type_name: ClassVar[str] = "file"


FIELD_TYPES: dict[str, type[Field]] = {
    cls.type_name: cls
    for cls in (
        TextField,
        IntegerField,
        DecimalField,
        DateField,
        DateTimeField,
        TimeField,
        GeopointField,
        MetadataField,
        SelectOneField,
        SelectMultipleField,
        NoteField,
        CalculateField,
        AcknowledgeField,
        ImageField,
        AudioField,
        FileField,
    )
}


@dataclass(frozen=True, kw_only=True)
class Group(Item):
    """Fields shown together; a group's ``relevant`` applies to everything inside it."""

    type_name: ClassVar[str] = "group"
    has_value: ClassVar[bool] = False
    children: tuple[Item, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Repeat(Group):
    """Fields entered once per instance (people found, services given); a list in the record."""

    type_name: ClassVar[str] = "repeat"
    bind: str = ""
    min_count: int = 0
    max_count: int = 200

    @property
    def bind_name(self) -> str:
        return self.bind or self.name


# -------------------------------------------------------------------------------- forms

CONTEXT_TYPES = ("text", "integer", "decimal", "date", "boolean", "list")


@dataclass(frozen=True, slots=True)
class ContextVar:
    """A value the caller supplies when opening the form (``${victim_is_minor}``)."""

    name: str
    type: str
    line: int = 0


@dataclass(frozen=True, slots=True)
class Dependencies:
    """Who depends on whom, built once at load.

    ``order`` is every value-carrying or relevance-carrying item in topological order.
    ``affected[name]`` lists, in that order, what must be recomputed when ``name`` changes
    (values and relevance); ``refresh[name]`` adds the items whose constraint, required
    flag or choice filter mention it, i.e. what a renderer must redraw.
    """

    order: tuple[str, ...]
    sources: Mapping[str, frozenset[str]]  # what each item's relevance/value reads directly
    affected: Mapping[str, tuple[str, ...]]
    refresh: Mapping[str, frozenset[str]]


@dataclass(frozen=True)
class FormDef:
    form_id: str
    version: str
    title: LocalText
    record: str
    fields: tuple[Item, ...]
    choices: Mapping[str, ChoiceList]
    context: Mapping[str, ContextVar]
    applies_when: Expression | None
    file: str
    items: Mapping[str, Item]  # every item by name, groups and repeats included
    parents: Mapping[str, tuple[Group, ...]]  # enclosing groups/repeats, outermost first
    deps: Dependencies

    def item(self, name: str) -> Item:
        return self.items[name]

    def field(self, name: str) -> Field:
        item = self.items[name]
        if not isinstance(item, Field):
            raise KeyError(f"'{name}' is a {item.type_name}, not a field")
        return item

    def repeats_of(self, name: str) -> tuple[Repeat, ...]:
        """The repeats enclosing ``name``, outermost first (its instance index has this length)."""
        return tuple(p for p in self.parents[name] if isinstance(p, Repeat))

    def walk(self) -> Iterator[Item]:
        """Every item, depth first, in form order."""

        def rec(items: tuple[Item, ...]) -> Iterator[Item]:
            for it in items:
                yield it
                if isinstance(it, Group):
                    yield from rec(it.children)

        return rec(self.fields)
