"""Applying pulled records to the device store: per-field merge, parents first, derived status.

HQ sends the merged state of each record (``{field: [value, hlc]}``); applying it is the
same join HQ uses (`merge_record`), so applying a page twice, or pages in another order,
ends in the same store. Pages are committed one by one, so a record can arrive before
its parent (its rescue was edited later): such a record waits in ``sync_parked`` until
the parent comes, instead of failing the page on a foreign key.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    MetaData,
    String,
    Table,
    delete,
    func,
    insert,
    inspect,
    select,
)
from sqlalchemy.orm import Session

from fieldapp.domain.enums import ReferralStatus
from fieldapp.store import search
from fieldapp.store.changes import find
from fieldapp.store.codec import from_json, to_json
from fieldapp.store.models import (
    SYNCED_MODELS,
    CaseCounter,
    Referral,
    ReferralEvent,
    Rescue,
    Statement,
    Suspect,
    SuspectCase,
    SuspectIdentifier,
    Synced,
    Victim,
)
from fieldapp.sync.merge import merge_record, referral_status

#: Tables of migration 0003 that have no ORM model (only sync touches them).
sync_metadata = MetaData()
parked_table = Table(
    "sync_parked",
    sync_metadata,
    Column("entity", String(32), primary_key=True),
    Column("entity_id", String(64), primary_key=True),
    Column("parent_id", String(64), nullable=False),
    Column("fields", JSON, nullable=False),
)
upload_table = Table(
    "sync_upload",
    sync_metadata,
    Column("attachment_id", String(36), primary_key=True),
    Column("uploaded_at", DateTime, nullable=False),
)

#: Links a record cannot be stored without (foreign keys), per entity.
PARENTS: dict[str, tuple[tuple[str, type[Synced]], ...]] = {
    "victim": (("rescue_id", Rescue),),
    "suspect": (("rescue_id", Rescue),),
    "statement": (("victim_id", Victim), ("amends_id", Statement)),
    "referral": (("victim_id", Victim),),
    "referral_event": (("referral_id", Referral),),
    "suspect_case": (("suspect_id", Suspect), ("rescue_id", Rescue)),
    "suspect_event": (("suspect_id", Suspect),),
    "suspect_identifier": (("suspect_id", Suspect),),
}
#: Columns a pulled record may lack although the model has no default for them: a transit
#: centre gets a referred victim without the rescue, and nobody gets another device's
#: attachment key.
OPTIONAL = {("victim", "rescue_id"), ("attachment", "file_key")}
REMOTE_DEFAULTS: dict[str, dict[str, Any]] = {"attachment": {"file_key": b""}}
#: Local bookkeeping never merged from HQ.
LOCAL_ONLY = frozenset({"updated_at"})
REFERENCE = {"province", "post", "provider", "centre"}
_CASE_NUMBER = re.compile(r"^([A-Z0-9_-]+)-(\d{4})-(\d+)$")


@dataclass
class ApplyStats:
    """What one page (or bundle) did to the store."""

    received: int = 0
    changed: int = 0
    #: Records still waiting for their parent after this page.
    parked: int = 0
    skipped: int = 0
    max_stamp: str = ""
    referrals: set[str] = field(default_factory=set)


def synced_columns(model: type[Synced]) -> list[str]:
    mapper = inspect(model)
    return [
        a.key
        for a in mapper.column_attrs
        if a.key not in model.SYNC_EXCLUDE and a.key not in LOCAL_ONLY
    ]


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


def local_state(obj: Synced) -> dict[str, list[Any]]:
    """A stored record as merge state: ``{field: [json value, stamp]}``."""
    return {
        key: [to_json(getattr(obj, key)), obj.stamp_of(key)]
        for key in _columns(obj.SYNC_ENTITY)
    }


def _hlc_of(merged: Mapping[str, list[Any]]) -> dict[str, str]:
    stamps = [str(e[1]) for e in merged.values()]
    if not stamps:
        return {}
    star = min(stamps)
    return {"*": star, **{k: str(e[1]) for k, e in merged.items() if str(e[1]) != star}}


class Applier:
    """Applies records within one remote session (no outbox capture) and tidies up after."""

    def __init__(self, session: Session) -> None:
        if not session.info.get("remote"):
            raise ValueError("pulled changes must be applied in a remote=True session")
        self.s = session
        self.stats = ApplyStats()
        self._rescues: set[str] = set()
        #: Ids the page's preload showed are not stored: looked up without a query.
        self._absent: dict[type[Synced], set[str]] = defaultdict(set)
        self._parked_keys: set[tuple[str, str]] = set()

    # -- public ------------------------------------------------------------------------

    def apply(self, records: Iterable[tuple[str, str, Mapping[str, Any]]]) -> ApplyStats:
        """Apply (entity, entity_id, fields) triples, then unpark and recompute statuses."""
        batch = [(e, i, {k: [v[0], str(v[1])] for k, v in f.items()}) for e, i, f in records]
        self._preload(batch)
        for entity, entity_id, fields in batch:
            self.stats.received += 1
            for _, stamp in fields.values():
                self.stats.max_stamp = max(self.stats.max_stamp, stamp)
            self._one(entity, entity_id, fields)
        self._unpark()
        self.stats.parked = int(
            self.s.execute(select(func.count()).select_from(parked_table)).scalar() or 0
        )
        self.s.flush()
        self._recompute_referrals()
        for rescue_id in self._rescues:
            search.mark(self.s, rescue_id)
        return self.stats

    # -- one record --------------------------------------------------------------------

    def _preload(self, batch: list[tuple[str, str, dict[str, list[Any]]]]) -> None:
        """Load every record a page touches in one query per table (not one per record)."""
        wanted: dict[str, set[str]] = defaultdict(set)
        for entity, entity_id, fields in batch:
            if entity not in SYNCED_MODELS:
                continue
            wanted[entity].add(entity_id)
            for name, parent in PARENTS.get(entity, ()):
                value = fields.get(name, [None])[0]
                if isinstance(value, str):
                    wanted[parent.SYNC_ENTITY].add(value)
        for entity, ids in wanted.items():
            model = SYNCED_MODELS[entity]
            id_list = list(ids)
            found: set[str] = set()
            for i in range(0, len(id_list), 500):
                found.update(o.id for o in self.s.scalars(
                    select(model).where(model.id.in_(id_list[i : i + 500]))))
            self._absent[model] = ids - found
        self._parked_keys = {
            (e, i) for e, i in self.s.execute(
                select(parked_table.c.entity, parked_table.c.entity_id))
        }

    def _find(self, model: type[Synced], ident: str) -> Synced | None:
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
        known = set(_columns(entity))
        fields = {k: v for k, v in fields.items() if k in known}
        obj = self._find(model, entity_id)
        if obj is None:
            self._create(model, entity_id, fields)
        else:
            self._update(obj, fields)

    def _missing_parent(self, entity: str, fields: Mapping[str, list[Any]]) -> str | None:
        for name, parent in PARENTS.get(entity, ()):
            value = fields.get(name, [None])[0]
            if value is not None and self._find(parent, str(value)) is None:
                return str(value)
        return None

    def _create(self, model: type[Synced], entity_id: str, fields: dict[str, list[Any]]) -> None:
        entity = model.SYNC_ENTITY
        parked = None
        if (entity, entity_id) in self._parked_keys:
            parked = self.s.execute(
                select(parked_table.c.fields).where(
                    parked_table.c.entity == entity, parked_table.c.entity_id == entity_id
                )
            ).scalar()
        if parked is not None:
            fields, _ = merge_record(entity, parked, fields)
        fields, _ = merge_record(entity, {}, fields)  # normalise (statement freezing)
        waiting_for = self._missing_parent(entity, fields)
        if waiting_for is None and any(k not in fields for k in _REQUIRED[entity]):
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
        mapper = inspect(model)
        values = dict(REMOTE_DEFAULTS.get(entity, {}))
        values.update({k: from_json(mapper, k, e[0]) for k, e in fields.items()})
        obj = model(id=entity_id, **values)
        obj.hlc = _hlc_of(fields)
        self.s.add(obj)
        self.stats.changed += 1
        self._touched(obj)

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
        mapper = inspect(type(obj))
        for name in changed:
            setattr(obj, name, from_json(mapper, name, merged[name][0]))
        obj.hlc = {**(obj.hlc or {}), **{name: str(merged[name][1]) for name in changed}}
        self.stats.changed += 1
        self._touched(obj)

    def _touched(self, obj: Synced) -> None:
        if isinstance(obj, Rescue):
            self._seen_case_number(obj.case_number)
        if isinstance(obj, Referral):
            self.stats.referrals.add(obj.id)
        elif isinstance(obj, ReferralEvent):
            self.stats.referrals.add(obj.referral_id)
        elif isinstance(obj, Rescue):
            self._rescues.add(obj.id)
        elif isinstance(obj, Victim | Suspect | SuspectCase) and obj.rescue_id:
            self._rescues.add(obj.rescue_id)
        elif isinstance(obj, SuspectIdentifier):
            self._rescues.update(search.suspect_cases(self.s, obj.suspect_id))

    def _seen_case_number(self, number: str | None) -> None:
        """Never issue a case number another device of the post already used."""
        match = _CASE_NUMBER.match(number or "")
        if not match:
            return
        post, year, n = match.group(1), int(match.group(2)), int(match.group(3))
        counter = self.s.get(CaseCounter, (post, year))
        if counter is None:
            self.s.add(CaseCounter(post_code=post, year=year, last=n))
        elif counter.last < n:
            counter.last = n

    # -- parking -----------------------------------------------------------------------

    def _park(
        self, entity: str, entity_id: str, parent: str, fields: dict[str, list[Any]], exists: bool
    ) -> None:
        self.stats.parked += 1
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

    def _unpark(self) -> None:
        """Store parked records whose parents are here now (parents before children)."""
        while self._parked_keys:
            rows = self.s.execute(
                select(parked_table.c.entity, parked_table.c.entity_id, parked_table.c.fields)
            ).all()
            progress = False
            for entity, entity_id, fields in rows:
                model = SYNCED_MODELS.get(entity)
                if model is None:
                    continue
                _columns(entity)  # a row parked by an earlier run: load the column lists
                if self._missing_parent(entity, fields) is not None:
                    continue
                if any(k not in fields for k in _REQUIRED[entity]):
                    continue
                self.s.execute(
                    delete(parked_table).where(
                        parked_table.c.entity == entity, parked_table.c.entity_id == entity_id
                    )
                )
                self._parked_keys.discard((entity, entity_id))
                obj = self._find(model, entity_id)
                if obj is None:
                    self._create(model, entity_id, fields)
                else:
                    self._update(obj, fields)
                progress = True
            if not progress:
                return

    # -- derived -----------------------------------------------------------------------

    def _recompute_referrals(self) -> None:
        if not self.stats.referrals:
            return
        ids = list(self.stats.referrals)
        events: dict[str, list[dict[str, list[Any]]]] = defaultdict(list)
        for ev in self.s.scalars(select(ReferralEvent).where(ReferralEvent.referral_id.in_(ids))):
            events[ev.referral_id].append({"kind": [ev.kind, ev.stamp_of("kind")]})
        for referral in self.s.scalars(select(Referral).where(Referral.id.in_(ids))):
            status, conflicted = referral_status(events.get(referral.id, []))
            # Status is a cache of the events; it never travels, so set it directly.
            referral.status = (status or ReferralStatus.CREATED).value
            referral.conflicted = conflicted

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
            load_reference(self.s, {"providers": [row]})


def apply_records(
    session: Session, records: Iterable[tuple[str, str, Mapping[str, Any]]]
) -> ApplyStats:
    """Apply pulled records in `session` (which must be a remote=True store session)."""
    return Applier(session).apply(records)


def recompute_referral(session: Session, referral_id: str) -> None:
    """Recompute one referral's status and conflict flag from all its events."""
    applier = Applier(session)
    applier.stats.referrals.add(referral_id)
    session.flush()
    applier._recompute_referrals()
