"""One definition of "pending" (store/unsent.py): the changes a push or bundle would send.

The window's status bar, the Sync panel, the home screen, `fieldapp stats` and `fieldapp
sync` all call `unsent_count` (tests/sync/test_bundle_loop.py and
tests/ui/test_changes_every_view.py compare what each shows). Here: the count is what the
next push would really send, sign-ins left out, and no other module counts the outbox.
"""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

from fieldapp.services import intake, statements
from fieldapp.services.workspace import Workspace
from fieldapp.store.unsent import NOT_COUNTED_ACTIONS, unsent_count
from fieldapp.sync.client import queue_audit, unsent_changes

PACKAGE = Path(__file__).resolve().parents[2] / "fieldapp"


def _would_send(ws: Workspace) -> list[dict[str, object]]:
    with ws.tx() as s:
        before = unsent_count(s)
        queue_audit(s)  # what a push does first; the count must not move
        assert unsent_count(s) == before
        return unsent_changes(s)


def test_the_count_is_what_the_next_push_sends_without_sign_ins(ws: Workspace) -> None:
    rescue = intake.create_rescue(ws, operation_date=dt.date(2026, 3, 14), province_code="KH-1",
                                  exploitation_type="labour", place="Poipet market")
    victim = intake.add_victim(ws, rescue.id, name_latin="Sok Dara", sex="female",
                               estimated_age=15, nationality="KHM")
    statements.record_statement(ws, victim.id, interviewer="officer", language="km",
                                narrative="what happened",
                                child_protocol={k: True for k in statements.CHILD_PROTOCOL})
    intake.get_case(ws, rescue.id)  # a read is audited: one more change to send
    with ws.tx() as s:
        counted = unsent_count(s)
    sent = _would_send(ws)
    sign_ins = [c for c in sent if c["entity"] == "audit_event"
                and (c["fields"] or {}).get("action", [None])[0] in NOT_COUNTED_ACTIONS]  # type: ignore[union-attr]
    assert counted == len(sent) - len(sign_ins) > 0
    assert {c["entity"] for c in sent} >= {"rescue", "victim", "statement", "audit_event"}


def test_no_other_module_counts_what_is_unsent() -> None:
    """A count over the outbox or the audit trail happens in store/unsent.py only (the sync
    client reads the rows it sends, it does not count them)."""
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == "store/unsent.py" or "migrations" in rel:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "scalar":
                text = ast.unparse(node)
                if "count(" in text and ("Outbox" in text or "AuditEvent" in text):
                    offenders.append(f"{rel}:{node.lineno}")
    assert offenders == []
