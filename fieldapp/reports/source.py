"""Where report rows come from: a neutral RecordSource, with adapters for a device store and HQ records."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Protocol, runtime_checkable

from sqlalchemy import case, null, select
from sqlalchemy.orm import Session

from fieldapp.domain.entities import REPORT_ENTITIES
from fieldapp.store.models import SYNCED_MODELS, ReferralEvent, Rescue, Suspect

Row = dict[str, Any]

#: The columns reports read, per entity, with the Python type each value has in a row.
#: `kind_stamp` of a referral event is the HLC stamp of its `kind` field, which orders the
#: events when the status is derived (see fieldapp.domain.referrals.derive_status). An
#: event's `at` is read only for completions; a source may give None for other kinds.
#: A suspect's `status_stamp` is the HLC stamp of its `status` (when it was last set): the
#: "sent to court" figure counts by that date. A rescue is `cross_border` when it is a
#: handover or names a country other than Cambodia (see `is_cross_border`).
#: A referral's `status` is the status a device stores (kept with every event it writes or
#: pulls); None where none is stored (HQ), and the figures then fold the events. A source
#: that gives every referral's status may yield only the completion events: the figures read
#: the others only to fold a status.
COLUMNS: dict[str, dict[str, type]] = {
    "rescue": {"id": str, "operation_date": dt.date, "province_code": str, "post_code": str,
               "exploitation_type": str, "cross_border": bool},
    "victim": {"id": str, "rescue_id": str, "sex": str, "date_of_birth": dt.date,
               "estimated_age": int, "is_minor": bool, "nationality": str, "screening": str},
    "suspect": {"id": str, "rescue_id": str, "status": str, "status_stamp": str},
    "referral": {"id": str, "victim_id": str, "service": str, "due_date": dt.date,
                 "created_at": dt.datetime, "outcome": str, "status": str},
    "referral_event": {"id": str, "referral_id": str, "kind": str, "at": dt.datetime,
                       "kind_stamp": str},
    # A suspect as a person: further cases, and dated status events ("sent to court" counts
    # by the day of the event).
    "suspect_case": {"id": str, "suspect_id": str, "rescue_id": str},
    "suspect_event": {"id": str, "suspect_id": str, "kind": str, "on": dt.date},
}


@runtime_checkable
class RecordSource(Protocol):
    """Yields one plain dict per record of `entity`, with exactly the keys of COLUMNS[entity].

    `since`/`until` are a hint: a source MAY leave out records whose case (rescue)
    operation date is outside [since, until]; the figures filter again, so a source that
    ignores the hint gives the same numbers, only slower. For suspects it MAY leave out only
    those whose case is outside and who were not sent to court (status stamp) within it.
    A source may also offer ``rows_of(entity, ids)``: the rows of those records only.
    """

    def rows(self, entity: str, since: dt.date | None = None,
             until: dt.date | None = None) -> Iterator[Row]: ...


# -- the device store --------------------------------------------------------------------
#: The entities reports read (the entity registry's), by their store model.
_MODELS = {name: SYNCED_MODELS[name] for name in REPORT_ENTITIES}
_BATCH = 5000


class StoreRecordSource:
    """Reads the device's SQLCipher store in an open session: only the needed columns, streamed."""

    def __init__(self, session: Session, *, stored_status: bool = True) -> None:
        self.session = session
        #: Read each referral's stored status and only the completion events (issue 16: the
        #: other events were most of a report's rows); False: every event, no status (the
        #: reference computation the tests compare with).
        self.stored_status = stored_status

    def persons(self, entity: str = "victim") -> dict[str, str]:
        """Victim (or suspect) id -> the person it is, for records a supervisor linked (see
        linked_persons)."""
        from fieldapp.store.models import PersonLink

        return linked_persons(self.session.execute(
            select(PersonLink.entity, PersonLink.a_id, PersonLink.b_id, PersonLink.decision)),
            entity)

    def rows(self, entity: str, since: dt.date | None = None,
             until: dt.date | None = None) -> Iterator[Row]:
        query = self._select(entity)
        # Only the rescues are narrowed in SQL (the date index); joining the other tables
        # up to the rescue cost more than filtering them in Python.
        if entity == "rescue" and since is not None:
            query = query.where(Rescue.operation_date >= since)
        if entity == "rescue" and until is not None:
            query = query.where(Rescue.operation_date <= until)
        yield from self._read(entity, query)

    def rows_of(self, entity: str, ids: Iterable[str], key: str = "id") -> Iterator[Row]:
        """The rows of the records whose `key` column (their id, or a parent's id such as a
        victim's `rescue_id`) is one of `ids`."""
        column = getattr(_MODELS[entity], key)
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), 500):
            yield from self._read(entity, self._select(entity).where(
                column.in_(wanted[i:i + 500])))

    def _select(self, entity: str) -> Any:
        model = _MODELS[entity]
        if entity == "rescue":
            return select(Rescue.id, Rescue.operation_date, Rescue.province_code,
                          Rescue.post_code, Rescue.exploitation_type, Rescue.intake_kind,
                          Rescue.referring_country, Rescue.countries_recruitment,
                          Rescue.countries_transit, Rescue.countries_exploitation)
        if entity == "suspect":
            return select(Suspect.id, Suspect.rescue_id, Suspect.status,
                          Suspect.hlc)
        if entity == "referral_event":
            # The time is only read for completions (parsing every event's datetime doubled
            # the scan); the stamps come packed (`store.compact`): decoding every event's JSON
            # was half the time of a report; SQLite's json_extract was slower still.
            query = select(
                ReferralEvent.id, ReferralEvent.referral_id, ReferralEvent.kind,
                case((ReferralEvent.kind == "completed", ReferralEvent.at), else_=None)
                .label("at"),
                ReferralEvent.hlc)
            return query.where(ReferralEvent.kind == "completed") if self.stored_status else query
        names = list(COLUMNS[entity])
        if entity == "referral" and not self.stored_status:
            cols: list[Any] = [getattr(model, n) for n in names if n != "status"]
            return select(*cols, null().label("status"))
        return select(*[getattr(model, n) for n in names])

    def _read(self, entity: str, query: Any) -> Iterator[Row]:
        # Core, not ORM, execution: plain tuples, no per-row ORM bookkeeping.
        result = self.session.connection().execute(query.execution_options(yield_per=_BATCH))
        # Batches (partitions) rather than row by row: a fifth less overhead per row.
        make = _STORE_ROWS.get(entity)
        names = list(COLUMNS[entity])
        for batch in result.partitions():
            for values in batch:
                yield make(*values) if make else dict(zip(names, values, strict=True))


