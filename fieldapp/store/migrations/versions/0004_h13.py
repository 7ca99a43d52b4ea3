"""Real operations: quick list, screening, consents as data, provider kinds, consent overrides.

Revision ID: 0004_h13
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_h13"
down_revision = "0004_h15"


def _text(name: str, length: int, default: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.String(length), nullable=False, server_default=default)


def _flag(name: str) -> sa.Column:  # type: ignore[type-arg]
    return sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false())


def upgrade() -> None:
    # Plain ADD COLUMN (no table rebuild): SQLite adds a column with a constant default in
    # place, and a rebuild of `victim` would trip the foreign keys (see 0003).
    op.add_column("rescue", _text("intake_kind", 16, "rescue"))
    op.add_column("rescue", _text("referring_agency", 200, ""))
    op.add_column("rescue", _text("referring_country", 8, ""))
    op.add_column("rescue", _text("foreign_case_number", 64, ""))
    op.add_column("rescue", sa.Column("handover_date", sa.Date(), nullable=True))
    op.add_column("rescue", _text("crossing_point", 32, ""))
    for name in ("documents_received", "countries_recruitment", "countries_transit",
                 "countries_exploitation"):
        op.add_column("rescue", sa.Column(name, sa.JSON(), nullable=False, server_default="[]"))
    op.add_column("rescue", sa.Column("closed_on", sa.Date(), nullable=True))
    op.add_column("rescue", _text("closure_reason", 32, ""))
    op.add_column("service_provider", _text("kind", 16, "ngo"))
    op.add_column("service_provider", _text("country", 8, ""))
    op.execute("UPDATE service_provider SET kind = 'centre' WHERE is_centre")
    op.execute("UPDATE service_provider SET kind = 'government' "
               "WHERE code LIKE 'DOSVY-%' OR code LIKE 'HOSP-%' OR code = 'GDI'")
    op.execute("UPDATE service_provider SET kind = 'international' WHERE code = 'IOM-KH'")
    op.add_column("victim", _text("intake_stage", 16, "complete"))
    op.add_column("victim", _flag("interpreter_needed"))
    op.add_column("victim", _text("consent_status", 16, "not_asked"))
    op.add_column("victim", sa.Column("consents", sa.JSON(), nullable=False, server_default="{}"))
    op.add_column("victim", _flag("age_disputed"))
    op.add_column("victim", _text("screening", 24, "presumed_victim"))
    op.add_column("victim", _text("screened_by", 24, ""))
    op.add_column("victim", sa.Column("screened_on", sa.Date(), nullable=True))
    op.create_index("ix_victim_screening", "victim", ["screening"])
    op.add_column("referral", sa.Column("consent_override_reason", sa.Text(), nullable=False,
                                        server_default=""))
    op.add_column("referral", _text("consent_override_by", 64, ""))
    op.add_column("referral", _text("outcome", 24, ""))
    op.add_column("referral", sa.Column("return_details", sa.JSON(), nullable=False,
                                        server_default="{}"))


def downgrade() -> None:
    raise NotImplementedError("the device store is never downgraded")
