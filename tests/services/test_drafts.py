"""Drafts: per user, overwritten in place, discarded with an audit event, removed on submit."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from fieldapp.domain.enums import Role
from fieldapp.domain.errors import InvalidInput, NotFound
from fieldapp.services import auth, drafts
from fieldapp.services.workspace import Workspace
from fieldapp.store.models import AuditEvent, Draft
from tests.conftest import PASSPHRASE, add_user

SNAPSHOT = {"format": 1, "form_id": "statement",
            "answers": {"interviewer": "Officer Dara", "narrative": "ខ្ញុំត្រូវបានគេបោកប្រាស់"}}


def test_save_list_load_overwrite(ws: Workspace) -> None:
    draft_id = drafts.save_draft(ws, "statement", {"victim_id": "v1"}, SNAPSHOT)
    again = drafts.save_draft(ws, "statement", {"victim_id": "v1"},
                              {**SNAPSHOT, "answers": {"place": "Poipet"}}, draft_id)
    assert again == draft_id
    listed = drafts.list_drafts(ws)
    assert [d.id for d in listed] == [draft_id]
    loaded = drafts.load_draft(ws, draft_id)
    assert loaded.values["answers"] == {"place": "Poipet"}
    assert loaded.context == {"victim_id": "v1"} and loaded.answered == 1


def test_drafts_are_per_user(ws: Workspace, store_dir) -> None:  # type: ignore[no-untyped-def]
    draft_id = drafts.save_draft(ws, "statement", {}, SNAPSHOT)
    add_user(ws, "off", Role.OFFICER)
    ws.close()
    other = auth.unlock(store_dir, "off", PASSPHRASE)
    try:
        assert drafts.list_drafts(other) == []
        with pytest.raises(NotFound):
            drafts.load_draft(other, draft_id)
        with pytest.raises(NotFound):
            drafts.discard_draft(other, draft_id)
        with pytest.raises(NotFound):
            drafts.save_draft(other, "statement", {}, SNAPSHOT, draft_id)
    finally:
        other.close()


def test_discard_is_audited_and_names_no_content(ws: Workspace) -> None:
    draft_id = drafts.save_draft(ws, "statement", {"victim_id": "v1"}, SNAPSHOT)
    drafts.discard_draft(ws, draft_id)
    assert drafts.list_drafts(ws) == []
    with ws.tx() as s:
        ev = s.scalars(select(AuditEvent).where(AuditEvent.entity == "draft")).one()
        assert ev.action == "discard" and ev.entity_id == draft_id
        assert "Dara" not in str(ev.detail) and "ខ្ញុំ" not in str(ev.detail)


def test_finish_draft_removes_it_and_tolerates_a_missing_one(ws: Workspace) -> None:
    draft_id = drafts.save_draft(ws, "victim", {"rescue_id": "r"}, SNAPSHOT)
    drafts.finish_draft(ws, draft_id, "victim", "v9")
    drafts.finish_draft(ws, "never-saved", "victim", "v9")
    with ws.tx() as s:
        assert s.scalars(select(Draft)).all() == []


def test_context_keys_are_checked(ws: Workspace) -> None:
    with pytest.raises(InvalidInput):
        drafts.save_draft(ws, "statement", {"victim_name": "Dara"}, SNAPSHOT)


def test_a_save_is_fast(ws: Workspace) -> None:
    """Drafts are saved every second while typing; a save must stay well under a frame."""
    big = {**SNAPSHOT, "answers": {"narrative": "ក" * 20_000}}
    draft_id = drafts.save_draft(ws, "statement", {}, big)
    started = time.perf_counter()
    for _ in range(20):
        drafts.save_draft(ws, "statement", {}, big, draft_id)
    assert (time.perf_counter() - started) / 20 < 0.1
