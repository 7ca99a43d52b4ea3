"""Nothing identifying leaves the encrypted store: not in the database files, logs or temp files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

NAMES = ["ស្រីពៅ ចាន់ធារ៉ា", "Sreypov Chantharaa", "ឈឹម វិចិត្រសុខ", "Chhimvichet Soksan",
         "Broker Kornelius", "Narrativeword Zyxwv"]

SCRIPT = """
import sys, datetime as dt
from pathlib import Path
from fieldapp import logs
from fieldapp.services import auth, caselist, intake, statements, referrals, stats
from fieldapp.crypto.keystore import KdfParams
root = Path(sys.argv[1]); names = sys.argv[2:]
logs.setup(root / "logs")
ws = auth.initialise(root, post_code="POIPET", username="sup", passphrase="correct horse battery",
                     kdf=KdfParams(1, 1, 8192))
logs.setup(root / "logs")
r = intake.create_rescue(ws, operation_date=dt.date(2026, 5, 1), province_code="KH-1",
                         exploitation_type="online_scam")
v1 = intake.add_victim(ws, r.id, name_km=names[0], name_latin=names[1], sex="female", estimated_age=16)
v2 = intake.add_victim(ws, r.id, name_km="x", name_latin="y", sex="male", estimated_age=30)
intake.update_victim(ws, v2.id, name_km=names[2], name_latin=names[3])   # an edit
intake.add_suspect(ws, r.id, name=names[4], role="broker")
st = statements.record_statement(ws, v1.id, narrative="She said " + names[5],
                                 child_protocol={k: True for k in statements.CHILD_PROTOCOL})
statements.finalise_statement(ws, st.id)
statements.view_statement(ws, st.id)
referrals.create_referral(ws, v1.id, service="shelter", provider_code="PTC")
for q in (names[0][:4], names[1][:6], names[3], "Kornel", "ស្រ"):   # searches, both scripts
    assert caselist.case_page(ws, caselist.CaseFilter(text=q)).rows, q
    assert caselist.count_cases(ws, caselist.CaseFilter(text=q)) == 1, q
try:
    intake.add_victim(ws, r.id, name_latin=names[1], sex="not a sex")   # an error path too
except Exception as e:
    assert names[1] not in str(e)
stats.counts(ws)
import shutil
shutil.copytree(root, root.parent / "while-open")   # the -wal and -shm as they are in use
ws.close()
ws = auth.unlock(root, "sup", "correct horse battery")        # reopen and close again
ws.close()
"""


def encodings(name: str) -> list[bytes]:
    return [name.encode("utf-8"), name.encode("utf-16-le"), name.encode("utf-16-be")]


def scan(folder: Path) -> list[str]:
    found = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {n!r}" for n in NAMES for enc in encodings(n) if enc in data]
    return found


def test_names_and_narrative_are_nowhere_in_plaintext(tmp_path: Path) -> None:
    root = tmp_path / "device"
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp)}
    run = subprocess.run([sys.executable, "-c", SCRIPT, str(root), *NAMES], env=env,
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-2000:]
    files = {p.name for p in root.rglob("*") if p.is_file()}
    assert {"fieldapp.db", "keystore.json", "fieldapp.log"} <= files, files
    assert scan(root) == []
    open_files = {p.name for p in (tmp_path / "while-open").iterdir()}
    assert "fieldapp.db-wal" in open_files, open_files
    assert scan(tmp_path / "while-open") == []
    assert scan(tmp) == []
    assert not any(n in run.stdout + run.stderr for n in NAMES)
