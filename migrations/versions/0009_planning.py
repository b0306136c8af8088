"""Planning: strategic goals, statements linked to them, and per Sozialraum × goal what is
missing and the measures with their status history

Revision ID: 0009
Revises: 0006
Create Date: 2026-12-02 02:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0009'
down_revision = '0006'
branch_labels = None
depends_on = None

STATUSES = "('proposed', 'agreed', 'running', 'done', 'dropped')"


def upgrade() -> None:
    op.create_table('goals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('tag', sa.String(length=60), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_goals')),
    sqlite_autoincrement=True
    )
    op.create_table('statement_goals',
    sa.Column('statement_id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_statement_goals_goal_id_goals'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['statement_id'], ['statements.id'], name=op.f('fk_statement_goals_statement_id_statements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('statement_id', 'goal_id', name=op.f('pk_statement_goals'))
    )
    op.create_index('ix_statement_goals_goal', 'statement_goals', ['goal_id'], unique=False)
    op.create_table('missing_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quarter_id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_missing_entries_goal_id_goals'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['quarter_id'], ['quarters.id'], name=op.f('fk_missing_entries_quarter_id_quarters'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_missing_entries')),
    sqlite_autoincrement=True
    )
    op.create_index('ix_missing_entries_cell', 'missing_entries', ['quarter_id', 'goal_id', 'position'], unique=False)
    op.create_table('measures',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('quarter_id', sa.Integer(), nullable=False),
    sa.Column('goal_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('responsible', sa.String(length=200), nullable=False),
    sa.Column('time_frame', sa.String(length=200), nullable=False),
    sa.Column('priority', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint(f"status IN {STATUSES}", name=op.f('ck_measures_status')),
    sa.CheckConstraint("priority IN ('', 'high', 'medium', 'low')", name=op.f('ck_measures_priority')),
    sa.ForeignKeyConstraint(['goal_id'], ['goals.id'], name=op.f('fk_measures_goal_id_goals'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['quarter_id'], ['quarters.id'], name=op.f('fk_measures_quarter_id_quarters'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measures')),
    sqlite_autoincrement=True
    )
    op.create_index('ix_measures_cell', 'measures', ['quarter_id', 'goal_id', 'position'], unique=False)
    op.create_table('measure_statements',
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.Column('statement_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['measure_id'], ['measures.id'], name=op.f('fk_measure_statements_measure_id_measures'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['statement_id'], ['statements.id'], name=op.f('fk_measure_statements_statement_id_statements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('measure_id', 'statement_id', name=op.f('pk_measure_statements'))
    )
    op.create_index('ix_measure_statements_statement', 'measure_statements', ['statement_id'], unique=False)
    op.create_table('measure_status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('measure_id', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint(f"status IN {STATUSES}", name=op.f('ck_measure_status_changes_status')),
    sa.ForeignKeyConstraint(['measure_id'], ['measures.id'], name=op.f('fk_measure_status_changes_measure_id_measures'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_measure_status_changes')),
    sqlite_autoincrement=True
    )
    op.create_index('ix_measure_status_changes_measure', 'measure_status_changes', ['measure_id'], unique=False)


def downgrade() -> None:
    for index, table in (
        ('ix_measure_status_changes_measure', 'measure_status_changes'),
        ('ix_measure_statements_statement', 'measure_statements'),
        ('ix_measures_cell', 'measures'),
        ('ix_missing_entries_cell', 'missing_entries'),
        ('ix_statement_goals_goal', 'statement_goals'),
    ):
        op.drop_index(index, table_name=table)
        op.drop_table(table)
    op.drop_table('goals')
