"""A national HQ on PostgreSQL: 1,000,000 records, built through the ingest's own Batch.

Synthetic cases over ten years (2017-2026), 25 provinces and 40 posts: each rescue has
1-2 victims (names from `benchmarks.linkage_data.population`, about 10% of people
recorded twice), a suspect half the time, a referral for 60% of victims with one or two
events. About 4.6 records per rescue, so 1,000,000 records is about 217,000 rescues.
Records go in through `fieldapp.hq.ingest.Batch` (merge, change log, sealing at rest,
the figures' narrow rows) in blocks, without envelopes and validation: the build time is
HQ's write path, not the network's. Each record has the fields a device needs to store it
(the reports benchmark pulls such an HQ into a national desk's store).

Figures: the build time; the year's report figures from the database (the report counters,
issue 16; A/B against the full pass over the narrow rows) at 100,000 rescues (with the
old computation, every record decoded, for the ratio) and at the full size;
matching: reading every victim for the matcher (`hq.matching.people`), blocking over the
first 100,000 of them, and a full match on the first 20,000 (the whole population's scoring is hours
on this machine; see the matching benchmark for its per-person cost).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import resource
import time
from pathlib import Path
from typing import Any

from benchmarks.linkage_data import population
from fieldapp.domain.hlc import Hlc, HlcClock
from fieldapp.hq.ingest import Batch
from fieldapp.hq.service import Hq
from fieldapp.reports.definitions import ReportFilter
from fieldapp.reports.figures import compute
from fieldapp.reports.source import JsonRecordSource
from tests.support.hqserver import make_settings, postgres_schema

RECORDS = 1_000_000
CHECKPOINT_RESCUES = 100_000
BLOCK = 2_000  # rescues per transaction
PROVINCES = [f"KH-{i}" for i in range(1, 26)]
POSTS = [f"POST{i:02d}" for i in range(40)]
TYPES = ["labour", "sexual_exploitation", "online_scam", "begging", "forced_marriage"]
SERVICES = ["medical", "psychosocial", "reintegration", "legal_aid", "education"]
_SEX = {"F": "female", "M": "male"}
START = dt.date(2017, 1, 1)
LAST = dt.date(2026, 11, 30)
DAYS = (LAST - START).days
STAMPS = "_stamps"  # a record's fields stamped otherwise than now


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


class Builder:
    def __init__(self, hq: Hq, seed: int = 16, posts: list[str] | None = None) -> None:
        self.hq = hq
        #: Post codes (a device that pulls the cases needs posts its reference data knows).
        self.posts = posts or POSTS
        self.rng = random.Random(seed)
        self.people = population(int(os.environ.get("FIELDAPP_BENCH_MILLION_PEOPLE", "360000")), seed=seed)[0]
        self.clock = HlcClock("bench")
        self.rescues = self.records = self.person = 0

    def _case(self, n: int) -> list[tuple[str, str, str, dict[str, Any]]]:
        rng, out = self.rng, []
        day = START + dt.timedelta(days=rng.randrange(DAYS))
        post = rng.choice(self.posts)
        rid = f"r{n:08d}"
        out.append(("rescue", rid, post, {
            "case_number": f"{post}-{day.year}-{n}",
            "operation_date": day.isoformat(), "province_code": rng.choice(PROVINCES),
            "post_code": post, "exploitation_type": rng.choice(TYPES),
            "intake_kind": "handover" if rng.random() < 0.1 else "rescue",
            "place": "checkpoint", "notes": "synthetic"}))
        for v in range(1 + (rng.random() < 0.5)):
            p = self.people[self.person % len(self.people)]
            self.person += 1
            vid = f"v{n:08d}{v}"
            out.append(("victim", vid, post, {
                "rescue_id": rid, "name_km": p.name_km, "name_latin": p.name_latin,
                "sex": _SEX.get(p.sex, "unknown"), "date_of_birth": p.date_of_birth or None,
                "estimated_age": int(p.estimated_age) if p.estimated_age else None,
                "is_minor": rng.random() < 0.3, "nationality": p.nationality or None,
                "screening": "presumed_victim" if rng.random() < 0.9 else "not_victim"}))
            if rng.random() < 0.6:
                fid = f"f{n:08d}{v}"
                created = dt.datetime.combine(day, dt.time(9)) + dt.timedelta(days=1)
                out.append(("referral", fid, post, {
                    "victim_id": vid, "service": rng.choice(SERVICES), "provider_code": "PTC",
                    "due_date": (day + dt.timedelta(days=30)).isoformat(),
                    "created_at": created.isoformat()}))
                out.append(("referral_event", f"e{n:08d}{v}0", post,
                            {"referral_id": fid, "kind": "created"}))
                if rng.random() < 0.5:
                    done = created + dt.timedelta(days=rng.randrange(1, 90))
                    out.append(("referral_event", f"e{n:08d}{v}1", post, {
                        "referral_id": fid, "kind": "completed", "at": done.isoformat()}))
        if rng.random() < 0.5:
            # The status's stamp says when it was set ("sent to court" counts by that day).
            set_on = min(day + dt.timedelta(days=rng.randrange(5, 400)), LAST)
            wall = int(dt.datetime.combine(set_on, dt.time(10), dt.UTC).timestamp() * 1000)
            out.append(("suspect", f"s{n:08d}", post, {
                "rescue_id": rid, "name": "synthetic", "role": "broker",
                "status": rng.choice(["at_large", "arrested", "sent_to_court", "convicted"]),
                STAMPS: {"status": str(Hlc(wall, 0, "bench"))}}))
        return out

    def add(self, rescues: int) -> None:
        """Add `rescues` cases, BLOCK per transaction."""
        while rescues > 0:
            n = min(BLOCK, rescues)
            records = [r for i in range(n) for r in self._case(self.rescues + i)]
            with self.hq.sessions.begin() as s:
                batch = Batch(s, self.hq.data_key)
                batch.assume_new((e, i) for e, i, _, _ in records)
                for entity, eid, post, values in records:
                    stamp = str(self.clock.now())
                    stamps = values.pop(STAMPS, {})
                    fields = {k: [v, stamps.get(k, stamp)] for k, v in values.items()}
                    batch.merge(entity, eid, post, fields, batch.log(entity, eid, fields))
                batch.write()
            self.rescues += n
            self.records += len(records)
            rescues -= n


def _figures(hq: Hq, year: int) -> tuple[float, float, Any]:
    """The year's figures from the report counters (issue 16): wall and CPU seconds."""
    t, c = time.perf_counter(), _cpu()
    with hq.report_source() as source:
        figures = source.figures(ReportFilter.year(year), dt.date(2026, 12, 1))
    return time.perf_counter() - t, _cpu() - c, figures


