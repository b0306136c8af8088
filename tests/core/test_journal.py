"""The journal beside a project: WAL on local disks (readers never wait for a writer), the
classic rollback journal on network folders, and a project file that is complete on its own
whenever no change is being saved."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from support import SAMPLE_TEXT

from qda_app.core.db import file_location, sqlite_specific
from qda_app.core.project import Project


def journal_mode(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return connection.execute("PRAGMA journal_mode").fetchone()[0]


def test_a_copy_of_an_open_project_holds_every_saved_change(
    project_path: Path, project: Project, tmp_path: Path
) -> None:
    document = project.documents.add("Workshop Manfort", SAMPLE_TEXT)
    project.codings.add(document.id, 0, 9, project.categories.find("Bedarfe/Zielgruppe").id)
    copy = tmp_path / "copy" / "study.qda"
    copy.parent.mkdir()
    shutil.copy(project_path, copy)  # only the .qda file, while the project is open
    with Project.open(copy) as copied:
        assert [d.title for d in copied.documents.list()] == ["Workshop Manfort"]
        assert len(copied.segments.of_document(document.id)) == 1
        assert copied.history.entries()[0].command == "coding.add"


def test_helper_files_exist_only_while_the_project_is_open(project_path: Path) -> None:
    with Project.create(project_path) as project:
        project.documents.add("Workshop Manfort", SAMPLE_TEXT)
        assert journal_mode(project_path) == "wal"
        assert (project_path.parent / "study.qda-wal").exists()
    assert sorted(p.name for p in project_path.parent.iterdir()) == ["study.qda"]


def test_a_project_on_a_network_folder_uses_the_rollback_journal(
    project_path: Path, monkeypatch
) -> None:
    Project.create(project_path).close()
    assert journal_mode(project_path) == "wal"
    monkeypatch.setattr(sqlite_specific, "is_network_folder", lambda _folder: True)
    with Project.open(project_path) as project:
        project.documents.add("Workshop Manfort", SAMPLE_TEXT)
    assert journal_mode(project_path) == "delete"
    assert sorted(p.name for p in project_path.parent.iterdir()) == ["study.qda"]


def test_network_file_systems_are_recognised_from_the_mount_table() -> None:
    mounts = [
        ("/", "ext4"),
        ("/home", "ext4"),
        ("/mnt/team", "cifs"),
        ("/mnt/team/local-cache", "tmpfs"),
        ("/srv/nfs", "nfs4"),
    ]
    kinds = {
        path: file_location._mount_type(Path(path), mounts)
        for path in ("/home/anna/studie", "/mnt/team/projekte", "/mnt/team/local-cache/x", "/srv")
    }
    assert kinds == {
        "/home/anna/studie": "ext4",
        "/mnt/team/projekte": "cifs",
        "/mnt/team/local-cache/x": "tmpfs",
        "/srv": "ext4",
    }
    assert file_location._unescape_mount_point("/mnt/Team\\040Laufwerk") == "/mnt/Team Laufwerk"
