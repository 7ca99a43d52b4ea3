"""Report generation time on a device store of 100,000 rescues (built once, cached under /tmp)."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from fieldapp.crypto.keystore import KdfParams
from fieldapp.reports.definitions import ReportFilter
from fieldapp.reports.figures import compute
from fieldapp.reports.source import JsonRecordSource, StoreRecordSource
from fieldapp.reports.suppress import publish
from fieldapp.services import auth, exports
from fieldapp.services.figures import figures_for
from fieldapp.services.workspace import Workspace

RESCUES = int(os.environ.get("FIELDAPP_BENCH_RESCUES", "100000"))
CACHE = Path(os.environ.get("FIELDAPP_BENCH_CACHE", "/tmp/fieldapp-bench-reports"))
FAST = KdfParams(iterations=1, lanes=1, memory_kib=8192)
PASSPHRASE = "benchmark passphrase"
SEED = 6


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


def _timed(fn: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = fn()
    return round(time.perf_counter() - started, 3), result


def run(rescues: int = RESCUES) -> dict[str, Any]:
    ws = _store(rescues)
    try:
        year = ReportFilter.year(2025)
        span = ReportFilter(dt.date(2024, 1, 1), dt.date(2026, 12, 31))
        as_of = dt.date(2026, 11, 30)
        out: dict[str, Any] = {"rescues": rescues}
        out["figures_year_s"], figs = _timed(lambda: figures_for(ws, year, as_of))
        out["figures_all_years_s"], all_figs = _timed(lambda: figures_for(ws, span, as_of))
        out["publish_s"], _ = _timed(lambda: publish(all_figs))
        out["cases_in_year"] = figs.table("cases_by_type").total
        out["victims_all_years"] = all_figs.table("victims_by_sex").total
        # HQ's path: the same figures from (entity, id, fields) records held in memory.
        with ws.tx() as s:
            src = StoreRecordSource(s)
            stamp = "0000000000000-00000-bench"
            records = [(e, r["id"], {k: [v.isoformat() if isinstance(v, dt.date) else v,
                                         r.get("kind_stamp") or stamp]
                                     for k, v in r.items() if k not in ("id", "kind_stamp")})
                       for e in ("rescue", "victim", "suspect", "referral", "referral_event")
                       for r in src.rows(e)]
        out["hq_figures_all_years_s"], hq = _timed(
            lambda: compute(JsonRecordSource(records), span, as_of))
        out["hq_equals_device"] = hq == all_figs
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


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
