"""Store size (issue 16): search index leaner.

Revision ID: 0015_h16s5search
Revises: 0014_h16s5fig
"""

from __future__ import annotations

revision = "0015_h16s5search"
down_revision = "0014_h16s5fig"


def upgrade() -> None:
    pass


def downgrade() -> None:
    raise NotImplementedError("fieldapp stores are not downgraded")