def _rescue_row(rid: str, day: dt.date | None, province: str, post: str, kind: str,
                intake_kind: str | None, country: str | None, *countries: Any) -> Row:
    """A rescue with its cross-border flag."""
    return {"id": rid, "operation_date": day, "province_code": province, "post_code": post,
            "exploitation_type": kind,
            "cross_border": is_cross_border(intake_kind, country, *countries)}


_STORE_ROWS: dict[str, Callable[..., Row]] = {
    "rescue": _rescue_row,
    "suspect": lambda sid, rescue_id, status, stamps: {
        "id": sid, "rescue_id": rescue_id, "status": status,
        "status_stamp": stamp_in(stamps, "status")},
    "referral_event": lambda event_id, referral_id, kind, at, stamps: {
        "id": event_id, "referral_id": referral_id, "kind": kind, "at": at,
        "kind_stamp": stamp_in(stamps, "kind")},
}


def is_cross_border(intake_kind: str | None, referring_country: str | None,
                    *country_lists: Iterable[str] | None) -> bool:
    """A handover from abroad, or any recruitment/transit/exploitation country not Cambodia."""
    if intake_kind == "handover":
        return True
    countries = {referring_country or ""}.union(*(set(c or ()) for c in country_lists))
    return bool(countries - {"", "KHM"})


def stamp_in(stamps: Mapping[str, str] | None, name: str) -> str:
    """The HLC stamp of field `name` in a record's stamps (else its creation's), as the
    store reads them (`store.compact.CompactStamps`: packed, so no JSON to decode)."""
    if not stamps:
        return ""
    return stamps[name] if name in stamps else stamps.get("*", "")


# -- HQ's merged records -----------------------------------------------------------------
#: (entity, entity_id, fields) or (entity, fields) with the id in fields["id"]; fields are
#: HQ's merged state `{name: [value, hlc]}`.
HqRecord = tuple[str, Mapping[str, Any]] | tuple[str, str, Mapping[str, Any]]


