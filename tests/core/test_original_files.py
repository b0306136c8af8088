"""An imported file is kept once, compressed; the change log refers to it instead of copying it,
and undo/redo of an import (or of deleting a document) bring the original back exactly."""

from __future__ import annotations

import base64
import json
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from support import SAMPLE_TEXT

from qda_app.core.importers.batch import ImportOptions, ImportSummary, import_files
from qda_app.core.project import Project

pytestmark = pytest.mark.both_backends

FIXTURES = Path(__file__).parents[1] / "fixtures" / "projects"


def import_paths(project: Project, *paths: Path, **options) -> ImportSummary:
    summary = ImportSummary()
    for _ in import_files(project, list(paths), ImportOptions(**options), summary):
        pass
    return summary


def stored(path: Path, query: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute(query).fetchall()


def long_protocol(tmp_path: Path, name: str = "protokoll.txt") -> Path:
    source = tmp_path / "in" / name
    source.parent.mkdir(exist_ok=True)
    source.write_text(SAMPLE_TEXT * 4000, encoding="utf-8")  # about 1 MB
    return source


@pytest.mark.sqlite_only
def test_a_large_import_grows_the_project_by_little_more_than_its_text(
    project_path: Path, project: Project, tmp_path: Path
) -> None:
    source = long_protocol(tmp_path)
    size_before = project_path.stat().st_size
    assert len(import_paths(project, source).imported) == 1
    project.close()
    growth = project_path.stat().st_size - size_before
    text_bytes = len(source.read_bytes())
    # the text itself is stored once in full (it is searched and coded); the original file
    # and the change log's copy of the text are compressed, the log holds no original
    assert growth < 1.5 * text_bytes, (growth, text_bytes)
    ((changes,),) = stored(
        project_path, "SELECT changes FROM change_log WHERE command = 'document.import'"
    )
    assert len(changes) < 0.2 * text_bytes
    assert stored(project_path, "SELECT compression, size FROM original_files") == [
        ("zlib", text_bytes)
    ]


def test_undo_and_redo_of_an_import_restore_the_original_exactly(
    project: Project, tmp_path: Path
) -> None:
    source = long_protocol(tmp_path)
    import_paths(project, source)
    (document,) = project.documents.list()
    text = project.documents.text(document.id)
    project.history.undo()
    assert project.documents.list() == []
    project.history.redo()
    (again,) = project.documents.list()
    assert again.id == document.id
    assert project.documents.text(again.id) == text
    assert project.documents.original(again.id) == source.read_bytes()


def test_deleting_a_document_and_undoing_it_keeps_the_original(
    project: Project, tmp_path: Path
) -> None:
    source = long_protocol(tmp_path)
    import_paths(project, source)
    (document,) = project.documents.list()
    project.documents.delete(document.id)
    assert project.documents.original(document.id) is None
    project.history.undo()
    assert project.documents.original(document.id) == source.read_bytes()


@pytest.mark.sqlite_only
def test_the_same_file_imported_twice_is_kept_once(
    project_path: Path, project: Project, tmp_path: Path
) -> None:
    first = long_protocol(tmp_path, "a.txt")
    second = tmp_path / "in" / "b.txt"
    shutil.copy(first, second)
    import_paths(project, first, second, allow_duplicates=True)
    a, b = project.documents.list()
    assert project.documents.original(a.id) == project.documents.original(b.id)
    project.close()
    assert stored(project_path, "SELECT count(*) FROM original_files") == [(1,)]


def test_an_import_logged_by_revision_0002_still_undoes_and_redoes(tmp_path: Path) -> None:
    """Upgrading rewrites the log: the old entry's copy of the original becomes a reference."""
    path = tmp_path / "alt.qda"
    shutil.copy(FIXTURES / "empty-r0002.qda", path)
    original = "Älterer Text aus Manfort – mit Umlauten.\n".encode() * 500
    text = original.decode().rstrip("\n")
    document = {
        "id": 1,
        "title": "Alt",
        "quarter_id": None,
        "method_id": None,
        "date": None,
        "group_label": "",
        "participants": None,
        "moderator": "",
        "source_filename": "alt.txt",
        "source_format": "txt",
        "content_hash": "x",
        "text": text,
        "text_length": len(text),
        "position": 0,
        "created_at": {"$dt": "2021-01-01T00:00:00"},
    }
    source = {"document_id": 1, "data": {"$b": base64.b64encode(original).decode("ascii")}}
    changes = [
        {"op": "insert", "table": "documents", "key": {"id": 1}, "before": {}, "after": document},
        {
            "op": "insert",
            "table": "document_sources",
            "key": {"document_id": 1},
            "before": {},
            "after": source,
        },
    ]
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(
            "INSERT INTO documents (id, title, group_label, moderator, source_filename, "
            "source_format, content_hash, text, text_length, position, created_at) "
            "VALUES (1, 'Alt', '', '', 'alt.txt', 'txt', 'x', ?, ?, 0, '2021-01-01 00:00:00')",
            (text, len(text)),
        )
        connection.execute("INSERT INTO document_sources VALUES (1, ?)", (original,))
        connection.execute(
            "INSERT INTO change_log (created_at, actor, command, params, changes, undoable, "
            "state) VALUES ('2021-01-01 00:00:00', 'alt', 'document.import', '{}', ?, 1, 'done')",
            (json.dumps(changes),),
        )
    with Project.open(path, actor="alt") as project:  # undo acts on its own commands
        assert project.backup_path is not None
        assert project.documents.original(1) == original
        project.history.undo()
        assert project.documents.list() == []
        project.history.redo()
        assert project.documents.text(1) == text
        assert project.documents.original(1) == original
    ((logged,),) = stored(path, "SELECT changes FROM change_log WHERE command = 'document.import'")
    assert "original_id" in logged and '"data"' not in logged
