"""The case search index: an FTS5 trigram table inside the encrypted store (any script, substrings).

One document per rescue (case number, victims' and suspects' names) lives in `search_doc`;
the FTS5 index `case_search` over it is external-content and kept in step by triggers
(migration 0002).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, bindparam, column, select, table, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.expression import FromClause

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


#: The search tables, for queries (they are created by migration 0002, not by the models).
SEARCH_DOC = table("search_doc", column("rowid"), column("rescue_id"), column("body"))
CASE_SEARCH = table("case_search", column("rowid"), column("case_search"))
MIN_TRIGRAM = 3


@dataclass(frozen=True)
class Match:
    """Where a search reads from, the key its matches come in order of, and the condition."""

    source: FromClause
    key: ColumnElement[Any]
    condition: ColumnElement[bool]


def match(query: str) -> Match:
    """The documents containing `query` (any script, any position in a name).

    Trigrams need three characters; a shorter text scans the documents with LIKE. User text
    is always a quoted FTS5 phrase or an escaped LIKE pattern, never FTS5 or LIKE syntax.
    """
    q = query.strip()
    if len(q) >= MIN_TRIGRAM:
        phrase = '"' + q.replace('"', '""') + '"'
        return Match(CASE_SEARCH.join(SEARCH_DOC, SEARCH_DOC.c.rowid == CASE_SEARCH.c.rowid),
                     CASE_SEARCH.c.rowid, CASE_SEARCH.c.case_search.op("MATCH")(phrase))
    escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return Match(SEARCH_DOC, SEARCH_DOC.c.rowid,
                 SEARCH_DOC.c.body.like(f"%{escaped}%", escape="\\"))


def matching_rescue_ids(query: str) -> Select[Any]:
    found = match(query)
    return select(SEARCH_DOC.c.rescue_id).select_from(found.source).where(found.condition)
