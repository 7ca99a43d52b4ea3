"""A post's records in feed order (post_code, server_seq): each pull page is a range read.

Without it a page of a post's feed gathered every record of the post and sorted them, page
after page: a fresh device's pull grew with the square of the post's records.

Revision ID: 0004_h16pull_feed_index
Revises: 0003_h16hq_report_rows
"""

from __future__ import annotations

from alembic import op

revision = "0004_h16pull_feed_index"
down_revision = "0003_h16hq_report_rows"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_records_post_feed", "records", ["post_code", "server_seq"])


def downgrade() -> None:
    op.drop_index("ix_records_post_feed", table_name="records")
