"""Store size (issue 16): report counters coded.

Revision ID: 0014_h16s5fig
Revises: 0013_h16s5rows
"""

from __future__ import annotations

revision = "0014_h16s5fig"
down_revision = "0013_h16s5rows"


def upgrade() -> None:
    pass


def downgrade() -> None:
    raise NotImplementedError("fieldapp stores are not downgraded")
