"""The memo dock: the journal and the shown document's memo, saved and undone in the window."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_write_a_document_memo_and_the_journal(qtbot, window, sample_project):
    dock = window.workbench.memos
    window.menus.view_menu.actions()  # the dock is reachable from the View menu
    assert dock.toggleViewAction() in window.menus.view_menu.actions()
    dock.show()
    window.show_document(sample_project.workshop_id)
    assert "Workshop Manfort, Gruppe 1" in dock.document.title.text()

    dock.tabs.setCurrentWidget(dock.document)
    qtbot.keyClicks(dock.document.editor, "Gruppe sehr still.")
    qtbot.mouseClick(dock.document.save_button, Qt.MouseButton.LeftButton)
    assert window.project.memos.document_memo(sample_project.workshop_id) == "Gruppe sehr still."
    assert not dock.document.save_button.isEnabled()

    window.show_document(sample_project.interview_id)
    assert dock.document.editor.toPlainText() == ""
    window.show_document(sample_project.workshop_id)
    assert dock.document.editor.toPlainText() == "Gruppe sehr still."

    dock.tabs.setCurrentWidget(dock.journal)
    qtbot.keyClicks(dock.journal.editor, "Leitfaden neu gefasst.")
    qtbot.mouseClick(dock.journal.save_button, Qt.MouseButton.LeftButton)
    assert window.project.memos.journal() == "Leitfaden neu gefasst."
    window.menus.undo_action.trigger()
    assert dock.journal.editor.toPlainText() == ""
    window.menus.undo_action.trigger()
    assert dock.document.editor.toPlainText() == ""
