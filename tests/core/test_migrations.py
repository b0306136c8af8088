"""Schema revisions: the models match the migrations, every released revision opens."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from qda_app.core.db import migrate, store
from qda_app.core.db.models import Base
from qda_app.core.errors import ProjectFileError
from qda_app.core.integrity import check_project
from qda_app.core.project import Project

FIXTURES = Path(__file__).parents[1] / "fixtures" / "projects"
RELEASED = sorted(FIXTURES.glob("empty-r*.qda"))


def test_migrations_produce_exactly_the_models(tmp_path: Path) -> None:
    engine = store.create_store(tmp_path / "fresh.qda")
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_every_revision_has_an_empty_project_fixture() -> None:
    names = {path.stem.removeprefix("empty-r") for path in RELEASED}
    assert names == set(migrate.known_revisions())


@pytest.mark.parametrize("fixture", RELEASED, ids=[p.stem for p in RELEASED])
def test_released_revision_opens(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / fixture.name
    shutil.copy(fixture, path)
    revision = fixture.stem.removeprefix("empty-r")
    with Project.open(path) as project:
        assert migrate.current_revision(project.engine) == migrate.head_revision()
        assert check_project(project) == []
        if revision == migrate.head_revision():
            assert project.backup_path is None
        else:
            assert project.backup_path is not None and project.backup_path.exists()
            backup_engine = create_engine(f"sqlite:///{project.backup_path}")
            assert migrate.current_revision(backup_engine) == revision
            backup_engine.dispose()


def test_failed_backup_leaves_an_older_file_untouched(tmp_path: Path, monkeypatch) -> None:
    older = [p for p in RELEASED if p.stem.removeprefix("empty-r") != migrate.head_revision()]
    if not older:
        pytest.skip("only one schema revision released so far")
    path = tmp_path / older[0].name
    shutil.copy(older[0], path)
    before = path.read_bytes()
    monkeypatch.setattr(store, "backup_path_for", lambda *_: Path("/sys/cannot-write-here.qda"))
    with pytest.raises(ProjectFileError, match="no backup can be made|could not be backed up"):
        Project.open(path)
    assert path.read_bytes() == before


def test_populated_older_project_keeps_its_data_when_upgraded(tmp_path: Path) -> None:
    """A 0001 file with a document and a coding comes through the upgrade intact."""
    path = tmp_path / "alt.qda"
    engine = store.create_store_engine(store.location_to_url(path))
    from qda_app.core.db import sqlite_specific

    with engine.begin() as connection:
        sqlite_specific.mark_as_project(connection)
        migrate.upgrade_in(connection, "0001")
    with engine.begin() as connection:
        connection.exec_driver_sql(
            "INSERT INTO project_info (id, name, description, created_at) "
            "VALUES (1, 'Alt', '', '2021-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO categories (id, parent_id, position, name, tag, colour, origin, "
            "definition, coding_rules, codable, created_at) VALUES "
            "(1, NULL, 0, 'Bedarfe', 'B', '#ff0000', 'deductive', '', '', 1, '2021-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO coders (id, name, colour, created_at) "
            "VALUES (1, 'Keller', '#000000', '2021-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO documents (id, title, group_label, source_filename, source_format, "
            "content_hash, text, text_length, position, created_at) VALUES "
            "(1, 'Alt-Protokoll', '', '', 'txt', 'x', 'Ein alter Text', 14, 0, '2021-01-01')"
        )
        connection.exec_driver_sql(
            "INSERT INTO codings (document_id, document_length, start_pos, end_pos, category_id, "
            "coder_id, memo, paraphrase, generalisation, is_quote, created_at, updated_at) "
            "VALUES (1, 14, 4, 9, 1, 1, '', '', '', 1, '2021-01-01', '2021-01-01')"
        )
    engine.dispose()
    with Project.open(path) as project:
        assert project.backup_path is not None
        document = project.documents.get(1)
        assert (document.title, document.moderator) == ("Alt-Protokoll", "")
        assert project.segments.get(1).text == "alter"
        assert project.categories.get(1).block_patterns == ""


def test_revision_list_matches_the_shipped_alembic_revisions() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    shipped = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert list(migrate.REVISIONS) == shipped
    assert migrate.head_revision() == script.get_current_head()
