"""Each device's audit trail as HQ holds it (issue 16): a push of protocol 2 carries the
device's audit events in one part, numbered apart from its changes. HQ keeps how far it
holds them, the hash of the last one (the next part must link to it) and the first event
whose hash did not verify, if any.

Revision ID: 0005_h16store_audit_part
Revises: 0004_h16pull_feed_index
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_h16store_audit_part"
down_revision = "0004_h16pull_feed_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("audit_acked_seq", sa.BigInteger(), nullable=False,
                                   server_default="0"))
        batch.add_column(sa.Column("audit_tip", sa.String(64), nullable=True))
        batch.add_column(sa.Column("audit_broken_seq", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("audit_broken_seq")
        batch.drop_column("audit_tip")
        batch.drop_column("audit_acked_seq")
