"""People as one: clusters of records joined by links a supervisor confirmed (union-find)."""

from __future__ import annotations

import uuid
from collections.abc import Iterable

#: Stable across HQ and every device: the same pair always gets the same record id.
LINK_NAMESPACE = uuid.UUID("6f1c0a52-6a0e-4c55-9b1e-1d4e0c7d7a14")


def link_id(entity: str, a: str, b: str) -> str:
    """The id of the `person_link` record of a pair, whoever finds the pair first."""
    x, y = sorted((a, b))
    return str(uuid.uuid5(LINK_NAMESPACE, f"{entity}:{x}:{y}"))


def clusters(ids: Iterable[str], links: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each id -> the smallest id of the person it belongs to (linked ids share one)."""
    parent: dict[str, str] = {i: i for i in ids}

    def root(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in links:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {i: root(i) for i in list(parent)}


def count_people(ids: Iterable[str], links: Iterable[tuple[str, str]]) -> int:
    """How many people the records are, counting linked records once."""
    wanted = set(ids)
    roots = clusters(wanted, links)
    return len({roots[i] for i in wanted})
