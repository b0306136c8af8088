"""A project shared on a PostgreSQL server (and the same rules on a file): stale edits are
refused, read-only coders cannot write, writers from several processes lose nothing, others'
changes are announced, passwords never show, and a project moves to a server and back."""

from __future__ import annotations

import multiprocessing
import select
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from qda_app.core import project_transfer
from qda_app.core.db import migrate, postgres_specific, project_copy, store
from qda_app.core.db.write_access import writer
from qda_app.core.errors import (
    EditConflictError,
    ProjectFileError,
    ReadOnlyCoderError,
    ValidationError,
)
from qda_app.core.project import Project

pytestmark = pytest.mark.both_backends


@pytest.fixture
def anna(project: Project) -> Project:
    project.actor = "Anna"
    return project


@pytest.fixture
def ben(project_path: Path, anna: Project):
    with Project.open(project_path, actor="Ben") as other:
        yield other


def test_an_edit_of_an_outdated_category_is_refused(anna, ben, categories) -> None:
    seen_by_anna = anna.categories.get(categories["Bedarfe"])
    seen_by_ben = ben.categories.get(categories["Bedarfe"])
    ben.categories.update(
        seen_by_ben.id, definition="Bens Definition", expected_version=seen_by_ben.version
    )
    with pytest.raises(EditConflictError) as refused:
        anna.categories.rename(seen_by_anna.id, "Annas Name", expected_version=seen_by_anna.version)
    assert str(refused.value) == (
        "“Herausforderungen und Bedarfe” was changed by someone else since you loaded it, "
        "so your change was not saved; please reload and make it again."
    )
    now = anna.categories.get(categories["Bedarfe"])
    assert (now.name, now.definition) == (seen_by_anna.name, "Bens Definition")
    anna.categories.rename(now.id, "Annas Name", expected_version=now.version)  # reloaded
    assert anna.categories.get(now.id).name == "Annas Name"


def test_statement_and_coding_edits_check_their_version(anna, ben, document, categories) -> None:
    statement = anna.statements.add(categories["Bedarfe"], "Erste Fassung")
    ben.statements.update_text(statement.id, "Bens Fassung", expected_version=statement.version)
    with pytest.raises(EditConflictError):
        anna.statements.update_text(
            statement.id, "Annas Fassung", expected_version=statement.version
        )
    assert anna.statements.get(statement.id).text == "Bens Fassung"
    coding = anna.codings.add(document.id, 0, 9, categories["Bedarfe/Zielgruppe"])
    ben.codings.update(coding.id, memo="Ben", expected_version=coding.version)
    with pytest.raises(EditConflictError):
        anna.codings.update(coding.id, memo="Anna", expected_version=coding.version)


def test_undo_makes_a_new_version(anna, categories) -> None:
    before = anna.categories.get(categories["Bedarfe"])
    renamed = anna.categories.rename(before.id, "Neu", expected_version=before.version)
    assert renamed.version == before.version + 1
    anna.history.undo()
    undone = anna.categories.get(before.id)
    assert undone.name == before.name and undone.version == renamed.version + 1
    with pytest.raises(EditConflictError):  # a window still showing "Neu" must reload
        anna.categories.rename(before.id, "Alt", expected_version=renamed.version)


def test_a_read_only_coder_cannot_change_anything(anna, ben, document, categories) -> None:
    anna.coders.set_role("Anna", "owner")
    anna.coders.set_role("Ben", "read-only")
    assert {c.name: c.role for c in anna.coders.list()} == {"Anna": "owner", "Ben": "read_only"}
    with pytest.raises(ReadOnlyCoderError) as refused:
        ben.codings.add(document.id, 0, 9, categories["Bedarfe"])
    assert str(refused.value) == (
        "Ben may only read this project, so nothing was changed; the project owner can change that."
    )
    with pytest.raises(ReadOnlyCoderError):
        ben.coders.set_role("Ben", "coder")
    ben.actor = "Cem"  # a coder, not the owner
    with pytest.raises(ValidationError, match="Only the project owner \\(Anna\\)"):
        ben.coders.set_role("Cem", "owner")
    ben.actor = "Ben"
    assert ben.segments.of_document(document.id) == []  # reading still works
    anna.coders.set_role("Ben", "coder")
    ben.codings.add(document.id, 0, 9, categories["Bedarfe"])


def _add_codings(location: str, actor: str, document_id: int, category_id: int, n: int) -> None:
    with Project.open(location, actor=actor) as project:
        for index in range(n):
            project.codings.add(document_id, index, index + 1, category_id)
            project.statements.add(category_id, f"{actor} {index}")


def test_writers_in_several_processes_lose_nothing(project_path, document, categories) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [
        context.Process(
            target=_add_codings,
            args=(str(project_path), f"coder{i}", document.id, categories["Bedarfe"], 15),
        )
        for i in range(3)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(120)
        assert worker.exitcode == 0
    with Project.open(project_path) as project:
        assert len(project.segments.of_document(document.id)) == 45
        assert len(project.statements.list()) == 45
        actors = [e.actor for e in project.history.entries() if e.command == "coding.add"]
        assert sorted(set(actors)) == ["coder0", "coder1", "coder2"]


def test_the_log_says_who_did_what_for_each_coder(anna, ben, document, categories) -> None:
    anna.codings.add(document.id, 0, 9, categories["Bedarfe"])
    ben.categories.rename(categories["Bedarfe"], "Bedarfe (Ben)")
    newest = anna.history.entries(limit=2)
    assert [(e.actor, e.command) for e in newest] == [
        ("Ben", "category.rename"),
        ("Anna", "coding.add"),
    ]


@pytest.mark.postgres
@pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)
def test_a_commit_wakes_the_other_window(anna, ben, document, categories) -> None:
    socket = ben.history.change_socket()
    assert socket is not None
    ben.history.poll_external()
    anna.codings.add(document.id, 0, 9, categories["Bedarfe"])
    readable, _, _ = select.select([socket], [], [], 2.0)
    assert readable == [socket]
    (event,) = ben.history.poll_external()
    assert (event.command, event.actor) == ("coding.add", "Anna")


