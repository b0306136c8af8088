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
