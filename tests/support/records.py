"""Report rows already in memory, per entity: a `RecordSource` for report tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence

from fieldapp.reports.source import Row


class ListRecordSource:
    """Rows already in memory, per entity (`since`/`until` are ignored: the test chose them)."""

    def __init__(self, rows: Mapping[str, Sequence[Row]]) -> None:
        self._rows = rows

    def rows(self, entity: str, since: dt.date | None = None,
             until: dt.date | None = None) -> Iterator[Row]:
        yield from self._rows.get(entity, ())
