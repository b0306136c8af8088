"""Import structure: moderator, speaker turns, question-block patterns per category;
indexes for counting codings per category and for deleting codings fast

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 04:37:14.870620
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('speaker_turns',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('document_length', sa.Integer(), nullable=False),
    sa.Column('start_pos', sa.Integer(), nullable=False),
    sa.Column('end_pos', sa.Integer(), nullable=False),
    sa.Column('speaker', sa.String(length=100), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.CheckConstraint("role IN ('interviewer', 'respondent', 'other')", name=op.f('ck_speaker_turns_role')),
    sa.CheckConstraint('end_pos <= document_length', name=op.f('ck_speaker_turns_end')),
    sa.CheckConstraint('start_pos < end_pos', name=op.f('ck_speaker_turns_range')),
    sa.CheckConstraint('start_pos >= 0', name=op.f('ck_speaker_turns_start')),
    sa.ForeignKeyConstraint(['document_id', 'document_length'], ['documents.id', 'documents.text_length'], name='fk_speaker_turns_document', onupdate='CASCADE', ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_speaker_turns')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('speaker_turns', schema=None) as batch_op:
        batch_op.create_index('ix_speaker_turns_document_start', ['document_id', 'start_pos'], unique=False)

    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.add_column(sa.Column('block_patterns', sa.Text(), nullable=False, server_default=''))

    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.add_column(sa.Column('moderator', sa.String(length=200), nullable=False, server_default=''))



    with op.batch_alter_table('codings', schema=None) as batch_op:
        batch_op.drop_index('ix_codings_category')
        batch_op.create_index('ix_codings_category_document', ['category_id', 'document_id'], unique=False)

    with op.batch_alter_table('anchor_examples', schema=None) as batch_op:
        batch_op.create_index('ix_anchor_examples_coding', ['coding_id'], unique=False)

    with op.batch_alter_table('statement_codings', schema=None) as batch_op:
        batch_op.create_index('ix_statement_codings_coding', ['coding_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('statement_codings', schema=None) as batch_op:
        batch_op.drop_index('ix_statement_codings_coding')

    with op.batch_alter_table('anchor_examples', schema=None) as batch_op:
        batch_op.drop_index('ix_anchor_examples_coding')

    with op.batch_alter_table('codings', schema=None) as batch_op:
        batch_op.drop_index('ix_codings_category_document')
        batch_op.create_index('ix_codings_category', ['category_id'], unique=False)

    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_column('moderator')

    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.drop_column('block_patterns')

    with op.batch_alter_table('speaker_turns', schema=None) as batch_op:
        batch_op.drop_index('ix_speaker_turns_document_start')

    op.drop_table('speaker_turns')
