"""Candidate pairs among many people: blocking, then Fellegi–Sunter on each candidate.

Comparing 100,000 people pairwise is 5·10⁹ comparisons; blocking compares only people who
share a key: the whole name's skeleton (any word order, split or run together), a phone
number, or one rare-enough word's skeleton with the same sex and a birth year nearby.
Keys shared by more than `MAX_BLOCK` people (SOK+female+1990s) carry no information and
are skipped; the other keys still bring such people together.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from fieldapp.linkage.score import THRESHOLD, Comparison, Features, Person, compare, prepare

MAX_BLOCK = 300
#: Below this many people a name's frequency says nothing (four records of one person
#: would make her name look common).
TF_MIN_PEOPLE = 2000


def _keys(f: Features) -> set[str]:
    keys = {"n:" + k for k in f.keys}
    keys.update("p:" + ph for ph in f.phones)
    years = ("?",) if f.birth_year is None else (f.birth_year // 4, (f.birth_year + 2) // 4)
    for skels in f.skels:
        for s in skels:
            if len(s) >= 3:
                keys.update(f"w:{s}:{f.person.sex}:{y}" for y in years)
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


def find_matches(people: Iterable[Person], threshold: float = THRESHOLD,
                 skip: set[frozenset[str]] | None = None) -> list[Comparison]:
    """Possible matches, strongest first. `skip` holds pairs already decided."""
    features = [prepare(p) for p in people]
    freq: Counter[str] = Counter()
    for f in features:
        freq.update(f.keys)
    total = max(1, len(features))
    out = []
    for i, j in candidate_pairs(features):
        a, b = features[i], features[j]
        if a.person.id == b.person.id:
            continue
        if skip and frozenset((a.person.id, b.person.id)) in skip:
            continue
        shared = a.keys & b.keys
        tf = min(freq[k] for k in shared) / total if shared and total >= TF_MIN_PEOPLE else 0.0
        c = compare(a, b, tf)
        if c.weight >= threshold:
            out.append(c)
    out.sort(key=lambda c: -c.weight)
    return out
