"""Fellegi–Sunter scoring of two people: each field compared at a few levels, each level
weighted log2(m/u), the weights summed.

m = P(level | same person), u = P(level | different people). Our m and u are set by hand
from what the field data looks like (phones are shared within families, ages are guessed,
nationality is mostly KH), not estimated by EM per run: a border post matches a few
thousand people, too few for stable estimates, and fixed weights give the same score for
the same pair on every device and at HQ. `benchmarks/bench_matching.py` measures them.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations, permutations

from rapidfuzz.distance import JaroWinkler

from fieldapp.domain.enums import Sex
from fieldapp.linkage.keys import block_keys, skeleton, tokens, vowel_key

_DIGITS = re.compile(r"\D+")


@dataclass(frozen=True)
class Person:
    """What matching reads of a victim or suspect. `ref_year` turns an estimated age into a
    birth year (the year the age was recorded)."""

    id: str
    name_km: str = ""
    name_latin: str = ""
    sex: str = ""
    date_of_birth: dt.date | None = None
    estimated_age: int | None = None
    ref_year: int | None = None
    nationality: str = ""
    phones: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass
class Features:
    """A person prepared once for many comparisons."""

    person: Person
    names: list[list[str]]  # each spelling as romanised words
    skels: list[list[str]]
    keys: set[str]
    birth_year: int | None
    phones: set[str] = field(default_factory=set)


def known_sex(p: Person) -> str:
    """The person's sex, or "" when it was not recorded: "unknown" is the absence of a value,
    so two unknowns do not agree and an unknown does not disagree with a recorded sex."""
    return "" if p.sex == Sex.UNKNOWN else p.sex


def normal_phone(phone: str) -> str:
    """The last 8 digits: +855 12 345 678, 012345678 and 12-345-678 agree."""
    digits = _DIGITS.sub("", phone)
    return digits[-8:] if len(digits) >= 6 else ""


def prepare(p: Person) -> Features:
    names: list[list[str]] = []
    for text in (p.name_km, p.name_latin, *p.aliases):
        words = tokens(text) if text else []
        if words and words not in names:
            names.append(words)
    skels = [[skeleton(w) for w in ws] for ws in names]
    keys: set[str] = set()
    for ws in names:
        keys.update(block_keys(ws))
    year = p.date_of_birth.year if p.date_of_birth else (
        p.ref_year - p.estimated_age if p.ref_year and p.estimated_age is not None else None)
    phones = {n for n in (normal_phone(x) for x in p.phones) if n}
    return Features(p, names, skels, keys, year, phones)


# -- names -------------------------------------------------------------------------------
@lru_cache(maxsize=262144)
def token_sim(a: str, b: str) -> float:
    """Similarity of two romanised words: their skeletons weigh most, spelling breaks ties."""
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb and sa:
        return 1.0 if a == b else 0.975 if vowel_key(a) == vowel_key(b) else 0.93
    return 0.7 * JaroWinkler.similarity(sa, sb) + 0.3 * JaroWinkler.similarity(a, b)


def _merges(words: list[str], n: int) -> list[list[str]]:
    """Every way of joining adjacent words so that exactly n remain (Srey Mom -> Sreymom)."""
    if len(words) == n:
        return [words]
    out = []
    for cuts in combinations(range(1, len(words)), n - 1):
        bounds = (0, *cuts, len(words))
        out.append(["".join(words[bounds[i]:bounds[i + 1]]) for i in range(n)])
    return out


def _aligned(a: list[str], b: list[str]) -> float:
    """Best over word orders of the weakest word pair (a and b have the same length)."""
    best = 0.0
    for perm in permutations(b):
        worst = min(token_sim(x, y) for x, y in zip(a, perm, strict=True))
        best = max(best, worst)
        if best >= 0.999:
            break
    return best


def name_sim(a: list[str], b: list[str]) -> tuple[float, float]:
    """(all words agree, one side's extra word ignored): each the weakest aligned pair."""
    if not a or not b:
        return 0.0, 0.0
    a, b = a[:4], b[:4]
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    full = max(_aligned(short, m) for m in _merges(long_, len(short)))
    # A whole word on one side only (a dropped middle name, "Nguyen Thi Hoa" / "Nguyen Hoa").
    partial = full
    if len(long_) > len(short) and len(short) >= 2:
        partial = max(_aligned(short, list(sub)) for sub in combinations(long_, len(short)))
    # The name run together on one side and split on the other, any order.
    joined = JaroWinkler.similarity("".join(sorted(skeleton(w) for w in a)),
                                    "".join(sorted(skeleton(w) for w in b)))
    return max(full, min(joined, 0.9) if len(short) == 1 else full), max(partial, full)


# -- Fellegi–Sunter ----------------------------------------------------------------------
#: field -> level -> (m, u)
MU: dict[str, dict[str, tuple[float, float]]] = {
    "name": {
        "exact": (0.55, 0.0002),   # same key, same spelling after romanisation
        "close": (0.34, 0.002),    # every word alike (>= 0.90)
        "dropped": (0.08, 0.004),  # alike once one side's extra word is set aside
        "fuzzy": (0.03, 0.05),     # every word somewhat alike (>= 0.80)
        "other": (0.0004, 0.9438),
    },
    "sex": {"agree": (0.98, 0.5), "disagree": (0.02, 0.5)},
    "birth": {
        "same_date": (0.45, 0.0005),
        "year": (0.35, 0.05),       # within a year (ages are guessed)
        "near": (0.15, 0.12),       # within 3 years
        "far": (0.02, 0.2295),       # within 8 years
        "very_far": (0.005, 0.6),   # a generation apart: another person of the same name
    },
    "nationality": {"agree": (0.97, 0.75), "disagree": (0.03, 0.25)},
    "phone": {"agree": (0.5, 0.01), "disagree": (0.5, 0.99)},  # families share phones,
}
WEIGHTS = {f: {lv: math.log2(m / u) for lv, (m, u) in levels.items()} for f, levels in MU.items()}
#: Pairs at or above this total weight go to the review queue.
THRESHOLD = 8.0


@dataclass(frozen=True)
class Comparison:
    """The evidence for one pair: the level of every field compared, and the total weight.
    Levels, not values, so the evidence can be stored and logged without a name in it."""

    a: str
    b: str
    levels: dict[str, str]
    weight: float

    @property
    def probability(self) -> float:
        """Match probability with a prior of one match in 1,000 candidate pairs."""
        odds = 2 ** self.weight / 999
        return odds / (1 + odds)


def compare(fa: Features, fb: Features, name_freq: float = 0.0,
            weights: dict[str, dict[str, float]] | None = None) -> Comparison:
    """`name_freq`: the share of the population that bears the pair's name (term-frequency
    adjustment, as splink does): agreeing on "Sok Dara" is weaker evidence than on a rare name.
    `weights`: per field and level, when estimated from the population (`population_weights`).
    """
    levels = compare_levels(fa, fb)
    table = weights or WEIGHTS
    weight = sum(table[f][lv] for f, lv in levels.items())
    if name_freq and levels["name"] in ("exact", "close"):
        m, u = MU["name"][levels["name"]]
        if name_freq > u:
            weight -= math.log2(name_freq / u)
    return Comparison(fa.person.id, fb.person.id, levels, round(weight, 3))


def population_weights(u: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """The weights with u taken from a population where it is measured (random pairs of
    people are nearly all different people): m stays as set, u of the birth and name levels
    follows the real spread of ages and names (concentrated ages make agreeing on a birth
    year weaker evidence than over an even spread)."""
    out = {f: dict(levels) for f, levels in WEIGHTS.items()}
    for f in ("birth", "name"):
        for lv, (m, u_set) in MU[f].items():
            seen = u.get(f, {}).get(lv)
            if seen is not None:
                out[f][lv] = math.log2(m / max(seen, u_set))
    return out


def compare_levels(fa: Features, fb: Features) -> dict[str, str]:
    """The level of every field the two people both have."""
    levels: dict[str, str] = {}
    exact = bool(fa.keys & fb.keys) and any(x == y for x in fa.names for y in fb.names)
    full = partial = 0.0
    for x in fa.names:
        for y in fb.names:
            f, p = name_sim(x, y)
            full, partial = max(full, f), max(partial, p)
    if exact or full >= 0.97:  # every word has the same skeleton
        levels["name"] = "exact"
    elif full >= 0.90:
        levels["name"] = "close"
    elif partial >= 0.97:  # the words both sides have are the same words
        levels["name"] = "dropped"
    elif full >= 0.80:
        levels["name"] = "fuzzy"
    else:
        levels["name"] = "other"
    pa, pb = fa.person, fb.person
    sa, sb = known_sex(pa), known_sex(pb)
    if sa and sb:
        levels["sex"] = "agree" if sa == sb else "disagree"
    if pa.date_of_birth and pb.date_of_birth and pa.date_of_birth == pb.date_of_birth:
        levels["birth"] = "same_date"
    elif fa.birth_year is not None and fb.birth_year is not None:
        gap = abs(fa.birth_year - fb.birth_year)
        levels["birth"] = ("year" if gap <= 1 else "near" if gap <= 3 else "far" if gap <= 8
                           else "very_far")
    if pa.nationality and pb.nationality:
        levels["nationality"] = "agree" if pa.nationality == pb.nationality else "disagree"
    if fa.phones and fb.phones:
        levels["phone"] = "agree" if fa.phones & fb.phones else "disagree"
    return levels
