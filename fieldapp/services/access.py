"""The one checked, audited door to protected records: statements (narrative, child protocol),
their attachments' file keys, and suspects.

Every service that hands out a statement's content or a suspect goes through here: the
role and the post are checked (officers their own post's cases, supervisors every case
on the device, centre staff never), and the reading is written to the audit log. Writes
audit themselves ("create", "update" …); this module is for reads.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from fieldapp.domain.errors import NotFound
from fieldapp.services.intake import RECORDERS, load_rescue, load_victim
from fieldapp.services.workspace import Workspace
from fieldapp.store import audit, sealing
from fieldapp.store.changes import find
from fieldapp.store.models import Attachment, Rescue, Statement, Suspect


def statement(ws: Workspace, s: Session, statement_id: str, *, audited: bool = True,
              via: str = "") -> Statement:
    """A statement this user may read, with its content; the reading is audited."""
    ws.require(*RECORDERS)
    st = find(s, Statement, statement_id)
    if st is None:
        raise NotFound("no such statement on this device")
    load_victim(ws, s, st.victim_id)
    if audited:
        audit.append(s, "view", "statement", st.id, {"via": via} if via else {})
    return st


def suspect(ws: Workspace, s: Session, suspect_id: str, *, via: str = "") -> Suspect:
    """A suspect this user may read; the reading is audited."""
    ws.require(*RECORDERS)
    found = find(s, Suspect, suspect_id)
    if found is None:
        raise NotFound("no such suspect on this device")
    load_rescue(ws, s, found.rescue_id)
    audit.append(s, "view", "suspect", found.id, {"via": via} if via else {})
    return found


def case(ws: Workspace, s: Session, rescue_id: str, *, via: str = "") -> Rescue:
    """A case file (with its suspects) this user may read; opening it is audited."""
    rescue = load_rescue(ws, s, rescue_id)
    audit.append(s, "view", "rescue", rescue.id, {"via": via} if via else {})
    return rescue


def owner(ws: Workspace, s: Session, owner_entity: str, owner_id: str) -> None:
    """Check this user may see the record an attachment belongs to (raise if not)."""
    ws.require(*RECORDERS)
    if owner_entity == "statement":
        st = find(s, Statement, owner_id)
        if st is None:
            raise NotFound("no such statement on this device")
        load_victim(ws, s, st.victim_id)
    elif owner_entity == "victim":
        load_victim(ws, s, owner_id)
    else:
        load_rescue(ws, s, owner_id)


def attachment(ws: Workspace, s: Session, attachment_id: str, *, via: str = "") -> Attachment:
    """An attachment with its file key (it opens the file), if this user may see its owner;
    handing it out is audited."""
    ws.require(*RECORDERS)
    att = find(s, Attachment, attachment_id)
    if att is None:
        raise NotFound("no such attachment on this device")
    owner(ws, s, att.owner_entity, att.owner_id)
    audit.append(s, "view", "attachment", att.id, {"via": via} if via else {})
    return att


def hide_key(att: Attachment) -> Attachment:
    """Blank a detached attachment's file key (for lists: open it through `attachment`)."""
    att.file_key = b""
    return att


def hide_content(st: Statement) -> Statement:
    """Blank a detached statement's protected content (for lists: read it through `statement`)."""
    return sealing.blank(st)
