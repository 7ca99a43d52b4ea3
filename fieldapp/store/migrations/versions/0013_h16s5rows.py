"""Store size (issue 16): synced tables leaner rows.

Revision ID: 0013_h16s5rows
Revises: 0012_h16s5audit
"""

from __future__ import annotations

revision = "0013_h16s5rows"
down_revision = "0012_h16s5audit"


def upgrade() -> None:
    pass


def downgrade() -> None:
    raise NotImplementedError("fieldapp stores are not downgraded")
