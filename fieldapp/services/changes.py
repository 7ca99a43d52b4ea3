"""What a write changed: the one value every writing use-case reports, so open views can refresh.

Anki's ``OpChanges`` for fieldapp. A service (or ``submit.Submitted``) says which kinds of
record it wrote and, where it knows, which cases; the window's task runner broadcasts it
and each open view decides for itself whether to reload. ``everything`` is for writes
that may touch anything (a sync pull, a bundle import).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from fieldapp.domain import entities

#: Record kinds shown as part of a case (the case list, the case view): the registry's.
CASE_ENTITIES = frozenset(entities.CASE_ENTITIES)


@dataclass(frozen=True)
class Changes:
    """Kinds of record written, the cases they belong to (when known), and their ids."""

    entities: frozenset[str] = frozenset()
    rescue_ids: frozenset[str] = frozenset()
    ids: frozenset[str] = frozenset()
    everything: bool = False

    @classmethod
    def of(cls, entities: Iterable[str], rescue_ids: Iterable[str | None] = (),
           ids: Iterable[str | None] = ()) -> Changes:
        return cls(frozenset(entities), frozenset(r for r in rescue_ids if r),
                   frozenset(i for i in ids if i))

    @classmethod
    def all(cls) -> Changes:
        return cls(everything=True)

    def touches(self, *entities: str) -> bool:
        """True if any record of these kinds may have changed."""
        return self.everything or bool(self.entities.intersection(entities))

    def touches_cases(self) -> bool:
        return self.touches(*CASE_ENTITIES)

    def touches_case(self, rescue_id: str | None) -> bool:
        """True if case `rescue_id` may have changed (unknown case = maybe)."""
        if rescue_id is None or not self.touches_cases():
            return False
        return self.everything or not self.rescue_ids or rescue_id in self.rescue_ids

    @property
    def audit_only(self) -> bool:
        """Only the audit trail grew (a case or statement read, an export): nothing to show
        as saved, but one more change still to send."""
        return not self.everything and self.entities == AUDITED.entities

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.entities | other.entities, self.rescue_ids | other.rescue_ids,
                       self.ids | other.ids, self.everything or other.everything)


#: What a read or an export that leaves an audit event changed: the audit trail only (every
#: audit event is one more change still to send, so the pending counts follow it).
AUDITED = Changes.of(["audit_event"])
#: What an enrolment changed: the device itself (its HQ role, e.g. the national desk), which
#: the window follows at once.
DEVICE = Changes.of(["device"])
