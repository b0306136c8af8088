"""Store hardening: original files kept once (compressed) in original_files, documents link to
them; the change log refers to an original instead of copying it, and compresses long values

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 22:00:00

The change-log rewrite is part of the revision: an import logged by revision 0002 must still
redo (and a document deletion still undo) after the upgrade. The encoding is spelled out
here rather than imported, so this revision keeps working when the app's code moves on:
values of 4096 characters or bytes and more become {"$zs": base64(zlib(utf-8))} or
{"$zb": base64(zlib(bytes))}; short bytes stay {"$b": base64}.
"""

from __future__ import annotations

import base64
import hashlib
import json
import zlib

import sqlalchemy as sa
from alembic import op


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

COMPRESS_FROM = 4096


def _pack(data: bytes) -> str:
    return base64.b64encode(zlib.compress(data)).decode("ascii")


def _compressed_value(value):
    if isinstance(value, str) and len(value) >= COMPRESS_FROM:
        return {"$zs": _pack(value.encode("utf-8"))}
    if isinstance(value, dict) and "$b" in value:
        data = base64.b64decode(value["$b"])
        if len(data) >= COMPRESS_FROM:
            return {"$zb": _pack(data)}
    return value


def _expanded_value(value):
    if isinstance(value, dict) and "$zs" in value:
        return zlib.decompress(base64.b64decode(value["$zs"])).decode("utf-8")
    if isinstance(value, dict) and "$zb" in value:
        data = zlib.decompress(base64.b64decode(value["$zb"]))
        return {"$b": base64.b64encode(data).decode("ascii")}
    return value


def _keep_original(connection, data: bytes) -> int:
    digest = hashlib.sha256(data).hexdigest()
    known = connection.execute(
        sa.text("SELECT id FROM original_files WHERE sha256 = :digest"), {"digest": digest}
    ).scalar()
    if known is not None:
        return known
    packed = zlib.compress(data, 6)
    compression = "zlib" if len(packed) < len(data) else "none"
    connection.execute(
        sa.text(
            "INSERT INTO original_files (sha256, size, compression, data) "
            "VALUES (:digest, :size, :compression, :data)"
        ),
        {
            "digest": digest,
            "size": len(data),
            "compression": compression,
            "data": packed if compression == "zlib" else data,
        },
    )
    return connection.execute(
        sa.text("SELECT id FROM original_files WHERE sha256 = :digest"), {"digest": digest}
    ).scalar()


def _original_bytes(connection, original_id: int) -> bytes:
    compression, data = connection.execute(
        sa.text("SELECT compression, data FROM original_files WHERE id = :id"), {"id": original_id}
    ).one()
    return zlib.decompress(data) if compression == "zlib" else bytes(data)


def _rewrite_log(connection, where: str, rewrite_change) -> None:
    """Apply `rewrite_change` to every change of the log entries matching `where`."""
    ids = connection.execute(sa.text(f"SELECT id FROM change_log WHERE {where}")).scalars().all()
    for entry_id in ids:
        raw = connection.execute(
            sa.text("SELECT changes FROM change_log WHERE id = :id"), {"id": entry_id}
        ).scalar()
        changes = [rewrite_change(change) for change in json.loads(raw)]
        connection.execute(
            sa.text("UPDATE change_log SET changes = :changes WHERE id = :id"),
            {"id": entry_id, "changes": json.dumps(changes, ensure_ascii=False)},
        )


def upgrade() -> None:
    op.create_table('original_files',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('compression', sa.String(length=10), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.CheckConstraint("compression IN ('none', 'zlib')", name=op.f('ck_original_files_compression')),
    sa.CheckConstraint('size >= 0', name=op.f('ck_original_files_size')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_original_files')),
    sa.UniqueConstraint('sha256', name=op.f('uq_original_files_sha256')),
    sqlite_autoincrement=True
    )
    op.add_column('document_sources', sa.Column('original_id', sa.Integer(), nullable=True))

    connection = op.get_bind()
    documents = connection.execute(
        sa.text("SELECT document_id FROM document_sources")
    ).scalars().all()
    for document_id in documents:
        data = connection.execute(
            sa.text("SELECT data FROM document_sources WHERE document_id = :id"), {"id": document_id}
        ).scalar()
        connection.execute(
            sa.text("UPDATE document_sources SET original_id = :original WHERE document_id = :id"),
            {"id": document_id, "original": _keep_original(connection, bytes(data))},
        )

    def refer_to_original(change):
        for side in ("before", "after"):
            values = change.get(side) or {}
            if change["table"] == "document_sources" and "data" in values:
                data = base64.b64decode(values.pop("data")["$b"])
                values["original_id"] = _keep_original(connection, data)
            change[side] = {name: _compressed_value(value) for name, value in values.items()}
        return change

    # Entries that copied an original file, or a long text, are the ones worth rewriting.
    _rewrite_log(
        connection,
        "changes LIKE '%\"document_sources\"%' OR length(changes) >= 4096",
        refer_to_original,
    )

    with op.batch_alter_table('document_sources', schema=None) as batch_op:
        batch_op.alter_column('original_id', existing_type=sa.Integer(), nullable=False)
        batch_op.create_index('ix_document_sources_original', ['original_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_document_sources_original_id_original_files'), 'original_files', ['original_id'], ['id'], ondelete='RESTRICT')
        batch_op.drop_column('data')


def downgrade() -> None:
    with op.batch_alter_table('document_sources', schema=None) as batch_op:
        batch_op.add_column(sa.Column('data', sa.LargeBinary(), nullable=True))

    connection = op.get_bind()
    rows = connection.execute(
        sa.text("SELECT document_id, original_id FROM document_sources")
    ).all()
    for document_id, original_id in rows:
        connection.execute(
            sa.text("UPDATE document_sources SET data = :data WHERE document_id = :id"),
            {"id": document_id, "data": _original_bytes(connection, original_id)},
        )

    def copy_original(change):
        for side in ("before", "after"):
            values = {name: _expanded_value(value) for name, value in (change.get(side) or {}).items()}
            if change["table"] == "document_sources" and "original_id" in values:
                data = _original_bytes(connection, values.pop("original_id"))
                values["data"] = {"$b": base64.b64encode(data).decode("ascii")}
            change[side] = values
        return change

    _rewrite_log(
        connection,
        "changes LIKE '%\"document_sources\"%' OR changes LIKE '%\"$z%'",
        copy_original,
    )

    with op.batch_alter_table('document_sources', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_document_sources_original_id_original_files'), type_='foreignkey')
        batch_op.drop_index('ix_document_sources_original')
        batch_op.drop_column('original_id')
        batch_op.alter_column('data', existing_type=sa.LargeBinary(), nullable=False)

    op.drop_table('original_files')
