"""Several processes on one project: each coder undoes their own commands, an undo never
overwrites a later change, undo claims its entry atomically, and every open project hears of
what the others committed."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest
from support import SAMPLE_TEXT, span

from qda_app.core.errors import ValidationError
from qda_app.core.project import Project

pytestmark = pytest.mark.both_backends


@pytest.fixture
def anna(project: Project) -> Project:
    project.actor = "Anna"
    return project


@pytest.fixture
def ben(project_path: Path, anna: Project):  # anna first: the file exists with its preset
    with Project.open(project_path, actor="Ben") as other:
        yield other


def test_each_coder_undoes_their_own_last_command(anna, ben, document, categories) -> None:
    mine = anna.codings.add(document.id, 0, 9, categories["Bedarfe"])
    theirs = ben.codings.add(document.id, 10, 20, categories["Bedarfe"])
    assert anna.history.next_undo().command == "coding.add"
    anna.history.undo()
    remaining = [s.coding_id for s in anna.segments.of_document(document.id)]
    assert remaining == [theirs.id]
    assert mine.id not in remaining
    # Anna added the document next; Ben has coded it since, so undoing it would take his
    # coding along: refused, naming him.
    with pytest.raises(ValidationError, match="Ben"):
        anna.history.undo()
    assert [s.coding_id for s in anna.segments.of_document(document.id)] == [theirs.id]


def test_another_coders_command_keeps_my_redo(anna, ben, document, categories) -> None:
    anna.codings.add(document.id, 0, 9, categories["Bedarfe"])
    anna.history.undo()
    ben.codings.add(document.id, 10, 20, categories["Bedarfe"])
    assert anna.history.next_redo() is not None
    anna.history.redo()
    assert len(anna.segments.of_document(document.id)) == 2


def test_undo_is_refused_when_someone_changed_the_rows_since(anna, ben, categories) -> None:
    created = anna.categories.create("Neue Kategorie", categories["Bedarfe"])
    ben.categories.rename(created.id, "Umbenannt")
    with pytest.raises(ValidationError) as refused:
        anna.history.undo()
    message = str(refused.value)
    assert "Ben" in message and "Umbenannt" in message and "nothing was changed" in message
    assert anna.categories.get(created.id).name == "Umbenannt"
    ben.history.undo()  # Ben's rename goes first; then Anna's creation can be undone
    anna.history.undo()
    assert all(c.id != created.id for c in anna.categories.list())


def test_redo_is_refused_when_the_rows_changed_since_the_undo(
    anna, ben, document, categories
) -> None:
    coding = anna.codings.add(document.id, 0, 9, categories["Bedarfe"])
    anna.codings.update(coding.id, memo="erste Fassung")
    anna.history.undo()  # the memo is empty again
    ben.codings.update(coding.id, memo="Bens Fassung")
    with pytest.raises(ValidationError, match="Ben"):
        anna.history.redo()
    assert anna.codings.get(coding.id).memo == "Bens Fassung"


def test_undo_of_a_stale_menu_entry_is_refused(anna, document, categories) -> None:
    first = anna.codings.add(document.id, 0, 9, categories["Bedarfe"])
    seen = anna.history.next_undo()
    anna.codings.add(document.id, 10, 20, categories["Bedarfe"])
    with pytest.raises(ValidationError, match="Your last change is now"):
        anna.history.undo(expected=seen.id)
    assert len(anna.segments.of_document(document.id)) == 2
    assert first.id in {s.coding_id for s in anna.segments.of_document(document.id)}


def test_other_projects_hear_of_commands_undos_and_redos(anna, ben, document, categories) -> None:
    assert ben.history.poll_external() == []  # starts watching here
    start, end = span(SAMPLE_TEXT, "Viele Familien")
    coding = anna.codings.add(document.id, start, end, categories["Bedarfe/Zielgruppe"])
    events = ben.history.poll_external()
    assert [(e.action, e.command, e.actor, e.external) for e in events] == [
        ("do", "coding.add", "Anna", True)
    ]
    assert events[0].keys("codings", "insert") == {coding.id}
    assert events[0].of("codings")[0].after["category_id"] == categories["Bedarfe/Zielgruppe"]
    assert ben.history.poll_external() == []  # nothing new
    anna.history.undo()
    (undo,) = ben.history.poll_external()
    assert undo.action == "undo" and undo.keys("codings", "delete") == {coding.id}
    anna.history.redo()
    (redo,) = ben.history.poll_external()
    assert redo.action == "redo" and redo.keys("codings", "insert") == {coding.id}
    assert anna.history.poll_external() == []  # its own changes it heard of directly


def test_listeners_hear_which_rows_changed(anna, document, categories) -> None:
    heard = []
    anna.subscribe(heard.append)
    coding = anna.codings.add(document.id, 0, 9, categories["Bedarfe"])
    anna.codings.change_category(coding.id, categories["Ressourcen"])
    anna.history.undo()
    add, change, undo = heard
    assert add.keys("codings", "insert") == {coding.id} and add.keys("change_log") == set()
    assert change.of("codings")[0].before == {"category_id": categories["Bedarfe"]} | {
        k: v for k, v in change.of("codings")[0].before.items() if k != "category_id"
    }
    assert change.of("codings")[0].after["category_id"] == categories["Ressourcen"]
    assert undo.action == "undo"
    assert undo.of("codings")[0].after["category_id"] == categories["Bedarfe"]


def _undo_expecting(path: str, entry_id: int, barrier, results) -> None:
    with Project.open(path, actor="Anna") as project:
        barrier.wait()
        try:
            project.history.undo(expected=entry_id)
            results.put("undone")
        except ValidationError as error:
            results.put(f"refused: {error.key}")


def test_two_processes_cannot_both_undo_the_same_change(anna, document, categories) -> None:
    anna.codings.add(document.id, 0, 9, categories["Bedarfe"])
    entry = anna.history.next_undo()
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    workers = [
        context.Process(target=_undo_expecting, args=(anna.location, entry.id, barrier, results))
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    outcomes = sorted(results.get(timeout=5) for _ in workers)
    assert outcomes[0] == "refused: history.claimed_elsewhere" or outcomes[0].startswith(
        "refused: history.moved_on"
    )
    assert outcomes[1] == "undone"
    markers = [e for e in anna.history.entries() if e.command == "history.undo"]
    assert len(markers) == 1 and markers[0].params["entry"] == entry.id
