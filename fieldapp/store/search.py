"""The case search index: an FTS5 trigram table inside the encrypted store (any script, substrings)."""

from __future__ import annotations

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from fieldapp.store.models import Rescue, Suspect, Victim


def mark(session: Session, rescue_id: str) -> None:
    """Queue a rescue for reindexing when the transaction commits (once, however many edits)."""
    session.info.setdefault("reindex", set()).add(rescue_id)


def before_commit(session: Session) -> None:
    for rescue_id in sorted(session.info.pop("reindex", ())):
        reindex(session, rescue_id)


def reindex(session: Session, rescue_id: str) -> None:
    """Rebuild one rescue's row: its case number and every victim's and suspect's names."""
    rescue = session.get(Rescue, rescue_id)
    if rescue is None:
        return
    parts = [rescue.case_number]
    for km, latin in session.execute(
        select(Victim.name_km, Victim.name_latin).where(Victim.rescue_id == rescue_id)
    ):
        parts += [km, latin]
    for name, alias in session.execute(
        select(Suspect.name, Suspect.alias).where(Suspect.rescue_id == rescue_id)
    ):
        parts += [name, alias]
    body = " ".join(p for p in parts if p)
    session.execute(
        text("INSERT INTO search_doc (rescue_id, body) VALUES (:id, :body) "
             "ON CONFLICT (rescue_id) DO UPDATE SET body = excluded.body"),
        {"id": rescue_id, "body": body},
    )


def match_clause(query: str) -> tuple[str, dict[str, str]]:
    """SQL selecting matching rescue ids. Trigrams need 3 characters; shorter uses LIKE."""
    q = query.strip()
    if len(q) >= 3:
        # A quoted FTS5 string: user text can never be read as FTS5 syntax.
        return ("SELECT d.rescue_id FROM case_search JOIN search_doc d ON d.rowid = case_search.rowid "
                "WHERE case_search MATCH :q",
                {"q": '"' + q.replace('"', '""') + '"'})
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return ("SELECT rescue_id FROM search_doc WHERE body LIKE :q ESCAPE '\\'",
            {"q": f"%{escaped}%"})
