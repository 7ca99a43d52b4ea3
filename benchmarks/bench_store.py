"""Store benchmarks: services on the encrypted store vs the same code on plain SQLite."""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from fieldapp.crypto.keystore import DEFAULT_KDF
from fieldapp.services import auth, demo, intake
from fieldapp.services.workspace import Workspace
from fieldapp.store import engine

PASS = "benchmark passphrase"


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


def run(demo_rescues: int = 20_000, saves: int = 300, lookups: int = 3_000, base: int = 2_000) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="fieldapp-bench-") as tmp:
        rates = {}
        variants = (("encrypted", True, "ON"), ("plain", False, "ON"), ("encrypted_nomemsec", True, "OFF"))
        for label, encrypted, memsec in variants:
            engine.MEMORY_SECURITY = memsec
            root = Path(tmp) / label
            with auth.initialise(root, post_code="POIPET", username="sup", passphrase=PASS,
                                 encrypted=encrypted) as ws:
                demo.generate(ws, base, seed=5)  # lookups on a store with some history
                t_save, ids = _saves(ws, saves)
                t_look = _lookups(ws, ids, lookups)
                t0 = time.perf_counter()
                demo.generate(ws, 500, seed=9)
                t_batch = time.perf_counter() - t0
            rates[label] = {"saves_per_s": saves / t_save, "lookups_per_s": lookups / t_look,
                            "batch_rescues_per_s": 500 / t_batch}
        engine.MEMORY_SECURITY = "ON"
        for key in ("saves_per_s", "lookups_per_s", "batch_rescues_per_s"):
            results[f"store.{key}.encrypted"] = round(rates["encrypted"][key], 1)
            results[f"store.{key}.plain"] = round(rates["plain"][key], 1)
            results[f"store.{key}.ratio"] = round(rates["encrypted"][key] / rates["plain"][key], 3)
            # What cipher_memory_security costs (it stays ON in the app).
            results[f"store.{key}.encrypted_memsec_off"] = round(rates["encrypted_nomemsec"][key], 1)

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
