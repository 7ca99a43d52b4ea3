"""The national figures from narrow rows: one `ReportRow` per reported record, kept current.

Every record the figures read (`fieldapp.reports.source.COLUMNS`, and person links) has
one row of short columns, written in the same transaction as the record
(`fieldapp.hq.ingest.Batch.write` calls `RowWriter`). A report then reads typed columns
for one date range (the case's operation date is on every row) instead of decoding and
opening every record. The rows hold nothing that identifies a person: no names, no
birth date (the victim's age at the case's date instead), no narratives, no places.

Column use per entity (`hq_row` values, so a report computes exactly what it did):

| entity | rescue_id, op_date | k1 | k2 | k3 | k4 | flag | num | day | at |
|---|---|---|---|---|---|---|---|---|---|
| rescue | itself | province | post | type | | cross-border | | | |
| victim | its case | sex | nationality | screening | | minor | age | | |
| suspect | its case | status | status stamp | | | | | sent to court | |
| referral | its victim's case | service | outcome | | victim id | | | due | created |
| referral_event | its referral's case | kind | kind stamp | | referral id | | | | at |
| suspect_case | the further case | | | | suspect id | | | | |
| suspect_event | | kind | | | suspect id | | | on | |
| person_link | | entity | a id | b id | decision | | | | |
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import Table, delete, func, select, union_all, update
from sqlalchemy.orm import Session

from fieldapp.hq import atrest, db
from fieldapp.hq.models import Record, ReportRow, ReportRowsState
from fieldapp.reports import countcodes, counters
from fieldapp.reports.definitions import ReportFilter, age_on
from fieldapp.reports.figures import SENT_TO_COURT, Figures, stamp_day
from fieldapp.reports.source import COLUMNS, hq_row, linked_persons

REPORTED = ("rescue", "victim", "suspect", "referral", "referral_event", "suspect_case",
            "suspect_event", "person_link")
_ORDER = {e: i for i, e in enumerate(REPORTED)}
_CHUNK = 1000
_ROWS: Table = ReportRow.__table__  # type: ignore[assignment]
_PARENT = {"victim": ("rescue", "rescue_id"), "suspect": ("rescue", "rescue_id"),
           "referral": ("victim", "victim_id"), "referral_event": ("referral", "referral_id"),
           "suspect_case": ("rescue", "rescue_id")}
Case = tuple[str | None, dt.date | None]  # (rescue id, operation date)


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, dt.datetime) else None


def _raw(fields: Mapping[str, Any], name: str) -> str | None:
    entry = fields.get(name)
    value = entry[0] if isinstance(entry, list | tuple) else entry
    return None if value is None else str(value)


def victim_age(row: Mapping[str, Any], op_date: dt.date | None) -> int | None:
    """The age the figures use: at the case's date from the birth date, else the estimate."""
    born = row["date_of_birth"]
    if born is not None:
        return age_on(born, op_date) if op_date is not None else None
    age = row["estimated_age"]
    return int(age) if age is not None else None


