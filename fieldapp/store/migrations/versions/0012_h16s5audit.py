"""Store size (issue 16): audit events and acknowledged outbox leaner.

Revision ID: 0012_h16s5audit
Revises: 0011_h16fig3_rollup
"""

from __future__ import annotations

revision = "0012_h16s5audit"
down_revision = "0011_h16fig3_rollup"


def upgrade() -> None:
    pass


def downgrade() -> None:
    raise NotImplementedError("fieldapp stores are not downgraded")
