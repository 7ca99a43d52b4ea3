"""Half-filled forms kept inside the encrypted store, per user, until submitted or discarded."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from fieldapp.domain.errors import InvalidInput, NotFound
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit
from fieldapp.store.models import Draft, utcnow

#: Context keys a draft may carry: record ids and facts about them, never names or text.
CONTEXT_KEYS = frozenset({"rescue_id", "victim_id", "referral_id", "suspect_id",
                          "statement_id", "victim_is_minor", "victim_age", "referral_status"})


@dataclass(frozen=True)
class DraftInfo:
    """One saved draft. ``values`` is the form engine's ``to_draft()`` snapshot."""

    id: str
    form_id: str
    context: dict[str, Any]
    updated_at: dt.datetime
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def answered(self) -> int:
        """How many answers the draft holds (for the list shown at unlock; no content)."""
        return _count_answers(self.values.get("answers") or {})


def _count_answers(answers: Mapping[str, Any]) -> int:
    n = 0
    for value in answers.values():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            n += sum(_count_answers(v) for v in value)
        elif value not in (None, "", [], {}):
            n += 1
    return n


def _clean_context(context: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(context) - CONTEXT_KEYS
    if unknown:
        raise InvalidInput("draft context: unknown key(s) {unknown}", unknown=sorted(unknown))
    return {k: v for k, v in context.items() if v is not None}


def _own(ws: Workspace, s: Any, draft_id: str) -> Draft:
    draft = s.get(Draft, draft_id)
    if draft is None or draft.username != ws.actor.username:
        raise NotFound("no such draft for this user")
    return draft


def save_draft(ws: Workspace, form_id: str, context: Mapping[str, Any],
               values: Mapping[str, Any], draft_id: str | None = None) -> str:
    """Create or overwrite the user's draft; returns its id. Not audited: it runs every second.

    Saving a draft that was discarded meanwhile creates it again under the same id, so a
    late save from a closing form never fails.
    """
    with ws.tx() as s:
        draft = s.get(Draft, draft_id) if draft_id else None
        if draft is not None and draft.username != ws.actor.username:
            raise NotFound("no such draft for this user")
        if draft is None:
            draft = Draft(username=ws.actor.username, form_id=form_id)
            if draft_id:
                draft.id = draft_id
            s.add(draft)
        draft.form_id = form_id
        draft.context = _clean_context(context)
        draft.values = dict(values)
        draft.updated_at = utcnow()
        s.flush()
        return str(draft.id)


def list_drafts(ws: Workspace) -> list[DraftInfo]:
    """The signed-in user's drafts, newest first (other users' drafts are never listed)."""
    with ws.tx() as s:
        rows = s.scalars(select(Draft).where(Draft.username == ws.actor.username)
                         .order_by(Draft.updated_at.desc()))
        return [DraftInfo(d.id, d.form_id, dict(d.context or {}), d.updated_at,
                          dict(d.values or {})) for d in rows]


def load_draft(ws: Workspace, draft_id: str) -> DraftInfo:
    with ws.tx() as s:
        d = _own(ws, s, draft_id)
        return DraftInfo(d.id, d.form_id, dict(d.context or {}), d.updated_at, dict(d.values or {}))


def discard_draft(ws: Workspace, draft_id: str) -> None:
    """The user threw the draft away: delete it and say so in the audit log."""
    with ws.tx() as s:
        d = _own(ws, s, draft_id)
        audit.append(s, "discard", "draft", d.id, {"form": d.form_id})
        s.delete(d)


def finish_draft(ws: Workspace, draft_id: str, entity: str, entity_id: str) -> None:
    """The form was submitted: delete its draft (call inside the submitting transaction)."""
    with ws.tx() as s:
        d = s.get(Draft, draft_id)
        if d is None or d.username != ws.actor.username:
            return  # never saved (submitted within the first second) — nothing to remove
        audit.append(s, "submit_draft", "draft", d.id, {"form": d.form_id, entity: entity_id})
        s.delete(d)
