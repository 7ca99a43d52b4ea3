"""National scale (issue 16, device): an index so each pulled page counts the parked records
that wait without reading every parked row; outbox rows HQ acknowledged keep no copy of
the record's fields (`sync.outbox.compact_acknowledged`; statements and attachments keep
theirs, which rest sealed).

Revision ID: 0005_h16dev_scale
Revises: 0004_h14
"""

from __future__ import annotations

from alembic import op

revision = "0005_h16dev_scale"
down_revision = "0005_h13_family"


def upgrade() -> None:
    op.create_index("ix_sync_parked_reason", "sync_parked", ["reason"])
    op.execute(
        "UPDATE outbox SET fields = '{}' WHERE seq <= (SELECT coalesce(max(acked_seq), 0) "
        "FROM device) AND entity NOT IN ('statement', 'attachment')"
    )


def downgrade() -> None:
    # Compacted rows stay compacted: HQ holds their changes, and a resend rebuilds them.
    op.drop_index("ix_sync_parked_reason", table_name="sync_parked")
