"""Best-effort measure of what an unlocked-then-locked process still holds (run as a script).

Prints JSON: how many copies of the database key (raw and hex), the statement key, the
passphrase, a narrative and a name are still readable in this process's memory after
the workspace was closed and garbage collected. Linux only (/proc/self/mem).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import re
import sys
from pathlib import Path

#: The probe reads memory through one window, made once and zeroed after each read: reading
#: each mapping into new bytes objects left, in freed heap, copies of what one scan saw
#: for the next scan to count (glibc serves reads under its grown mmap threshold from the
#: heap and does not clear them when freed).
_WINDOW = 1 << 20
_buffer = bytearray(_WINDOW)
_ZEROS = memoryview(bytes(_WINDOW))


def scan(needles: dict[str, bytes]) -> dict[str, int]:
    counts = dict.fromkeys(needles, 0)
    longest = max(map(len, needles.values()))
    view = memoryview(_buffer)
    maps = Path("/proc/self/maps").read_text().splitlines()
    with open("/proc/self/mem", "rb", 0) as mem:
        for line in maps:
            m = re.match(r"([0-9a-f]+)-([0-9a-f]+) (\S+)", line)
            if not m or not m.group(3).startswith("rw") or "[vvar" in line or "[vsyscall" in line:
                continue
            start, end = int(m.group(1), 16), int(m.group(2), 16)
            # Windows overlapping by a needle's length less one: each copy counted once.
            at = start
            while at < end:
                size = min(_WINDOW, end - at)
                try:
                    mem.seek(at)
                    got = mem.readinto(view[:size])
                except (OSError, ValueError, OverflowError):
                    break
                if not got:
                    break
                last = at + got >= end
                # A copy starting in the overlap is counted by the next window, not this one.
                step = got if last else got - (longest - 1)
                for name, needle in needles.items():
                    counts[name] += _buffer.count(needle, 0, min(got, step + len(needle) - 1))
                # Cleared at once: the window must not hold copies when it is itself read.
                view[:got] = _ZEROS[:got]
                if last:
                    break
                at += step
    return counts


def main(root: Path) -> None:
    from fieldapp.services import auth, intake, statements
    from tests.conftest import FAST_KDF

    passphrase = "".join(["memory ", "probe ", "passphrase ", "2026"])  # built, not a constant
    narrative = "".join(["The broker ", "Uncle ", "Phal kept ", "our papers"])
    name = "".join(["Srey ", "Pov ", "Memtest"])
    ws = auth.initialise(root, post_code="POIPET", username="sup", passphrase=passphrase, kdf=FAST_KDF)
    rescue = intake.create_rescue(ws, operation_date=dt.date(2026, 3, 1), province_code="KH-1",
                                  exploitation_type="labour")
    victim = intake.add_victim(ws, rescue.id, name_latin=name, sex="female", estimated_age=12)
    st = statements.record_statement(ws, victim.id, narrative=narrative)
    ws.close()
    ws = auth.unlock(root, "sup", passphrase)
    db_key, st_key = bytes(ws.store.key), bytes(ws.store.statement_key or b"")
    statements.view_statement(ws, st.id)
    needles = {"db_key": db_key, "db_key_hex": db_key.hex().encode(), "statement_key": st_key,
               "passphrase": passphrase.encode(), "narrative": narrative.encode(),
               "name": name.encode()}
    while_open = scan(needles)
    ws.close()
    del ws, rescue, victim, st
    gc.collect()
    after = scan(needles)
    # The needles themselves are one copy each (and db_key_hex's one): subtract them.
    own = {"db_key": 1, "db_key_hex": 1, "statement_key": 1, "passphrase": 2, "narrative": 2, "name": 2}
    print(json.dumps({"while_open": while_open, "after_lock": after, "probe_copies": own}))


def view(root: Path) -> None:
    """The statement dialog a case view opens: copies of the narrative (UTF-8, and UTF-16 as
    Qt keeps text) while it is shown, and after it is closed, still unlocked."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from fieldapp.services import auth, intake, statements
    from fieldapp.ui.case_view import CaseView
    from tests.conftest import FAST_KDF

    app = QApplication.instance() or QApplication([])
    passphrase = "".join(["memory ", "probe ", "passphrase ", "2026"])
    narrative = "".join(["The broker ", "Uncle ", "Sarun took ", "our passports at the border"])
    ws = auth.initialise(root, post_code="POIPET", username="sup", passphrase=passphrase, kdf=FAST_KDF)
    rescue = intake.create_rescue(ws, operation_date=dt.date(2026, 3, 1), province_code="KH-1",
                                  exploitation_type="labour")
    victim = intake.add_victim(ws, rescue.id, name_latin="Probe Child", sex="female", estimated_age=12)
    st_id = statements.record_statement(ws, victim.id, narrative=narrative).id
    ws.close()
    ws = auth.unlock(root, "sup", passphrase)
    needles = {"narrative": narrative.encode(), "narrative_utf16": narrative.encode("utf-16-le")}
    gc.collect()
    before = scan(needles)
    case_view = CaseView()
    case_view._show_statement(statements.view_statement(ws, st_id))
    app.processEvents()
    shown = scan(needles)
    for dialog in list(case_view.dialogs):
        dialog.close()
    app.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    app.processEvents()
    gc.collect()
    closed = scan(needles)
    ws.close()
    print(json.dumps({"before": before, "shown": shown, "closed": closed,
                      "dialogs_kept": len(case_view.dialogs)}))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "view":
        view(Path(sys.argv[1]))
    else:
        main(Path(sys.argv[1]))
