"""The case search index: an FTS5 trigram table inside the encrypted store (any script, substrings).

One document per rescue (case number, victims' and suspects' names) lives in `search_doc`;
the FTS5 index `case_search` over it is external-content and kept in step by triggers
(migration 0002).
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

#: Rebuild the documents of the given rescues in one statement.
_REINDEX = text(
    """INSERT INTO search_doc (rescue_id, body)
       SELECT r.id, r.case_number || ' ' ||
         coalesce((SELECT group_concat(v.name_km || ' ' || v.name_latin, ' ')
                   FROM victim v WHERE v.rescue_id = r.id), '') || ' ' ||
         coalesce((SELECT group_concat(s.name || ' ' || s.alias, ' ')
                   FROM suspect s WHERE s.rescue_id = r.id), '')
       FROM rescue r WHERE r.id IN :ids
       ON CONFLICT (rescue_id) DO UPDATE SET body = excluded.body"""
).bindparams(bindparam("ids", expanding=True))
_CHUNK = 500  # stay well under SQLite's bound-parameter limit


def mark(session: Session, rescue_id: str) -> None:
    """Queue a rescue for reindexing when the transaction commits (once, however many edits)."""
    session.info.setdefault("reindex", set()).add(rescue_id)


def before_commit(session: Session) -> None:
    pending = sorted(session.info.pop("reindex", ()))
    if pending:
        session.flush()
        reindex(session, pending)


def reindex(session: Session, rescue_ids: Iterable[str]) -> None:
    ids = list(rescue_ids)
    for start in range(0, len(ids), _CHUNK):
        session.connection().execute(_REINDEX, {"ids": ids[start:start + _CHUNK]})


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
