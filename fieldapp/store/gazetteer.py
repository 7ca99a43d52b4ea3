"""Cambodia's gazetteer (province, district, commune, village), shipped as reference data.

Read from resources/reference/gazetteer.tsv (made by make_gazetteer.py from the Ministry of
Economy and Finance's 2025 list; source and terms in GAZETTEER.md). A unit's code holds its
parents' codes as prefix: province 2 digits, district 4, commune 6, village 8. The forms
offer these four levels as a cascade and the services accept exactly these codes.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Mapping

from fieldapp.domain.errors import Field, InvalidInput, Phrase
from fieldapp.resources import resource_path

#: The four levels, in order, with the length of their codes.
LEVELS = (("province", 2), ("district", 4), ("commune", 6), ("village", 8))
_PARENT_OF = {"district": "province", "commune": "district", "village": "commune"}


@functools.cache
def units() -> Mapping[str, tuple[str, str]]:
    """code -> (English name, Khmer name), every level."""
    out: dict[str, tuple[str, str]] = {}
    text = resource_path("reference", "gazetteer.tsv").read_text("utf-8")
    for line in text.splitlines():
        if line and not line.startswith("#"):
            code, en, km = line.split("\t")
            out[code] = (en, km)
    return out


@functools.cache
def _children() -> Mapping[str, tuple[str, ...]]:
    kids: dict[str, list[str]] = defaultdict(list)
    for code in units():
        if len(code) > 2:
            kids[code[:-2]].append(code)
    return {k: tuple(v) for k, v in kids.items()}


def level_of(code: str) -> str:
    return next((name for name, n in LEVELS if len(code) == n), "")


def children(code: str = "") -> tuple[str, ...]:
    """The units directly under ``code`` (the provinces for "")."""
    if not code:
        return tuple(c for c in units() if len(c) == 2)
    return _children().get(code, ())


def name(code: str, lang: str = "en") -> str:
    unit = units().get(code)
    if unit is None:
        return code
    return unit[1] if lang == "km" and unit[1] else unit[0]


def rows(level: str) -> list[tuple[str, str, str, dict[str, str]]]:
    """(code, English, Khmer, {parent level: parent code}) of one level, for a choice list
    whose choice_filter names the parent (``province = ${home_province}``)."""
    width = dict(LEVELS)[level]
    parent = _PARENT_OF.get(level)
    return [(code, en, km, {parent: code[:-2]} if parent else {})
            for code, (en, km) in units().items() if len(code) == width]


#: The levels' names as message parameters (translated with the messages).
LEVEL_WORDS = {"province": Phrase("province"), "district": Phrase("district"),
               "commune": Phrase("commune"), "village": Phrase("village")}


def check_address(values: Mapping[str, str]) -> None:
    """Raise InvalidInput unless ``{province, district, commune, village}`` codes are one place.

    Any level may be blank (not known), but not one below a blank, and each given code must
    be in the gazetteer and inside the level above it."""
    above = ""
    gap = ""
    for level, width in LEVELS:
        code = (values.get(level) or "").strip()
        field = Field(f"home_{level}")
        if not code:
            gap = gap or level
            continue
        if gap:
            raise InvalidInput("{field}: give the {level} first",
                               field=field, level=LEVEL_WORDS[gap])
        if len(code) != width or code not in units():
            raise InvalidInput("{field}: not a {level} code of Cambodia's gazetteer", field=field,
                               level=LEVEL_WORDS[level])
        if above and not code.startswith(above):
            raise InvalidInput("{field}: not inside the {level} chosen", field=field,
                               level=LEVEL_WORDS[_PARENT_OF[level]])
        above = code


def describe(values: Mapping[str, str], lang: str = "en") -> str:
    """"Village, Commune, District, Province" for the levels given (smallest first)."""
    return ", ".join(name(values[lv], lang) for lv, _ in reversed(LEVELS) if values.get(lv))
