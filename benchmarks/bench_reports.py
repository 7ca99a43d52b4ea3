"""Report generation time on a device store of 100,000 rescues (built once, cached under /tmp)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text

from fieldapp.crypto.keystore import KdfParams
from fieldapp.hq.figures import HqCases, RowWriter
from fieldapp.hq.models import ReportRowsState
from fieldapp.hq.service import Hq
from fieldapp.reports import counters
from fieldapp.reports.definitions import ReportFilter
from fieldapp.reports.figures import compute
from fieldapp.reports.source import JsonRecordSource, StoreRecordSource
from fieldapp.reports.suppress import publish
from fieldapp.services import auth, exports
from fieldapp.services.figures import figures_for
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import Rescue
from tests.support.hqserver import make_settings, postgres_schema

RESCUES = int(os.environ.get("FIELDAPP_BENCH_RESCUES", "100000"))
CACHE = Path(os.environ.get("FIELDAPP_BENCH_CACHE", "/tmp/fieldapp-bench-reports"))
FAST = KdfParams(iterations=1, lanes=1, memory_kib=8192)
PASSPHRASE = "benchmark passphrase"
SEED = 6
BORDER_POSTS = ["POIPET", "PAILIN", "KOHKONG", "BAVET", "OSMACH", "PHNOMDEN", "KAAMSAMNOR",
                "TRAPEANGKRIEL"]


def _store(rescues: int) -> Workspace:
    """The cached store with `rescues` synthetic cases, built through the real services."""
    root = CACHE / f"store-{rescues}-{SEED}"
    marker = root / "built.json"
    if marker.exists():
        return auth.unlock(root, "sup", PASSPHRASE)
    shutil.rmtree(root, ignore_errors=True)
    ws = auth.initialise(root, post_code="POIPET", username="sup", passphrase=PASSPHRASE, kdf=FAST)
    from fieldapp.services import demo  # batches service calls in one transaction per 250

    started = time.perf_counter()
    demo.generate(ws, rescues=rescues, seed=SEED,
                  progress=lambda n: print(f"built {n}", file=sys.stderr) if n % 10000 == 0 else None)
    marker.write_text(json.dumps({"rescues": rescues, "seconds": time.perf_counter() - started}))
    return ws


def _pulled_store(rescues: int) -> Workspace:
    """A national desk's store holding `rescues` synthetic cases of 40 posts, cached: built
    by `bench_million.Builder` into an HQ (SQLite, through its ingest's `Batch`), then
    pulled by a freshly enrolled national device in one sync round (the real pull and
    apply, report counters kept per page). The notes say how long each part took."""
    root = CACHE / f"pulled-{rescues}"
    marker = root / "built.json"
    if marker.exists():
        return auth.unlock(root, "sup", PASSPHRASE)
    from benchmarks.bench_million import Builder
    from fieldapp.domain.enums import Role
    from fieldapp.services import sync
    from tests.support.hqserver import running_server
    from tests.support.syncenv import code_for, fast_options

    shutil.rmtree(root, ignore_errors=True)
    hq_dir = CACHE / f"pulled-{rescues}-hq"
    shutil.rmtree(hq_dir, ignore_errors=True)
    built: dict[str, Any] = {"rescues": rescues}
    with running_server(make_settings(hq_dir, None)) as hq:
        started = time.perf_counter()
        builder = Builder(hq.hq, posts=BORDER_POSTS)
        while builder.rescues < rescues:
            builder.add(min(10_000, rescues - builder.rescues))
            print(f"hq {builder.rescues} rescues", file=sys.stderr, flush=True)
        built.update(hq_records=builder.records, hq_build_s=round(time.perf_counter() - started))
        ws = auth.initialise(root, post_code="HQ", username="sup", passphrase=PASSPHRASE,
                             kdf=FAST)
        sync.enrol(ws, hq.base_url, code_for(hq, "HQ", Role.NATIONAL))
        started = time.perf_counter()
        pulled = sync.sync_round(ws, options=fast_options(deadline_s=7200, io_timeout=600))
        built.update(pulled=pulled.pulled, set_aside=pulled.set_aside, parked=pulled.parked,
                     pull_s=round(time.perf_counter() - started))
    shutil.rmtree(hq_dir, ignore_errors=True)
    marker.write_text(json.dumps(built))
    return ws


def _timed(fn: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return round(time.perf_counter() - started, 3), result


def _ab(out: dict[str, Any], key: str, counted: Any, full: Any) -> Any:
    """Time the figures from the counters and by the full pass, one after the other in this
    run (wall and CPU seconds, the ratio of CPU), and say whether they are equal."""
    figs = []
    for name, fn in (("counters", counted), ("full", full)):
        wall, cpu = time.perf_counter(), time.process_time()
        figs.append(fn())
        out[f"{key}_{name}_s"] = round(time.perf_counter() - wall, 3)
        out[f"{key}_{name}_cpu_s"] = round(time.process_time() - cpu, 3)
    out[f"{key}_ratio_full_vs_counters_cpu"] = round(
        out[f"{key}_full_cpu_s"] / max(out[f"{key}_counters_cpu_s"], 1e-3), 1)
    out[f"{key}_same_figures"] = figs[0] == figs[1]
    return figs[0]


def _hq_records(ws: Workspace) -> list[tuple[str, str, dict[str, Any]]]:
    """The device's report rows as HQ records (every referral event: HQ folds statuses)."""
    stamp = "0000000000000-00000-bench"
    with ws.tx() as s:
        src = StoreRecordSource(s, stored_status=False)
        records = []
        for e in ("rescue", "victim", "suspect", "referral", "referral_event", "suspect_case",
                  "suspect_event"):
            for r in src.rows(e):
                fields = {k: [v.isoformat() if isinstance(v, dt.date) else v,
                              r.get("kind_stamp") or r.get("status_stamp") or stamp]
                          for k, v in r.items()
                          if k not in ("id", "kind_stamp", "status_stamp", "cross_border")}
                if e == "rescue":  # HQ derives the flag from the fields
                    fields["intake_kind"] = ["handover" if r["cross_border"] else "rescue", stamp]
                records.append((e, r["id"], fields))
    return records


def _hq_database(records: list[tuple[str, str, dict[str, Any]]], spans: list[ReportFilter],
                 as_of: dt.date, out: dict[str, Any]) -> None:
    """HQ on PostgreSQL holding these records' narrow rows and counters: the figures read
    from the database, from the counters and by the full pass over the rows (A/B)."""
    with tempfile.TemporaryDirectory() as tmp, postgres_schema() as url:
        hq = Hq(make_settings(Path(tmp) / "hq", url))
        try:
            started = time.perf_counter()
            with hq.sessions.begin() as s:
                writer = RowWriter(s, counting=False)
                for i in range(0, len(records), 5000):
                    writer.write(records[i:i + 5000])
            out["hq_rows_load_s"] = round(time.perf_counter() - started, 1)
            out["hq_counters_rebuild_s"], cases = _timed(lambda: _rebuild(hq))
            out["hq_cases"] = cases
            for flt, key in zip(spans, ("hq_year", "hq_all_years"), strict=True):
                with hq.report_source() as rows:
                    _ab(out, key, lambda r=rows, f=flt: r.figures(f, as_of),
                        lambda r=rows, f=flt: compute(r, f, as_of))
        finally:
            hq.close()


def _rebuild(hq: Hq) -> int:
    with hq.sessions.begin() as s:
        n = counters.rebuild(s.connection(), HqCases(s))
        s.merge(ReportRowsState(id=1, complete=True))  # (an empty HQ starts complete)
    return n


def run(rescues: int = RESCUES) -> dict[str, Any]:
    out: dict[str, Any] = {"rescues": rescues}
    # The first open of a store built by an older release runs migration 0006 (counters).
    build = _pulled_store if os.environ.get("FIELDAPP_BENCH_PULLED") else _store
    out["open_s"], ws = _timed(lambda: build(rescues))
    try:
        year = ReportFilter.year(2025)
        span = ReportFilter(dt.date(2024, 1, 1), dt.date(2026, 12, 31))
        ten = ReportFilter(dt.date(2017, 1, 1), dt.date(2026, 12, 31))
        as_of = dt.date(2026, 11, 30)

        def full(flt: ReportFilter) -> Any:
            with ws.tx() as s:
                return compute(StoreRecordSource(s), flt, as_of)

        figs = _ab(out, "figures_year", lambda: figures_for(ws, year, as_of),
                   lambda: full(year))
        all_figs = _ab(out, "figures_all_years", lambda: figures_for(ws, span, as_of),
                       lambda: full(span))
        out["figures_part_months_s"], _ = _timed(lambda: figures_for(
            ws, ReportFilter(dt.date(2024, 3, 17), dt.date(2026, 2, 10)), as_of))
        # Ten years (every case), and three years narrowed by post and type (two narrowings:
        # no yearly sums, the months' counts), each against the full pass.
        _ab(out, "figures_ten_years", lambda: figures_for(ws, ten, as_of), lambda: full(ten))
        narrowed = dataclasses.replace(span, post="POIPET", exploitation_type="labour")
        _ab(out, "figures_all_years_post_type", lambda: figures_for(ws, narrowed, as_of),
            lambda: full(narrowed))
        out["publish_s"], _ = _timed(lambda: publish(all_figs))
        with ws.tx() as s:
            out["rescues_stored"] = s.scalar(select(func.count()).select_from(Rescue))
            out["figure_count_rows"] = s.scalar(text("SELECT count(*) FROM figure_count"))
        out["cases_in_year"] = figs.table("cases_by_type").total
        out["sent_to_court_in_year"] = figs.yoy["suspects_sent_to_court"].current
        out["victims_all_years"] = all_figs.table("victims_by_sex").total
        # HQ's path: the same figures from (entity, id, fields) records held in memory, then
        # from HQ's database (PostgreSQL: narrow rows and counters).
        records = _hq_records(ws)
        out["hq_figures_all_years_s"], hq = _timed(
            lambda: compute(JsonRecordSource(records), span, as_of))
        out["hq_equals_device"] = hq == all_figs
        if os.environ.get("FIELDAPP_BENCH_REPORTS_HQ", "1") != "0":
            _hq_database(records, [year, span], as_of, out)
        with tempfile.TemporaryDirectory() as tmp:
            out["export_htcds_s"], _ = _timed(lambda: exports.export(ws, "htcds", Path(tmp) / "h.csv"))
            out["report_json_s"], _ = _timed(
                lambda: exports.export_report(ws, year, "json", Path(tmp) / "r.json", as_of=as_of))
            try:
                os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
                from fieldapp.ui.reports.pdf import write_pdf
            except ImportError:  # a core-only install: no PDF figure
                pass
            else:
                # Drawing only (figures already computed): the four charts and ~8 pages.
                out["pdf_render_s"], _ = _timed(
                    lambda: write_pdf(publish(figs), Path(tmp) / "r.pdf", lang="km"))
        return out
    finally:
        ws.close()


NOTES = """
Figures (issue 16): `*_counters_*` read the report counters (`fieldapp.reports.counters`,
kept in each save's and pull's transaction on the device, each ingested batch's at HQ;
a report asks SQL for each table's sums, "sent to court" included);
`*_full_*` is the full pass over the same database in the same run (device: every row of
the store; HQ: every narrow row), and `*_same_figures` says they are equal. HQ's database
is PostgreSQL holding the device's records as narrow rows and counters. `open_s` includes
the upgrade of the cached store when it ran. FIELDAPP_BENCH_PULLED=1 builds the store by
pulling an HQ built by `bench_million.Builder` into a national desk (see `_pulled_store`);
FIELDAPP_BENCH_REPORTS_HQ=0 leaves out HQ's database part (the 1M-record HQ run has it).
`figures_all_years` is 2024-2026 and `figures_ten_years` 2017-2026 (the device reads their
whole years from its yearly sums, `figure_roll`); `figures_all_years_post_type` narrows
2024-2026 by post and type (two narrowings: summed from the months' counts).
"""


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
