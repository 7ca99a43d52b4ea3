"""Keys per data class: statement content sealed under a key only officers and supervisors hold."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select

from fieldapp.crypto import sealed
from fieldapp.crypto.keystore import Keystore
from fieldapp.domain.enums import Role
from fieldapp.domain.errors import PermissionDenied
from fieldapp.services import auth, intake, statements
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import AuditEvent
from tests.conftest import FAST_KDF, PASSPHRASE, add_user

NARRATIVE = "Taken across the river at night by a broker called Uncle Heng"
PROTOCOL = {k: True for k in statements.CHILD_PROTOCOL}
FIXTURE = Path(__file__).parent.parent / "data" / "stores" / "release_2026_12"
FIXTURE_PASSPHRASE = "correct horse battery staple"


def raw_rows(root: Path, db_key: bytes | bytearray) -> list[tuple[str, Any]]:
    """Every text value in every table, read with sqlcipher3 and the database key alone."""
    conn = sqlcipher3.connect(str(root / "fieldapp.db"))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{bytes(db_key).hex()}'\"")
    out: list[tuple[str, Any]] = []
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    for name in tables:
        for row in conn.execute(f'SELECT * FROM "{name}"'):
            out.extend((name, v) for v in row if isinstance(v, str | bytes))
    conn.close()
    return out


def raw_column(root: Path, db_key: bytes | bytearray, query: str) -> list[Any]:
    conn = sqlcipher3.connect(str(root / "fieldapp.db"))
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{bytes(db_key).hex()}'\"")
    try:
        return [r[0] for r in conn.execute(query)]
    finally:
        conn.close()


def hits(rows: list[tuple[str, Any]], phrase: str) -> list[str]:
    found = []
    for table, value in rows:
        text = value.decode("utf-8", "replace") if isinstance(value, bytes) else value
        if phrase in text or phrase in json.dumps(text, ensure_ascii=True):
            found.append(table)
    return found


@pytest.fixture
def case(ws: Workspace) -> tuple[str, str, str]:
    rescue = intake.create_rescue(ws, operation_date=dt.date(2026, 3, 14), province_code="KH-1",
                                  exploitation_type="labour")
    child = intake.add_victim(ws, rescue.id, name_latin="Sok Chanthy", sex="female",
                              date_of_birth=dt.date(2013, 2, 1))
    final = statements.record_statement(ws, child.id, narrative=NARRATIVE, child_protocol=PROTOCOL)
    statements.finalise_statement(ws, final.id)
    draft = statements.record_statement(ws, child.id, narrative=NARRATIVE + " (draft)")
    add_user(ws, "vichet", Role.OFFICER)
    add_user(ws, "dara", Role.CENTRE_STAFF, centre="PTC")
    return child.id, final.id, draft.id


def test_centre_staff_key_or_database_key_alone_reads_no_narrative(ws: Workspace, case, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _, final_id, draft_id = case
    ws.close()
    keystore = Keystore.load(store_dir / "keystore.json")
    staff = keystore.unwrap_keys("dara", PASSPHRASE)
    assert staff.statement_key is None  # the wrap does not hold it at all
    assert not keystore.holds_statement_key("dara") and keystore.holds_statement_key("vichet")
    rows = raw_rows(store_dir, staff.db_key)
    assert rows, "the database key opens the file"
    assert hits(rows, "Uncle Heng") == [] and hits(rows, "guardian_present") == []
    # Sealed, and kept as the sealed bytes (`store.compact.SealedText`), never as text.
    narratives = raw_column(store_dir, staff.db_key, "SELECT narrative FROM statement")
    assert len(narratives) == 2 and all(isinstance(v, bytes) for v in narratives)
    assert all(sealed.sealed_token(v).startswith(sealed.PREFIX) for v in narratives)
    # Through the service, centre staff are refused; their session cannot even open the seal.
    with auth.unlock(store_dir, "dara", PASSPHRASE) as centre:
        assert centre.store.statement_key is None
        with pytest.raises(PermissionDenied):
            statements.view_statement(centre, final_id)


def test_an_officer_reads_through_the_service_and_it_is_audited(ws: Workspace, case, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _, final_id, _ = case
    ws.close()
    with auth.unlock(store_dir, "vichet", PASSPHRASE) as officer:
        st = statements.view_statement(officer, final_id)
        assert st.narrative == NARRATIVE and st.child_protocol == PROTOCOL
        assert statements.content_hash(st) == st.final_hash  # the seal covers the clear text
        with officer.tx() as s:
            views = s.scalars(select(AuditEvent).where(AuditEvent.action == "view")).all()
        assert [(v.username, v.entity_id) for v in views] == [("vichet", final_id)]


def test_outbox_and_search_index_hold_no_clear_statement_text(ws: Workspace, case) -> None:  # type: ignore[no-untyped-def]
    with ws.tx() as s:
        rows = s.connection().exec_driver_sql(
            "SELECT fields FROM outbox WHERE entity = 'statement'").fetchall()
        docs = s.connection().exec_driver_sql("SELECT body FROM search_doc").fetchall()
    assert rows and all("Uncle Heng" not in r[0] for r in rows)
    assert any(sealed.PREFIX in r[0] for r in rows)
    assert docs and all("Uncle Heng" not in d[0] for d in docs)
    # What goes to HQ (sealed again, for HQ, in the envelope) is the clear text.
    from fieldapp.sync.client import unsent_changes

    with ws.tx() as s:
        wire = [c for c in unsent_changes(s) if c["entity"] == "statement"]
    assert any(c["fields"].get("narrative", [""])[0] == NARRATIVE for c in wire)


def test_a_centre_staff_session_cannot_push_statements_it_cannot_open(ws: Workspace, case, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    ws.close()
    from fieldapp.sync.client import unsent_changes

    with auth.unlock(store_dir, "dara", PASSPHRASE) as centre, centre.tx() as s:
        with pytest.raises(PermissionDenied):
            unsent_changes(s)


def test_resets_and_new_users_get_the_key_by_role(ws: Workspace, case, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _, final_id, _ = case
    auth.reset_passphrase(ws, "vichet", "a brand new passphrase", kdf=FAST_KDF)
    auth.reset_passphrase(ws, "dara", "another brand new passphrase", kdf=FAST_KDF)
    add_user(ws, "sup2", Role.SUPERVISOR)
    ws.close()
    keystore = Keystore.load(store_dir / "keystore.json")
    assert keystore.holds_statement_key("vichet") and keystore.holds_statement_key("sup2")
    assert not keystore.holds_statement_key("dara")
    with auth.unlock(store_dir, "vichet", "a brand new passphrase") as officer:
        assert statements.view_statement(officer, final_id).narrative == NARRATIVE
    auth.change_passphrase(store_dir, "sup2", PASSPHRASE, "yet one more new passphrase", FAST_KDF)
    with auth.unlock(store_dir, "sup2", "yet one more new passphrase") as sup2:
        assert statements.view_statement(sup2, final_id).narrative == NARRATIVE


def test_hq_escrow_holds_both_keys(ws: Workspace, case, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    _, final_id, _ = case
    recovery = X25519PrivateKey.generate()
    auth.set_escrow(ws, recovery.public_key())
    ws.close()
    keys = Keystore.load(store_dir / "keystore.json").recover_keys(recovery)
    assert keys.statement_key is not None
    with auth.recover(store_dir, recovery, "sup") as recovered:
        assert statements.view_statement(recovered, final_id).narrative == NARRATIVE


def test_lock_zeroes_the_key_buffers(ws: Workspace) -> None:
    db_key, st_key = ws.store.key, ws.store.statement_key
    assert st_key is not None and any(db_key) and any(st_key)
    ws.close()
    assert not any(db_key) and not any(st_key)


def test_a_store_of_the_previous_release_upgrades_with_every_narrative_intact(tmp_path: Path) -> None:
    root = tmp_path / "old"
    shutil.copytree(FIXTURE, root)
    old_key = Keystore.load(root / "keystore.json").unwrap("sup", FIXTURE_PASSPHRASE)
    before = raw_rows(root, old_key)
    assert hits(before, "Fixture narrative one"), "the fixture holds clear narratives"
    # Centre staff first: nothing they could do changes that; the store opens as before.
    with auth.unlock(root, "dara", FIXTURE_PASSPHRASE) as centre:
        assert centre.store.statement_key is None
    # The first officer to unlock seals every narrative and takes the key into their wrap.
    with auth.unlock(root, "vichet", FIXTURE_PASSPHRASE) as officer:
        victim = officer.tx
        with victim() as s:
            ids = [r[0] for r in s.connection().exec_driver_sql("SELECT id FROM statement ORDER BY id")]
        texts = [statements.view_statement(officer, i) for i in ids]
        assert sorted(t.narrative.split(":")[0] for t in texts) == ["Fixture narrative one",
                                                                   "Fixture narrative two"]
        final = next(t for t in texts if t.status == "final")
        assert statements.content_hash(final) == final.final_hash
    after = raw_rows(root, old_key)
    assert hits(after, "Fixture narrative") == []
    keystore = Keystore.load(root / "keystore.json")
    assert keystore.holds_statement_key("vichet") and not keystore.holds_statement_key("sup")
    assert keystore.has_transit()  # the supervisor has not unlocked since
    with auth.unlock(root, "sup", FIXTURE_PASSPHRASE) as sup:
        assert {statements.view_statement(sup, i).narrative[:21] for i in ids} == {
            "Fixture narrative one", "Fixture narrative two"}
    keystore = Keystore.load(root / "keystore.json")
    assert keystore.holds_statement_key("sup") and not keystore.has_transit()
    assert not keystore.holds_statement_key("dara")
    assert hits(raw_rows(root, old_key), "Fixture narrative") == []


def test_statement_drafts_are_sealed_too(ws: Workspace, case, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.services import drafts

    child_id, _, _ = case
    draft_id = drafts.save_draft(ws, "statement_child", {"victim_id": child_id},
                                 {"answers": {"narrative": "Half typed: Uncle Heng took"}})
    assert drafts.load_draft(ws, draft_id).values["answers"]["narrative"].startswith("Half typed")
    assert drafts.list_drafts(ws)[0].answered == 1
    key = bytes(ws.store.key)
    ws.close()
    assert hits(raw_rows(store_dir, key), "Uncle Heng") == []


def test_a_statement_attachments_file_key_is_sealed(ws: Workspace, case, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    from fieldapp.services import attachments

    _, _, draft_id = case
    audio = b"RIFF....WAVE recorded statement" * 50
    att = attachments.add_attachment(ws, "statement", draft_id, audio, "statement.wav", "audio/wav")
    assert attachments.read_attachment(ws, att.id) == audio
    with ws.tx() as s:
        stored = s.connection().exec_driver_sql(
            "SELECT file_key FROM attachment WHERE id = ?", (att.id,)).scalar()
    assert bytes(stored).startswith(sealed.PREFIX.encode())  # not the 32-byte key itself
    ws.close()
    with auth.unlock(store_dir, "vichet", PASSPHRASE) as officer:
        assert attachments.read_attachment(officer, att.id) == audio
    with auth.unlock(store_dir, "dara", PASSPHRASE) as centre:
        with pytest.raises(PermissionDenied):
            attachments.read_attachment(centre, att.id)


def test_pulled_statements_are_sealed_on_apply_even_while_waiting_for_their_parent(ws: Workspace) -> None:
    from fieldapp.domain.hlc import Hlc
    from fieldapp.store.models import Statement
    from fieldapp.sync.apply import apply_records

    stamp = str(Hlc(1_700_000_000_000, 0, "other"))

    def state(**fields: Any) -> dict[str, list[Any]]:
        return {k: [v, stamp] for k, v in fields.items()}

    base = {"created_by": "x", "device_id": "x", "created_at": "2026-01-01T00:00:00"}
    rescue = state(case_number="POIPET-2026-0099", operation_date="2026-01-01", province_code="KH-1",
                   post_code="POIPET", exploitation_type="labour", **base)
    victim = state(rescue_id="r-9", sex="female", name_latin="B", estimated_age=12, is_minor=True, **base)
    st = state(victim_id="v-9", status="draft", interview_date="2026-01-02T10:00:00",
               narrative="Pulled: " + NARRATIVE, child_protocol=PROTOCOL, **base)
    with ws.store.session("sup", remote=True) as s:
        assert apply_records(s, [("statement", "s-9", st)]).parked == 1
    key = bytes(ws.store.key)
    with ws.tx() as s:
        parked = s.connection().exec_driver_sql("SELECT fields FROM sync_parked").scalar()
    assert "Uncle Heng" not in parked and sealed.PREFIX in parked
    with ws.store.session("sup", remote=True) as s:
        stats = apply_records(s, [("rescue", "r-9", rescue), ("victim", "v-9", victim)])
        assert stats.parked == 0
    with ws.tx() as s:
        got = s.get(Statement, "s-9")
        assert got is not None and got.narrative == "Pulled: " + NARRATIVE
    assert statements.view_statement(ws, "s-9").child_protocol == PROTOCOL
    root = ws.store.data_dir.root
    ws.close()
    assert hits(raw_rows(root, key), "Uncle Heng") == []


TODAY = Path(__file__).parent.parent / "data" / "stores" / "release_2026_12b"
DETAILS = ("Interviewer Sokha Fixture", "Interpreter Dara Fixture", "Fixture Safe House Room 2")


def test_a_store_of_todays_release_seals_the_statement_details_at_the_first_entitled_unlock(
        tmp_path: Path) -> None:
    from fieldapp.services import attachments

    root = tmp_path / "today"
    shutil.copytree(TODAY, root)
    db_key = Keystore.load(root / "keystore.json").unwrap("dara", FIXTURE_PASSPHRASE)
    before = raw_rows(root, db_key)
    assert all(hits(before, d) for d in DETAILS), "today's release keeps them in the clear"
    assert hits(before, "Fixture narrative") == []  # narratives were sealed already
    # Centre staff first: the migration runs, but nothing can be sealed without the key.
    with auth.unlock(root, "dara", FIXTURE_PASSPHRASE) as centre:
        assert centre.store.statement_key is None
    assert all(hits(raw_rows(root, db_key), d) for d in DETAILS)
    # The first officer seals them (statement rows and the outbox), once.
    with auth.unlock(root, "vichet", FIXTURE_PASSPHRASE) as officer:
        with officer.tx() as s:
            ids = [r[0] for r in s.connection().exec_driver_sql("SELECT id FROM statement ORDER BY id")]
            sealed_events = s.scalars(select(AuditEvent).where(AuditEvent.action == "statements_sealed")).all()
        assert [e.detail for e in sealed_events] == [{"count": 2, "version": 3}]
        texts = [statements.view_statement(officer, i) for i in ids]
        assert sorted(t.narrative[:23] for t in texts) == ["Fixture narrative four:",
                                                           "Fixture narrative three"]
        final = next(t for t in texts if t.status == "final")
        assert (final.interviewer, final.interpreter, final.place) == DETAILS
        assert final.child_protocol == PROTOCOL
        assert statements.content_hash(final) == final.final_hash
        draft = next(t for t in texts if t.status != "final")
        (att,) = attachments.attachments_of(officer, draft.id)
        assert attachments.read_attachment(officer, att.id) == b"fixture audio bytes"
    after = raw_rows(root, db_key)
    assert [d for d in DETAILS if hits(after, d)] == []
    # A second entitled unlock finds nothing pending; every user still unlocks.
    with auth.unlock(root, "sup", FIXTURE_PASSPHRASE) as sup:
        with sup.tx() as s:
            assert len(s.scalars(select(AuditEvent).where(AuditEvent.action == "statements_sealed")).all()) == 1
        assert {statements.view_statement(sup, i).place for i in ids} == {DETAILS[2]}
    auth.unlock(root, "dara", FIXTURE_PASSPHRASE).close()


def test_statement_details_are_sealed_for_new_statements(ws: Workspace, case, store_dir: Path) -> None:  # type: ignore[no-untyped-def]
    child_id, _, _ = case
    st = statements.record_statement(ws, child_id, narrative="n", interviewer=DETAILS[0],
                                     interpreter=DETAILS[1], place=DETAILS[2])
    ws.close()
    staff = Keystore.load(store_dir / "keystore.json").unwrap_keys("dara", PASSPHRASE)
    assert [d for d in DETAILS if hits(raw_rows(store_dir, staff.db_key), d)] == []
    with auth.unlock(store_dir, "vichet", PASSPHRASE) as officer:
        got = statements.view_statement(officer, st.id)
        assert (got.interviewer, got.interpreter, got.place) == DETAILS
