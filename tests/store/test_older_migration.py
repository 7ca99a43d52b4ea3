"""Migration 0016_h16s6older on the store of release 0.1.0 (`tests/data/stores/0.1.0`, brought
to 0015): the statement table is a rowid table again with its indexes and triggers, stamps
that list every field under one stamp are stored short, the audit events pushed as changes
rest as a few runs; every record reads back the same, each field's stamp included, and a
resend lists every seq, each audit event stamped no later than it first went. Also: a long
statement keeps to its page."""

from __future__ import annotations

import json
import os
import random
import shutil
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import func, select, text, update
from sqlalchemy.orm import Session

from fieldapp.crypto import sealed
from fieldapp.domain.hlc import stamp_key
from fieldapp.services import auth, statements
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit, migrate
from fieldapp.store.engine import open_engine
from fieldapp.store.models import (
    SEALING_VERSION,
    SYNCED_MODELS,
    AuditEvent,
    Device,
    OutboxSentAudit,
    Statement,
    synced_columns,
)
from fieldapp.store.sealing import statement_triggers_aside
from fieldapp.sync.outbox import rows_after
from tests.conftest import PASSPHRASE
from tests.support.storedump import dump
from tests.support.storesize import btree_bytes
from tests.support.syncenv import minor_case

BEFORE = "0015_h16s5search"
RELEASE = Path(__file__).resolve().parents[1] / "data" / "stores" / "0.1.0"


def _key(root: Path) -> bytes:
    users = json.loads((RELEASE / "expected.json").read_text("utf-8"))["users"]
    return bytes(auth.unlock_key(root, "sup", users["sup"]["passphrase"]))


def _stamps(s: Session) -> dict[tuple[str, str], dict[str, str]]:
    """Every record's stamp of each synced field."""
    return {(entity, r.id): {c: r.stamp_of(c) for c in synced_columns(model)}
            for entity, model in SYNCED_MODELS.items() for r in s.scalars(select(model))}


def _state(root: Path) -> dict[str, Any]:
    engine = open_engine(root / "fieldapp.db", _key(root))
    try:
        revision = migrate.current_revision(engine)
        converted = revision != BEFORE
        with Session(engine) as s:
            rows = dump(s)
            sent = rows.pop("outbox_sent")
            for table in SYNCED_MODELS.values():  # stamps compared field by field
                for row in rows[table.__tablename__]:
                    row.pop("hlc")
            schema = s.execute(text(
                "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'statement' "
                "ORDER BY type, name")).all()
            return {"revision": revision, "rows": rows,
                    "stamps": _stamps(s), "chain": audit.verify_chain(s),
                    "sent": {r["seq"]: r for r in sent},
                    "table": next(sql for kind, _n, sql in schema if kind == "table"),
                    "rest": [tuple(r) for r in schema if r[0] != "table"],
                    "runs": int(s.scalar(select(func.count()).select_from(OutboxSentAudit))
                                or 0) if converted else 0,
                    "long stamps": s.scalar(text(
                        "SELECT count(*) FROM statement WHERE length(hlc) > 40")),
                    "listed": [(r.seq, r.entity, r.entity_id, r.post_code, r.hlc)
                               for r in rows_after(s, 0)]
                    if converted else []}
    finally:
        engine.dispose()


def _as_older_release(root: Path) -> None:
    """A draft and a final statement's stamps as a release before issue 16 wrote a finalised
    one's: every field listed under one stamp, later than "*"."""
    engine = open_engine(root / "fieldapp.db", _key(root))
    try:
        with Session(engine) as s, s.begin():
            # A final statement never changes, but for this.
            with statement_triggers_aside(s.connection()):
                _full_stamps(s)
    finally:
        engine.dispose()


def _full_stamps(s: Session) -> None:
    for status in ("draft", "final"):
        st = s.scalars(select(Statement).where(Statement.status == status)).first()
        assert st is not None
        star = st.stamp_of("status")
        wall, counter, node = star.split("-", 2)
        later = f"{int(wall) + 5000:013d}-{counter}-{node}"
        full = {"*": star, **dict.fromkeys(synced_columns(Statement), later)}
        s.execute(update(Statement).where(Statement.id == st.id).values(
            hlc=full, updated_at=Statement.__table__.c.updated_at),
            execution_options={"synchronize_session": False})


def test_0016_converts_row_for_row(tmp_path: Path) -> None:
    root = tmp_path / "device"
    shutil.copytree(RELEASE / "device", root)
    engine = open_engine(root / "fieldapp.db", _key(root))
    migrate.upgrade(engine, BEFORE)
    engine.dispose()
    _as_older_release(root)
    before = _state(root)
    assert before["table"].rstrip().endswith("WITHOUT ROWID") and before["long stamps"] == 2
    audit_sent = {seq: r for seq, r in before["sent"].items() if r["entity"] == "audit_event"}
    assert len(audit_sent) > 50

    engine = open_engine(root / "fieldapp.db", _key(root))
    migrate.upgrade(engine)
    engine.dispose()
    after = _state(root)
    assert after["revision"] == migrate.head_revision()
    assert after["rows"] == before["rows"] and after["stamps"] == before["stamps"]
    assert after["chain"] == before["chain"] and after["chain"][1] is None
    # A rowid table, with the same indexes and a final statement's triggers.
    assert not after["table"].rstrip().upper().endswith("ROWID")
    assert after["table"].replace(" ", "") in before["table"].replace(" ", "")
    assert after["rest"] == before["rest"] + [("index", "sqlite_autoindex_statement_1", None)] \
        or sorted(after["rest"]) == sorted(before["rest"] + [
            ("index", "sqlite_autoindex_statement_1", None)])
    assert after["long stamps"] == 0
    # The audit events pushed as changes: a few runs, every seq listed again as it was, each
    # stamped no later than the row that first carried it.
    assert 0 < after["runs"] <= len(audit_sent) // 10
    assert after["sent"].keys() == before["sent"].keys()
    for seq, row in after["sent"].items():
        was = before["sent"][seq]
        assert {**row, "hlc": ""} == {**was, "hlc": ""}
        assert stamp_key(row["hlc"]) <= stamp_key(was["hlc"]) or row["entity"] != "audit_event"
    listed = {r[0]: r for r in after["listed"]}
    assert set(audit_sent) <= listed.keys()
    assert all(listed[seq][1:4] == (r["entity"], r["entity_id"], r["post_code"])
               for seq, r in audit_sent.items())

    engine = open_engine(root / "fieldapp.db", _key(root))
    migrate.upgrade(engine)  # again: nothing changes
    engine.dispose()
    assert _state(root) == after


