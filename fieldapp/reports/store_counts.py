"""The report counters on a device: its cases read from the store, and the commit hook."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import Any

from sqlalchemy import null, select, text
from sqlalchemy.orm import Session

from fieldapp.reports import countcodes, counters
from fieldapp.reports.counters import CaseRows
from fieldapp.reports.source import StoreRecordSource
from fieldapp.store.models import Rescue, SuspectCase, Victim


class StoreCases:
    """`counters.CaseStore` over the device's store (the rows `StoreRecordSource` reads)."""

    def __init__(self, session: Session) -> None:
        self.session = session
        self.source = _CourtSource(session)

    @functools.cached_property
    def rollup(self) -> bool:
        """Whether the store keeps the yearly sums (from revision 0011 on; migrations before
        it rebuild the counters with this code)."""
        return self.session.connection().execute(text(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'figure_roll'"
        )).first() is not None

    @functools.cached_property
    def codec(self) -> countcodes.Codec:
        """Coded from revision 0014 on (`figure_word`); migrations before it rebuild the
        counters as text with this code."""
        conn = self.session.connection()
        if conn.execute(text("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                             "AND name = 'figure_word'")).first() is None:
            return countcodes.Plain()
        return countcodes.Coded(conn)

    def cases(self, rescue_ids: list[str]) -> dict[str, CaseRows]:
        return counters.read_cases(StoreRecordSource(self.session), rescue_ids)

    def rescue_ids(self) -> Iterator[list[str]]:
        ids = list(self.session.scalars(select(Rescue.id).order_by(Rescue.id)))
        for i in range(0, len(ids), 5000):
            yield ids[i:i + 5000]

    def rescues_of_victims(self, victim_ids: list[str]) -> set[str]:
        out: set[str] = set()
        for i in range(0, len(victim_ids), 500):
            out.update(r for r in self.session.scalars(select(Victim.rescue_id).where(
                Victim.id.in_(victim_ids[i:i + 500]))) if r)
        return out

    def persons(self, entity: str = "victim") -> dict[str, str]:
        return StoreRecordSource(self.session).persons(entity)

    def further_suspects(self) -> set[str]:
        return set(self.session.scalars(select(SuspectCase.suspect_id).distinct()))


class _CourtSource(StoreRecordSource):
    """What "sent to court" reads: a rescue's date and narrowing only (no cross-border flag,
    whose country lists are most of the cost of reading rescues)."""

    def _select(self, entity: str) -> Any:
        if entity != "rescue":
            return super()._select(entity)
        return select(Rescue.id, Rescue.operation_date, Rescue.province_code, Rescue.post_code,
                      Rescue.exploitation_type, null(), null())


def drain(session: Session) -> None:
    """Recompute the cases `figure_dirty` names (see `fieldapp.store.figmarks`), in this
    transaction, and empty it."""
    conn = session.connection()
    ids = [r for (r,) in conn.execute(text("SELECT rescue_id FROM figure_dirty"))]
    if ids:
        counters.refresh(conn, ids, StoreCases(session))
        conn.execute(text("DELETE FROM figure_dirty"))


def rebuild(session: Session) -> int:
    """Both counter tables made again from the store's records; returns the cases counted."""
    conn = session.connection()
    conn.execute(text("DELETE FROM figure_dirty"))
    return counters.rebuild(conn, StoreCases(session))
