"""Storing a file picked in a form: encrypted at once, owned by the draft until the form is submitted."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fieldapp.domain.errors import InvalidInput
from fieldapp.services.workspace import Workspace


def store_file(ws: Workspace, draft_id: str, path: Path, filename: str, mime: str,
               context: Mapping[str, Any] | None = None) -> str:
    """Encrypt ``path`` into the store now; return the attachment id the form keeps.

    The attachments service is asked to own the file by the draft. Until it accepts a
    ``draft`` owner, the file is filed under the record the form is opened from (the
    victim for a statement, the rescue for a victim) and moved onto the new record when
    the form is submitted (``services.submit.claim_attachment``).
    """
    from fieldapp.services import attachments

    owners = getattr(attachments, "OWNERS", ())
    if "draft" in owners:
        owner, owner_id = "draft", draft_id
    else:
        ctx = context or {}
        if ctx.get("victim_id"):
            owner, owner_id = "victim", str(ctx["victim_id"])
        elif ctx.get("rescue_id"):
            owner, owner_id = "rescue", str(ctx["rescue_id"])
        else:
            raise InvalidInput("attachment: save the record first, then attach the file to it")
    att = attachments.add_attachment(ws, owner, owner_id, path, filename, mime)
    return str(getattr(att, "id", att))
