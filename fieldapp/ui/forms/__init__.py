"""The single entry point for opening a form (``open_form``) and for resuming drafts (``offer_drafts``)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

if TYPE_CHECKING:
    from fieldapp.services.drafts import DraftInfo
    from fieldapp.services.workspace import Workspace
    from fieldapp.ui.context import ViewContext
    from fieldapp.ui.forms.dialog import FormDialog
    from fieldapp.ui.tasks import TaskRunner

log = logging.getLogger("fieldapp.ui.forms")

#: The last dialog opened (tests and screenshots look at it).
last_opened: FormDialog | None = None
#: Set by the window at unlock when no parent widget carries a ``ctx``; None when locked.
_context: ViewContext | None = None
#: The last "unfinished forms" offer shown by offer_drafts.
last_offer: QDialog | None = None
_open: list[FormDialog] = []


def use_context(ctx: ViewContext | None) -> None:
    """Tell the forms which workspace and task runner to use (call at unlock, None at lock)."""
    global _context
    _context = ctx


def _find_context(parent: QWidget | None) -> ViewContext | None:
    from fieldapp.ui.context import ViewContext

    w: Any = parent
    while w is not None:
        ctx = getattr(w, "ctx", None)
        if isinstance(ctx, ViewContext) and ctx.ws.is_open:
            return ctx
        w = w.parent() if hasattr(w, "parent") else None
    return _context


def open_form(parent: QWidget | None, form_id: str, context: Mapping[str, Any]) -> QDialog:
    """Open form `form_id` (forms/<form_id>.yaml) for `context` (e.g. rescue_id, victim_id).

    A statement asked for an adult or a child opens the form that applies to the victim.
    If this user has a draft of the same form for the same record, it is resumed.
    """
    ctx = _find_context(parent)
    if ctx is None:
        raise RuntimeError("open_form needs an unlocked workspace (use_context at unlock)")
    return _show(parent, ctx.ws, ctx.runner, form_id, context, None, ctx)


def open_draft(parent: QWidget | None, ws: Workspace, runner: TaskRunner,
               draft: DraftInfo) -> QDialog:
    """Reopen a saved draft with everything typed in it."""
    return _show(parent, ws, runner, draft.form_id, draft.context, draft, _find_context(parent))


def _show(parent: QWidget | None, ws: Workspace, runner: TaskRunner, form_id: str,
          context: Mapping[str, Any], draft: DraftInfo | None,
          ctx: ViewContext | None) -> QDialog:
    global last_opened
    from fieldapp.ui.forms.dialog import FormDialog

    hook = ctx.hooks.get("set_language") if ctx is not None else None
    dialog = FormDialog(parent, ws, runner, form_id, context, draft, on_language=hook)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open.append(dialog)
    dialog.destroyed.connect(lambda *_: _open.remove(dialog) if dialog in _open else None)
    dialog.finished.connect(lambda *_: _open.remove(dialog) if dialog in _open else None)
    dialog.open()
    last_opened = dialog
    return dialog


def flush_open_forms() -> None:
    """Save every open form's draft now and wait (call before locking or quitting)."""
    for dialog in _open:
        dialog.flush()


def offer_drafts(parent: QWidget | None, ws: Workspace, runner: TaskRunner | None = None) -> None:
    """At unlock: if this user left forms unfinished, offer to resume or discard them.

    The drafts are listed on the task runner (given, or the one of ``parent``'s context);
    when there are any, a ``DraftsDialog`` opens (also kept in ``last_offer``).
    """
    from fieldapp.services import drafts
    from fieldapp.ui.tasks import TaskRunner as Runner

    ctx = _find_context(parent)
    the_runner = runner or (ctx.runner if ctx is not None else None) or Runner(parent)

    def show(items: list[DraftInfo]) -> None:
        global last_offer
        from fieldapp.ui.forms.offer import DraftsDialog

        if not items or not ws.is_open:
            return
        dialog = DraftsDialog(parent, the_runner, ws, items,
                              lambda d: open_draft(parent, ws, the_runner, d))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        last_offer = dialog

    the_runner.run_db("list_drafts", lambda: drafts.list_drafts(ws), show)


__all__ = ["flush_open_forms", "last_offer", "last_opened", "offer_drafts", "open_draft", "open_form",
           "use_context"]