def test_a_file_project_has_no_change_socket(tmp_path: Path) -> None:
    with Project.create(tmp_path / "a.qda") as project:
        assert project.history.change_socket() is None


@pytest.mark.postgres
@pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)
def test_passwords_never_show(project_path: str) -> None:
    url = make_url(project_path).set(password="Geheim-123")
    with_password = url.render_as_string(hide_password=False)
    assert "Geheim-123" not in store.display_name(with_password)
    assert store.display_name(with_password).startswith("postgresql://qda:***@")
    wrong_host = make_url(with_password).set(port=1).render_as_string(hide_password=False)
    with pytest.raises(ProjectFileError) as refused:
        Project.open(wrong_host)
    message = str(refused.value)
    assert "Geheim-123" not in message and "cannot be reached" in message
    with Project.create(with_password, actor="Anna") as project:  # trust login: any password
        project.quarters.list()
        entries = project.history.entries()
        assert all("Geheim-123" not in str(e.params) for e in entries)
        assert "Geheim-123" not in project.display_name


@pytest.mark.postgres
@pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)
def test_each_revision_runs_on_the_server(project_path: str) -> None:
    engine = store.create_store_engine(store.location_to_url(project_path))
    try:
        for revision in migrate.known_revisions():
            migrate.upgrade(engine, revision)
            assert migrate.current_revision(engine) == revision
    finally:
        engine.dispose()
    with Project.open(project_path) as project:
        assert project.quarters.list() == []


def _filled(location: str | Path, document_id: int, categories: dict[str, int]) -> None:
    with Project.open(location, actor="Anna") as project:
        coding = project.codings.add(document_id, 0, 9, categories["Bedarfe/Zielgruppe"])
        project.codings.add(document_id, 10, 30, categories["Bedarfe"])
        statement = project.statements.add(categories["Bedarfe"], "Aussage")
        project.statements.link(statement.id, coding.id)
        project.categories.rename(categories["Bedarfe"], "Bedarfe neu")
        project.categories.move(categories["Bedarfe/Zielgruppe"], None)
        project.coders.set_role("Ben", "read_only")
        project.history.undo()  # an undone entry and a marker in the log


@pytest.mark.postgres
@pytest.mark.sqlite_only
def test_push_and_pull_lose_nothing(
    project_path, document, categories, server_database: str, tmp_path: Path
) -> None:
    _filled(project_path, document.id, categories)
    summary = project_transfer.push(project_path, server_database, "Anna")
    assert summary.target == postgres_specific.masked(server_database)
    back = tmp_path / "back.qda"
    project_transfer.pull(server_database, back, "Anna")
    original = project_copy.dump(store.open_store(project_path)[0])
    on_server = project_copy.dump(store.open_store(server_database)[0])
    pulled = project_copy.dump(store.open_store(back)[0])
    transfers = original.pop("project_transfers")
    assert on_server.pop("project_transfers")[len(transfers) :][0][1] == "push"
    assert [row[1] for row in pulled.pop("project_transfers")] == ["push", "pull"]
    assert original == on_server == pulled
    assert sum(len(rows) for rows in original.values()) > 30
    with Project.open(server_database, actor="Anna") as project:
        assert project.history.next_redo() is not None  # Anna's undone command survived
        added = project.codings.add(document.id, 40, 50, categories["Bedarfe"])
        assert added.id > max(row[0] for row in original["codings"])  # counters moved on


@pytest.mark.postgres
@pytest.mark.sqlite_only
def test_push_refuses_a_database_that_holds_a_project(
    project, project_path, server_database: str, tmp_path: Path
) -> None:
    Project.create(server_database).close()
    with pytest.raises(ProjectFileError, match="already exists"):
        project_transfer.push(project_path, server_database, "Anna")
    with pytest.raises(ProjectFileError, match="is not a server address"):
        project_transfer.push(project_path, str(tmp_path / "x.qda"), "Anna")
    target = tmp_path / "half.qda"
    real_copy = project_copy.copy_rows

    def failing(reader, writer):  # noqa: ANN001, ANN202
        real_copy(reader, writer)
        raise RuntimeError("cable pulled")

    project_copy.copy_rows = failing  # type: ignore[assignment]
    try:
        with pytest.raises(RuntimeError):
            project_transfer.pull(server_database, target, "Anna")
    finally:
        project_copy.copy_rows = real_copy  # type: ignore[assignment]
    assert not target.exists()


@pytest.mark.postgres
@pytest.mark.parametrize("store_backend", ["postgresql"], indirect=True)
def test_a_writer_waits_for_another_then_says_busy(
    project_path: str, monkeypatch, document, categories
) -> None:
    monkeypatch.setattr(postgres_specific, "LOCK_TIMEOUT_MS", 300)
    with Project.open(project_path, actor="Ben") as ben:
        with writer(ben.engine).begin() as held:  # Ben's long change holds the write lock
            held.exec_driver_sql("SELECT 1")
            with (
                Project.open(project_path, actor="Anna") as anna,
                pytest.raises(ProjectFileError) as refused,
            ):
                anna.codings.add(document.id, 0, 9, categories["Bedarfe"])
        assert "is busy" in str(refused.value)
        assert ben.segments.of_document(document.id) == []
