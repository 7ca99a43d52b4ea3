"""Run every benchmark, print the figures and write them to BENCHMARKS.md (`make bench`).

Absolute times on shared machines are noisy: the figures that matter are the ratios
measured within one run (encrypted vs plain, 100k vs 100 rescues, ours vs the link).
Set BENCH_ONLY=store,store_size,ui,reports,sync,matching,hq to run a subset; BENCH_DEMO_RESCUES for the
demo size. ``--million`` (``make bench BENCH_ARGS=--million``) adds the 1,000,000-record HQ
run to the hq suite (long: its build time is one of its figures).
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import platform
import sys
import time
import traceback
from pathlib import Path

SUITES = {
    "store": "benchmarks.bench_store",
    "store_size": "benchmarks.bench_store_size",
    "ui": "benchmarks.bench_ui",
    "reports": "benchmarks.bench_reports",
    "sync": "benchmarks.bench_sync",
    "matching": "benchmarks.bench_matching",
    "splink": "benchmarks.bench_splink",
    "hq": "benchmarks.bench_hq",
    "casework": "benchmarks.bench_casework",
}


OUT = Path("BENCHMARKS.md")


def _previous_sections() -> dict[str, str]:
    """Sections of suites not run this time are kept as they were."""
    if not OUT.exists():
        return {}
    found: dict[str, str] = {}
    for chunk in OUT.read_text(encoding="utf-8").split("\n## ")[1:]:
        name = chunk.split()[0]
        if name in SUITES:
            found[name] = "## " + chunk.rstrip() + "\n"
    return found


def _flat(figures: dict[str, object], prefix: str = "") -> dict[str, object]:
    """Nested figures as dotted names, one table row each."""
    out: dict[str, object] = {}
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(_flat(value, name + "."))
        else:
            out[name] = value
    return out


def main() -> int:
    only = [s for s in os.environ.get("BENCH_ONLY", "").split(",") if s] or list(SUITES)
    sections: dict[str, str] = _previous_sections()
    failed = False
    for name in only:
        try:
            module = importlib.import_module(SUITES[name])
        except ModuleNotFoundError as exc:
            sections[name] = f"## {name}\n\nnot available: {exc}\n"
            continue
        print(f"== {name}", flush=True)
        start = time.perf_counter()
        kwargs: dict[str, object] = {}
        if name == "hq":
            kwargs["million"] = "--million" in sys.argv[1:]
        if name == "store" and os.environ.get("BENCH_DEMO_RESCUES"):
            kwargs["demo_rescues"] = int(os.environ["BENCH_DEMO_RESCUES"])
        try:
            figures = module.run(**kwargs)
        except Exception:  # a broken benchmark is reported, the others still run
            failed = True
            traceback.print_exc()
            sections[name] = f"## {name}\n\nFAILED (see the console)\n"
            continue
        figures = _flat(figures)
        rows = "\n".join(f"| `{k}` | {v} |" for k, v in figures.items())
        for k, v in figures.items():
            print(f"{k}: {v}", flush=True)
        took = time.perf_counter() - start
        stamp = f"{dt.datetime.now():%Y-%m-%d %H:%M}, {took:.0f} s"
        notes = getattr(module, "NOTES", "")  # what the figures mean, kept with them
        sections[name] = (f"## {name} ({stamp})\n\n| figure | value |\n|---|---|\n{rows}\n"
                          + (f"\n{notes.strip()}\n" if notes else ""))
    header = (
        "# Benchmarks\n\n"
        f"Written by `make bench` ({platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}); each section says when it last ran.\n"
        "Ratios are measured within one run; absolute times on a shared machine are noisy.\n\n"
    )
    ordered = [sections[k] for k in SUITES if k in sections]
    OUT.write_text(header + "\n".join(ordered), encoding="utf-8")
    print("wrote BENCHMARKS.md")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
