"""Team work on a server: a version number on categories, statements and codings (an edit
made on an outdated copy is refused, never saved over another's), and a role per coder

Revision ID: 0008
Revises: 0009
Create Date: 2026-12-02 02:00:00

Existing rows start at version 1; every coder is a coder (not owner, not read-only) until
the owner is named. `project_transfers` records each copy of the project to or from a server
(`qda push`, `qda pull`), naming the other side without its password.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0009'
branch_labels = None
depends_on = None

VERSIONED = ('categories', 'statements', 'codings')


def upgrade() -> None:
    # Plain ADD COLUMN: these tables are referenced by others, so SQLite could not copy them
    # (a batch "move and copy") with foreign keys on. The service checks the role's value.
    for table in VERSIONED:
        op.add_column(table, sa.Column('version', sa.Integer(), nullable=False, server_default='1'))
    op.add_column('coders', sa.Column('role', sa.String(length=10), nullable=False, server_default='coder'))

    op.create_table('project_transfers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=4), nullable=False),
    sa.Column('other', sa.String(length=500), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("direction IN ('push', 'pull')", name=op.f('ck_project_transfers_direction')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_transfers')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('project_transfers', schema=None) as batch_op:
        batch_op.create_index('ix_project_transfers_at', ['at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('project_transfers', schema=None) as batch_op:
        batch_op.drop_index('ix_project_transfers_at')
    op.drop_table('project_transfers')
    with op.batch_alter_table('coders', schema=None) as batch_op:
        batch_op.drop_column('role')
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column('version')
