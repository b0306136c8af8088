"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 04:22:18.782103
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('categories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('tag', sa.String(length=60), nullable=False),
    sa.Column('colour', sa.String(length=7), nullable=False),
    sa.Column('origin', sa.String(length=10), nullable=False),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.Column('coding_rules', sa.Text(), nullable=False),
    sa.Column('codable', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("origin IN ('deductive', 'inductive')", name=op.f('ck_categories_origin')),
    sa.ForeignKeyConstraint(['parent_id'], ['categories.id'], name=op.f('fk_categories_parent_id_categories'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_categories')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.create_index('ix_categories_parent_position', ['parent_id', 'position'], unique=False)

    op.create_table('change_log',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('command', sa.String(length=60), nullable=False),
    sa.Column('params', sa.Text(), nullable=False),
    sa.Column('changes', sa.Text(), nullable=False),
    sa.Column('undoable', sa.Boolean(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("state IN ('done', 'undone', 'discarded')", name=op.f('ck_change_log_state')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_log')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.create_index('ix_change_log_state', ['state'], unique=False)

    op.create_table('coders',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('colour', sa.String(length=7), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_coders')),
    sa.UniqueConstraint('name', name=op.f('uq_coders_name')),
    sqlite_autoincrement=True
    )
    op.create_table('methods',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_methods')),
    sa.UniqueConstraint('code', name=op.f('uq_methods_code')),
    sqlite_autoincrement=True
    )
    op.create_table('project_info',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('id = 1', name=op.f('ck_project_info_single_row')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_project_info'))
    )
    op.create_table('quarters',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('number', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint("kind IN ('city', 'social_space', 'statistical')", name=op.f('ck_quarters_kind')),
    sa.CheckConstraint('number IS NULL OR number >= 0', name=op.f('ck_quarters_number')),
    sa.ForeignKeyConstraint(['parent_id'], ['quarters.id'], name=op.f('fk_quarters_parent_id_quarters'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quarters')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('quarters', schema=None) as batch_op:
        batch_op.create_index('ix_quarters_parent_position', ['parent_id', 'position'], unique=False)

    op.create_table('variables',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=10), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.CheckConstraint("type IN ('text', 'integer', 'float', 'date', 'boolean')", name=op.f('ck_variables_type')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_variables')),
    sa.UniqueConstraint('name', name=op.f('uq_variables_name')),
    sqlite_autoincrement=True
    )
    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('quarter_id', sa.Integer(), nullable=True),
    sa.Column('method_id', sa.Integer(), nullable=True),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('group_label', sa.String(length=200), nullable=False),
    sa.Column('participants', sa.Integer(), nullable=True),
    sa.Column('source_filename', sa.String(length=500), nullable=False),
    sa.Column('source_format', sa.String(length=20), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('text_length', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('participants IS NULL OR participants >= 0', name=op.f('ck_documents_participants')),
    sa.CheckConstraint('text_length >= 0', name=op.f('ck_documents_text_length')),
    sa.ForeignKeyConstraint(['method_id'], ['methods.id'], name=op.f('fk_documents_method_id_methods'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['quarter_id'], ['quarters.id'], name=op.f('fk_documents_quarter_id_quarters'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('id', 'text_length', name='uq_documents_id_length'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index('ix_documents_content_hash', ['content_hash'], unique=False)
        batch_op.create_index('ix_documents_quarter', ['quarter_id'], unique=False)

    op.create_table('statements',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('quarter_id', sa.Integer(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_statements_category_id_categories'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['quarter_id'], ['quarters.id'], name=op.f('fk_statements_quarter_id_quarters'), ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_statements')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.create_index('ix_statements_cell', ['quarter_id', 'category_id', 'position'], unique=False)

    op.create_table('codings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('document_length', sa.Integer(), nullable=False),
    sa.Column('start_pos', sa.Integer(), nullable=False),
    sa.Column('end_pos', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('coder_id', sa.Integer(), nullable=False),
    sa.Column('memo', sa.Text(), nullable=False),
    sa.Column('paraphrase', sa.Text(), nullable=False),
    sa.Column('generalisation', sa.Text(), nullable=False),
    sa.Column('is_quote', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('end_pos <= document_length', name=op.f('ck_codings_end')),
    sa.CheckConstraint('start_pos < end_pos', name=op.f('ck_codings_range')),
    sa.CheckConstraint('start_pos >= 0', name=op.f('ck_codings_start')),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_codings_category_id_categories'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['coder_id'], ['coders.id'], name=op.f('fk_codings_coder_id_coders'), ondelete='RESTRICT'),
    sa.ForeignKeyConstraint(['document_id', 'document_length'], ['documents.id', 'documents.text_length'], name='fk_codings_document', onupdate='CASCADE', ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_codings')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('codings', schema=None) as batch_op:
        batch_op.create_index('ix_codings_category', ['category_id'], unique=False)
        batch_op.create_index('ix_codings_coder', ['coder_id'], unique=False)
        batch_op.create_index('ix_codings_document_start', ['document_id', 'start_pos'], unique=False)

    op.create_table('document_sources',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_document_sources_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', name=op.f('pk_document_sources'))
    )
    op.create_table('document_variable_values',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('variable_id', sa.Integer(), nullable=False),
    sa.Column('value_text', sa.Text(), nullable=True),
    sa.Column('value_number', sa.Double(), nullable=True),
    sa.Column('value_date', sa.Date(), nullable=True),
    sa.Column('value_bool', sa.Boolean(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_document_variable_values_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['variable_id'], ['variables.id'], name=op.f('fk_document_variable_values_variable_id_variables'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'variable_id', name=op.f('pk_document_variable_values'))
    )
    op.create_table('anchor_examples',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=False),
    sa.Column('coding_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['category_id'], ['categories.id'], name=op.f('fk_anchor_examples_category_id_categories'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['coding_id'], ['codings.id'], name=op.f('fk_anchor_examples_coding_id_codings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_anchor_examples')),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('anchor_examples', schema=None) as batch_op:
        batch_op.create_index('ix_anchor_examples_category_coding', ['category_id', 'coding_id'], unique=True)

    op.create_table('statement_codings',
    sa.Column('statement_id', sa.Integer(), nullable=False),
    sa.Column('coding_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['coding_id'], ['codings.id'], name=op.f('fk_statement_codings_coding_id_codings'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['statement_id'], ['statements.id'], name=op.f('fk_statement_codings_statement_id_statements'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('statement_id', 'coding_id', name=op.f('pk_statement_codings'))
    )


def downgrade() -> None:
    op.drop_table('statement_codings')
    with op.batch_alter_table('anchor_examples', schema=None) as batch_op:
        batch_op.drop_index('ix_anchor_examples_category_coding')

    op.drop_table('anchor_examples')
    op.drop_table('document_variable_values')
    op.drop_table('document_sources')
    with op.batch_alter_table('codings', schema=None) as batch_op:
        batch_op.drop_index('ix_codings_document_start')
        batch_op.drop_index('ix_codings_coder')
        batch_op.drop_index('ix_codings_category')

    op.drop_table('codings')
    with op.batch_alter_table('statements', schema=None) as batch_op:
        batch_op.drop_index('ix_statements_cell')

    op.drop_table('statements')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index('ix_documents_quarter')
        batch_op.drop_index('ix_documents_content_hash')

    op.drop_table('documents')
    op.drop_table('variables')
    with op.batch_alter_table('quarters', schema=None) as batch_op:
        batch_op.drop_index('ix_quarters_parent_position')

    op.drop_table('quarters')
    op.drop_table('project_info')
    op.drop_table('methods')
    op.drop_table('coders')
    with op.batch_alter_table('change_log', schema=None) as batch_op:
        batch_op.drop_index('ix_change_log_state')

    op.drop_table('change_log')
    with op.batch_alter_table('categories', schema=None) as batch_op:
        batch_op.drop_index('ix_categories_parent_position')

    op.drop_table('categories')
