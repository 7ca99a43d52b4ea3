"""Window benchmark: first rows and search at 100 vs 100,000 rescues, UI-thread stalls (unlock,
search, a sync round against a real HQ on loopback), memory.

`python benchmarks/bench_ui.py` prints the figures as JSON; `run()` returns them. Stores are
built once (bulk inserts in one transaction, a cheap KDF) and cached under /tmp.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import httpx
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy import bindparam, insert, text

from fieldapp.crypto.keystore import DEFAULT_KDF, KdfParams
from fieldapp.services import auth, caselist
from fieldapp.services.caselist import CaseFilter
from fieldapp.services.demo import FOREIGN, KHMER_FAMILY, KHMER_GIVEN_F, KHMER_GIVEN_M
from fieldapp.store import search
from fieldapp.store.compact import CompactId
from fieldapp.store.models import Referral, Rescue, Suspect, Victim
from fieldapp.ui.case_list import CaseListView
from fieldapp.ui.context import ViewContext
from fieldapp.ui.tasks import TaskRunner

CACHE = Path("/tmp/fieldapp-bench-ui-v2")
FAST = KdfParams(iterations=1, lanes=1, memory_kib=8192)
USER, PASS = "bench", "bench passphrase"
POSTS = [("POIPET", "KH-1"), ("PAILIN", "KH-24"), ("KOHKONG", "KH-9"), ("BAVET", "KH-20"),
         ("OSMACH", "KH-22")]
TYPES = ["labour", "online_scam", "sexual_exploitation", "forced_marriage", "begging", "other"]
QUERIES = ["ស្រីពៅ", "សុខ", "ដារ៉ា", "ចាន់ ធី", "Sreypov", "sok", "Chan Dara", "Nguyen",
           "Wang", "Somchai", "Vichet", "ពិសិដ្ឋ", "POIPET-2025-01", "BAVET-2026", "Piseth",
           "Kanha", "Heng", "រតនា", "Lestari", "Aung"]


# -- building stores ---------------------------------------------------------------------
def _name(rng: random.Random) -> tuple[str, str, str]:
    if rng.random() < 0.75:
        fam = rng.choice(KHMER_FAMILY)
        giv = rng.choice(KHMER_GIVEN_F if rng.random() < 0.5 else KHMER_GIVEN_M)
        return f"{fam[0]} {giv[0]}", f"{fam[1]} {giv[1]}", "KHM"
    nat = rng.choice(list(FOREIGN))
    return "", rng.choice(FOREIGN[nat]), nat


def build_store(root: Path, rescues: int, seed: int = 1) -> None:
    """Bulk-insert `rescues` cases (victims, suspects, referrals, search rows) in one transaction."""
    ws = auth.initialise(root, post_code="POIPET", username=USER, passphrase=PASS, kdf=FAST)
    rng = random.Random(seed)
    counters: dict[tuple[str, int], int] = {}
    start = dt.date(2024, 1, 1)
    try:
        with ws.tx() as s:
            conn = s.connection()
            batch: dict[str, list[dict[str, Any]]] = {"r": [], "v": [], "s": [], "f": [], "x": []}

            def flush() -> None:
                for key, model in (("r", Rescue), ("v", Victim), ("s", Suspect), ("f", Referral)):
                    if batch[key]:
                        conn.execute(insert(model), batch[key])
                        batch[key].clear()
                if batch["x"]:
                    conn.execute(text("INSERT INTO search_doc (rescue_id, body) VALUES (:id, :body)")
                                 .bindparams(bindparam("id", type_=CompactId())), batch["x"])
                    batch["x"].clear()

            for _ in range(rescues):
                post, province = rng.choice(POSTS)
                day = start + dt.timedelta(days=rng.randrange(1050))
                counters[(post, day.year)] = counters.get((post, day.year), 0) + 1
                number = f"{post}-{day.year}-{counters[(post, day.year)]:04d}"
                rid = str(uuid.uuid4())
                batch["r"].append({"id": rid, "case_number": number, "operation_date": day, "place": "Market",
                                       "province_code": province, "post_code": post, "unit": "AHTJP",
                                       "exploitation_type": rng.choice(TYPES), "notes": "", "hlc": {}})
                names = [number]
                for _ in range(rng.choice([1, 1, 1, 2, 2, 3])):
                    km, latin, nat = _name(rng)
                    age = rng.randint(9, 45)
                    vid = str(uuid.uuid4())
                    batch["v"].append({"id": vid, "rescue_id": rid, "name_km": km, "name_latin": latin,
                                           "sex": rng.choice(["female", "male"]), "estimated_age": age,
                                           "is_minor": age < 18, "nationality": nat, "languages": ["km"],
                                           "documents": [], "vulnerabilities": [], "hlc": {}})
                    names += [km, latin]
                    if rng.random() < 0.2:
                        batch["f"].append({"id": str(uuid.uuid4()), "victim_id": vid, "service": "shelter",
                                               "provider_code": "PTC", "urgency": "normal",
                                               "due_date": day + dt.timedelta(days=14),
                                               "status": rng.choice(["sent", "accepted", "completed"]),
                                               "hlc": {}})
                if rng.random() < 0.5:
                    suspect = rng.choice(FOREIGN["THA"] + FOREIGN["CHN"] + ["Broker Vannak"])
                    batch["s"].append({"id": str(uuid.uuid4()), "rescue_id": rid, "name": suspect,
                                           "alias": "", "role": "broker", "status": "at_large",
                                           "identified_by": [], "hlc": {}})
                    names.append(suspect)
                batch["x"].append({"id": rid, "body": search.layout(names)})
                if len(batch["r"]) >= 2000:
                    flush()
            flush()
            s.execute(text("ANALYZE"))
    finally:
        ws.close()


def ensure_store(rescues: int) -> Path:
    root = CACHE / str(rescues)
    if not (root / "keystore.json").exists():
        if root.exists():
            import shutil

            shutil.rmtree(root)
        started = time.perf_counter()
        build_store(root, rescues)
        print(f"built {rescues} rescues in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return root


# -- measuring ---------------------------------------------------------------------------
class StallMeter:
    """Ticks every 2 ms on the UI thread; the longest gap is how long the UI was blocked."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)
        self.longest = 0.0
        self._last = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def start(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def wait_for(app: QApplication, done: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while not done():
        if time.perf_counter() > deadline:
            raise TimeoutError("benchmark step timed out")
        app.processEvents()
        time.sleep(0.0005)


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def rss_mib() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure_store(app: QApplication, rescues: int, repeats: int = 7) -> dict[str, Any]:
    root = ensure_store(rescues)
    ws = auth.unlock(root, USER, PASS)
    runner = TaskRunner()
    try:
        ctx = ViewContext(runner, ws, caselist.reference_choices(ws))
        view = CaseListView()
        view.resize(1200, 700)
        view.show()
        view.set_context(ctx)
        model = view.model
        got = {"first": False}
        # Rows reach the view in rowsInserted (before the columns are fitted to them).
        model.rowsInserted.connect(lambda *_a: got.__setitem__("first", True))

        def first_rows(flt: CaseFilter) -> float:
            got["first"] = False
            started = time.perf_counter()
            model.reload(flt)
            wait_for(app, lambda: got["first"] or (not runner.busy and not model.loading))
            return time.perf_counter() - started

        first_rows(CaseFilter())  # warm the page cache once, as a user's second look would
        cold_free = [first_rows(CaseFilter()) for _ in range(repeats)]
        wait_for(app, lambda: not runner.busy)
        searches = []
        for q in QUERIES * 2:
            searches.append(first_rows(CaseFilter(text=q)))
        wait_for(app, lambda: not runner.busy)
        service, service_by_date = [], []
        for q in QUERIES:
            started = time.perf_counter()
            caselist.case_page(ws, CaseFilter(text=q), caselist.CaseSort("recorded"))
            service.append(time.perf_counter() - started)
            started = time.perf_counter()
            caselist.case_page(ws, CaseFilter(text=q))
            service_by_date.append(time.perf_counter() - started)
        sorted_by = {}
        for column in caselist.SORTABLE:
            started = time.perf_counter()
            caselist.case_page(ws, sort=caselist.CaseSort(column, False))
            sorted_by[column] = round((time.perf_counter() - started) * 1000, 1)

        # Typing a search as a person would: the UI thread must stay responsive throughout.
        model.reload(CaseFilter())
        wait_for(app, lambda: not runner.busy)
        meter = StallMeter()
        meter.start()
        view.search.clear()
        for ch in "sreypov":
            view.search.setText(view.search.text() + ch)
            end = time.perf_counter() + 0.08
            while time.perf_counter() < end:
                app.processEvents()
                time.sleep(0.001)
        wait_for(app, lambda: model.total is not None and not runner.busy, 30)
        typing_stall = meter.stop()

        # The list open and scrolled a few pages, then the process's resident memory.
        view.clear_filters()
        wait_for(app, lambda: not runner.busy)
        for _ in range(5):
            view.table.scrollToBottom()
            model.fetchMore()
            wait_for(app, lambda: not runner.busy)
        rss = rss_mib()
        rows_loaded = model.rowCount()
        view.close()
        return {
            "rescues": caselist.count_cases(ws),
            "first_rows_ms_median": round(statistics.median(cold_free) * 1000, 1),
            "search_ms_median": round(statistics.median(searches) * 1000, 1),
            "search_ms_p95": round(pct(searches, 95) * 1000, 1),
            "search_service_ms_median": round(statistics.median(service) * 1000, 1),
            "search_service_ms_p95": round(pct(service, 95) * 1000, 1),
            "search_sorted_by_date_ms_median": round(statistics.median(service_by_date) * 1000, 1),
            "search_sorted_by_date_ms_p95": round(pct(service_by_date, 95) * 1000, 1),
            "sort_first_page_ms": sorted_by,
            "ui_blocked_ms_while_typing_search": round(typing_stall * 1000, 1),
            "rss_mib_with_list_open": round(rss, 1),
            "rows_loaded_when_measured": rows_loaded,
        }
    finally:
        runner.shutdown()
        ws.close()


def measure_unlock(app: QApplication) -> dict[str, Any]:
    """Real Argon2id cost through the window's controller: how long the UI thread stalls."""
    from fieldapp.ui.shell import AppController

    root = CACHE / "unlock-real-kdf"
    if not (root / "keystore.json").exists():
        auth.initialise(root, post_code="POIPET", username=USER, passphrase=PASS,
                        kdf=DEFAULT_KDF).close()
    c = AppController(root, kdf=DEFAULT_KDF)
    c.start()
    wait_for(app, lambda: c.shell.unlock.user.count() > 0)
    meter = StallMeter()
    meter.start()
    started = time.perf_counter()
    c.shell.unlock.user.setCurrentText(USER)
    c.shell.unlock.passphrase.setText(PASS)
    c.shell.unlock.submit()
    wait_for(app, lambda: c.ws is not None)
    total = time.perf_counter() - started
    wait_for(app, lambda: not c.runner.busy)
    stall = meter.stop()
    c.shutdown()
    c.runner.shutdown()
    c.shell.close()
    return {"unlock_total_ms": round(total * 1000, 1), "ui_blocked_ms_during_unlock": round(stall * 1000, 1)}


@contextlib.contextmanager
def _hq_process(data_dir: Path) -> Iterator[tuple[str, Path]]:
    """A real `fieldapp-hq serve` in its own process, as HQ is another machine in the field
    (in-process, the server's own work would compete with the window for the GIL)."""
    from tests.support.hqserver import cli_env, data_key_file, free_port

    hq = [str(Path(sys.executable).parent / "fieldapp-hq")]
    # HQ's data key on "separate media" (a file beside the data folder), as the tests do.
    env = cli_env(["--data-dir", str(data_dir)])
    key_file = data_key_file(data_dir)
    key_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    subprocess.run([*hq[:1], "init", "--data-dir", str(data_dir), "--data-key-file", str(key_file)],
                   check=True, capture_output=True, env=env)
    # serve refuses to start while the recovery private key is on the server.
    subprocess.run([*hq[:1], "recovery-key", "export", "--data-dir", str(data_dir), "--out",
                    str(key_file.parent / "recovery.pem"), "--remove"],
                   check=True, capture_output=True, env=env)
    port = free_port()
    server = subprocess.Popen([*hq[:1], "serve", "--data-dir", str(data_dir), "--port", str(port),
                               "--no-tls"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(url + "/v1/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("fieldapp-hq did not start")
            time.sleep(0.2)
        yield url, data_dir
    finally:
        server.terminate()
        server.wait(30)


def _enrolment_code(data_dir: Path) -> str:
    from tests.support.hqserver import cli_env

    args = ["--data-dir", str(data_dir), "--post", "POIPET", "--role", "supervisor"]
    out = subprocess.run([str(Path(sys.executable).parent / "fieldapp-hq"), "enrolment-code", *args],
                         check=True, capture_output=True, text=True, env=cli_env(args))
    return out.stdout.strip().splitlines()[-1]


def measure_sync(app: QApplication, cases: int = 25) -> dict[str, Any]:
    """Sync now in the window against a real HQ on loopback, a few hundred changes pending:
    the longest UI-thread block while the round runs (it runs on the database worker)."""
    import tempfile

    from fieldapp.services import sync
    from fieldapp.ui.shell import AppController
    from fieldapp.ui.sync_status import HqSync
    from tests.conftest import PASSPHRASE
    from tests.support.syncenv import fast_options, minor_case

    with tempfile.TemporaryDirectory() as tmp, _hq_process(Path(tmp) / "hq") as (url, hq_dir):
        root = Path(tmp) / "device"
        ws = auth.initialise(root, post_code="POIPET", username="sup", passphrase=PASSPHRASE,
                             kdf=FAST)
        sync.enrol(ws, url, _enrolment_code(hq_dir))
        with ws.tx():
            for _ in range(cases):
                minor_case(ws)
        ws.close()
        c = AppController(root, kdf=FAST, hooks={"sync": HqSync(options=fast_options()),
                                                  "sync_first_delay": 3600.0})
        c.start()
        wait_for(app, lambda: c.shell.unlock.user.count() > 0)
        c.shell.unlock.user.setCurrentText("sup")
        c.shell.unlock.passphrase.setText(PASSPHRASE)
        c.shell.unlock.submit()
        wait_for(app, lambda: c.ws is not None)
        panel = c.shell.main.sync
        c.shell.main.go("sync")
        wait_for(app, lambda: not c.runner.busy and panel.status is not None)
        pending = panel.status.pending if panel.status else 0
        meter = StallMeter()
        meter.start()
        started = time.perf_counter()
        panel.sync_now()
        wait_for(app, lambda: not panel.running, timeout=300)
        total = time.perf_counter() - started
        wait_for(app, lambda: not c.runner.busy)
        stall = meter.stop()
        pushed = panel.status.pushed if panel.status else None
        c.shutdown()
        c.runner.shutdown()
        c.shell.close()
    return {"sync_pending_changes": pending, "sync_pushed": pushed,
            "sync_round_ms": round(total * 1000, 1), "ui_blocked_ms_during_sync": round(stall * 1000, 1)}


def run(sizes: tuple[int, int] = (100, 100_000)) -> dict[str, Any]:
    """Flat figures (`name@rescues`) for BENCHMARKS.md, plus the targets met or not."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    small_n, large_n = sizes
    small, large = measure_store(app, small_n), measure_store(app, large_n)
    unlock = measure_unlock(app)
    synced = measure_sync(app)
    ratio = large["first_rows_ms_median"] / max(small["first_rows_ms_median"], 0.001)
    figures: dict[str, Any] = {}
    for n, result in ((small_n, small), (large_n, large)):
        for key, value in result.items():
            if isinstance(value, dict):
                for sub, v in value.items():
                    figures[f"sort_{sub}_first_page_ms@{n}"] = v
            else:
                figures[f"{key}@{n}"] = value
    figures.update({
        "first_rows_ratio_large_vs_small": round(ratio, 2),
        "target_first_rows_within_1_5x": ratio <= 1.5,
        "target_search_p95_under_100ms_at_large": large["search_ms_p95"] < 100,
        **unlock,
        **synced,
    })
    return figures


if __name__ == "__main__":
    print(json.dumps(run(), indent=1, ensure_ascii=False))
    sys.stdout.flush()
    os._exit(0)  # PySide6 may crash while tearing down its wrappers at exit