class RowWriter:
    """Writes the rows of records written in one transaction (and what they imply)."""

    def __init__(self, s: Session, *, counting: bool = True) -> None:
        self.s = s
        #: Keep the report counters of the cases written (False: `ensure_rows` builds them
        #: once at the end).
        self.counting = counting

    def _cases(self, keys: set[tuple[str, str]], known: dict[tuple[str, str], Case]) -> None:
        """Fill `known` with the stored case of each (entity, id) not in it."""
        by_entity: dict[str, list[str]] = {}
        for entity, entity_id in keys - known.keys():
            by_entity.setdefault(entity, []).append(entity_id)
        for entity, ids in by_entity.items():
            for i in range(0, len(ids), _CHUNK):
                for eid, rid, day in self.s.execute(
                        select(ReportRow.entity_id, ReportRow.rescue_id, ReportRow.op_date)
                        .where(ReportRow.entity == entity,
                               db.among(self.s, ReportRow.entity_id, ids[i:i + _CHUNK]))):
                    known[(entity, eid)] = (rid, day)

    def write(self, records: Iterable[tuple[str, str, Mapping[str, Any]]],
              reopen: Any = None, *, fresh: Collection[tuple[str, str]] = ()) -> None:
        """Rows for these records (entity, id, fields in the clear); parents before children.

        `reopen(entity, ids)` gives records' clear fields again when a case's date moved
        (its victims' ages follow); None reads them from the database (needs the data key).
        `fresh`: (entity, id) of records new in this transaction, which have no row to read.
        """
        todo = sorted((r for r in records if r[0] in _ORDER), key=lambda r: _ORDER[r[0]])
        if not todo:
            return
        keys = {(e, i) for e, i, _ in todo}
        known: dict[tuple[str, str], Case] = {}
        self._cases(keys.difference(fresh), known)
        before = dict(known)  # the cases stored until now
        rows: list[dict[str, Any]] = []
        for level in REPORTED:
            items = [(e, i, f) for e, i, f in todo if e == level]
            parent = _PARENT.get(level)
            if parent:  # the parents' cases, read at once
                self._cases({(parent[0], str(_raw(f, parent[1]))) for _, _, f in items
                             if _raw(f, parent[1])}, known)
            for entity, entity_id, fields in items:
                row = self._row(entity, entity_id, fields, known)
                rows.append(row)
                known[(entity, entity_id)] = (row["rescue_id"], row["op_date"])
        for entity in REPORTED:  # rows stored before (each has a case, maybe (None, None))
            ids = [r["entity_id"] for r in rows
                   if r["entity"] == entity and (entity, r["entity_id"]) in before]
            for i in range(0, len(ids), _CHUNK):
                self.s.execute(delete(ReportRow).where(
                    ReportRow.entity == entity,
                    db.among(self.s, ReportRow.entity_id, ids[i:i + _CHUNK])))
        db.bulk_insert(self.s, _ROWS, rows)
        self._cascade(rows, before, reopen)
        # The report counters of every case these rows belong to (or left), in this batch.
        if self.counting:
            counters.refresh(self.s.connection(), {r["rescue_id"] for r in rows}
                             | {case[0] for case in before.values() if case[0]}
                             | self._suspects_cases(rows), HqCases(self.s))

    def _suspects_cases(self, rows: list[dict[str, Any]]) -> set[str]:
        """The cases of the suspects whose dated events are among `rows` ("sent to court")."""
        ids = sorted({r["k4"] for r in rows if r["entity"] == "suspect_event" and r["k4"]})
        out: set[str] = set()
        for i in range(0, len(ids), _CHUNK):
            out.update(r for r in self.s.scalars(select(ReportRow.rescue_id).where(
                ReportRow.entity == "suspect",
                db.among(self.s, ReportRow.entity_id, ids[i:i + _CHUNK]))) if r)
        return out

    def _row(self, entity: str, entity_id: str, fields: Mapping[str, Any],
             known: dict[tuple[str, str], Case]) -> dict[str, Any]:
        out: dict[str, Any] = dict.fromkeys(("rescue_id", "op_date", "k1", "k2", "k3", "k4",
                                             "flag", "num", "day", "at"))
        out.update(entity=entity, entity_id=entity_id)
        if entity == "person_link":
            out.update(k1=_raw(fields, "entity"), k2=_raw(fields, "a_id"),
                       k3=_raw(fields, "b_id"), k4=_raw(fields, "decision"))
            return out
        r = hq_row(entity, entity_id, fields)
        if entity == "suspect_event":
            out.update(k1=r["kind"], k4=r["suspect_id"], day=r["on"])
            return out
        if entity == "rescue":
            out.update(rescue_id=entity_id, op_date=r["operation_date"], k1=r["province_code"],
                       k2=r["post_code"], k3=r["exploitation_type"], flag=r["cross_border"])
            return out

        def case_of(parent: tuple[str, str]) -> Case:
            if parent not in known:
                self._cases({parent}, known)
            return known.get(parent, (None, None))

        if entity == "suspect_case":
            rescue_id = r["rescue_id"] or None
            day = case_of(("rescue", rescue_id))[1] if rescue_id else None
            out.update(rescue_id=rescue_id, op_date=day, k4=r["suspect_id"])
            return out
        if entity in ("victim", "suspect"):
            rescue_id = r["rescue_id"] or None
            day = case_of(("rescue", rescue_id))[1] if rescue_id else None
            out.update(rescue_id=rescue_id, op_date=day)
            if entity == "suspect":  # day: when it was sent to court, if it was
                out.update(k1=r["status"], k2=r["status_stamp"],
                           day=stamp_day(r["status_stamp"]) if r["status"] in SENT_TO_COURT
                           else None)
            else:
                out.update(k1=r["sex"], k2=r["nationality"], k3=r["screening"],
                           flag=r["is_minor"], num=victim_age(r, day))
            return out
        if entity == "referral":
            rescue_id, day = case_of(("victim", r["victim_id"]))
            out.update(rescue_id=rescue_id, op_date=day, k1=r["service"], k2=r["outcome"],
                       k4=r["victim_id"], day=r["due_date"], at=_iso(r["created_at"]))
            return out
        rescue_id, day = case_of(("referral", r["referral_id"]))
        out.update(rescue_id=rescue_id, op_date=day, k1=r["kind"], k2=r["kind_stamp"],
                   k4=r["referral_id"], at=_iso(r["at"]))
        return out

    def _cascade(self, rows: list[dict[str, Any]], before: dict[tuple[str, str], Case],
                 reopen: Any) -> None:
        """A record whose case changed takes its children's rows along."""
        moved_rescues: list[str] = []
        for row in rows:
            key = (row["entity"], row["entity_id"])
            if key not in before or before[key] == (row["rescue_id"], row["op_date"]):
                continue
            case = {"rescue_id": row["rescue_id"], "op_date": row["op_date"]}
            if row["entity"] == "rescue":
                self.s.execute(update(ReportRow).where(ReportRow.rescue_id == row["entity_id"],
                                                       ReportRow.entity != "rescue").values(**case))
                moved_rescues.append(row["entity_id"])
            elif row["entity"] == "victim":
                self.s.execute(update(ReportRow).where(ReportRow.entity == "referral",
                                                       ReportRow.k4 == row["entity_id"])
                               .values(**case))
                referrals = select(ReportRow.entity_id).where(
                    ReportRow.entity == "referral", ReportRow.k4 == row["entity_id"])
                self.s.execute(update(ReportRow).where(ReportRow.entity == "referral_event",
                                                       ReportRow.k4.in_(referrals))
                               .values(**case))
            elif row["entity"] == "referral":
                self.s.execute(update(ReportRow).where(ReportRow.entity == "referral_event",
                                                       ReportRow.k4 == row["entity_id"])
                               .values(**case))
        if moved_rescues:  # the victims' ages are at the case's date
            victims = list(self.s.scalars(select(ReportRow.entity_id).where(
                ReportRow.entity == "victim", ReportRow.rescue_id.in_(moved_rescues))))
            written = {r["entity_id"] for r in rows if r["entity"] == "victim"}
            again = [v for v in victims if v not in written]
            if again:
                self.write(reopen("victim", again) if reopen else
                           _read(self.s, "victim", again))


