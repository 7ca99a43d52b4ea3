"""Make this folder's stores with the code of store revision 0007 (main at a21535e):

    git worktree add --detach /tmp/base a21535e
    cd /tmp/base && PYTHONPATH=/tmp/base python \
        /path/to/tests/data/stores/compact_0007/build.py /path/to/tests/data/stores/compact_0007

An enrolled device (post POIPET, user "sup", the tests' passphrase) with 6 demo cases
(seed 5) synced to an HQ (SQLite, `hq/`), then one more case not pushed; `rows.json` holds
every row as that code's models read it, what the case search found, the audit chain, and
the report counters.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
import tempfile
from pathlib import Path

from fieldapp.domain.enums import Role
from fieldapp.services import demo, sync
from fieldapp.store.audit import verify_chain
from fieldapp.store.models import Victim
from tests.conftest import add_user
from tests.support.hqserver import make_settings, running_server
from tests.support.syncenv import fast_options, new_device, unlock

target = Path(sys.argv[1])
spec = importlib.util.spec_from_file_location(
    "storedump", Path(__file__).resolve().parents[3] / "support" / "storedump.py")
assert spec and spec.loader
storedump = importlib.util.module_from_spec(spec)
spec.loader.exec_module(storedump)

with tempfile.TemporaryDirectory() as tmp:
    root = Path(tmp)
    with running_server(make_settings(root / "hq", None)) as hq:
        ws = new_device(root / "device", hq, "POIPET")
        add_user(ws, "off", Role.OFFICER)
        ws.close()
        officer = unlock(root / "device", "off")
        demo.generate(officer, 6, seed=5)
        officer.close()
        ws = unlock(root / "device")
        assert sync.sync_round(ws, options=fast_options()).pending == 0
        ws.close()
        officer = unlock(root / "device", "off")
        demo.generate(officer, 1, seed=6)
        officer.close()
    ws = unlock(root / "device")
    with ws.tx() as s:
        victims = s.execute(storedump.select(Victim.name_latin, Victim.name_km)).all()
        queries = (sorted({v.name_latin.split()[-1] for v in victims if v.name_latin})[:5]
                   + sorted({v.name_km.split()[0] for v in victims if v.name_km})[:3])
        data = {"rows": storedump.dump(s), "search": storedump.search_hits(s, queries),
                "chain": list(verify_chain(s)), "counters": storedump.counters(s)}
    ws.close()
    for part in ("device", "hq", "hq-keymedia"):
        shutil.rmtree(target / part, ignore_errors=True)
        shutil.copytree(root / part, target / part)
(target / "rows.json").write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True),
                                  "utf-8")
print(json.dumps({"tables": {k: len(v) for k, v in data["rows"].items()},
                  "search": data["search"], "chain": data["chain"]}, ensure_ascii=False))
