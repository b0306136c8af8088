"""Exchange: a stable project GUID, and the GUIDs imported objects had in other programs

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 10:00:00
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('project_info', schema=None) as batch_op:
        batch_op.add_column(sa.Column('guid', sa.String(length=36), nullable=False, server_default=''))
    op.get_bind().execute(
        sa.text("UPDATE project_info SET guid = :guid WHERE guid = ''"), {"guid": str(uuid.uuid4())}
    )

    op.create_table('exchange_guids',
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('local_id', sa.Integer(), nullable=False),
    sa.Column('guid', sa.String(length=38), nullable=False),
    sa.CheckConstraint("kind IN ('user', 'code', 'source', 'variable', 'case', 'set', 'note')", name=op.f('ck_exchange_guids_kind')),
    sa.PrimaryKeyConstraint('kind', 'local_id', name=op.f('pk_exchange_guids'))
    )
    with op.batch_alter_table('exchange_guids', schema=None) as batch_op:
        batch_op.create_index('ix_exchange_guids_kind_guid', ['kind', 'guid'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('exchange_guids', schema=None) as batch_op:
        batch_op.drop_index('ix_exchange_guids_kind_guid')
    op.drop_table('exchange_guids')
    with op.batch_alter_table('project_info', schema=None) as batch_op:
        batch_op.drop_column('guid')
