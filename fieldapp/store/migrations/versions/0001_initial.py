"""Initial device store: reference data, users, case records, outbox, audit chain.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None

# A final statement is immutable, whatever code path tries to change it: the service
# refuses first, and this trigger refuses anything that slips past the service.
FINAL_STATEMENT_TRIGGERS = (
    """CREATE TRIGGER statement_final_no_update BEFORE UPDATE ON statement
       WHEN OLD.status = 'final'
       BEGIN SELECT RAISE(ABORT, 'final statement is immutable'); END""",
    """CREATE TRIGGER statement_final_no_delete BEFORE DELETE ON statement
       WHEN OLD.status = 'final'
       BEGIN SELECT RAISE(ABORT, 'final statement is immutable'); END""",
)


def upgrade() -> None:
    op.create_table('attachment',
    sa.Column('owner_entity', sa.String(length=32), nullable=False),
    sa.Column('owner_id', sa.String(length=36), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('mime', sa.String(length=100), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('file_key', sa.LargeBinary(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('attachment', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachment_owner_id'), ['owner_id'], unique=False)

    op.create_table('audit_event',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=32), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq'),
    sa.UniqueConstraint('id')
    )
    op.create_table('case_counter',
    sa.Column('post_code', sa.String(length=16), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('post_code', 'year')
    )
    op.create_table('outbox',
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('entity', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('op', sa.String(length=16), nullable=False),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('hlc', sa.String(length=64), nullable=False),
    sa.Column('post_code', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    op.create_table('province',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name_en', sa.String(length=80), nullable=False),
    sa.Column('name_km', sa.String(length=80), nullable=False),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('post',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name_en', sa.String(length=120), nullable=False),
    sa.Column('name_km', sa.String(length=120), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('province_code', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['province_code'], ['province.code'], ),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('service_provider',
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('name_en', sa.String(length=160), nullable=False),
    sa.Column('name_km', sa.String(length=160), nullable=False),
    sa.Column('province_code', sa.String(length=16), nullable=False),
    sa.Column('services', sa.JSON(), nullable=False),
    sa.Column('is_centre', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['province_code'], ['province.code'], ),
    sa.PrimaryKeyConstraint('code')
    )
    op.create_table('device',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('post_code', sa.String(length=16), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('hq_url', sa.String(length=400), nullable=True),
    sa.Column('signing_key', sa.LargeBinary(), nullable=True),
    sa.Column('hpke_key', sa.LargeBinary(), nullable=True),
    sa.Column('hq_keys', sa.JSON(), nullable=False),
    sa.Column('acked_seq', sa.Integer(), nullable=False),
    sa.Column('pull_cursor', sa.Integer(), nullable=False),
    sa.Column('last_hlc', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['post_code'], ['post.code'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('rescue',
    sa.Column('case_number', sa.String(length=32), nullable=False),
    sa.Column('operation_date', sa.Date(), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('province_code', sa.String(length=16), nullable=False),
    sa.Column('post_code', sa.String(length=16), nullable=False),
    sa.Column('unit', sa.String(length=120), nullable=False),
    sa.Column('exploitation_type', sa.String(length=32), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['post_code'], ['post.code'], ),
    sa.ForeignKeyConstraint(['province_code'], ['province.code'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('case_number')
    )
    with op.batch_alter_table('rescue', schema=None) as batch_op:
        batch_op.create_index('ix_rescue_date', ['operation_date'], unique=False)
        batch_op.create_index('ix_rescue_post_date', ['post_code', 'operation_date'], unique=False)
        batch_op.create_index('ix_rescue_province', ['province_code'], unique=False)
        batch_op.create_index('ix_rescue_type', ['exploitation_type'], unique=False)

    op.create_table('user',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=120), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('post_code', sa.String(length=16), nullable=False),
    sa.Column('centre_code', sa.String(length=16), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['centre_code'], ['service_provider.code'], ),
    sa.ForeignKeyConstraint(['post_code'], ['post.code'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('username')
    )
    op.create_table('suspect',
    sa.Column('rescue_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('alias', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('nationality', sa.String(length=8), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('identified_by', sa.JSON(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['rescue_id'], ['rescue.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('suspect', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_suspect_rescue_id'), ['rescue_id'], unique=False)

    op.create_table('victim',
    sa.Column('rescue_id', sa.String(length=36), nullable=False),
    sa.Column('name_km', sa.String(length=200), nullable=False),
    sa.Column('name_latin', sa.String(length=200), nullable=False),
    sa.Column('sex', sa.String(length=16), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('estimated_age', sa.Integer(), nullable=True),
    sa.Column('is_minor', sa.Boolean(), nullable=False),
    sa.Column('nationality', sa.String(length=8), nullable=False),
    sa.Column('languages', sa.JSON(), nullable=False),
    sa.Column('documents', sa.JSON(), nullable=False),
    sa.Column('contact_phone', sa.String(length=40), nullable=False),
    sa.Column('vulnerabilities', sa.JSON(), nullable=False),
    sa.Column('consent_given', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['rescue_id'], ['rescue.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('victim', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_victim_is_minor'), ['is_minor'], unique=False)
        batch_op.create_index(batch_op.f('ix_victim_rescue_id'), ['rescue_id'], unique=False)

    op.create_table('referral',
    sa.Column('victim_id', sa.String(length=36), nullable=False),
    sa.Column('service', sa.String(length=32), nullable=False),
    sa.Column('provider_code', sa.String(length=16), nullable=False),
    sa.Column('urgency', sa.String(length=16), nullable=False),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('conflicted', sa.Boolean(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['provider_code'], ['service_provider.code'], ),
    sa.ForeignKeyConstraint(['victim_id'], ['victim.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('referral', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_provider_code'), ['provider_code'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_status'), ['status'], unique=False)
        batch_op.create_index(batch_op.f('ix_referral_victim_id'), ['victim_id'], unique=False)

    op.create_table('statement',
    sa.Column('victim_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('interview_date', sa.DateTime(), nullable=False),
    sa.Column('interviewer', sa.String(length=120), nullable=False),
    sa.Column('interpreter', sa.String(length=120), nullable=False),
    sa.Column('language', sa.String(length=16), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('child_protocol', sa.JSON(), nullable=False),
    sa.Column('narrative', sa.Text(), nullable=False),
    sa.Column('amends_id', sa.String(length=36), nullable=True),
    sa.Column('final_hash', sa.String(length=64), nullable=True),
    sa.Column('finalised_at', sa.DateTime(), nullable=True),
    sa.Column('finalised_by', sa.String(length=64), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['amends_id'], ['statement.id'], ),
    sa.ForeignKeyConstraint(['victim_id'], ['victim.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('statement', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_statement_amends_id'), ['amends_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_statement_victim_id'), ['victim_id'], unique=False)

    op.create_table('referral_event',
    sa.Column('referral_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('services_given', sa.JSON(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_by', sa.String(length=64), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('hlc', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['referral_id'], ['referral.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('referral_event', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_event_referral_id'), ['referral_id'], unique=False)

    for ddl in FINAL_STATEMENT_TRIGGERS:
        op.execute(ddl)


def downgrade() -> None:
    raise NotImplementedError("the device store is never downgraded")
