from __future__ import annotations

import datetime as dt

import pytest
import sqlalchemy.exc
from sqlalchemy import select, text

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, PermissionDenied, StatementFinal
from fieldapp.services import auth, intake, statements
from fieldapp.services.workspace import Workspace
from fieldapp.store.compact import id_bytes
from fieldapp.store.models import AuditEvent, Rescue
from tests.conftest import PASSPHRASE, add_user

PROTOCOL = {k: True for k in statements.CHILD_PROTOCOL}


@pytest.fixture
def child(ws: Workspace, rescue: Rescue):  # type: ignore[no-untyped-def]
    return intake.add_victim(ws, rescue.id, name_km="ញឹម ស្រីនិច", sex="female",
                             date_of_birth=dt.date(2012, 6, 1))


def test_a_minors_statement_needs_the_child_protocol_before_it_is_final(ws: Workspace, child) -> None:  # type: ignore[no-untyped-def]
    assert child.is_minor
    st = statements.record_statement(ws, child.id, narrative="A broker promised work.", language="km")
    with pytest.raises(InvalidInput, match="child-sensitive protocol"):
        statements.finalise_statement(ws, st.id)
    statements.update_statement(ws, st.id, child_protocol=PROTOCOL)
    final = statements.finalise_statement(ws, st.id)
    assert final.status == "final" and len(final.final_hash or "") == 64


def test_final_statements_are_immutable_in_the_service_and_the_database(ws: Workspace, child) -> None:  # type: ignore[no-untyped-def]
    st = statements.record_statement(ws, child.id, narrative="text", child_protocol=PROTOCOL)
    statements.finalise_statement(ws, st.id)
    with pytest.raises(StatementFinal):
        statements.update_statement(ws, st.id, narrative="changed")
    with pytest.raises(sqlalchemy.exc.IntegrityError, match="immutable"):
        with ws.tx() as s:
            s.execute(text("UPDATE statement SET narrative = 'x' WHERE id = :id"),
                      {"id": id_bytes(st.id)})  # the id as stored (`store.compact`)
    with pytest.raises(sqlalchemy.exc.IntegrityError, match="immutable"):
        with ws.tx() as s:
            s.execute(text("DELETE FROM statement WHERE id = :id"), {"id": id_bytes(st.id)})
    amendment = statements.amend_statement(ws, st.id, narrative="text, and a correction")
    assert amendment.amends_id == st.id and amendment.status == "draft"
    assert statements.view_statement(ws, st.id).narrative == "text"


def test_reading_a_narrative_is_audited_and_listing_hides_it(ws: Workspace, child) -> None:  # type: ignore[no-untyped-def]
    st = statements.record_statement(ws, child.id, narrative="sensitive words")
    assert [x.narrative for x in statements.statements_of(ws, child.id)] == [""]
    assert intake.get_case(ws, child.rescue_id).statements[0].narrative == ""
    statements.view_statement(ws, st.id)
    with ws.tx() as s:
        views = s.scalars(select(AuditEvent).where(AuditEvent.action == "view",
                                                   AuditEvent.entity == "statement")).all()
    assert [v.entity_id for v in views] == [st.id]


def test_centre_staff_cannot_read_statements(ws: Workspace, child, store_dir) -> None:  # type: ignore[no-untyped-def]
    st = statements.record_statement(ws, child.id, narrative="sensitive words")
    add_user(ws, "dara", Role.CENTRE_STAFF, centre="PTC")
    ws.close()
    with auth.unlock(store_dir, "dara", PASSPHRASE) as centre:
        for call in (lambda: statements.view_statement(centre, st.id),
                     lambda: statements.statements_of(centre, child.id),
                     lambda: intake.get_case(centre, child.rescue_id)):
            with pytest.raises(PermissionDenied):
                call()
