"""People as one: clusters of records joined by links a supervisor confirmed (union-find)."""

from __future__ import annotations

from collections.abc import Iterable


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
