"""Condensing: statements may quote a linked segment verbatim; cross-quarter statements link
the per-quarter statements they generalise

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-01 22:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0005'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ALTER TABLE, not a batch copy: SQLite would copy and drop `statements`, and with
    # foreign keys on, dropping it deletes every statement's links to its codings.
    op.add_column('statements', sa.Column('contains_quote', sa.Boolean(), nullable=False, server_default=sa.false()))

    op.create_table('statement_sources',
    sa.Column('statement_id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.CheckConstraint('statement_id <> source_id', name=op.f('ck_statement_sources_not_itself')),
    sa.ForeignKeyConstraint(['source_id'], ['statements.id'], name=op.f('fk_statement_sources_source_id_statements'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['statement_id'], ['statements.id'], name=op.f('fk_statement_sources_statement_id_statements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('statement_id', 'source_id', name=op.f('pk_statement_sources'))
    )
    with op.batch_alter_table('statement_sources', schema=None) as batch_op:
        batch_op.create_index('ix_statement_sources_source', ['source_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('statement_sources', schema=None) as batch_op:
        batch_op.drop_index('ix_statement_sources_source')

    op.drop_table('statement_sources')

    # Developers only: this batch copy of `statements` drops their links to codings (see above).
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.drop_column('contains_quote')