def _parse(kind: type, value: Any) -> Any:
    if value is None or value == "":
        return "" if kind is str else False if kind is bool else None
    if kind is dt.date:
        return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    if kind is dt.datetime:
        return value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    if kind is int:
        return int(value)
    if kind is bool:
        return bool(value)
    return str(value)


def hq_row(entity: str, entity_id: str, fields: Mapping[str, Any]) -> Row:
    """One HQ record as a report row (values typed as COLUMNS says)."""
    row: Row = {}
    for name, kind in COLUMNS[entity].items():
        if name == "id":
            row["id"] = entity_id
        elif name == "kind_stamp":
            entry = fields.get("kind")
            row[name] = str(entry[1]) if entry else ""
        elif name == "status_stamp":
            entry = fields.get("status")
            row[name] = str(entry[1]) if entry else ""
        elif entity == "referral" and name == "status":
            row[name] = None  # derived from the events; never travels
        elif name == "cross_border":
            def value(key: str) -> Any:
                entry = fields.get(key)
                return entry[0] if entry else None

            row[name] = is_cross_border(value("intake_kind"), value("referring_country"),
                                        value("countries_recruitment"), value("countries_transit"),
                                        value("countries_exploitation"))
        else:
            entry = fields.get(name)
            row[name] = _parse(kind, entry[0] if entry else None)
    return row


def _split(record: HqRecord) -> tuple[str, str, Mapping[str, Any]]:
    if len(record) == 3:
        return record  # type: ignore[return-value]
    entity, fields = record  # type: ignore[misc]
    raw = fields.get("id")
    entity_id = raw[0] if isinstance(raw, list | tuple) else raw
    return entity, str(entity_id or ""), fields


class JsonRecordSource:
    """HQ's records `(entity, [entity_id,] {name: [value, hlc]})`, whatever stores them.

    Give either an iterable (read once and kept, projected to the report columns) or a
    function `entity -> iterable of records of that entity`, which is called for each
    entity and keeps nothing (HQ passes a query per entity).
    """

    def __init__(self, records: Iterable[HqRecord] | Callable[[str], Iterable[HqRecord]]) -> None:
        self._by_entity: Callable[[str], Iterable[HqRecord]] | None = None
        self._kept: dict[str, list[Row]] | None = None
        if callable(records):
            self._by_entity = records
        else:
            self._kept = defaultdict(list)
            self._links: list[tuple[Any, ...]] = []
            for record in records:
                entity, entity_id, fields = _split(record)
                if entity in COLUMNS:
                    self._kept[entity].append(hq_row(entity, entity_id, fields))
                elif entity == "person_link":
                    self._links.append(_link(fields))

    def rows(self, entity: str, since: dt.date | None = None,
             until: dt.date | None = None) -> Iterator[Row]:
        if self._kept is not None:
            yield from self._kept.get(entity, [])
            return
        assert self._by_entity is not None
        for record in self._by_entity(entity):
            rec_entity, entity_id, fields = _split(record)
            if rec_entity == entity:
                yield hq_row(entity, entity_id, fields)


    def persons(self, entity: str = "victim") -> dict[str, str]:
        """Victim (or suspect) id -> the person it is, for records linked at HQ or on a device."""
        if self._kept is not None:
            return linked_persons(self._links, entity)
        assert self._by_entity is not None
        return linked_persons((_link(_split(r)[2]) for r in self._by_entity("person_link")),
                              entity)


def _link(fields: Mapping[str, Any]) -> tuple[Any, ...]:
    def value(name: str) -> Any:
        raw = fields.get(name)
        return raw[0] if isinstance(raw, list | tuple) else raw

    return value("entity"), value("a_id"), value("b_id"), value("decision")


def linked_persons(links: Iterable[Any], kind: str = "victim") -> dict[str, str]:
    """(entity, a_id, b_id, decision) rows -> victim (or suspect) id -> one id per person,
    for the records joined by a "link" decision (figures count such a person once)."""
    from fieldapp.linkage.people import clusters

    pairs = [(str(a), str(b)) for entity, a, b, decision in links
             if entity == kind and decision == "link"]
    return clusters((), pairs) if pairs else {}

