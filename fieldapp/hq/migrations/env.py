"""Alembic environment for the HQ database: runs on the connection the caller passes in."""

from __future__ import annotations

from alembic import context

from fieldapp.hq.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, compare_type=True)
with context.begin_transaction():
    context.run_migrations()
