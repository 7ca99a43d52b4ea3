"""Store benchmarks: services on the encrypted store vs the same code on plain SQLite."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from fieldapp.crypto.keystore import DEFAULT_KDF, KdfParams
from fieldapp.services import auth, demo, intake
from fieldapp.services.workspace import Workspace
from fieldapp.store import engine

PASS = "benchmark passphrase"


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _saves(ws: Workspace, n: int) -> tuple[float, list[str]]:
    """n officer saves (rescue + victim), each its own durable transaction."""
    ids = []
    start = time.perf_counter()
    for i in range(n):
        with ws.tx():
            r = intake.create_rescue(ws, operation_date=dt.date(2026, 1, 1) + dt.timedelta(days=i % 365),
                                     province_code="KH-1", exploitation_type="labour")
            intake.add_victim(ws, r.id, name_km="សុខ ស្រីពៅ", name_latin="Sok Sreypov", sex="female",
                              estimated_age=17)
        ids.append(r.id)
    return time.perf_counter() - start, ids


def _lookups(ws: Workspace, ids: list[str], n: int) -> float:
    rng = random.Random(1)
    start = time.perf_counter()
    for _ in range(n):
        intake.get_case(ws, rng.choice(ids))
    return time.perf_counter() - start


def _save_cpu(setting: str, n: int) -> dict[str, float]:
    """CPU seconds for n durable saves, with cipher_memory_security = setting, in this process."""
    engine.MEMORY_SECURITY = setting
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-") as tmp:
        with auth.initialise(Path(tmp) / "d", post_code="POIPET", username="sup", passphrase=PASS,
                             kdf=KdfParams(iterations=1, lanes=1, memory_kib=8 * 1024)) as ws:
            before = resource.getrusage(resource.RUSAGE_SELF)
            _saves(ws, n)
            after = resource.getrusage(resource.RUSAGE_SELF)
    return {"user": after.ru_utime - before.ru_utime, "system": after.ru_stime - before.ru_stime}


def memsec_figures(n: int = 200, rounds: int = 2) -> dict[str, Any]:
    """Each setting in its own process: once ON, SQLCipher keeps it ON for the process's life."""
    cpu: dict[str, list[float]] = {"ON": [], "OFF": []}
    out: dict[str, Any] = {}
    for _ in range(rounds):
        for setting in ("ON", "OFF"):
            run = subprocess.run(
                [sys.executable, "-c", "import json, sys; from benchmarks.bench_store import _save_cpu;"
                 f" print(json.dumps(_save_cpu({setting!r}, {n})))"],
                capture_output=True, text=True, check=True, timeout=900)
            figures = json.loads(run.stdout.strip().splitlines()[-1])
            cpu[setting].append(figures["user"] + figures["system"])
            out[f"store.memsec.{setting.lower()}.system_ms_per_save"] = round(1000 * figures["system"] / n, 2)
    for setting, values in cpu.items():
        out[f"store.memsec.{setting.lower()}.cpu_ms_per_save"] = round(1000 * statistics.median(values) / n, 2)
    out["store.memsec.cpu_ratio_off_vs_on"] = round(statistics.median(cpu["OFF"]) / statistics.median(cpu["ON"]), 3)
    out["store.memsec.policy"] = "OFF (see fieldapp/crypto/memory.py)"
    return out


def run(demo_rescues: int = 20_000, saves: int = 300, lookups: int = 3_000, base: int = 2_000) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-") as tmp:
        rates: dict[str, dict[str, float]] = {}
        for label, encrypted in (("encrypted", True), ("plain", False)):
            root = Path(tmp) / label
            with auth.initialise(root, post_code="POIPET", username="sup", passphrase=PASS,
                                 encrypted=encrypted) as ws:
                demo.generate(ws, base, seed=5)  # lookups on a store with some history
                c0 = _cpu()
                t_save, ids = _saves(ws, saves)
                c1 = _cpu()
                t_look = _lookups(ws, ids, lookups)
                c2 = _cpu()
                t0 = time.perf_counter()
                demo.generate(ws, 500, seed=9)
                t_batch = time.perf_counter() - t0
                c3 = _cpu()
            rates[label] = {"saves_per_s": saves / t_save, "lookups_per_s": lookups / t_look,
                            "batch_rescues_per_s": 500 / t_batch,
                            "saves_per_cpu_s": saves / (c1 - c0),
                            "lookups_per_cpu_s": lookups / (c2 - c1),
                            "batch_rescues_per_cpu_s": 500 / (c3 - c2)}
        # Wall rates follow the machine's load; the CPU rates (this process's CPU seconds,
        # SQLCipher's work included) are the ratio to read on a shared machine.
        for key in ("saves_per_s", "lookups_per_s", "batch_rescues_per_s",
                    "saves_per_cpu_s", "lookups_per_cpu_s", "batch_rescues_per_cpu_s"):
            results[f"store.{key}.encrypted"] = round(rates["encrypted"][key], 1)
            results[f"store.{key}.plain"] = round(rates["plain"][key], 1)
            results[f"store.{key}.ratio"] = round(rates["encrypted"][key] / rates["plain"][key], 3)
        results.update(memsec_figures())

        root = Path(tmp) / "encrypted"
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            auth.unlock_key(root, "sup", PASS)
            times.append(time.perf_counter() - t0)
        results["unlock.kdf"] = f"argon2id t={DEFAULT_KDF.iterations} p={DEFAULT_KDF.lanes} m={DEFAULT_KDF.memory_kib // 1024} MiB"
        results["unlock.seconds.median"] = round(statistics.median(times), 3)

        if demo_rescues:
            root = Path(tmp) / "demo"
            with auth.initialise(root, post_code="POIPET", username="sup", passphrase=PASS) as ws:
                t0 = time.perf_counter()
                demo.generate(ws, demo_rescues, seed=1)
                results[f"demo.rescues_{demo_rescues}.seconds"] = round(time.perf_counter() - t0, 1)
            size = sum(p.stat().st_size for p in root.glob("fieldapp.db*"))
            results[f"demo.rescues_{demo_rescues}.store_mb"] = round(size / 2**20, 1)
    return results


if __name__ == "__main__":
    for k, v in run(demo_rescues=int(os.environ.get("BENCH_DEMO_RESCUES", "2000"))).items():
        print(f"{k}: {v}")