def _read(s: Session, entity: str, ids: list[str]) -> list[tuple[str, str, dict[str, Any]]]:
    key = atrest.key_of(s)
    out = []
    for i in range(0, len(ids), _CHUNK):
        for eid, fields in s.execute(select(Record.entity_id, Record.fields).where(
                Record.entity == entity, Record.entity_id.in_(ids[i:i + _CHUNK]))):
            out.append((entity, eid, atrest.open_fields(key, entity, eid, fields or {})))
    return out


def ensure_rows(s: Session) -> None:
    """Fill the rows from every record once (a database from before they existed)."""
    if s.get(ReportRowsState, 1) is not None:
        return
    s.execute(delete(ReportRow))
    key = atrest.key_of(s)
    writer = RowWriter(s, counting=False)
    for entity in REPORTED:  # parents first: each level finds its parents' cases
        batch: list[tuple[str, str, dict[str, Any]]] = []
        result = s.execute(select(Record.entity_id, Record.fields)
                           .where(Record.entity == entity).execution_options(yield_per=5000))
        for eid, fields in result:
            batch.append((entity, eid, atrest.open_fields(key, entity, eid, fields or {})))
        for i in range(0, len(batch), 5000):
            writer.write(batch[i:i + 5000])
    counters.rebuild(s.connection(), HqCases(s))
    s.add(ReportRowsState(id=1, complete=True))
    s.flush()


