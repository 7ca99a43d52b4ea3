"""Form drafts, and the trigram search index over case numbers and names.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "draft",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("form_id", sa.String(length=64), nullable=False),
        sa.Column("context", sa.JSON(), nullable=False),
        sa.Column("values", sa.JSON(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("username", "form_id", "id"),
    )
    with op.batch_alter_table("draft") as batch_op:
        batch_op.create_index("ix_draft_username", ["username"], unique=False)
    # Khmer has no spaces between words: the trigram tokenizer gives substring search in
    # any script. One document per rescue (case number, victims' and suspects' names) in
    # a keyed table; the FTS5 index over it is external-content, kept in step by triggers,
    # so replacing one rescue's document is an indexed upsert, not a scan of the index.
    op.execute(
        """CREATE TABLE search_doc (
             rowid INTEGER PRIMARY KEY,
             rescue_id VARCHAR(36) NOT NULL UNIQUE REFERENCES rescue (id),
             body TEXT NOT NULL)"""
    )
    op.execute(
        "CREATE VIRTUAL TABLE case_search USING fts5(body, content='search_doc', "
        "content_rowid='rowid', tokenize='trigram remove_diacritics 1')"
    )
    for ddl in SEARCH_TRIGGERS:
        op.execute(ddl)
    # Index what revision 0001 stores already (a device upgrading with cases on it).
    op.execute(
        """INSERT INTO search_doc (rescue_id, body)
           SELECT r.id, r.case_number || ' ' ||
             coalesce((SELECT group_concat(v.name_km || ' ' || v.name_latin, ' ')
                       FROM victim v WHERE v.rescue_id = r.id), '') || ' ' ||
             coalesce((SELECT group_concat(s.name || ' ' || s.alias, ' ')
                       FROM suspect s WHERE s.rescue_id = r.id), '')
           FROM rescue r"""
    )


SEARCH_TRIGGERS = (
    """CREATE TRIGGER search_doc_ai AFTER INSERT ON search_doc BEGIN
         INSERT INTO case_search (rowid, body) VALUES (new.rowid, new.body); END""",
    """CREATE TRIGGER search_doc_ad AFTER DELETE ON search_doc BEGIN
         INSERT INTO case_search (case_search, rowid, body) VALUES ('delete', old.rowid, old.body);
       END""",
    """CREATE TRIGGER search_doc_au AFTER UPDATE ON search_doc BEGIN
         INSERT INTO case_search (case_search, rowid, body) VALUES ('delete', old.rowid, old.body);
         INSERT INTO case_search (rowid, body) VALUES (new.rowid, new.body); END""",
)


def downgrade() -> None:
    raise NotImplementedError("the device store is never downgraded")
