"""The case search as it ran before store revision 0015: FTS5 phrases (trigram, case and
diacritics folded by SQLite) over the terms joined by spaces, LIKE for shorter text. Tests
compare today's search with it: the same rescues for the same query."""

from __future__ import annotations

import random
from collections.abc import Iterable

from sqlalchemy import column, text
from sqlalchemy.orm import Session

from fieldapp.store import search
from fieldapp.store.compact import CompactId

#: The index as revision 0002 made it.
TOKENIZE = "trigram remove_diacritics 1"


def before_0015(session: Session) -> bool:
    """Whether this store's search index is still the one of revisions 0002-0014."""
    sql = session.connection().exec_driver_sql(
        "SELECT sql FROM sqlite_schema WHERE name = 'case_search'").scalar()
    return "detail=none" not in str(sql)


def hits(session: Session, query: str, fts: str = "case_search", docs: str = "search_doc") -> list[str]:
    """The rescues the search before 0015 found for `query`, in the index `fts` over `docs`."""
    texts = search._query_texts(query)
    if len(texts[0]) >= search.MIN_TRIGRAM:
        sql = (f"SELECT d.rescue_id FROM {fts} JOIN {docs} d ON d.rowid = {fts}.rowid"
               f" WHERE {fts} MATCH :q")
        value = " OR ".join('"' + t.replace('"', '""') + '"' for t in texts)
    else:
        sql = f"SELECT rescue_id FROM {docs} WHERE body LIKE :q ESCAPE '\\'"
        value = "%" + texts[0].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    found = session.execute(text(sql).bindparams(q=value).columns(column("rescue_id", CompactId())))
    return sorted(found.scalars())


def build(session: Session, fts: str, docs: str) -> None:
    """Index this store's rescues as before 0015, in tables `docs` and `fts` beside today's
    (same row ids as `search_doc`)."""
    session.execute(text(f"CREATE TABLE {docs} (rowid INTEGER PRIMARY KEY, rescue_id BLOB, body TEXT)"))
    session.execute(text(f"CREATE VIRTUAL TABLE {fts} USING fts5(body, content='{docs}',"
                         f" content_rowid='rowid', tokenize='{TOKENIZE}')"))
    rows = session.execute(text("SELECT rowid, rescue_id, rescue_id AS raw FROM search_doc").columns(
        column("rowid"), column("rescue_id", CompactId()), column("raw"))).all()
    words = search.terms(session, [r.rescue_id for r in rows])
    session.execute(text(f"INSERT INTO {docs} (rowid, rescue_id, body) VALUES (:r, :id, :body)"),
                    [{"r": r.rowid, "id": r.raw, "body": " ".join(t for t in words[r.rescue_id] if t)}
                     for r in rows])
    session.execute(text(f"INSERT INTO {fts} ({fts}) VALUES ('rebuild')"))


def queries(bodies: Iterable[str], seed: int) -> list[str]:
    """Queries made of documents as they were before 0015 (terms joined by spaces): pieces
    of their text in any case (partial words, word orders that ran across a name and its
    romanisation, Khmer fragments), their phonetic keys, each name's words in reverse."""
    rng = random.Random(seed)
    out: set[str] = set()
    for body in bodies:
        for _ in range(25):
            start = rng.randrange(len(body))
            piece = body[start:start + rng.choice([1, 2, 3, 4, 6, 9, 14, 20])].strip()
            if piece and "~" not in piece:
                out.add(rng.choice([piece, piece.upper(), piece.title()]))
        words = body.split(" ")
        out.update(w for w in words if len(w) > 2 and w[0] == w[-1] == "~")
        out.update(f"{b} {a}" for a, b in zip(words, words[1:], strict=False)
                   if "~" not in a + b)
    return sorted(out)