class RowSource:
    """A `fieldapp.reports.source.RecordSource` over the narrow rows, one date range read."""

    def __init__(self, s: Session) -> None:
        self.s = s

    def rows(self, entity: str, since: dt.date | None = None,
             until: dt.date | None = None) -> Iterator[dict[str, Any]]:
        cols = _SELECTED
        q = select(*cols).where(ReportRow.entity == entity)
        # Suspects, their further cases and dated events: every case's ("sent to court"
        # counts by the date it happened, `reports.figures._sent_to_court`).
        if entity not in ("suspect", "suspect_case", "suspect_event"):
            if since is not None:
                q = q.where(ReportRow.op_date >= since)
            if until is not None:
                q = q.where(ReportRow.op_date <= until)
        yield from self._read(entity, q)

    def rows_of(self, entity: str, ids: Iterable[str], key: str = "id"
                ) -> Iterator[dict[str, Any]]:
        """The rows of the records whose `key` (their id, or their rescue's, victim's or
        referral's) is one of `ids`."""
        column = _KEY_COLUMNS[key]
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), 5000):
            yield from self._read(entity, select(*_SELECTED).where(
                ReportRow.entity == entity, db.among(self.s, column, wanted[i:i + 5000])))

    def figures(self, flt: ReportFilter, as_of: dt.date | None = None) -> Figures:
        """The figures from the report counters (equal to `compute` over these rows)."""
        return counters.figures(self.s.connection(), HqCases(self.s), flt, as_of)

    def _read(self, entity: str, q: Any) -> Iterator[dict[str, Any]]:
        result = self.s.connection().execute(q.execution_options(yield_per=20_000))
        make = _MAKERS[entity]
        for part in result.partitions():
            for values in part:
                yield make(*values)

    def persons(self, entity: str = "victim") -> dict[str, str]:
        return linked_persons(self.s.execute(
            select(ReportRow.k1, ReportRow.k2, ReportRow.k3, ReportRow.k4)
            .where(ReportRow.entity == "person_link")), entity)


_KEY_COLUMNS: dict[str, Any] = {"id": ReportRow.entity_id, "rescue_id": ReportRow.rescue_id,
                                "victim_id": ReportRow.k4, "referral_id": ReportRow.k4,
                                "suspect_id": ReportRow.k4}


class HqCases:
    """`reports.counters.CaseStore` over the narrow rows."""

    #: No yearly sums at HQ: pushes refresh the counts concurrently, and every push would
    #: lock the same few yearly rows until its commit; PostgreSQL sums the months fast.
    rollup = False
    #: Keys and facts as text: HQ's tables are shared by concurrent pushes (no dictionary
    #: of words to take turns on) and its size is not the device's.
    codec = countcodes.Plain()

    def __init__(self, s: Session) -> None:
        self.s = s
        self.rows = RowSource(s)
        self.source = self.rows

    def cases(self, rescue_ids: list[str]) -> dict[str, counters.CaseRows]:
        """`counters.read_cases` over the rows of these cases read in one statement (each
        level's rows found from its parents' in SQL), rather than one statement a level."""
        return counters.read_cases(_CaseRowsRead(self.s, rescue_ids), rescue_ids)

    def rescue_ids(self) -> Iterator[list[str]]:
        ids = list(self.s.scalars(select(ReportRow.entity_id).where(ReportRow.entity == "rescue")
                                  .order_by(ReportRow.entity_id)))
        for i in range(0, len(ids), 5000):
            yield ids[i:i + 5000]

    def rescues_of_victims(self, victim_ids: list[str]) -> set[str]:
        return {v["rescue_id"] for v in self.rows.rows_of("victim", victim_ids) if v["rescue_id"]}

    def persons(self, entity: str = "victim") -> dict[str, str]:
        return self.rows.persons(entity)

    def further_suspects(self) -> set[str]:
        return {k4 for k4 in self.s.scalars(select(ReportRow.k4).distinct().where(
            ReportRow.entity == "suspect_case")) if k4}


