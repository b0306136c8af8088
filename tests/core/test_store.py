"""Creating, opening, upgrading and refusing project files."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from contextlib import closing
from pathlib import Path

import pytest

from qda_app.core.db import migrate, store
from qda_app.core.errors import ProjectFileError
from qda_app.core.project import Project


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_project_is_at_head_with_default_methods(project_path: Path) -> None:
    with Project.create(project_path, name="Studie") as project:
        assert migrate.current_revision(project.engine) == migrate.head_revision()
        assert [m.code for m in project.methods.list()] == ["workshop", "phone_interview", "other"]
    with Project.open(project_path) as reopened:
        assert reopened.backup_path is None
        assert reopened.methods.find("Telefoninterview").code == "phone_interview"


def test_creating_over_an_existing_file_is_refused(project_path: Path) -> None:
    project_path.write_bytes(b"keep me")
    with pytest.raises(ProjectFileError, match="already exists"):
        Project.create(project_path)
    assert project_path.read_bytes() == b"keep me"


def test_missing_file_and_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="There is no project file at"):
        Project.open(tmp_path / "nothing.qda")
    with pytest.raises(ProjectFileError, match="does not exist"):
        Project.create(tmp_path / "no" / "such" / "folder.qda")


def test_text_file_is_not_a_project(tmp_path: Path) -> None:
    path = tmp_path / "notes.qda"
    path.write_text("Dies ist kein Projekt, sondern eine Notiz mit genug Text. " * 5)
    before = digest(path)
    with pytest.raises(ProjectFileError) as caught:
        Project.open(path)
    assert str(caught.value) == f"{path} is not a qda_app project file."
    assert digest(path) == before


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.qda"
    path.touch()
    with pytest.raises(ProjectFileError, match="empty file"):
        Project.open(path)
    assert path.read_bytes() == b""


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        connection.execute("INSERT INTO notes (text) VALUES ('hallo')")
    before = digest(path)
    with pytest.raises(ProjectFileError, match="database of another program"):
        Project.open(path)
    assert digest(path) == before


def test_damaged_project_is_refused(project_path: Path) -> None:
    Project.create(project_path).close()
    data = bytearray(project_path.read_bytes())
    data[200:4096] = b"\xff" * (4096 - 200)  # wreck the schema page after the header
    project_path.write_bytes(bytes(data))
    before = digest(project_path)
    with pytest.raises(ProjectFileError, match="damaged"):
        Project.open(project_path)
    assert digest(project_path) == before


def test_newer_revision_is_refused_and_file_unchanged(project_path: Path) -> None:
    Project.create(project_path).close()
    with closing(sqlite3.connect(project_path)) as connection, connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = digest(project_path)
    with pytest.raises(ProjectFileError) as caught:
        Project.open(project_path)
    assert "newer version of qda_app (schema 9999_future)" in str(caught.value)
    assert digest(project_path) == before
    assert list(project_path.parent.iterdir()) == [project_path]  # no backup either


def unwritable_folder(tmp_path: Path) -> Path:
    """A folder this process cannot create files in (chmod for users; /sys when root)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        return folder
    folder.chmod(0o755)
    system = Path("/sys")
    try:
        with tempfile.TemporaryFile(dir=system):
            pass
    except OSError:
        return system
    pytest.skip("no read-only location available on this machine")


def test_read_only_location_gives_clear_message(tmp_path: Path) -> None:
    folder = unwritable_folder(tmp_path)
    target = folder / "study.qda"
    with pytest.raises(ProjectFileError) as caught:
        Project.create(target)
    assert str(caught.value) == (
        f"{target} cannot be created because the folder {folder} is read-only."
    )
    assert not target.exists()


def test_folder_given_as_project(tmp_path: Path) -> None:
    with pytest.raises(ProjectFileError, match="is a folder"):
        Project.open(tmp_path)


def test_location_may_be_a_url(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'by-url.qda'}"
    Project.create(url).close()
    with Project.open(url) as project:
        assert project.methods.list()


def test_backup_name_sits_beside_the_file(project_path: Path) -> None:
    backup = store.backup_path_for(project_path, "0001")
    assert backup.parent == project_path.parent
    assert backup.name.startswith("study.backup-r0001-") and backup.suffix == ".qda"
