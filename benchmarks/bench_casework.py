"""Case-work benchmark (h13): the home-address cascade over Cambodia's 14,488 villages, and
the home screen's overdue follow-ups with thousands of case-plan steps in the store.

`python -m benchmarks.bench_casework` prints the figures as JSON; `run()` returns them. The
cascade figure is a ratio within one run: the indexed lookup the form engine uses for
``column = ${field}`` filters against evaluating the same filter choice by choice.
"""

from __future__ import annotations

import datetime as dt
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from fieldapp.crypto.keystore import KdfParams
from fieldapp.formkit import ChoiceSource
from fieldapp.formkit.engine import FormState
from fieldapp.formkit.expr import parse
from fieldapp.services import auth, caseplan, submit
from fieldapp.store.models import FollowUp, Rescue, Victim

FAST = KdfParams(iterations=1, memory_kib=8, lanes=1)


def _median_ms(fn: Any, repeats: int = 15) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 3)


def cascade() -> dict[str, Any]:
    """Milliseconds to list one commune's villages: indexed vs evaluated per choice."""
    form = submit.shipped_forms()["victim"]
    lists = submit._gazetteer_lists()
    state = FormState(form, choices=ChoiceSource(lists))
    for name, value in (("home_province", "01"), ("home_district", "0102"),
                        ("home_commune", "010201")):
        state.set(name, value)
    field = form.field("home_village")
    indexed = _median_ms(lambda: state.options("home_village"))
    # The same test, spelled so the engine evaluates it for each of the 14,488 villages.
    slow = parse("commune = ${home_commune} and true()")
    clist = state.choice_list(field.list_name)

    def evaluated() -> list[Any]:
        return [c for c in clist.choices
                if state._passes_filter(slow, c, "home_village", ())]

    per_choice = _median_ms(evaluated, repeats=5)
    assert [c.value for c in evaluated()] == [c.value for c in state.options("home_village")]
    return {"villages": len(clist.choices), "village_list_indexed_ms": indexed,
            "village_list_evaluated_ms": per_choice,
            "speedup": round(per_choice / max(indexed, 0.001))}


def overdue(people: int = 2000, steps_each: int = 3) -> dict[str, Any]:
    """The home screen's overdue query with ``people * steps_each`` follow-ups stored."""
    root = Path(tempfile.mkdtemp(prefix="fieldapp-bench-casework-")) / "data"
    ws = auth.initialise(root, post_code="POIPET", username="sup", passphrase="bench pass 1",
                         kdf=FAST)
    try:
        start = time.perf_counter()
        with ws.tx() as s:
            rescue = Rescue(case_number="POIPET-2026-9999", operation_date=dt.date(2026, 1, 1),
                            province_code="KH-1", post_code="POIPET", exploitation_type="labour")
            s.add(rescue)
            for i in range(people):
                v = Victim(rescue_id=rescue.id, name_latin=f"Person {i}", sex="female",
                           nationality="KHM")
                s.add(v)
                for k in range(steps_each):
                    s.add(FollowUp(victim_id=v.id, action="home_visit",
                                   due_on=dt.date(2026, 1, 1) + dt.timedelta(days=30 * k + i % 30),
                                   done_on=dt.date(2026, 2, 1) if k == 0 else None))
        built = time.perf_counter() - start
        today = dt.date(2026, 3, 15)
        total = caseplan.overdue_count(ws, today)
        count_ms = _median_ms(lambda: caseplan.overdue_count(ws, today), repeats=5)
        shown_ms = _median_ms(lambda: caseplan.overdue(ws, today, limit=50), repeats=5)
        all_ms = _median_ms(lambda: caseplan.overdue(ws, today), repeats=3)
        return {"follow_ups": people * steps_each, "overdue": total,
                "home_screen_count_ms": count_ms, "home_screen_first_50_ms": shown_ms,
                "every_overdue_step_ms": all_ms, "store_built_s": round(built, 1)}
    finally:
        ws.close()


def run() -> dict[str, Any]:
    return {"cascade": cascade(), "overdue": overdue()}


if __name__ == "__main__":
    print(json.dumps(run(), indent=1))
