"""SIGKILL a process holding a half-filled statement: every field typed over a second before survives."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from fieldapp.services import auth, drafts, intake
from tests.conftest import FAST_KDF, PASSPHRASE

CHILD = textwrap.dedent('''
    import sys, time
    from pathlib import Path
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication
    from fieldapp.services import auth
    from fieldapp.ui.forms.dialog import FormDialog
    from fieldapp.ui.tasks import TaskRunner

    app = QApplication([])

    def pause(ms):
        # A real event loop, as in the app: QTest.qWait keeps the GIL while it waits, so
        # the database worker could not write the draft during a long qWait.
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    ws = auth.unlock(Path(sys.argv[1]), "sup", sys.argv[2])
    runner = TaskRunner()
    dialog = FormDialog(None, ws, runner, "statement", {"victim_id": sys.argv[3]})
    dialog.show()
    while not dialog.ready:
        pause(20)
    c = dialog.controller

    def typed(name, text):
        w = c.rows[(name, ())].editor.focus_widgets()[0]
        w.setFocus()
        if hasattr(w, "selectAll"):
            w.selectAll()  # a pre-filled answer (the interviewer is the logged-in user) is retyped
        for ch in text:
            QTest.sendKeyEvent(QTest.KeyAction.Click, w, Qt.Key.Key_unknown, ch,
                               Qt.KeyboardModifier.NoModifier)
            pause(5)

    steps = [("interviewer", "Officer Dara"), ("place", "ប៉ុស្តិ៍ប៉ោយប៉ែត"),
             ("interpreter", "Ms Malee"), ("narrative", "ខ្ញុំត្រូវបានគេបោកប្រាស់ថានឹងមានការងារ")]
    c.rows[("language", ())].editor.choose("tha")
    print("FIELD language", time.monotonic(), flush=True)
    pause(300)
    for name, text in steps:
        typed(name, text)   # no Tab, no focus change: only the one-second rule saves it
        print("FIELD", name, time.monotonic(), flush=True)
        pause(300)
    print("DONE", time.monotonic(), flush=True)
    pause(60_000)  # killed before this ends
''')
EXPECTED = {"language": "tha", "interviewer": "Officer Dara", "place": "ប៉ុស្តិ៍ប៉ោយប៉ែត",
            "interpreter": "Ms Malee", "narrative": "ខ្ញុំត្រូវបានគេបោកប្រាស់ថានឹងមានការងារ"}


@pytest.mark.parametrize("kill_after", ["interpreter", "DONE"])
def test_sigkill_keeps_what_was_typed(tmp_path: Path, kill_after: str) -> None:
    root = tmp_path / "device"
    ws = auth.initialise(root, post_code="POIPET", username="sup", passphrase=PASSPHRASE,
                         kdf=FAST_KDF)
    rescue = intake.create_rescue(ws, operation_date=__import__("datetime").date(2026, 3, 1),
                                  province_code="KH-1", exploitation_type="labour")
    victim = intake.add_victim(ws, rescue.id, name_latin="Adult", sex="male", estimated_age=30)
    ws.close()

    script = tmp_path / "child.py"
    script.write_text(CHILD, "utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen([sys.executable, str(script), str(root), PASSPHRASE, victim.id],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    marks: dict[str, float] = {}  # field -> parent's monotonic clock when its marker arrived
    assert proc.stdout is not None
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            parts = line.split()
            if parts and parts[0] == "FIELD":
                marks[parts[1]] = time.monotonic()
                if parts[1] == kill_after:
                    break
            elif parts and parts[0] == "DONE":
                marks["DONE"] = time.monotonic()
                break
        # Let the last field age past one second only in the DONE case.
        if kill_after == "DONE":
            time.sleep(1.1)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        _, err = proc.communicate(timeout=10)
    killed_at = time.monotonic()
    assert proc.returncode == -signal.SIGKILL, err[-2000:]
    assert marks, err[-2000:]

    ws = auth.unlock(root, "sup", PASSPHRASE)
    try:
        (draft,) = drafts.list_drafts(ws)
        answers = draft.values["answers"]
        assert draft.form_id == "statement" and draft.context["victim_id"] == victim.id
        old_enough = [f for f, at in marks.items() if f != "DONE" and killed_at - at > 1.0]
        assert old_enough, marks
        for name in old_enough:
            assert answers.get(name) == EXPECTED[name], name
        if kill_after == "DONE":
            assert answers == EXPECTED
    finally:
        ws.close()