def _from_rows(hq: Hq, year: int, counted: Any) -> dict[str, Any]:
    """The same figures by the full pass over the narrow rows (before the counters), A/B."""
    t, c = time.perf_counter(), _cpu()
    with hq.report_source() as source:
        figures = compute(source, ReportFilter.year(year), dt.date(2026, 12, 1))
    return {"rows_figures_s": round(time.perf_counter() - t, 3),
            "rows_figures_cpu_s": round(_cpu() - c, 3), "rows_same_figures": figures == counted}


def run(tmp: Path, records: int = RECORDS) -> dict[str, Any]:
    out: dict[str, Any] = {}
    with postgres_schema() as url:
        hq = Hq(make_settings(tmp / "hq", url))
        try:
            b = Builder(hq)
            t = time.perf_counter()
            b.add(CHECKPOINT_RESCUES)
            out["build_s_to_100k_rescues"] = round(time.perf_counter() - t, 1)
            wall, cpu, figs = _figures(hq, 2025)
            out["at_100k_rescues"] = {"records": b.records, "figures_s": round(wall, 3),
                                      "figures_cpu_s": round(cpu, 3),
                                      "cases_in_year": figs.table("cases_by_month").total,
                                      **_from_rows(hq, 2025, figs)}
            t2, c2 = time.perf_counter(), _cpu()
            old = compute(JsonRecordSource(hq.report_records), ReportFilter.year(2025),
                          dt.date(2026, 12, 1))
            out["at_100k_rescues"]["old_figures_s"] = round(time.perf_counter() - t2, 2)
            out["at_100k_rescues"]["old_figures_cpu_s"] = round(_cpu() - c2, 2)
            out["at_100k_rescues"]["same_figures"] = old == figs
            out["at_100k_rescues"]["ratio_old_vs_rows"] = round(
                out["at_100k_rescues"]["old_figures_s"] / max(wall, 1e-6), 1)
            while b.records < records:
                b.add(min(BLOCK * 10, max(BLOCK, (records - b.records) // 5)))
            out["build_s"] = round(time.perf_counter() - t, 1)
            out["records"] = b.records
            out["rescues"] = b.rescues
            out["build_records_per_s"] = round(b.records / out["build_s"])
            wall, cpu, figs = _figures(hq, 2025)
            out["figures_s"] = round(wall, 3)
            out["figures_cpu_s"] = round(cpu, 3)
            out["cases_in_year"] = figs.table("cases_by_month").total
            out["target_figures_under_2s"] = wall < 2.0
            out.update(_from_rows(hq, 2025, figs))
            out["ratio_rows_vs_counters_cpu"] = round(out["rows_figures_cpu_s"] / max(cpu, 1e-6), 1)
            out["matching"] = _matching(hq)
        finally:
            hq.close()
    return out


def _matching(hq: Hq) -> dict[str, Any]:
    from fieldapp.hq.matching import people
    from fieldapp.linkage.match import candidate_pairs, find_matches
    from fieldapp.linkage.score import prepare

    t, c = time.perf_counter(), _cpu()
    everyone = people(hq)
    out: dict[str, Any] = {"victims": len(everyone),
                           "read_victims_s": round(time.perf_counter() - t, 1),
                           "read_victims_cpu_s": round(_cpu() - c, 1)}
    persons = [p.person for p in everyone.values()]
    t, c = time.perf_counter(), _cpu()
    pairs = sum(1 for _ in candidate_pairs([prepare(p) for p in persons[:100_000]]))
    out["blocking_100k_s"] = round(time.perf_counter() - t, 1)
    out["blocking_100k_cpu_s"] = round(_cpu() - c, 1)
    out["candidate_pairs_100k"] = pairs
    first = persons[:20_000]
    t, c = time.perf_counter(), _cpu()
    found = find_matches(first)
    out["match_20k_s"] = round(time.perf_counter() - t, 1)
    out["match_20k_cpu_s"] = round(_cpu() - c, 1)
    out["match_20k_found"] = len(found)
    return out
