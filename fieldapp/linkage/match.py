"""Candidate pairs among many people: blocking, then Fellegi–Sunter on each candidate.

Comparing 100,000 people pairwise is 5·10⁹ comparisons; blocking compares only people who
share a key: the whole name's skeleton (any word order, split or run together), a phone
number, or one rare-enough word's skeleton with the same sex and a birth year nearby.
Keys shared by more than `MAX_BLOCK` people (SOK+female+1990s) carry no information and
are skipped; the other keys still bring such people together.
"""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from fieldapp.domain.enums import Sex
from fieldapp.linkage.score import (
    THRESHOLD,
    Comparison,
    Features,
    Person,
    compare,
    compare_levels,
    known_sex,
    population_weights,
    prepare,
)

MAX_BLOCK = 150
#: Below this many people a name's frequency says nothing (four records of one person
#: would make her name look common).
TF_MIN_PEOPLE = 2000
#: Random pairs compared to measure u on a population.
U_PAIRS = 50_000


def _keys(f: Features) -> set[str]:
    keys = {"n:" + k for k in f.keys}
    keys.update("p:" + ph for ph in f.phones)
    years = ("?",) if f.birth_year is None else (f.birth_year // 4, (f.birth_year + 2) // 4)
    # A person whose sex was not recorded may be either: she meets both.
    sexes = (sex,) if (sex := known_sex(f.person)) else ("", *(x for x in Sex if x != Sex.UNKNOWN))
    for skels in f.skels:
        for s in skels:
            if len(s) >= 3:
                keys.update(f"w:{s}:{x}:{y}" for x in sexes for y in years)
    return keys


def candidate_pairs(features: list[Features]) -> Iterator[tuple[int, int]]:
    """Index pairs (i < j) that share at least one block key, each once."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(features):
        for k in _keys(f):
            blocks[k].append(i)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                pair = (members[x], members[y])
                if pair not in seen:
                    seen.add(pair)
                    yield pair


def queue_threshold(people: int, threshold: float = THRESHOLD) -> float:
    """The least weight that goes to the review queue among `people` people.

    Fellegi–Sunter: a pair's odds of being one person are the prior odds times 2**weight,
    and the prior odds that two records are one person fall as the population grows (the
    people recorded twice grow with n, the pairs with n²). `threshold` holds up to
    `TF_MIN_PEOPLE` people (a post's or a region's records); beyond, each doubling of the
    population raises the bar by one bit, so the queue keeps the same share of true
    matches instead of filling with namesakes of a similar age.
    """
    return threshold + max(0.0, math.log2(max(1, people) / TF_MIN_PEOPLE))


def sampled_u(features: list[Features], pairs: int = U_PAIRS,
              seed: int = 14) -> dict[str, dict[str, float]]:
    """Share of each level among random pairs of people (nearly all different people): u
    measured on the population, as splink's `estimate_u_using_random_sampling` does."""
    rng = random.Random(seed)
    n = len(features)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for _ in range(pairs):
        i, j = rng.randrange(n), rng.randrange(n)
        if i == j:
            continue
        for f, lv in compare_levels(features[i], features[j]).items():
            counts[f][lv] += 1
    return {f: {lv: k / max(1, sum(c.values())) for lv, k in c.items()} for f, c in counts.items()}


def find_matches(people: Iterable[Person], threshold: float = THRESHOLD,
                 skip: set[frozenset[str]] | None = None) -> list[Comparison]:
    """Possible matches, strongest first. `skip` holds pairs already decided.

    Among many people (`TF_MIN_PEOPLE` or more) the evidence is weighed against that
    population: a common name counts for less (term frequency) and so does agreeing on a
    birth year where most people are of an age (u measured by `sampled_u`); and the bar
    rises with the population (`queue_threshold`).
    """
    features = [prepare(p) for p in people]
    freq: Counter[str] = Counter()
    for f in features:
        freq.update(f.keys)
    total = max(1, len(features))
    weights = (population_weights(sampled_u(features)) if total >= TF_MIN_PEOPLE else None)
    threshold = queue_threshold(total, threshold)
    out = []
    for i, j in candidate_pairs(features):
        a, b = features[i], features[j]
        if a.person.id == b.person.id:
            continue
        if skip and frozenset((a.person.id, b.person.id)) in skip:
            continue
        shared = a.keys & b.keys
        tf = min(freq[k] for k in shared) / total if shared and total >= TF_MIN_PEOPLE else 0.0
        c = compare(a, b, tf, weights)
        if c.weight >= threshold:
            out.append(c)
    out.sort(key=lambda c: -c.weight)
    return out
