"""Applying pulled records to the device store: per-field merge, parents first, derived status.

HQ sends the merged state of each record (``{field: [value, hlc]}``); applying it is the
same join HQ uses (`merge_record`), so applying a page twice, or pages in another order,
ends in the same store. Pages are committed one by one, so a record can arrive before
its parent (its rescue was edited later): such a record waits in ``sync_parked`` until
the parent comes, instead of failing the page on a foreign key. Within a page, parents are
applied before children (`page_order`), so parking is for records whose parent is on a
later page; when a page stores a record, only the parked rows naming it as their parent
are read back (an index), never the whole table.

A page is set-based: one read of the stored rows it touches per table (an IN query), its
new records inserted as plain rows with one executemany per table (`_bulk_insert`, through
each column type's bind processor; a statement's text sealed first, as its insert hook
seals it; only attachments, whose hooks seal keys, go through the ORM), no autoflush and
one flush, the search
documents of its cases rebuilt once, and each touched referral's status derived once from
its events and written only where it changes. Everything stays in the page's transaction:
a kill midway leaves the page unapplied and the cursor where it was.

A record that cannot be stored at all (a value of the wrong type, a constraint such as
another rescue here with the same case number) is *set aside* in the same table with
its reason in plain words; the rest of the page applies and the cursor moves on, so one
bad record never stops a pull. Set-aside records are tried again at the next round.
A page is first applied in one go (fast); only if that fails is it applied again record
by record, each in its own savepoint.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    Integer,
    MetaData,
    String,
    Table,
    bindparam,
    delete,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from fieldapp.domain.entities import ENTITIES, REFERENCE_ENTITIES
from fieldapp.domain.enums import ReferralStatus
from fieldapp.domain.errors import InvalidInput
from fieldapp.domain.hlc import max_stamp
from fieldapp.store import figmarks, sealing, search
from fieldapp.store.changes import find
from fieldapp.store.codec import _parser, from_json, to_json
from fieldapp.store.compact import CompactId
from fieldapp.store.models import (
    SYNCED_MODELS,
    CaseCounter,
    Referral,
    ReferralEvent,
    Statement,
    Synced,
    stored_stamps,
    synced_columns,
)
from fieldapp.sync.merge import merge_record, referral_status
from fieldapp.sync.schema import field_reason

#: Tables of migration 0003 that have no ORM model (only sync touches them).
sync_metadata = MetaData()
parked_table = Table(
    "sync_parked",
    sync_metadata,
    Column("entity", String(32), primary_key=True),
    Column("entity_id", String(64), primary_key=True),
    Column("parent_id", String(64), nullable=False, index=True),
    Column("fields", JSON, nullable=False),
    #: Why it could not be stored (None: it only waits for its parent). Migration 0004;
    #: indexed (0005_h16dev) so each page counts what waits without reading every row.
    Column("reason", String(300), nullable=True, index=True),
)
#: Changes of this device that HQ refused and parked (migration 0004).
refused_table = Table(
    "sync_refused",
    sync_metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("entity", String(32), nullable=False),
    Column("entity_id", String(64), nullable=False),
    Column("code", String(32), nullable=False),
    Column("reason", String(300), nullable=False),
    Column("refused_at", DateTime, nullable=False),
)
upload_table = Table(
    "sync_upload",
    sync_metadata,
    Column("attachment_id", String(36), primary_key=True),
    Column("uploaded_at", DateTime, nullable=False),
)

#: Links a record cannot be stored without (foreign keys), per entity.
PARENTS: dict[str, tuple[tuple[str, type[Synced]], ...]] = {
    e.name: tuple((field, SYNCED_MODELS[parent]) for field, parent in e.links)
    for e in ENTITIES if e.links
}
#: Columns a pulled record may lack although the model has no default for them: a transit
#: centre gets a referred victim without the rescue, and nobody gets another device's
#: attachment key.
OPTIONAL = {("victim", "rescue_id"), ("attachment", "file_key")}
REMOTE_DEFAULTS: dict[str, dict[str, Any]] = {"attachment": {"file_key": b""}}
REFERENCE = frozenset(REFERENCE_ENTITIES)


def _depth(entity: str, seen: frozenset[str] = frozenset()) -> int:
    """How many links lie between a record and the top of its family (rescue: 0)."""
    parents = [p.SYNC_ENTITY for _n, p in PARENTS.get(entity, ())
               if p.SYNC_ENTITY != entity and p.SYNC_ENTITY not in seen]
    return 1 + max((_depth(p, seen | {entity}) for p in parents), default=-1)


def page_order(
    records: list[tuple[str, str, dict[str, list[Any]]]],
) -> list[tuple[str, str, dict[str, list[Any]]]]:
    """The page with parents before children (reference data first), stable otherwise, so a
    child on the same page as its parent is stored directly instead of parked and unparked.
    The order cannot change the result: merging is per field and order-free."""
    ranks: dict[str, int] = {}

    def rank(record: tuple[str, str, dict[str, list[Any]]]) -> int:
        entity = record[0]
        if entity not in ranks:
            ranks[entity] = -1 if entity in REFERENCE else _depth(entity)
        return ranks[entity]

    return sorted(records, key=rank)
_CASE_NUMBER = re.compile(r"^([A-Z0-9_-]+)-(\d{4})-(\d+)$")


@dataclass
class ApplyStats:
    """What one page (or bundle) did to the store."""

    received: int = 0
    changed: int = 0
    #: Records still waiting for their parent after this page.
    parked: int = 0
    #: Records that could not be stored here (kept aside with a reason) after this page.
    set_aside: int = 0
    skipped: int = 0
    max_stamp: str = ""
    referrals: set[str] = field(default_factory=set)


def _required(model: type[Synced]) -> list[str]:
    out = []
    for col in inspect(model).columns:
        if col.primary_key or col.nullable or col.default is not None:
            continue
        if col.server_default is not None or (model.SYNC_ENTITY, col.key) in OPTIONAL:
            continue
        if col.key in model.SYNC_EXCLUDE:
            continue
        out.append(col.key)
    return out


_COLUMNS: dict[str, list[str]] = {}
_REQUIRED: dict[str, list[str]] = {}


def _columns(entity: str) -> list[str]:
    if entity not in _COLUMNS:
        _COLUMNS[entity] = synced_columns(SYNCED_MODELS[entity])
        _REQUIRED[entity] = _required(SYNCED_MODELS[entity])
    return _COLUMNS[entity]


@functools.cache
def _known(entity: str) -> frozenset[str]:
    """The fields of `entity` a pulled record may set (its synced columns)."""
    return frozenset(_columns(entity))


@functools.cache
def _required_set(entity: str) -> frozenset[str]:
    _columns(entity)
    return frozenset(_REQUIRED[entity])


@functools.cache
def _decoders(entity: str) -> tuple[tuple[str, Callable[[str], Any]], ...]:
    """The columns of `entity` whose JSON value `from_json` turns into another type (dates),
    with the parser it uses; every other value is stored as it comes."""
    mapper = inspect(SYNCED_MODELS[entity])
    out = []
    for key in _columns(entity):
        parse = _parser(mapper, key)
        if parse is not None:
            out.append((key, parse))
    return tuple(out)


def _decoded(entity: str, fields: Mapping[str, list[Any]]) -> dict[str, Any]:
    """``{name: column value}`` of pulled fields: `from_json` of each, in one pass."""
    values = {k: e[0] for k, e in fields.items()}
    for key, parse in _decoders(entity):
        value = values.get(key)
        if value is not None:
            values[key] = parse(value)
    return values


def local_state(obj: Synced) -> dict[str, list[Any]]:
    """A stored record as merge state: ``{field: [json value, stamp]}``."""
    return {
        key: [to_json(getattr(obj, key)), obj.stamp_of(key)]
        for key in _columns(obj.SYNC_ENTITY)
    }


def _hlc_of(merged: Mapping[str, list[Any]]) -> dict[str, str]:
    return stored_stamps({k: str(e[1]) for k, e in merged.items()})


class Applier:
    """Applies records within one remote session (no outbox capture) and tidies up after."""

    def __init__(self, session: Session, *, careful: bool = False) -> None:
        if not session.info.get("remote"):
            raise ValueError("pulled changes must be applied in a remote=True session")
        self.s = session
        #: Each record in its own savepoint, a failing one set aside (see module doc).
        self.careful = careful
        self.stats = ApplyStats()
        self._rescues: set[str] = set()
        #: Ids the page's preload showed are not stored: looked up without a query.
        self._absent: dict[type[Synced], set[str]] = defaultdict(set)
        #: Parents the preload showed are stored (their ids only: nothing of them is read).
        self._present: dict[type[Synced], set[str]] = defaultdict(set)
        self._parked_keys: set[tuple[str, str]] = set()
        #: Parked rows (sealed fields, reason) of the page's records, read in the preload.
        self._parked: dict[tuple[str, str], Any] = {}
        #: Ids of records stored by this page: their parked children may now follow.
        self._arrived: set[str] = set()
        #: Objects the preload read: held, or the identity map's weak references drop them.
        self._held: list[Synced] = []
        self._counters: dict[tuple[str, int], CaseCounter] = {}
        self._suspects: set[str] = set()
        #: New records of models without ORM insert hooks, as plain rows (`_insert_rows`).
        self._rows: dict[tuple[type[Synced], str], dict[str, Any]] = {}
        #: Ids the page holds more than once.
        self._repeated: set[str] = set()

    # -- public ------------------------------------------------------------------------

    def apply(
        self, records: Iterable[tuple[str, str, dict[str, list[Any]]]], *, retry: bool = False
    ) -> ApplyStats:
        """Apply (entity, entity_id, fields) triples, fields ``{name: [value, hlc text]}``
        (`_entries`), then unpark and recompute statuses.

        `retry` also tries the records set aside earlier (once per round is enough).
        """
        batch = page_order(list(records))
        counts = Counter(i for _e, i, _f in batch)
        self._repeated = {i for i, n in counts.items() if n > 1}
        with self.s.no_autoflush:
            self._preload(batch)
            for entity, entity_id, fields in batch:
                self.stats.received += 1
                self._guarded(entity, entity_id, fields, lambda e=entity, i=entity_id, f=fields:
                              self._one(e, i, f))
            self._unpark(retry=retry)
        # Each distinct stamp once (an edit stamps its fields alike).
        self.stats.max_stamp = max_stamp(
            {self.stats.max_stamp} | {e[1] for _e, _i, f in batch for e in f.values()})
        self._insert_rows()
        self.s.flush()
        # The plain rows bypass the ORM: their cases are marked for the report counters here.
        figmarks.mark(self.s, rescues=self._rescues, referrals=self.stats.referrals)
        for suspect_id in self._suspects:
            self._rescues.update(search.suspect_cases(self.s, suspect_id))
        self.stats.parked = int(
            self.s.execute(select(func.count()).select_from(parked_table)
                           .where(parked_table.c.reason.is_(None))).scalar() or 0
        )
        self.stats.set_aside = int(
            self.s.execute(select(func.count()).select_from(parked_table)
                           .where(parked_table.c.reason.is_not(None))).scalar() or 0
        )
        self._recompute_referrals()
        for rescue_id in self._rescues:
            search.mark(self.s, rescue_id)
        return self.stats

    # -- one record --------------------------------------------------------------------

    def _guarded(
        self, entity: str, entity_id: str, fields: dict[str, list[Any]], work: Any
    ) -> None:
        if not self.careful:
            work()
            return
        try:
            with self.s.begin_nested():
                work()
                self._insert_rows()
                self.s.flush()
        except _APPLY_ERRORS as exc:
            _forget_rolled_back(self.s)
            self._set_aside(entity, entity_id, fields, plain_reason(exc))

    def _set_aside(
        self, entity: str, entity_id: str, fields: dict[str, list[Any]], reason: str
    ) -> None:
        """Keep a record that cannot be stored here, with the reason; tried again later."""
        key = (entity[:32], entity_id[:64])
        exists = self.s.execute(
            select(parked_table.c.fields).where(
                parked_table.c.entity == key[0], parked_table.c.entity_id == key[1])
        ).first()
        # Statement text rests sealed here too, as in `_park`.
        if exists is not None:
            stored = sealing.open_parked(self.s, entity, entity_id, exists[0]) or {}
            merged, _ = merge_record(entity, stored, fields)
            self.s.execute(
                parked_table.update()
                .where(parked_table.c.entity == key[0], parked_table.c.entity_id == key[1])
                .values(fields=sealing.seal_parked(self.s, entity, entity_id, merged),
                        reason=reason[:300])
            )
        else:
            self.s.execute(insert(parked_table).values(
                entity=key[0], entity_id=key[1], parent_id="",
                fields=sealing.seal_parked(self.s, entity, entity_id, fields),
                reason=reason[:300]))
        self._parked_keys.add(key)

    def _preload(self, batch: list[tuple[str, str, dict[str, list[Any]]]]) -> None:
        """Load every record a page touches in one query per table (not one per record).

        The page's own records are loaded whole (they may be updated); the parents they
        name only as ids: storing a child needs to know its parent is there, nothing more.
        """
        wanted: dict[str, set[str]] = defaultdict(set)
        parents: dict[str, set[str]] = defaultdict(set)
        for entity, entity_id, fields in batch:
            if entity not in SYNCED_MODELS:
                continue
            wanted[entity].add(entity_id)
            for name, parent in PARENTS.get(entity, ()):
                value = fields.get(name, [None])[0]
                if isinstance(value, str):
                    parents[parent.SYNC_ENTITY].add(value)
        for entity in wanted.keys() | parents.keys():
            model = SYNCED_MODELS[entity]
            ids = wanted.get(entity, set())
            asked = list(ids | parents.get(entity, set()))
            stored: set[str] = set()
            for i in range(0, len(asked), 500):  # ids first: on a fresh device, none is
                stored.update(_stored_ids(self.s.connection(), _table(entity),
                                          asked[i : i + 500]))
            self._absent[model] = set(asked) - stored
            self._present[model] |= stored - ids
            update = list(stored & ids)
            for i in range(0, len(update), 500):
                self._held.extend(self.s.scalars(
                    select(model).where(model.id.in_(update[i : i + 500]))))
        # Only the parked rows of this page's records: the table may hold many thousands.
        page_ids = sorted({i for _e, i, _f in batch})
        for start in range(0, len(page_ids), 500):
            for e, i, stored in self.s.execute(
                select(parked_table.c.entity, parked_table.c.entity_id, parked_table.c.fields)
                .where(parked_table.c.entity_id.in_(page_ids[start : start + 500]))
            ):
                self._parked[(e, i)] = stored
                self._parked_keys.add((e, i))

    def _insert_rows(self) -> None:
        """Insert the new records kept as plain rows, one executemany per table and shape."""
        groups: dict[tuple[type[Synced], frozenset[str]], list[dict[str, Any]]] = defaultdict(list)
        for (model, ident), values in self._rows.items():
            groups[(model, frozenset(values))].append(values)
            self._absent.get(model, set()).discard(ident)  # stored now: `find` reads it
        self._rows = {}
        conn = self.s.connection()
        for (model, keys), rows in groups.items():
            _bulk_insert(conn, _table(model.SYNC_ENTITY), keys, rows)

    def _exists(self, model: type[Synced], ident: str) -> bool:
        return ((model, ident) in self._rows or ident in self._present[model]
                or self._find(model, ident) is not None)

    def _find(self, model: type[Synced], ident: str) -> Synced | None:
        if (model, ident) in self._rows:
            # Seen twice on one page (rare): store the rows so far and load it as an object.
            self._insert_rows()
        pending = self.s.info.get("pending") or {}
        obj = pending.get((model, ident))
        if obj is not None:
            return obj  # type: ignore[no-any-return]
        if ident in self._absent.get(model, ()):
            return None
        return find(self.s, model, ident)

    def _one(self, entity: str, entity_id: str, fields: dict[str, list[Any]]) -> None:
        if entity in REFERENCE:
            self._reference(entity, fields)
            return
        model = SYNCED_MODELS.get(entity)
        if model is None:
            # audit_event (the post's other devices' audit trails stay at HQ) or an entity
            # a newer HQ knows and this version does not.
            self.stats.skipped += 1
            return
        known = _known(entity)
        if not fields.keys() <= known:
            fields = {k: v for k, v in fields.items() if k in known}
        obj = self._find(model, entity_id)
        if obj is None:
            self._create(model, entity_id, fields)
        else:
            self._update(obj, fields)

    def _missing_parent(self, entity: str, fields: Mapping[str, list[Any]]) -> str | None:
        for name, parent in PARENTS.get(entity, ()):
            value = fields.get(name, [None])[0]
            if value is not None and not self._exists(parent, str(value)):
                return str(value)
        return None

    def _create(self, model: type[Synced], entity_id: str, fields: dict[str, list[Any]]) -> None:
        entity = model.SYNC_ENTITY
        parked = None
        if (entity, entity_id) in self._parked_keys:
            parked = self._parked.pop((entity, entity_id), None)
            if parked is None:
                parked = self.s.execute(
                    select(parked_table.c.fields).where(
                        parked_table.c.entity == entity, parked_table.c.entity_id == entity_id
                    )
                ).scalar()
        parked = sealing.open_parked(self.s, entity, entity_id, parked)
        if parked is not None:
            fields, _ = merge_record(entity, parked, fields)
        elif entity == "statement":
            fields, _ = merge_record(entity, {}, fields)  # normalise (statement freezing)
        # (other entities' fields are already ``[value, hlc text]``: see `_entries`)
        waiting_for = self._missing_parent(entity, fields)
        if waiting_for is None and not _required_set(entity) <= fields.keys():
            waiting_for = ""  # more fields must come first
        if waiting_for is not None:
            self._park(entity, entity_id, waiting_for, fields, exists=parked is not None)
            return
        if parked is not None:
            self.s.execute(
                delete(parked_table).where(
                    parked_table.c.entity == entity, parked_table.c.entity_id == entity_id
                )
            )
            self._parked_keys.discard((entity, entity_id))
        _check_schema(entity, fields)
        values = dict(REMOTE_DEFAULTS.get(entity, {}))
        values.update(_decoded(entity, fields))
        self._arrived.add(entity_id)
        self.stats.changed += 1
        plain = _plain_insert(entity)
        if entity == "statement" and entity_id not in self._repeated:
            # Sealed here as its insert hook seals it (`sealing._seal_target`); a statement
            # the page holds twice goes through the ORM, where its second state merges
            # into the object the first made.
            values.update(sealing.sealed_statement(sealing.key_of(self.s), entity_id, values))
            plain = True
        if plain:
            # No ORM object: a plain row, inserted with the page's others (`_insert_rows`).
            values["id"] = entity_id
            values["hlc"] = _hlc_of(fields)
            self._rows[(model, entity_id)] = values
            self._touched(entity, entity_id, values.get)
            return
        obj = model(id=entity_id, **values)
        obj.hlc = _hlc_of(fields)
        self.s.add(obj)
        self._touched(entity, entity_id, functools.partial(getattr, obj))

    def _update(self, obj: Synced, fields: dict[str, list[Any]]) -> None:
        entity = obj.SYNC_ENTITY
        current = local_state(obj)
        merged, changed = merge_record(entity, current, fields)
        changed &= set(merged)
        if not changed:
            return
        if isinstance(obj, Statement) and obj.status == "final":
            # A final statement is its snapshot on every replica (merge contract); the
            # store refuses any update of it, so never try one.
            self.stats.skipped += 1
            return
        _check_schema(entity, {name: merged[name] for name in changed})
        mapper = inspect(type(obj))
        for name in changed:
            setattr(obj, name, from_json(mapper, name, merged[name][0]))
        obj.hlc = {**(obj.hlc or {}), **{name: str(merged[name][1]) for name in changed}}
        self.stats.changed += 1
        self._touched(entity, obj.id, functools.partial(getattr, obj))

    def _touched(self, entity: str, entity_id: str, get: Callable[[str], Any]) -> None:
        """Note what a stored record changes beyond itself (`get` reads its fields)."""
        if entity == "rescue":
            self._seen_case_number(get("case_number"))
            self._rescues.add(entity_id)
        elif entity == "referral":
            self.stats.referrals.add(entity_id)
        elif entity == "referral_event":
            self.stats.referrals.add(get("referral_id"))
        elif entity in ("victim", "suspect", "suspect_case"):
            if get("rescue_id"):
                self._rescues.add(get("rescue_id"))
        elif entity == "suspect_identifier":
            self._suspects.add(get("suspect_id"))  # its cases are looked up after the flush
        elif entity == "suspect_event":  # the suspect's day sent to court (report counters)
            figmarks.mark(self.s, suspects=[get("suspect_id")])

    def _seen_case_number(self, number: str | None) -> None:
        """Never issue a case number another device of the post already used."""
        match = _CASE_NUMBER.match(number or "")
        if not match:
            return
        post, year, n = match.group(1), int(match.group(2)), int(match.group(3))
        # Held here: a counter added on this page is not flushed yet, so `get` misses it.
        counter = self._counters.get((post, year)) or self.s.get(CaseCounter, (post, year))
        if counter is None:
            counter = CaseCounter(post_code=post, year=year, last=n)
            self.s.add(counter)
            self._counters[(post, year)] = counter
        else:
            self._counters[(post, year)] = counter
            if counter.last < n:
                counter.last = n

    # -- parking -----------------------------------------------------------------------

    def _park(
        self, entity: str, entity_id: str, parent: str, fields: dict[str, list[Any]], exists: bool
    ) -> None:
        self.stats.parked += 1
        fields = sealing.seal_parked(self.s, entity, entity_id, fields)  # statement text rests sealed
        if exists:
            self.s.execute(
                parked_table.update()
                .where(parked_table.c.entity == entity, parked_table.c.entity_id == entity_id)
                .values(fields=fields, parent_id=parent)
            )
        else:
            self.s.execute(
                insert(parked_table).values(
                    entity=entity, entity_id=entity_id, parent_id=parent, fields=fields
                )
            )
            self._parked_keys.add((entity, entity_id))

    def _unpark(self, *, retry: bool = False) -> None:
        """Store parked records whose parents are here now (parents before children).

        Only the rows naming a record this page stored as their parent are read (then the
        rows naming those, and so on), through the parent index. With `retry` (once per
        round) every parked row is tried as well: the ones set aside for another reason,
        and any whose parent came some other way.
        """
        tried: set[tuple[str, str]] = set()
        base = select(parked_table.c.entity, parked_table.c.entity_id, parked_table.c.fields,
                      parked_table.c.reason)
        everything = retry
        while True:
            if everything:
                rows = list(self.s.execute(base).all())
                everything = False
            else:
                parents = sorted(self._arrived)
                if not parents:
                    return
                rows = []
                for start in range(0, len(parents), 500):
                    rows += self.s.execute(base.where(
                        parked_table.c.parent_id.in_(parents[start : start + 500]),
                        parked_table.c.reason.is_(None))).all()
            self._arrived = set()
            for entity, entity_id, stored, reason in rows:
                model = SYNCED_MODELS.get(entity)
                if model is None or (entity, entity_id) in tried:
                    continue
                fields = sealing.open_parked(self.s, entity, entity_id, stored) or {}
                _columns(entity)  # a row parked by an earlier run: load the column lists
                if self._missing_parent(entity, fields) is not None:
                    continue
                if not _required_set(entity) <= fields.keys():
                    continue
                if reason is not None:
                    tried.add((entity, entity_id))  # once per round
                    if not self.careful:
                        # Only a careful applier can survive the reason happening again.
                        raise _RetryCarefully()

                def work(entity: str = entity, entity_id: str = entity_id,
                         fields: dict[str, list[Any]] = fields,
                         model: type[Synced] = model) -> None:
                    self.s.execute(
                        delete(parked_table).where(
                            parked_table.c.entity == entity,
                            parked_table.c.entity_id == entity_id,
                        )
                    )
                    self._parked_keys.discard((entity, entity_id))
                    obj = self._find(model, entity_id)
                    if obj is None:
                        self._create(model, entity_id, fields)
                    else:
                        self._update(obj, fields)

                self._guarded(entity, entity_id, fields, work)

    # -- derived -----------------------------------------------------------------------

    def _recompute_referrals(self) -> None:
        """Each referral the page touched gets the status its events give, once per page.

        Read as plain rows (no ORM objects) and written with one executemany, only where
        the status or the conflict flag differs from what is stored.
        """
        if not self.stats.referrals:
            return
        ids = sorted(self.stats.referrals)
        events: dict[str, list[dict[str, list[Any]]]] = defaultdict(list)
        current: dict[str, tuple[str, bool]] = {}
        event_t, referral_t = ReferralEvent.__table__, Referral.__table__
        conn = self.s.connection()
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for referral_id, kind, hlc in conn.execute(
                select(event_t.c.referral_id, event_t.c.kind, event_t.c.hlc)
                .where(event_t.c.referral_id.in_(chunk))
            ):
                # The kind's stamp, as `Synced.stamp_of` reads it.
                stamp = str((hlc or {}).get("kind") or (hlc or {}).get("*", ""))
                events[referral_id].append({"kind": [kind, stamp]})
            for referral_id, status, conflicted in conn.execute(
                select(referral_t.c.id, referral_t.c.status, referral_t.c.conflicted)
                .where(referral_t.c.id.in_(chunk))
            ):
                current[referral_id] = (status, bool(conflicted))
        changed = []
        for referral_id, (status, conflicted) in current.items():
            derived, clash = referral_status(events.get(referral_id, []))
            # Status is a cache of the events; it never travels, so it is set directly.
            value = (derived or ReferralStatus.CREATED).value
            if (value, bool(clash)) != (status, conflicted):
                changed.append({"rid": referral_id, "st": value, "cf": clash})
        if changed:
            conn.execute(
                update(Referral).where(Referral.id == bindparam("rid"))
                .values(status=bindparam("st"), conflicted=bindparam("cf")),
                changed)

    # -- reference data ----------------------------------------------------------------

    def _reference(self, entity: str, fields: Mapping[str, list[Any]]) -> None:
        from fieldapp.store.reference import load_reference

        item = {k: v[0] for k, v in fields.items()}
        en = item.get("en", item.get("name_en"))
        km = item.get("km", item.get("name_km", en))
        province = item.get("province", item.get("province_code"))
        code = item.get("code")
        if not isinstance(code, str) or not code or not isinstance(en, str):
            self.stats.skipped += 1
            return
        row: dict[str, Any] = {"code": code, "en": en, "km": km}
        if entity == "province":
            load_reference(self.s, {"provinces": [row]})
            return
        if not isinstance(province, str):
            self.stats.skipped += 1
            return
        row["province"] = province
        if entity == "post":
            row["kind"] = item.get("kind", "border_post")
            load_reference(self.s, {"posts": [row]})
        else:
            row["services"] = list(item.get("services") or [])
            row["centre"] = entity == "centre" or bool(item.get("centre", False))
            row["kind"] = str(item.get("kind") or "")
            row["country"] = str(item.get("country") or "")
            load_reference(self.s, {"providers": [row]})


class _RetryCarefully(Exception):
    """The fast path met a record set aside before: redo the page record by record."""


#: What storing one pulled record can fail with (anything else is a bug, not bad data).
_APPLY_ERRORS = (SQLAlchemyError, ValueError, TypeError, KeyError, InvalidInput,
                 _RetryCarefully)


def _entries(fields: Mapping[str, Any]) -> dict[str, list[Any]]:
    """`fields` as ``{name: [value, hlc text]}``: as they are when already so (a page read by
    `protocol.read_pull_answer`), else copied into that shape."""
    if type(fields) is dict and all(type(e) is list and type(e[1]) is str
                                    for e in fields.values()):
        return fields
    return {k: [v[0], str(v[1])] for k, v in fields.items()}


@functools.cache
def _plain_insert(entity: str) -> bool:
    """Whether a new record of `entity` may be inserted as a plain row: only when no ORM
    insert hook (statement sealing, attachment keys) must see it."""
    dispatch = inspect(SYNCED_MODELS[entity]).dispatch
    return not (dispatch.before_insert or dispatch.after_insert)


@functools.cache
def _table(entity: str) -> Table:
    table = inspect(SYNCED_MODELS[entity]).local_table
    assert isinstance(table, Table)
    return table


@dataclass(frozen=True)
class _InsertPlan:
    """How rows of one table and one set of keys are inserted: the SQL, the columns in order
    (given ones, then those filled by their Python default) and each column's bind
    processor (the column type's own, TypeDecorators included), None when plain SQLAlchemy
    must do it (a default only SQL can compute)."""

    sql: str
    given: tuple[str, ...]
    defaults: tuple[Any, ...]
    processors: tuple[Callable[[Any], Any] | None, ...]
    #: Per column, how its values are processed (`_column_values`): plainly, ``"shared"``
    #: (a link or device id: few distinct values, each processed once) or ``"json"`` (an
    #: empty list or object, most of them, answered from the processor's own output).
    ways: tuple[str, ...]


@functools.lru_cache(maxsize=256)
def _insert_plan(table: Table, keys: frozenset[str], dialect: Any) -> _InsertPlan | None:
    given = tuple(c.key for c in table.columns if c.key in keys)
    if len(given) != len(keys):
        return None  # a key that is not a column: let SQLAlchemy say so
    defaults: list[Any] = []
    for column in table.columns:
        default = column.default
        if column.key in keys or default is None:
            continue
        if not (getattr(default, "is_scalar", False) or getattr(default, "is_callable", False)):
            return None
        defaults.append(column)
    columns = [table.c[k] for k in given] + defaults
    quote = dialect.identifier_preparer.quote
    sql = (f"INSERT INTO {dialect.identifier_preparer.format_table(table)} "
           f"({', '.join(quote(c.name) for c in columns)}) "
           f"VALUES ({', '.join('?' for _ in columns)})")
    return _InsertPlan(
        sql, given, tuple(c.default for c in defaults),
        tuple(c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns),
        tuple(_way(c) for c in columns))


def _way(column: Column[Any]) -> str:
    if isinstance(column.type, CompactId) and not column.primary_key:
        return "shared"
    if type(column.type) is JSON:
        return "json"
    return "plain"


def _column_values(values: list[Any], process: Callable[[Any], Any] | None,
                   way: str) -> list[Any]:
    """`process` of each of `values` (one column's, one per row). Always the bind processor's
    result, but computed once per distinct id (``"shared"``), and not at all for an empty
    list or object, whose result is the processor's own for ``[]`` or ``{}`` (``"json"``)."""
    if process is None:
        return values
    if way == "shared":
        distinct = set(values)
        # Text only: values of other types may be equal across types (1, 1.0, True).
        if all(type(v) is str or v is None for v in distinct):
            once = {v: process(v) for v in distinct}
            return list(map(once.__getitem__, values))
    elif way == "json":
        empty: dict[type, Any] = {list: process([]), dict: process({})}
        return [process(v) if v or type(v) not in empty else empty[type(v)] for v in values]
    return list(map(process, values))


def _stored_ids(conn: Any, table: Table, ids: list[str]) -> list[str]:
    """Which of `ids` (at most 500) `table` holds: ``select(table.c.id).where(table.c.id.in_(
    ids))``, without building an expression of every id (SQLite: the ids bound and read
    through the id column type's own processors)."""
    dialect = conn.dialect
    if dialect.name != "sqlite" or dialect.paramstyle != "qmark" or not ids:
        return list(conn.execute(select(table.c.id).where(table.c.id.in_(ids))).scalars())
    bind, read, sql = _id_query(table, dialect)
    found = conn.exec_driver_sql(sql + f"({', '.join('?' * len(ids))})",
                                 tuple(map(bind, ids) if bind else ids)).scalars()
    return list(map(read, found) if read else found)


@functools.lru_cache(maxsize=64)
def _id_query(table: Table, dialect: Any) -> tuple[Any, Any, str]:
    impl = table.c.id.type.dialect_impl(dialect)
    quote = dialect.identifier_preparer.quote
    return (impl.bind_processor(dialect), impl.result_processor(dialect, None),
            f"SELECT {quote(table.c.id.name)} FROM "
            f"{dialect.identifier_preparer.format_table(table)} "
            f"WHERE {quote(table.c.id.name)} IN ")


def _bulk_insert(conn: Any, table: Table, keys: frozenset[str],
                 rows: list[dict[str, Any]]) -> None:
    """``insert(table)`` of `rows` (all with `keys`) in one executemany, without SQLAlchemy's
    per-row parameter building: each value goes through its column type's bind processor and
    a missing column gets its Python default, as `insert()` does. Falls back to `insert()`
    where that cannot be done so (not SQLite, a default computed in SQL)."""
    dialect = conn.dialect
    plan = (_insert_plan(table, keys, dialect)
            if dialect.name == "sqlite" and dialect.paramstyle == "qmark" else None)
    if plan is None:
        conn.execute(insert(table), rows)
        return
    conn.exec_driver_sql(plan.sql, _params(plan, rows))


def _params(plan: _InsertPlan, rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    """The executemany parameters of `rows`, built column by column."""
    columns = [[row[k] for row in rows] for k in plan.given]
    for default in plan.defaults:
        # A callable default is called once per row, as `insert()` calls it.
        columns.append([default.arg(None) for _ in rows] if default.is_callable
                       else [default.arg] * len(rows))
    return list(zip(*(_column_values(values, process, way) for values, process, way
                      in zip(columns, plan.processors, plan.ways, strict=True)), strict=True))


def _check_schema(entity: str, fields: Mapping[str, list[Any]]) -> None:
    """Refuse (InvalidInput, naming the field) a value the store would keep wrongly typed:
    SQLite stores whatever it is given, and the window would fail on it later."""
    reason = field_reason(entity, fields)
    if reason:
        raise InvalidInput("a received record does not fit this store: {reason}", reason=reason)


_CONSTRAINT = re.compile(r"(UNIQUE|NOT NULL|FOREIGN KEY|CHECK) constraint failed(?:: ([\w.]+))?")


def plain_reason(exc: BaseException) -> str:
    """Why a pulled record could not be stored, in words a person can act on; no values."""
    if isinstance(exc, InvalidInput):
        return str(exc)[:300]
    text = str(getattr(exc, "orig", None) or exc)
    m = _CONSTRAINT.search(text)
    if m:
        kind, where = m.group(1), m.group(2) or "a field"
        if kind == "UNIQUE":
            return (f"another record on this laptop already has the same {where} "
                    "(two laptops issued the same number); ask HQ to renumber one")
        if kind == "NOT NULL":
            return f"{where} is missing"
        if kind == "FOREIGN KEY":
            return "a record it refers to is missing on this laptop"
        return f"{where} breaks a rule of this laptop's database"
    if isinstance(exc, ValueError | TypeError):
        return "a field holds a value of the wrong kind (e.g. a date that is not a date)"
    return f"it could not be stored ({type(exc).__name__})"


def apply_records(
    session: Session, records: Iterable[tuple[str, str, Mapping[str, Any]]], *,
    retry: bool = False, shaped: bool = False,
) -> ApplyStats:
    """Apply pulled records in `session` (which must be a remote=True store session).

    The page is applied in one go; if any record fails, it is applied again record by
    record and what cannot be stored is set aside (see module doc). `shaped`: the records
    come from `protocol.read_pull_answer`, which checked every field is ``[value, hlc
    text]`` (they are not looked at again).
    """
    batch: list[tuple[str, str, dict[str, list[Any]]]] = (
        list(records) if shaped  # type: ignore[arg-type]
        else [(e, i, _entries(f)) for e, i, f in records])
    try:
        with session.begin_nested():
            return Applier(session).apply(batch, retry=retry)
    except _APPLY_ERRORS:
        _forget_rolled_back(session)
    return Applier(session, careful=True).apply(batch, retry=retry)


def _forget_rolled_back(session: Session) -> None:
    """Drop objects a savepoint rollback took out of the session from the lookup cache."""
    pending = session.info.get("pending")
    if pending:
        session.info["pending"] = {k: o for k, o in pending.items() if o in session}
