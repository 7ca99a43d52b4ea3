"""HQ administration: reference data, record counts, the records reports read, housekeeping."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, func, select

from fieldapp.domain import entities
from fieldapp.domain.entities import SYNCED_ENTITIES
from fieldapp.domain.errors import InvalidInput
from fieldapp.domain.hlc import HlcClock
from fieldapp.hq import atrest, db
from fieldapp.hq.base import HqBase, _rowcount, now_utc
from fieldapp.hq.figures import HqCases, RowSource, ensure_rows
from fieldapp.hq.ingest import Batch
from fieldapp.hq.models import Record, ReferralConflict, ReportRowsState, SeenEnvelope
from fieldapp.reports import counters

#: entity -> its statistics key (from the entity registry).
STATS_KEYS = entities.STATS_KEYS


class Admin(HqBase):
    """Reference data, counts and housekeeping."""

    # -- reference data and figures --------------------------------------------------

    def load_reference(self, data: dict[str, Any]) -> dict[str, int]:
        """Upsert posts/centres/providers/provinces: ``{"posts": [{"code": ..., ...}], ...}``."""
        kinds = {
            "posts": "post",
            "centres": "centre",
            "providers": "provider",
            "provinces": "province",
        }
        unknown = set(data) - set(kinds)
        if unknown:
            raise InvalidInput("unknown reference section(s): {value}",
                               value=', '.join(sorted(unknown))[:100])
        counts: dict[str, int] = {}
        clock = HlcClock("hq")
        with self.sessions.begin() as s:
            db.lock_feed(s)
            batch = Batch(s, self.data_key)
            for section, entity in kinds.items():
                items = data.get(section) or []
                if not isinstance(items, list):
                    raise InvalidInput("{section} must be a list", section=section)
                for i, item in enumerate(items):
                    if (
                        not isinstance(item, dict)
                        or not isinstance(item.get("code"), str)
                        or not item["code"]
                    ):
                        raise InvalidInput("{section}[{i}] needs a text 'code'",
                                           section=section, i=i)
                    existing = batch.get(entity, item["code"])
                    if existing:
                        for _, stamp in existing.fields.values():
                            clock.observe(stamp)
                    stamp = str(clock.now())
                    fields = {k: [v, stamp] for k, v in item.items()}
                    if existing and all(
                        existing.fields.get(k, [None])[0] == v for k, v in item.items()
                    ):
                        continue  # unchanged: do not make every device download it again
                    log = batch.log(entity, item["code"], fields)
                    batch.merge(entity, item["code"], None, fields, log)
                counts[section] = len(items)
            batch.write()
        return counts

    def stats(self) -> dict[str, int]:
        with self.sessions() as s:
            rows = dict(
                s.execute(
                    select(Record.entity, func.count())
                    .where(Record.entity.in_(SYNCED_ENTITIES))
                    .group_by(Record.entity)
                ).all()
            )
            conflicts = s.scalar(
                select(func.count())
                .select_from(ReferralConflict)
                .where(ReferralConflict.resolved.is_(False))
            )
        out = {key: int(rows.get(entity, 0)) for entity, key in STATS_KEYS.items()}
        out["referral_conflicts"] = int(conflicts or 0)
        return out

    def report_records(self, entity: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """Every merged record of one kind, streamed: what `fieldapp.reports` computes from."""
        with self.sessions() as s:
            for rec_entity, rec_id, fields in s.execute(
                select(Record.entity, Record.entity_id, Record.fields).where(Record.entity == entity)
            ).yield_per(5000):
                yield rec_entity, rec_id, atrest.open_fields(self.data_key, rec_entity, rec_id, fields)

    @contextmanager
    def report_source(self) -> Iterator[RowSource]:
        """What the national figures are computed from: the narrow rows (`hq.figures`)."""
        with self.sessions.begin() as s:
            if s.get(ReportRowsState, 1) is None:
                db.lock_feed(s)  # no push writes rows while they are filled
                ensure_rows(s)
        with self.sessions() as s:
            yield RowSource(s)

    def rebuild_figures(self) -> int:
        """Make the report counters again from the narrow rows (a repair); returns the cases."""
        with self.sessions.begin() as s:
            db.lock_feed(s)  # no push changes a case while it is counted
            if s.get(ReportRowsState, 1) is None:
                ensure_rows(s)  # (builds the counters too)
            return counters.rebuild(s.connection(), HqCases(s))

    def prune_seen(self) -> int:
        cutoff = now_utc() - timedelta(days=self.settings.seen_envelope_days)
        with self.sessions.begin() as s:
            return _rowcount(
                s.execute(delete(SeenEnvelope).where(SeenEnvelope.received_at < cutoff))
            )

