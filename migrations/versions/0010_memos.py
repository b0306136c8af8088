"""Memos: a memo per document (the project journal is project_info.description)

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-02 02:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0010'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('document_memos',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_document_memos_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', name=op.f('pk_document_memos'))
    )
    with op.batch_alter_table('document_memos', schema=None) as batch_op:
        batch_op.create_index('ix_document_memos_updated', ['updated_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('document_memos', schema=None) as batch_op:
        batch_op.drop_index('ix_document_memos_updated')
    op.drop_table('document_memos')
