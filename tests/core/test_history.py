"""Every change is one logged, atomic command that can be undone and redone."""

from __future__ import annotations

import dataclasses

import pytest
from support import SAMPLE_TEXT, span

from qda_app.core.db.models import Category
from qda_app.core.errors import NothingToUndoError, ValidationError
from qda_app.core.project import Project
from qda_app.core.values import ChangeEvent

pytestmark = pytest.mark.both_backends


def snapshot(project: Project) -> tuple:
    """Everything a user could see, to compare before and after."""
    return (
        project.quarters.list(),
        project.documents.list(),
        project.categories.list(),
        [project.segments.of_document(d.id) for d in project.documents.list()],
        project.statements.list(),
        [project.categories.anchors(c.id) for c in project.categories.list()],
    )


def test_each_change_is_logged_with_actor_and_description(project, document, categories) -> None:
    start, end = span(SAMPLE_TEXT, "Personal gebunden")
    project.codings.add(document.id, start, end, categories["Bedarfe/Institutionen"])
    newest = project.history.entries(limit=1)[0]
    assert newest.command == "coding.add"
    assert newest.actor == "tester"
    assert newest.params == {
        "document": document.id,
        "category": categories["Bedarfe/Institutionen"],
        "start": start,
        "end": end,
        "title": "Workshop Manfort",
        "category_name": "im Hinblick auf die Institutionen",
    }
    assert newest.state == "done" and newest.undoable


def test_history_names_what_changed_in_both_languages(project, categories) -> None:
    from qda_app.core import i18n
    from qda_app.core.services.categories import CodingFate

    project.categories.delete(categories["Bedarfe/Sozialraum"], CodingFate.TO_PARENT)
    entry = project.history.next_undo()
    assert entry.description == ("Delete category “im Hinblick auf den Sozialraum”")
    i18n.set_language("de")
    assert entry.description == ("Kategorie „im Hinblick auf den Sozialraum“ löschen")
    older = dataclasses.replace(entry, params={"id": 3})
    assert older.description == "Kategorie „…“ löschen"  # older entries


def test_undo_and_redo_walk_back_and_forth(project, document, categories) -> None:
    states = [snapshot(project)]
    coding = project.codings.add(document.id, 0, 9, categories["Bedarfe/Zielgruppe"])
    states.append(snapshot(project))
    project.codings.update(coding.id, memo="Kontext", paraphrase="P", is_quote=True)
    states.append(snapshot(project))
    project.categories.rename(categories["Bedarfe"], "Herausforderungen")
    states.append(snapshot(project))
    project.documents.delete(document.id)
    states.append(snapshot(project))

    for expected in reversed(states[:-1]):
        project.history.undo()
        assert snapshot(project) == expected
    for expected in states[1:]:
        project.history.redo()
        assert snapshot(project) == expected


def test_new_change_after_undo_discards_redo(project, document, categories) -> None:
    project.codings.add(document.id, 0, 9, categories["Bedarfe/Zielgruppe"])
    project.history.undo()
    project.codings.add(document.id, 10, 20, categories["Bedarfe/Zielgruppe"])
    with pytest.raises(NothingToUndoError, match="nothing to redo"):
        project.history.redo()
    commands = [e for e in project.history.entries() if e.command == "coding.add"]
    assert [e.state for e in commands[:2]] == ["done", "discarded"]
    assert project.history.entries()[1].command == "history.undo"  # the undo is on record


def test_project_creation_cannot_be_undone(empty_project) -> None:
    with pytest.raises(NothingToUndoError, match="nothing to undo"):
        empty_project.history.undo()


def test_failed_command_changes_nothing_and_logs_nothing(project, document, categories) -> None:
    before = snapshot(project)
    entries = len(project.history.entries())
    with pytest.raises(RuntimeError), project.command("test.partial") as session:
        session.add(Category(name="Halbfertig", tag="", origin="inductive"))
        session.flush()
        raise RuntimeError("killed halfway")
    assert snapshot(project) == before
    assert len(project.history.entries()) == entries


def test_invalid_change_is_refused_whole(project, document, categories) -> None:
    before = snapshot(project)
    with pytest.raises(ValidationError, match="do not lie within"):
        project.codings.add(document.id, 5, document.length + 1, categories["Bedarfe/Zielgruppe"])
    assert snapshot(project) == before


def test_changes_outside_a_command_are_refused(project) -> None:
    with pytest.raises(RuntimeError, match="inside a project command"), project.read() as s:
        s.add(Category(name="Heimlich", tag="", origin="inductive"))
        s.flush()


def test_listeners_hear_do_undo_and_redo(project, document, categories) -> None:
    heard: list[ChangeEvent] = []
    unsubscribe = project.subscribe(heard.append)
    project.categories.rename(categories["Ressourcen"], "Ressourcen und Möglichkeiten")  # no-op
    project.categories.rename(categories["Ressourcen"], "Stärken")
    project.history.undo()
    project.history.redo()
    unsubscribe()
    project.history.undo()
    assert [(e.action, e.command) for e in heard] == [
        ("do", "category.rename"),
        ("undo", "category.rename"),
        ("redo", "category.rename"),
    ]
    assert all(e.tables == {"categories"} for e in heard)


def test_confirmed_changes_survive_reopening(project_path, project, document) -> None:
    project.quarters.add("Hitdorf", parent_id=project.quarters.find("Stadtweit").id)
    project.close()
    with Project.open(project_path) as reopened:
        assert reopened.quarters.find("Hitdorf") is not None
        assert reopened.documents.text(document.id) == SAMPLE_TEXT


def test_undo_of_a_large_delete_restores_every_row(project, document, categories) -> None:
    """Many rows of one shape are replayed in batches; order and content must survive."""
    subs = [categories[k] for k in ("Bedarfe/Zielgruppe", "Ressourcen/Sozialraum")]
    codings = [
        project.codings.add(
            document.id, i, i + 3, subs[i % 2], coder=f"C{i % 3}", memo="m" if i % 4 else ""
        )
        for i in range(0, 60, 2)
    ]
    for coding in codings[:4]:
        project.categories.add_anchor(coding.category_id, coding.id)
    project.statements.add(
        subs[0], "Bündelt vieles", project.quarters.find("Manfort").id, [c.id for c in codings[::3]]
    )
    before = snapshot(project)
    project.documents.delete(document.id)
    assert project.segments.of_document(document.id) == []
    project.history.undo()
    assert snapshot(project) == before
    project.history.redo()
    assert project.documents.list() == []
    project.history.undo()
    assert snapshot(project) == before