def _khmer_text(rng: random.Random, chars: int) -> str:
    """Khmer-looking text that compresses about as real prose does (words repeat)."""
    words = ["".join(chr(rng.randrange(0x1780, 0x17B4)) for _ in range(rng.randrange(2, 7)))
             for _ in range(400)]
    out: list[str] = []
    while sum(map(len, out)) + len(out) < chars:
        out.append(rng.choice(words))
    return " ".join(out)[:chars]


def test_a_long_statement_keeps_to_its_page(ws: Workspace, tmp_path: Path) -> None:
    """A statement of 1,200 Khmer characters (its row 1.5 to 3 KB) takes its row's bytes and
    a little: in a WITHOUT ROWID table each took a 4 KB overflow page of its own (~4.7 KB)."""
    case = minor_case(ws)
    rng = random.Random(16)
    count = 40
    for _ in range(count):
        statements.record_statement(ws, case["victim"], narrative=_khmer_text(rng, 1200),
                                    interviewer="Sokha", place="Poipet")
    with ws.tx() as s:
        rows = list(s.execute(text("SELECT length(narrative) FROM statement")).scalars())
    assert sorted(rows)[1] > 1000  # sealed narratives longer than a WITHOUT ROWID row keeps
    sizes = btree_bytes(ws, tmp_path)
    per_statement = sizes["statement"] / (count + 1)
    assert per_statement < 3000, per_statement


def _sealed_uncompressed(key: bytes | bytearray, record_id: str, field: str, text: str) -> str:
    """A value sealed as a release before compression sealed it: the text as it is."""
    nonce = os.urandom(12)
    box = AESGCM(bytes(key)).encrypt(nonce, text.encode("utf-8"),
                                     sealed._aad("statement", record_id, field))
    return sealed.sealed_token(nonce + box)


def test_statements_sealed_uncompressed_are_sealed_again_compressed_once(
        ws: Workspace, store_dir: Path) -> None:
    """A store whose statements a release before compression sealed (`Device.sealing` 2):
    the first unlock by a holder of the statement key seals them again compressed, the final
    one too (its hash still covers its content); nothing else changes, and only once."""
    case = minor_case(ws)
    rng = random.Random(3)
    draft = statements.record_statement(ws, case["victim"], narrative=_khmer_text(rng, 900),
                                        place="Poipet")
    texts = {i: statements.view_statement(ws, i).narrative for i in (case["statement"], draft.id)}
    changed = {i: statements.view_statement(ws, i).updated_at for i in texts}
    key = ws.store.statement_key
    assert key is not None
    with ws.tx() as s:
        with statement_triggers_aside(s.connection()):
            for ident, narrative in texts.items():
                s.execute(update(Statement.__table__).where(
                    Statement.__table__.c.id == ident).values(
                    narrative=_sealed_uncompressed(key, ident, "narrative", narrative),
                    updated_at=Statement.__table__.c.updated_at))
        s.execute(update(Device).values(sealing=2))

    uncompressed = {i: len(v) for i, v in _narratives(ws)}
    ws.close()
    again = auth.unlock(store_dir, "sup", PASSPHRASE)
    try:
        now = {i: len(v) for i, v in _narratives(again)}
        assert now[draft.id] < uncompressed[draft.id] * 0.7  # Khmer text compresses
        assert now[case["statement"]] <= uncompressed[case["statement"]]
        for ident, narrative in texts.items():
            assert statements.view_statement(again, ident).narrative == narrative
            assert statements.view_statement(again, ident).updated_at == changed[ident]
        final = statements.view_statement(again, case["statement"])
        assert statements.content_hash(final) == final.final_hash
        with again.tx() as s:
            events = s.scalars(select(AuditEvent).where(
                AuditEvent.action == "statements_sealed")).all()
            assert [e.detail for e in events] == [{"count": 1, "version": SEALING_VERSION}]
    finally:
        again.close()
    auth.unlock(store_dir, "sup", PASSPHRASE).close()  # a second unlock: nothing pending
    third = auth.unlock(store_dir, "sup", PASSPHRASE)
    with third.tx() as s:
        assert len(s.scalars(select(AuditEvent).where(
            AuditEvent.action == "statements_sealed")).all()) == 1
    third.close()


def _narratives(ws: Workspace) -> list[tuple[str, bytes]]:
    """Each statement's narrative as stored (sealed)."""
    with ws.tx() as s:
        return [(str(i), v) for i, v in s.execute(select(
            Statement.__table__.c.id, Statement.__table__.c.narrative))]
