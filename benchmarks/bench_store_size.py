"""Store size after sync (issue 16), A/B in one run on the same generated data.

The release before this work (`BASE`, checked out from git into a temporary folder), main
as the last round left it (`PREVIOUS`) and this tree each build a device store from the same
demo cases (same seed), push it to a real HQ on loopback, and measure the store's used
pages (page_count - freelist_count, × page size) per rescue. The `BASE` and `PREVIOUS`
stores are then opened by this tree (its migrations convert them) and measured again.
Each run is its own process: nothing of one leaks into the other.
Also counted: the changes HQ logged from the device's outbox (with a seq) per record
change, i.e. how many changes one push round sent per outbox row of the records.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
#: main before issue 16's store work (the commit this branch started from).
BASE = os.environ.get("BENCH_STORE_BASE", "4376e0a")
#: main as the last round left it (store revision 0011: lean audit rows, compressed
#: statements, yearly figure sums).
PREVIOUS = os.environ.get("BENCH_STORE_PREVIOUS", "c9fbe41")
#: How many demo cases each store gets (2000 unless set: a full run takes minutes per build).
RESCUES = int(os.environ.get("BENCH_STORE_RESCUES", "2000"))

NOTES = """
`kb_per_rescue.*`: used pages of the device store per rescue after one sync round (demo
cases, same seed, every build): `before` = the release before (git `BASE`), `previous` = main
as the last round left it (git `PREVIOUS`, store revision 0011), `after` = this tree,
`migrated` / `migrated_previous` = the `before` / `previous` store opened by this tree
(migrations + one VACUUM).
`bytes_per_rescue_after.*`: where the `after` store's bytes go (dbstat over each table's
and index's b-tree on a plaintext copy of the demo store, removed at once; a table's indexes
summed as `<table> (indexes)`; `search` = the FTS5 index and its documents, `figures` = the
report counters; b-trees under 10 B per rescue as `rest`).
`bytes_per_rescue_migrated.*`: the same for the `migrated` store, the parts a store of the
release before issue 16 kept large until migration 0016 (statements, audit events, the
acknowledged outbox: `outbox_sent`, and `outbox_sent_audit`'s runs of audit events).
`changes_per_record_change.*`: changes HQ logged from the device's outbox per change of a
record (1.0 = audit events no longer travel as changes of their own).
"""

_SCRIPT = r'''
import json, sys
from pathlib import Path
from sqlalchemy import func, select
from fieldapp.domain.enums import Role
from fieldapp.services import demo, sync
from tests.conftest import add_user
from tests.support.hqserver import make_settings, running_server
from tests.support.syncenv import fast_options, new_device, unlock

root, rescues, mode = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]

def breakdown(ws, rescues):
    """Bytes per rescue of each table and index, by this tree's `tests.support.storesize`
    (loaded from its file: an older checkout has no such module)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("storesize", sys.argv[4])
    storesize = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(storesize)
    return {name: round(size / rescues) for name, size in storesize.btree_bytes(ws, root).items()}

def used(ws):
    with ws.store.engine.connect() as c:
        p = lambda n: int(c.exec_driver_sql(f"PRAGMA {n}").scalar())
        return (p("page_count") - p("freelist_count")) * p("page_size")

out = {}
if mode == "build":
    from fieldapp.hq.models import ChangeLog
    with running_server(make_settings(root / "hq", None)) as hq:
        ws = new_device(root / "device", hq, "POIPET")
        add_user(ws, "off", Role.OFFICER)
        ws.close()
        officer = unlock(root / "device", "off")
        demo.generate(officer, rescues, seed=11)
        officer.close()
        ws = unlock(root / "device")
        out["before_sync_bytes"] = used(ws)
        result = sync.sync_round(ws, options=fast_options(first_batch=500, deadline_s=3600))
        out["pending_after"] = result.pending
        out["after_sync_bytes"] = used(ws)
        out["breakdown"] = breakdown(ws, rescues)
        ws.close()
        with hq.hq.sessions() as s:
            logged = select(func.count()).select_from(ChangeLog).where(
                ChangeLog.origin_seq.is_not(None))
            out["changes_logged"] = s.scalar(logged)
            out["record_changes"] = s.scalar(logged.where(ChangeLog.entity != "audit_event"))
else:
    ws = unlock(root / "device")
    out["after_sync_bytes"] = used(ws)
    out["breakdown"] = breakdown(ws, rescues)
    ws.close()
print(json.dumps(out))
'''


def _run(source: Path, root: Path, rescues: int, mode: str) -> dict[str, Any]:
    helper = ROOT / "tests" / "support" / "storesize.py"
    run = subprocess.run([sys.executable, "-c", _SCRIPT, str(root), str(rescues), mode, str(helper)],
                         cwd=source, env={**os.environ, "PYTHONPATH": str(source)},
                         capture_output=True, text=True, check=False, timeout=7200)
    if run.returncode != 0:
        raise RuntimeError(f"store size run failed ({mode}, {source}):\n{run.stderr[-3000:]}")
    return dict(json.loads(run.stdout.strip().splitlines()[-1]))


def _checkout(commit: str, folder: Path) -> Path:
    folder.mkdir()
    archive = subprocess.run(["git", "archive", commit, "fieldapp", "tests", "resources",
                              "forms"], cwd=ROOT, capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder


#: How the breakdown groups b-trees: a table with its own indexes, except these parts.
_PARTS = {"case_search_data": "search", "case_search_idx": "search",
          "case_search_docsize": "search", "case_search_config": "search",
          "search_doc": "search", "figure_count": "figures", "figure_case": "figures",
          "figure_dirty": "figures"}


def _parts(breakdown: dict[str, int]) -> dict[str, Any]:
    """The breakdown (B per rescue per b-tree) as parts: each table's rows, its indexes,
    the search index, the report counters; b-trees under 10 B per rescue summed as `rest`."""
    out: dict[str, int] = {}
    for name, size in breakdown.items():
        table = name.removeprefix("sqlite_autoindex_").rsplit("_", 1)[0] if (
            name.startswith("sqlite_autoindex_")) else name
        if name.startswith("ix_"):
            table = next((t for t in sorted(breakdown, key=len, reverse=True)
                          if name.startswith(f"ix_{t}_")), "rest")
        part = _PARTS.get(table, table)
        key = part if name == table or part in ("search", "figures") else f"{part} (indexes)"
        out[key] = out.get(key, 0) + size
    small = {k: v for k, v in out.items() if v < 10}
    parts: dict[str, Any] = dict(sorted(((k, v) for k, v in out.items() if v >= 10),
                                        key=lambda kv: -kv[1]))
    parts["rest"] = sum(small.values())
    parts["total"] = sum(out.values())
    return parts


#: The parts of a migrated store of the release before issue 16 that stayed large until
#: migration 0016 (statements, audit events, the acknowledged outbox).
_MIGRATED_PARTS = ("statement", "statement (indexes)", "audit_event", "outbox_sent",
                   "outbox_sent_audit", "total")


def run(rescues: int = RESCUES) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-size-") as tmp:
        work = Path(tmp)
        before = _run(_checkout(BASE, work / "base"), work / "before", rescues, "build")
        previous = _run(_checkout(PREVIOUS, work / "prev"), work / "previous", rescues, "build")
        after = _run(ROOT, work / "after", rescues, "build")
        migrated = _run(ROOT, work / "before", rescues, "reopen")
        migrated_previous = _run(ROOT, work / "previous", rescues, "reopen")
    runs: dict[str, dict[str, Any]] = {"before": before, "previous": previous, "after": after, "migrated": migrated,
            "migrated_previous": migrated_previous}
    kb = {name: round(r["after_sync_bytes"] / rescues / 1024, 2) for name, r in runs.items()}
    built = ("before", "previous", "after")
    per = {name: round(runs[name]["changes_logged"] / runs[name]["record_changes"], 3)
           for name in built}
    return {
        "rescues": rescues,
        "base": BASE,
        "previous": PREVIOUS,
        "kb_per_rescue": kb,
        "kb_per_rescue_before_sync": {
            name: round(runs[name]["before_sync_bytes"] / rescues / 1024, 2) for name in built},
        "after_vs_before": round(kb["after"] / kb["before"], 3),
        "after_vs_previous": round(kb["after"] / kb["previous"], 3),
        "migrated_vs_before": round(kb["migrated"] / kb["before"], 3),
        "migrated_previous_vs_previous": round(kb["migrated_previous"] / kb["previous"], 3),
        "changes_per_record_change": per,
        "pending_after_sync": {name: runs[name]["pending_after"] for name in built},
        "bytes_per_rescue_after": _parts(after["breakdown"]),
        "bytes_per_rescue_migrated": {k: v for k, v in _parts(migrated["breakdown"]).items()
                                      if k in _MIGRATED_PARTS},
        "targets": {"kb_per_rescue_after<=5": kb["after"] <= 5,
                    "kb_per_rescue_migrated<=5": kb["migrated"] <= 5,
                    "changes_per_record_change<=1.1": per["after"] <= 1.1},
    }


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else RESCUES), indent=2))
