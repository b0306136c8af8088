"""Revising the category system in the window: merge, split, move codings, the history and the
comparison with an earlier state, driven through the real dialogs."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox

from qda_app.gui.categories.category_history_dialog import CategoryHistoryDialog
from qda_app.gui.categories.category_merge_dialog import CategoryMergeDialog, MoveCodingsDialog
from qda_app.gui.categories.category_snapshot_dialog import CategorySnapshotDialog
from qda_app.gui.categories.category_split_dialog import CategorySplitDialog
from qda_app.gui.categories.category_tree_model import CategoryTreeModel

PLACE = "Ressourcen und Möglichkeiten/im Hinblick auf den Sozialraum"


def select(dock, category_id: int) -> None:
    dock.view.selectionModel().setCurrentIndex(
        dock.model.index_of_category(category_id),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def path_ids(project) -> dict[str, int]:
    return {path: i for i, path in project.categories.paths().items()}


def test_merge_through_the_menu_with_preview_then_undo(
    qtbot, window, sample_project, answer_dialog
):
    dock, project = window.category_dock, window.project
    youth, place = sample_project.coded_category_id, path_ids(project)[PLACE]
    select(dock, youth)
    seen: dict[str, str] = {}

    def merge_into_place(dialog) -> None:
        assert isinstance(dialog, CategoryMergeDialog)
        dialog.choose_target(place)
        seen["preview"] = dialog.preview_label.text()
        assert dialog.append_box.isChecked()
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_dialog(merge_into_place)
    assert window.menus.window.category_dock.revisions.menu.title() == "&Kategorien"
    dock.revisions.merge_action.trigger()

    assert seen["preview"].startswith("2 Kodierungen werden verschoben")
    assert youth not in {c.id for c in project.categories.list()}
    assert not dock.model.index_of_category(youth).isValid()
    counts = dock.model.index_of_category(place).siblingAtColumn(CategoryTreeModel.CODINGS)
    assert counts.data() == "3"
    assert window.menus.undo_action.text().startswith("&Rückgängig: Kategorie „Herausforderungen")

    window.menus.undo_action.trigger()
    assert dock.model.index_of_category(youth).isValid()
    assert {s.category_id for s in project.segments.of_category(youth)} == {youth}


def test_split_two_codings_into_a_new_subcategory(qtbot, window, sample_project, answer_dialog):
    dock, project = window.category_dock, window.project
    youth = sample_project.coded_category_id
    select(dock, youth)
    interview_coding = project.segments.of_document(sample_project.interview_id)[0].coding_id

    def choose_one_and_name_it(dialog) -> None:
        assert isinstance(dialog, CategorySplitDialog)
        assert not dialog.ok_button.isEnabled()  # nothing chosen yet
        qtbot.keyClicks(dialog.filter_edit, "Interview")
        visible = [i for i in dialog._items() if not i.isHidden()]
        assert len(visible) == 1
        qtbot.mouseClick(dialog.all_button, Qt.MouseButton.LeftButton)
        assert dialog.count_label.text() == "1 von 2 Kodierungen gewählt"
        qtbot.keyClicks(dialog.name_edit, "im Hinblick auf Jugendliche")
        dialog.place_combo.setCurrentIndex(1)  # under the category being split
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    answer_dialog(choose_one_and_name_it)
    dock.revisions.split_action.trigger()

    created = project.categories.find("Bedarfe/Zielgruppe/im Hinblick auf Jugendliche")
    assert created is not None
    assert [s.coding_id for s in project.segments.of_category(created.id)] == [interview_coding]
    assert dock.model.index_of_category(created.id).isValid()


def test_move_codings_preview_and_a_target_that_cannot_take_codings(qtbot, window, sample_project):
    project = window.project
    youth = sample_project.coded_category_id
    project.categories.update(sample_project.parent_category_id, codable=False)
    dialog = MoveCodingsDialog(project, youth)
    qtbot.addWidget(dialog)
    dialog.choose_target(sample_project.parent_category_id)
    assert not dialog.ok_button.isEnabled()
    assert "gliedert nur Unterkategorien" in dialog.preview_label.text()
    dialog.choose_target(path_ids(project)[PLACE])
    assert dialog.ok_button.isEnabled()
    assert dialog.preview_label.text() == "2 Kodierungen werden verschoben"


def test_delete_dialog_defaults_to_cancel(qtbot, window, sample_project, answer_dialog):
    dock = window.category_dock
    youth = sample_project.coded_category_id
    select(dock, youth)

    def press_return(dialog) -> None:
        buttons = dialog.findChild(QDialogButtonBox)
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).isDefault()
        assert not buttons.button(QDialogButtonBox.StandardButton.Ok).isDefault()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    answer_dialog(press_return)
    dock.delete_action.trigger()
    assert youth in {c.id for c in window.project.categories.list()}


def test_history_dialog_follows_revisions_and_shows_before_and_after(qtbot, window, sample_project):
    dock, project = window.category_dock, window.project
    youth, place = sample_project.coded_category_id, path_ids(project)[PLACE]
    select(dock, youth)
    dialog = dock.revisions.show_history()
    assert isinstance(dialog, CategoryHistoryDialog)
    qtbot.waitExposed(dialog)
    assert dialog.filter_combo.currentData() == youth

    project.categories.merge(youth, place)
    dialog.filter_combo.setCurrentIndex(0)  # all categories
    assert dialog.model.change(dialog.model.index(0, 0)).kind == "merged"
    dialog.table.selectRow(0)
    dialog.which_combo.setCurrentIndex(dialog.which_combo.findData(youth))
    rows = dict(zip(["path", "name"], dialog.before_after_texts(), strict=False))
    assert rows["name"] == ("im Hinblick auf die Zielgruppe", "(gab es nicht)")

    window.menus.undo_action.trigger()  # the open dialog hears of it
    first = dialog.model.index(0, 0)
    assert dialog.model.change(first).kind == "undone"
    assert dialog.model.index(1, 4).data() == "rückgängig gemacht"
    dialog.close()


def test_snapshot_shows_what_was_removed_and_added(qtbot, window, sample_project):
    project = window.project
    youth, place = sample_project.coded_category_id, path_ids(project)[PLACE]
    moment = project.category_history.changes()[0].local_time
    project.categories.merge(youth, place)
    project.categories.create("Wohnen")
    dialog = CategorySnapshotDialog(project, moment)  # as "compare at this entry" opens it
    qtbot.addWidget(dialog)
    then, now = dialog.names(dialog.then_tree), dialog.names(dialog.now_tree)
    assert "im Hinblick auf die Zielgruppe" in then and "Wohnen" not in then
    assert "Wohnen" in now and then.count("im Hinblick auf die Zielgruppe") == 3
    assert now.count("im Hinblick auf die Zielgruppe") == 2
    assert dialog.summary_label.text() == "Seitdem: 1 hinzugekommen, 1 entfallen, 1 geändert."
