"""Statement details sealed too: the interviewer, interpreter and place join the narrative and
child-protocol answers under the statement key.

A migration runs before anyone has unlocked the statement key (a centre-staff user may be
the first to open the store), so it records what is pending: `device.sealing` is 1 on
existing stores, and the next officer or supervisor to unlock seals the rows, in one
transaction (`services.auth._seal_pending` → `store.sealing.seal_existing`), and sets it to 2.

Revision ID: 0005_h10_statement_details
Revises: 0004_h14
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_h10_statement_details"
down_revision = "0004_h14"


def upgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.add_column(sa.Column("sealing", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    with op.batch_alter_table("device") as batch:
        batch.drop_column("sealing")
