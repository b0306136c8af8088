"""The project journal and document memos: saved through commands, undone, kept with the
document's deletion and its undo."""

from __future__ import annotations


def test_journal_and_document_memo_are_logged_and_undoable(project) -> None:
    document = project.documents.add("Workshop Manfort", "Text des Protokolls.\n")
    project.memos.set_journal("Entscheidung: Telefoninterviews wie Workshops kodieren.")
    project.memos.set_document_memo(document.id, "Moderation sehr lenkend.")
    assert project.memos.journal().startswith("Entscheidung")
    assert project.memos.document_memo(document.id) == "Moderation sehr lenkend."
    entries = [e.description for e in project.history.entries(limit=2)]
    assert entries == ["Edit the memo on “Workshop Manfort”", "Edit the project journal"]

    project.history.undo()
    assert project.memos.document_memo(document.id) == ""
    project.history.redo()
    assert project.memos.document_memo(document.id) == "Moderation sehr lenkend."

    project.documents.delete(document.id)
    project.history.undo()
    assert project.memos.document_memo(document.id) == "Moderation sehr lenkend."
    project.memos.set_document_memo(document.id, "   ")
    assert project.memos.document_memo(document.id) == ""
