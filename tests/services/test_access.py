"""One checked, audited door: every service that can return a narrative or a suspect, as every role.

The list of such functions is found by their return types, so a new one fails this test
until it is added to CALLS below (and so checked as every role).
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

import fieldapp.services
from fieldapp.domain.enums import Role
from fieldapp.domain.errors import NotFound, PermissionDenied
from fieldapp.services import (
    attachments,
    auth,
    caselist,
    drafts,
    exports,
    intake,
    safeguards,
    statements,
    submit,
    suspects,
)
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import AuditEvent
from tests.conftest import PASSPHRASE, add_user

NARRATIVE = "The broker Uncle Heng kept our passports"
PROTOCOL = {k: True for k in statements.CHILD_PROTOCOL}
#: Return types that carry a statement's content or a suspect.
PROTECTED_TYPES = ("Statement", "Suspect", "CaseFile", "Prepared", "CaseExtras", "DraftInfo",
                   "Attachment")
#: Returning neither type, but a statement attachment's contents.
ALSO_PROTECTED = {"attachments.read_attachment"}

Ids = dict[str, str]
#: name -> (call, what it returns to check, whether supervisors only)
CALLS: dict[str, Callable[[Workspace, Ids], Any]] = {
    "statements.view_statement": lambda w, i: statements.view_statement(w, i["statement"]),
    "statements.statements_of": lambda w, i: statements.statements_of(w, i["victim"]),
    "statements.record_statement": lambda w, i: statements.record_statement(
        w, i["victim"], narrative="another account"),
    "statements.update_statement": lambda w, i: statements.update_statement(
        w, i["draft"], interviewer=w.actor.username),
    "statements.finalise_statement": lambda w, i: statements.finalise_statement(w, i["draft"]),
    "statements.amend_statement": lambda w, i: statements.amend_statement(
        w, i["statement"], narrative=NARRATIVE + ", corrected"),
    "intake.get_case": lambda w, i: intake.get_case(w, i["rescue"]),
    "intake.add_suspect": lambda w, i: intake.add_suspect(w, i["rescue"], name="Another", role="broker"),
    "intake.update_suspect": lambda w, i: intake.update_suspect(
        w, i["suspect"], alias="Uncle H. " + w.actor.username + i["post"]),
    "caselist.case_extras": lambda w, i: caselist.case_extras(w, i["rescue"]),
    "submit.prepare:statement": lambda w, i: submit.prepare(w, "statement", {"statement_id": i["statement"]}),
    "submit.prepare:suspect": lambda w, i: submit.prepare(w, "suspect", {"suspect_id": i["suspect"]}),
    "drafts.load_draft": lambda w, i: drafts.load_draft(w, i["draft_form"]),
    "drafts.list_drafts": lambda w, i: [d for d in drafts.list_drafts(w) if d.id == i["draft_form"]],
    "exports.export": lambda w, i: exports.export(w, "json", Path(i["tmp"]) / f"x-{w.actor.username}.json"),
    # Suspects as persons and child safeguards: writes that hand the record back.
    "suspects.add_event": lambda w, i: suspects.add_event(w, i["suspect"], "arrested", dt.date(2026, 3, 15)),
    "suspects.add_identifier": lambda w, i: suspects.add_identifier(
        w, i["suspect"], "phone", "012 345 6" + str(len(w.actor.username))),
    "suspects.set_roles": lambda w, i: suspects.set_roles(w, i["suspect"], [suspects.HTCDS_ROLES[0]]),
    "suspects.set_identified_by": lambda w, i: suspects.set_identified_by(w, i["suspect"], [i["victim"]]),
    "suspects.link_case": lambda w, i: suspects.link_case(
        w, i["suspect"], i[f"other_rescue_{w.actor.username}"]),
    "safeguards.waive_social_worker": lambda w, i: safeguards.waive_social_worker(
        w, i["draft"], "no social worker within reach before the bus left"),
    # A statement's attachments: the file key opens the recording.
    "attachments.attachments_of": lambda w, i: attachments.attachments_of(w, i["recorded"]),
    "attachments.read_attachment": lambda w, i: attachments.read_attachment(w, i["attachment"]),
    "attachments.add_attachment": lambda w, i: attachments.add_attachment(
        w, "statement", i["draft"], b"more audio", "more.m4a"),
}
#: What "allowed" means for functions that are not a per-case reading.
OWN_ONLY = {"drafts.load_draft", "drafts.list_drafts"}  # a user's own drafts, nobody else's
SUPERVISOR_ONLY = {"exports.export", "safeguards.waive_social_worker"}
#: Lists that return statements without their content (checked, not audited: nothing to read).
CONTENT_FREE = {"statements.statements_of", "attachments.attachments_of"}


def content_free(result: Any) -> bool:
    return bool(result) and all(
        getattr(r, "file_key", b"") == b"" and getattr(r, "narrative", "") == ""
        and getattr(r, "child_protocol", {}) == {} for r in result)


def public_functions_returning_protected() -> set[str]:
    found = set()
    for mod in pkgutil.iter_modules(fieldapp.services.__path__):
        module = importlib.import_module(f"fieldapp.services.{mod.name}")
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if name.startswith("_") or fn.__module__ != module.__name__:
                continue
            returns = str(fn.__annotations__.get("return", ""))
            if mod.name != "access" and any(t in returns for t in PROTECTED_TYPES):  # access: the door
                found.add(f"{mod.name}.{name}")
    return found | ALSO_PROTECTED


def test_every_function_returning_protected_data_is_covered() -> None:
    covered = {k.split(":")[0] for k in CALLS}
    missing = public_functions_returning_protected() - covered
    assert not missing, f"add these to CALLS (and so to the role matrix): {sorted(missing)}"


@pytest.fixture
def device(ws: Workspace, store_dir: Path, tmp_path: Path) -> dict[str, Ids]:
    """A Poipet case and a Pailin case (recorded here from paper), each fully filled."""
    ids: dict[str, Ids] = {}
    for post in ("POIPET", "PAILIN"):
        rescue = intake.create_rescue(ws, operation_date=dt.date(2026, 3, 14), province_code="KH-1",
                                      post_code=post, exploitation_type="labour")
        victim = intake.add_victim(ws, rescue.id, name_latin=f"Child {post}", sex="female",
                                   date_of_birth=dt.date(2013, 2, 1))
        st = statements.record_statement(ws, victim.id, narrative=NARRATIVE, child_protocol=PROTOCOL,
                                         interviewer="Sokha", interpreter="Dara", place="Room 2")
        statements.finalise_statement(ws, st.id)
        draft = statements.record_statement(ws, victim.id, narrative=NARRATIVE + " (draft)",
                                            child_protocol=PROTOCOL)
        suspect = intake.add_suspect(ws, rescue.id, name="Heng Broker", role="broker")
        recording = attachments.add_attachment(ws, "statement", draft.id, b"the child's voice",
                                               "statement.m4a")
        ids[post] = {"rescue": rescue.id, "victim": victim.id, "statement": st.id, "draft": draft.id,
                     "suspect": suspect.id, "tmp": str(tmp_path), "attachment": recording.id,
                     "recorded": draft.id}
        for user in ("officer", "dara", "sup"):  # a further case per caller, for link_case
            ids[post][f"other_rescue_{user}"] = intake.create_rescue(
                ws, operation_date=dt.date(2026, 4, 2), province_code="KH-1", post_code=post,
                exploitation_type="labour").id
    add_user(ws, "officer", Role.OFFICER)
    add_user(ws, "dara", Role.CENTRE_STAFF, centre="PTC")
    ws.close()
    return ids


def _audit_count(w: Workspace) -> int:
    with w.tx() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEvent)
                            .where(AuditEvent.username == w.actor.username,
                                   AuditEvent.action.not_in(("login",)))) or 0)


def _draft_of(w: Workspace, victim_id: str) -> str:
    return drafts.save_draft(w, "statement_child", {"victim_id": victim_id},
                             {"answers": {"narrative": "typed by " + w.actor.username}})


# (user, case post, expected): officer of the post, officer of another post, centre staff, supervisor.
ROLES = [("officer", "POIPET", True), ("officer", "PAILIN", False), ("dara", "POIPET", False),
         ("sup", "POIPET", True), ("sup", "PAILIN", True)]


@pytest.mark.parametrize("name", sorted(CALLS))
def test_as_every_role_allowed_is_audited_and_the_rest_refused(name: str, device: dict[str, Ids],
                                                               store_dir: Path) -> None:
    for user, post, allowed in ROLES:
        if name in SUPERVISOR_ONLY:
            allowed = user == "sup"
        ids = {**device[post], "post": post}
        with auth.unlock(store_dir, "sup", PASSPHRASE) as sup:  # a fresh draft for each call
            ids["draft"] = statements.record_statement(sup, ids["victim"], narrative=NARRATIVE,
                                                       child_protocol=PROTOCOL).id
            ids["sup_draft"] = _draft_of(sup, ids["victim"])
        with auth.unlock(store_dir, user, PASSPHRASE) as w:
            if name in OWN_ONLY:
                if allowed and user != "dara":
                    ids["draft_form"] = _draft_of(w, ids["victim"])
                    assert CALLS[name](w, ids), name
                else:  # somebody else's draft (the supervisor's, below): never shown
                    ids["draft_form"] = ids["sup_draft"]
                    with pytest.raises(NotFound):
                        drafts.load_draft(w, ids["draft_form"])
                    assert all(d.id != ids["draft_form"] for d in drafts.list_drafts(w))
                continue
            before = _audit_count(w)
            if allowed:
                result = CALLS[name](w, ids)
                assert result is not None
                if name in CONTENT_FREE:
                    assert content_free(result), name
                    continue
                assert _audit_count(w) > before, f"{name} as {user} on {post}: not audited"
            else:
                with pytest.raises((PermissionDenied, NotFound)):
                    CALLS[name](w, ids)
                assert _audit_count(w) == before


def test_prepare_hands_the_narrative_only_through_the_door(device: dict[str, Ids], store_dir: Path) -> None:
    ids = device["POIPET"]
    with auth.unlock(store_dir, "officer", PASSPHRASE) as w:
        p = submit.prepare(w, "statement", {"statement_id": ids["statement"]})
        assert NARRATIVE in str(p.initial)
        with w.tx() as s:
            views = s.scalars(select(AuditEvent).where(AuditEvent.action == "view",
                                                       AuditEvent.entity == "statement")).all()
        assert [(v.username, v.entity_id, v.detail) for v in views] == [
            ("officer", ids["statement"], {"via": "form"})]
    with auth.unlock(store_dir, "dara", PASSPHRASE) as centre:
        with pytest.raises(PermissionDenied):
            submit.prepare(centre, "statement", {"statement_id": ids["statement"]})
        with pytest.raises(PermissionDenied):
            submit.prepare(centre, "suspect", {"suspect_id": ids["suspect"]})


def test_lists_never_carry_statement_content(device: dict[str, Ids], store_dir: Path) -> None:
    ids = device["POIPET"]
    with auth.unlock(store_dir, "officer", PASSPHRASE) as w:
        for st in [*statements.statements_of(w, ids["victim"]), *intake.get_case(w, ids["rescue"]).statements]:
            assert st.narrative == "" and st.child_protocol == {}
            assert st.interviewer == st.interpreter == st.place == ""
