"""Edit → Change log: time, coder and change of every entry, newest first; a filter shows
one coder's changes; it follows changes made while it is open, here or elsewhere."""

from __future__ import annotations

from pathlib import Path

from qda_app.core.project import Project
from qda_app.gui.history.change_log_dialog import CHANGE, CODER, STATE

SHOTS = Path("/tmp/change-log-shots")


def column(dialog, number: int) -> list[str]:
    table = dialog.table
    return [table.item(row, number).text() for row in range(table.rowCount())]


def test_the_change_log_shows_who_did_what(qtbot, window, sample_project) -> None:
    project = window.project
    project.categories.create("Eigene Kategorie", sample_project.parent_category_id)
    with Project.open(sample_project.path, actor="Kollegin") as colleague:
        colleague.categories.rename(sample_project.coded_category_id, "Zielgruppen")
    window.poll_external_changes()
    action = window.menus.change_log.action
    assert action in window.menus.edit_menu.actions()
    assert action.text() == "Änderungs&protokoll…" and action.isEnabled()
    action.trigger()
    dialog = window.menus.change_log.dialog
    assert dialog is not None and dialog.isVisible()
    coders, changes = column(dialog, CODER), column(dialog, CHANGE)
    assert coders[:2] == ["Kollegin", sample_project.coder]  # newest first
    assert "Zielgruppen" in changes[0] and "Eigene Kategorie" in changes[1]
    assert column(dialog, STATE)[0] == "ausgeführt"
    assert len(changes) == len(project.history.entries())

    dialog.coder.setCurrentIndex(dialog.coder.findData("Kollegin"))
    assert column(dialog, CODER) == ["Kollegin"]
    assert dialog.note.text() == "1 Änderungen"

    # Changes while it is open: the window's own undo, and the colleague again.
    window.menus.undo_action.trigger()
    with Project.open(sample_project.path, actor="Kollegin") as colleague:
        colleague.categories.create("Noch eine", sample_project.parent_category_id)
    window.poll_external_changes()
    assert column(dialog, CODER) == ["Kollegin", "Kollegin"]  # the filter stays
    assert "Noch eine" in column(dialog, CHANGE)[0]
    SHOTS.mkdir(exist_ok=True)
    dialog.coder.setCurrentIndex(0)
    rows = list(
        zip(column(dialog, CODER), column(dialog, CHANGE), column(dialog, STATE), strict=True)
    )
    undo = "Rückgängig: Kategorie „Eigene Kategorie“ anlegen"
    assert rows[1][:2] == (sample_project.coder, undo)
    assert rows[3] == (
        sample_project.coder,
        "Kategorie „Eigene Kategorie“ anlegen",
        "rückgängig gemacht",
    )
    dialog.grab().save(str(SHOTS / "change-log-de.png"))
