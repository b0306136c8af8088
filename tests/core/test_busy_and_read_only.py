"""Busy is not damaged, read-only is not a conflict: each failure of the file is said as what it
is, in one sentence without SQL or URLs, and nothing is half-written."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import event
from support import SAMPLE_TEXT

from qda_app.cli import main
from qda_app.core.analysis.counts import project_summary
from qda_app.core.db import sqlite_specific, store
from qda_app.core.errors import ProjectFileError, QdaError
from qda_app.core.project import Project

LEAKS = ("SELECT", "INSERT", "UPDATE ", "DELETE", "[SQL", "http", "sqlalche.me", "sqlite3.")

# A second program writing a large amount in one transaction, holding it until told to stop.
LONG_WRITER = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
connection.execute("CREATE TABLE bulk (payload TEXT)")
connection.executemany("INSERT INTO bulk VALUES (?)", [("x" * 1000,)] * 20000)
print("writing", flush=True)
sys.stdin.read()
connection.execute("ROLLBACK")
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def no_leak(message: str) -> bool:
    return not any(fragment in message for fragment in LEAKS)


@pytest.fixture
def coded(project_path: Path, project: Project) -> Path:
    document = project.documents.add("Workshop Manfort", SAMPLE_TEXT)
    project.codings.add(document.id, 0, 9, project.categories.find("Bedarfe/Zielgruppe").id)
    project.close()
    return project_path


@pytest.fixture
def long_write(coded: Path) -> Iterator[subprocess.Popen]:
    writer = subprocess.Popen(
        [sys.executable, "-c", LONG_WRITER, str(coded)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None and writer.stdout.readline() == "writing\n"
    yield writer
    writer.communicate("", timeout=30)


def test_readers_are_not_blocked_by_a_long_write(coded: Path, long_write, capsys) -> None:
    with Project.open(coded) as project:
        assert project_summary(project).codings == 1
        assert [entry.command for entry in project.history.entries()][0] == "coding.add"
    assert main(["--lang", "en", "info", str(coded)]) == 0
    assert "1 codings" in capsys.readouterr().out


def test_a_writer_waits_then_says_busy(coded: Path, long_write, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sqlite_specific, "BUSY_TIMEOUT_MS", 200)
    busy = (
        f"{coded} is busy because another window or program is saving changes to it; "
        "please try again in a moment."
    )
    with Project.open(coded) as project:
        with pytest.raises(ProjectFileError) as caught:
            project.codings.add(1, 10, 20, project.categories.find("Bedarfe/Zielgruppe").id)
        assert str(caught.value) == busy
        with pytest.raises(ProjectFileError) as caught:
            project.history.undo()
        assert str(caught.value) == busy
    assert main(["--lang", "en", "undo", str(coded)]) == 1
    assert capsys.readouterr().err == f"qda: {busy}\n"
    long_write.communicate("", timeout=30)  # the other program finishes: now it works
    with Project.open(coded) as project:
        project.history.undo()
        assert project_summary(project).codings == 0


@pytest.fixture(params=["uri", "no-write-permission", "chmod"])
def read_only_location(request, coded: Path, monkeypatch) -> str:
    """The project opened read-only three ways. chmod does not stop root from writing, so
    as root that case is skipped; "no-write-permission" makes the app's permission check
    answer as it does for an ordinary user on a chmod a-w file."""
    if request.param == "uri":
        return f"sqlite:///file:{coded}?mode=ro&uri=true"
    coded.chmod(0o444)
    request.addfinalizer(lambda: coded.chmod(0o644))
    if request.param == "chmod":
        if os.geteuid() == 0:
            pytest.skip("running as root: chmod does not make a file read-only for root")
        return str(coded)
    real_access = store.os.access
    monkeypatch.setattr(
        store.os, "access", lambda p, mode: False if Path(p) == coded else real_access(p, mode)
    )
    return str(coded)


def test_undo_on_a_read_only_project_says_read_only(
    coded: Path, read_only_location: str, capsys
) -> None:
    before = digest(coded)
    read_only = (
        f"{coded} is read-only, so nothing can be changed in it; copy it to a folder where "
        "you may write, or ask for write permission."
    )
    with Project.open(read_only_location) as project:
        assert project_summary(project).codings == 1  # reading works
        with pytest.raises(ProjectFileError) as caught:
            project.history.undo()
        assert str(caught.value) == read_only
        with pytest.raises(ProjectFileError) as caught:
            project.documents.add("Neu", "Text")
        assert str(caught.value) == read_only
    assert main(["--lang", "en", "undo", read_only_location]) == 1
    assert capsys.readouterr().err == f"qda: {read_only}\n"
    assert digest(coded) == before
    assert sorted(p.name for p in coded.parent.iterdir()) == [coded.name]  # no -wal, no -shm


def test_a_full_disk_is_said_as_such(coded: Path) -> None:
    with Project.open(coded) as project:
        project.engine.dispose()

        @event.listens_for(project.engine, "connect")
        def _no_room(dbapi_connection, _record) -> None:
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

        with pytest.raises(ProjectFileError) as caught:
            project.documents.add("Langes Protokoll", SAMPLE_TEXT * 2000)
        assert str(caught.value) == (
            f"There is not enough disk space to save changes to {coded}; nothing was changed."
        )
        assert [d.title for d in project.documents.list()] == ["Workshop Manfort"]


def test_a_replay_that_no_longer_fits_names_no_sql(coded: Path) -> None:
    with Project.open(coded) as project:
        project.history.undo()  # the coding is gone, its redo is pending
        with closing(sqlite3.connect(coded)) as connection, connection:  # behind the app's back
            connection.execute("DELETE FROM documents")  # the coding's document
        with pytest.raises(QdaError) as caught:
            project.history.redo()
        assert no_leak(str(caught.value)), str(caught.value)
