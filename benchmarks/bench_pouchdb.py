"""PouchDB 9 replicating to express-pouchdb on this machine: issue 16's push/pull yardstick,
measured in the same run as fieldapp's sync benchmark (`bench_sync.run()` calls it).

The node side is `benchmarks/pouchdb/` (package.json and package-lock.json pin PouchDB 9.0.0,
express-pouchdb 4.2.0 and express 4; `replicate.js` runs server and client). Its packages are
installed once into a cache outside the repository (FIELDAPP_BENCH_POUCHDB, default
``~/.cache/fieldapp-bench/pouchdb``). Without node or npm, or if the install or the run
fails, `bench_pouchdb` says why and returns no figures: it never fails the benchmark run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent / "pouchdb"
PINNED = ("package.json", "package-lock.json")
BATCH = 500


def cache_dir() -> Path:
    default = Path.home() / ".cache" / "fieldapp-bench" / "pouchdb"
    return Path(os.environ.get("FIELDAPP_BENCH_POUCHDB", default))


def write_docs(changes: Iterable[dict[str, Any]], path: Path) -> int:
    """One PouchDB document per outbox change (its wire JSON, keyed by its outbox position),
    a JSON line each; returns how many."""
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for change in changes:
            out.write(json.dumps({"_id": f"c{change['seq']:010d}", **change},
                                 ensure_ascii=False))
            out.write("\n")
            n += 1
    return n


def _installed(cache: Path) -> bool:
    return (cache / "node_modules" / "express-pouchdb").is_dir() and all(
        (cache / name).is_file()
        and (cache / name).read_bytes() == (HERE / name).read_bytes() for name in PINNED)


def install() -> Path:
    """The pinned packages in the cache (`npm ci` once; again when the pins change)."""
    cache = cache_dir()
    if _installed(cache):
        return cache
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            raise RuntimeError(f"{tool} not found on PATH")
    shutil.rmtree(cache / "node_modules", ignore_errors=True)
    cache.mkdir(parents=True, exist_ok=True)
    for name in PINNED:
        shutil.copyfile(HERE / name, cache / name)
    # leveldown ships prebuilt binaries (node-gyp-build finds them at run time): no scripts.
    done = subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"],
                          cwd=cache, capture_output=True, text=True, timeout=900, check=False)
    if done.returncode != 0 or not _installed(cache):
        tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
        raise RuntimeError(f"npm ci failed ({done.returncode}): {' | '.join(tail)}")
    return cache


def bench_pouchdb(tmp: Path, docs_file: Path) -> dict[str, Any]:
    """Push then pull the documents of `docs_file` with PouchDB (server in its own process);
    the figures, or {"unavailable": why}."""
    try:
        cache = install()
        tmp.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            ["node", str(HERE / "replicate.js"), str(docs_file), str(tmp), str(BATCH)],
            env={**os.environ, "NODE_PATH": str(cache / "node_modules")},
            capture_output=True, text=True, timeout=1800, check=False)
        if done.returncode != 0:
            tail = done.stderr.strip().splitlines()[-3:]
            raise RuntimeError(f"replicate.js failed ({done.returncode}): {' | '.join(tail)}")
        raw = json.loads(done.stdout.strip().splitlines()[-1])
    except (OSError, RuntimeError, ValueError, subprocess.TimeoutExpired) as exc:
        print(f"pouchdb benchmark skipped: {exc}", file=sys.stderr, flush=True)
        return {"unavailable": str(exc)}
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    docs = raw["docs"]
    return {
        "version": raw["pouchdb_version"],
        "docs": docs,
        "json_bytes_per_doc": raw["json_bytes_per_doc"],
        "push_s": round(raw["push_s"], 2),
        "push_docs_per_s": round(docs / raw["push_s"]),
        "push_client_cpu_ms_per_doc": round(1000 * raw["push_client_cpu_s"] / docs, 3),
        "push_server_cpu_ms_per_doc": round(1000 * raw["push_server_cpu_s"] / docs, 3),
        "pull_s": round(raw["pull_s"], 2),
        "pull_docs_per_s": round(docs / raw["pull_s"]),
        "pull_client_cpu_ms_per_doc": round(1000 * raw["pull_client_cpu_s"] / docs, 3),
        "pull_server_cpu_ms_per_doc": round(1000 * raw["pull_server_cpu_s"] / docs, 3),
    }


def combine(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Several runs of the same job as one row set: rates and CPU averaged over the runs
    that worked, each run's rates kept; {"unavailable": why} when none did."""
    good = [r for r in runs if "unavailable" not in r]
    if not good:
        return {"unavailable": runs[0]["unavailable"] if runs else "not run"}
    out: dict[str, Any] = {"version": good[0]["version"], "docs": good[0]["docs"],
                           "json_bytes_per_doc": good[0]["json_bytes_per_doc"],
                           "runs": len(good)}
    for key in good[0]:
        if key.endswith(("_per_s", "_per_doc", "_s")) and key not in out:
            mean = sum(r[key] for r in good) / len(good)
            out[key] = round(mean) if key.endswith("_per_s") else round(mean, 3)
            if key.endswith("_per_s"):
                out[f"{key}_each_run"] = " / ".join(f"{r[key]:,}" for r in good)
    return out


if __name__ == "__main__":
    print(json.dumps(bench_pouchdb(Path(sys.argv[2]), Path(sys.argv[1])), indent=2))
