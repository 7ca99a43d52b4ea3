"""Store size (issue 16): a leaner search index. Documents are stored folded, their text cut
at the phonetic keys into runs kept once each (`store.search.layout`), and the FTS5 trigram
index keeps no positions or sizes (`detail=none`, `columnsize=0`): it gives candidates
that the query text is then checked against. Every document is made again from the records.

Revision ID: 0015_h16s5search
Revises: 0014_h16s5fig
"""

from __future__ import annotations

from alembic import op
from sqlalchemy import select, text
from sqlalchemy.orm import Session

revision = "0015_h16s5search"
down_revision = "0014_h16s5fig"

#: The trigrams of the folded documents as they are (no case folding left to do).
CASE_SEARCH = ("CREATE VIRTUAL TABLE case_search USING fts5(body, content='search_doc', "
               "content_rowid='rowid', tokenize='trigram case_sensitive 1', detail=none, "
               "columnsize=0)")


def upgrade() -> None:
    from fieldapp.store import search
    from fieldapp.store.models import Rescue

    conn = op.get_bind()
    # The triggers that keep the index in step stay as they are; they are set aside while
    # the documents are rewritten, as the old index cannot take the new documents.
    triggers = list(conn.execute(text(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'search_doc'")))
    for name, _sql in triggers:
        op.execute(f'DROP TRIGGER "{name}"')
    op.execute("DROP TABLE case_search")
    session = Session(bind=conn)
    search.reindex(session, list(session.scalars(select(Rescue.id))))
    op.execute(CASE_SEARCH)
    op.execute("INSERT INTO case_search (case_search) VALUES ('rebuild')")
    for _name, sql in triggers:
        op.execute(sql)


def downgrade() -> None:
    raise NotImplementedError("fieldapp stores are not downgraded")