class _CaseRowsRead:
    """The rows `counters.read_cases` asks for about some cases, read at once: every level
    is selected by the same links read_cases follows (victims and suspects by their case,
    referrals by those victims, events by those referrals or suspects), so what `rows_of`
    gives from here is what `RowSource.rows_of` would have read."""

    def __init__(self, s: Session, rescue_ids: list[str]) -> None:
        def level(entity: str, where: Any) -> Any:
            return select(ReportRow.entity, *_SELECTED).where(ReportRow.entity == entity, where)

        victims = select(ReportRow.entity_id).where(
            ReportRow.entity == "victim", db.among(s, ReportRow.rescue_id, rescue_ids))
        suspects = select(ReportRow.entity_id).where(
            ReportRow.entity == "suspect", db.among(s, ReportRow.rescue_id, rescue_ids))
        referrals = select(ReportRow.entity_id).where(ReportRow.entity == "referral",
                                                      ReportRow.k4.in_(victims))
        q = union_all(
            level("rescue", db.among(s, ReportRow.entity_id, rescue_ids)),
            level("victim", db.among(s, ReportRow.rescue_id, rescue_ids)),
            level("referral", ReportRow.k4.in_(victims)),
            level("referral_event", ReportRow.k4.in_(referrals)),
            level("suspect", db.among(s, ReportRow.rescue_id, rescue_ids)),
            level("suspect_event", ReportRow.k4.in_(suspects)))
        self.read: dict[str, list[dict[str, Any]]] = {}
        for entity, *values in s.connection().execute(q):
            self.read.setdefault(entity, []).append(_MAKERS[entity](*values))

    def rows_of(self, entity: str, ids: Iterable[str], key: str = "id"
                ) -> Iterator[dict[str, Any]]:
        wanted = set(ids)
        return (r for r in self.read.get(entity, ()) if r[key] in wanted)


_SELECTED = (ReportRow.entity_id, ReportRow.rescue_id, ReportRow.op_date, ReportRow.k1,
             ReportRow.k2, ReportRow.k3, ReportRow.k4, ReportRow.flag, ReportRow.num,
             ReportRow.day, ReportRow.at)


def _dt(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


_MAKERS: dict[str, Any] = {
    "rescue": lambda i, rid, day, k1, k2, k3, k4, flag, num, due, at: {
        "id": i, "operation_date": day, "province_code": k1, "post_code": k2,
        "exploitation_type": k3, "cross_border": bool(flag)},
    "victim": lambda i, rid, day, k1, k2, k3, k4, flag, num, due, at: {
        "id": i, "rescue_id": rid or "", "sex": k1, "date_of_birth": None, "estimated_age": num,
        "is_minor": bool(flag), "nationality": k2, "screening": k3},
    "suspect": lambda i, rid, day, k1, k2, k3, k4, flag, num, due, at: {
        "id": i, "rescue_id": rid or "", "status": k1, "status_stamp": k2},
    "referral": lambda i, rid, day, k1, k2, k3, k4, flag, num, due, at: {
        "id": i, "victim_id": k4, "service": k1, "due_date": due, "created_at": _dt(at),
        "outcome": k2},
    "referral_event": lambda i, rid, day, k1, k2, k3, k4, flag, num, due, at: {
        "id": i, "referral_id": k4, "kind": k1, "at": _dt(at), "kind_stamp": k2},
    "suspect_case": lambda i, rid, day, k1, k2, k3, k4, flag, num, due, at: {
        "id": i, "suspect_id": k4, "rescue_id": rid or ""},
    "suspect_event": lambda i, rid, day, k1, k2, k3, k4, flag, num, due, at: {
        "id": i, "suspect_id": k4, "kind": k1, "on": due},
}
assert set(_MAKERS) == set(COLUMNS)


def row_count(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(ReportRow)) or 0)
