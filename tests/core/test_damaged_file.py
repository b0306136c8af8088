"""A project file with a damaged page is refused by every command and never written."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from support import SAMPLE_TEXT

from qda_app.cli import main
from qda_app.core.errors import ProjectFileError
from qda_app.core.project import Project

PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def damage_middle_page(path: Path) -> None:
    """Overwrite one page in the middle of a compacted file (every page is in use)."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.execute("VACUUM")
    data = bytearray(path.read_bytes())
    pages = len(data) // PAGE
    assert pages >= 20, "the project must span many pages for a page in the middle"
    middle = pages // 2
    data[middle * PAGE : (middle + 1) * PAGE] = b"\xa5" * PAGE
    path.write_bytes(bytes(data))


@pytest.fixture
def damaged(project_path: Path, project: Project) -> Path:
    manfort = project.quarters.find("Manfort").id
    for number in range(12):
        document = project.documents.add(
            f"Protokoll {number}", SAMPLE_TEXT * 60, quarter_id=manfort
        )
    project.codings.add(document.id, 0, 9, project.categories.find("Bedarfe/Zielgruppe").id)
    project.close()
    damage_middle_page(project_path)
    return project_path


def test_open_refuses_a_damaged_page_and_leaves_the_file_alone(damaged: Path) -> None:
    before = digest(damaged)
    with pytest.raises(ProjectFileError) as caught:
        Project.open(damaged)
    assert str(caught.value) == (
        f"{damaged} is damaged, so qda_app does not open or change it; "
        "please use your latest copy or backup of it."
    )
    assert digest(damaged) == before
    assert sorted(p.name for p in damaged.parent.iterdir()) == [damaged.name]


@pytest.mark.parametrize("command", ["info", "check", "log", "undo", "redo", "documents"])
def test_every_command_says_damaged_in_one_line(damaged: Path, command: str, capsys) -> None:
    before = digest(damaged)
    code = main(["--lang", "en", command, str(damaged)])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err == f"qda: {damaged} is damaged, so qda_app does not open or change it; " + (
        "please use your latest copy or backup of it.\n"
    )
    assert digest(damaged) == before


def test_damage_found_after_opening_is_said_the_same_way(project_path: Path, project) -> None:
    """A page that breaks while the project is open: the command refuses in one sentence."""
    manfort = project.quarters.find("Manfort").id
    for number in range(12):
        project.documents.add(f"Protokoll {number}", SAMPLE_TEXT * 60, quarter_id=manfort)
    project.engine.dispose()  # closed: SQLite wrote everything into the file, nothing cached
    with closing(sqlite3.connect(project_path)) as connection:
        documents_root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'documents'"
        ).fetchone()[0]
    data = bytearray(project_path.read_bytes())
    start = (documents_root - 1) * PAGE
    data[start : start + PAGE] = b"\xa5" * PAGE
    project_path.write_bytes(bytes(data))
    with pytest.raises(ProjectFileError, match="is damaged, so qda_app does not open"):
        project.documents.list()
