"""Editing the category system in the right dock; every edit is a core command, so undoable."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit

from qda_app.gui.categories.category_delete_dialog import CategoryDeleteDialog
from qda_app.gui.categories.category_tree_model import CategoryTreeModel


def select(view, index) -> None:
    view.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )


def category_names(project) -> dict[int, str]:
    return {c.id: c.name for c in project.categories.list()}


def test_rename_by_typing_in_the_tree_and_undo_from_the_edit_menu(qtbot, window, sample_project):
    dock = window.category_dock
    index = dock.model.index_of_category(sample_project.parent_category_id)
    select(dock.view, index)

    qtbot.keyClick(dock.view, Qt.Key.Key_F2)
    editor = dock.view.findChild(QLineEdit)
    assert editor is not None and editor.text() == "Herausforderungen und Bedarfe"
    editor.selectAll()
    qtbot.keyClicks(editor, "Bedarfe und Probleme")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn

    qtbot.waitUntil(
        lambda: (
            category_names(window.project)[sample_project.parent_category_id]
            == "Bedarfe und Probleme"
        )
    )
    assert dock.model.index_of_category(sample_project.parent_category_id).data() == (
        "Bedarfe und Probleme"
    )
    undo = window.menus.undo_action
    assert undo.isEnabled()
    assert undo.text().startswith("&Rückgängig: Kategorie")
    assert undo.text().endswith("„Bedarfe und Probleme“ umbenennen")

    undo.trigger()

    assert category_names(window.project)[sample_project.parent_category_id] == (
        "Herausforderungen und Bedarfe"
    )
    assert dock.model.index_of_category(sample_project.parent_category_id).data() == (
        "Herausforderungen und Bedarfe"
    )
    assert window.menus.redo_action.text().startswith("&Wiederherstellen: Kategorie")


def test_tag_is_edited_in_its_column(qtbot, window, sample_project):
    model = window.category_dock.model
    tag = model.index_of_category(sample_project.coded_category_id, CategoryTreeModel.TAG)
    assert model.setData(tag, "Jugend")
    assert window.project.categories.get(sample_project.coded_category_id).tag == "Jugend"


def test_delete_with_codings_moved_to_the_parent_then_undo(
    qtbot, window, sample_project, answer_dialog
):
    dock = window.category_dock
    youth = sample_project.coded_category_id
    select(dock.view, dock.model.index_of_category(youth))

    def choose_parent_and_confirm(dialog) -> None:
        assert isinstance(dialog, CategoryDeleteDialog)
        assert "„im Hinblick auf die Zielgruppe“" in dialog.findChild(QLabel).text()
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.parent_button, Qt.MouseButton.LeftButton)
        assert dialog.fate() == "to_parent" and not dialog.target_combo.isEnabled()
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    answer_dialog(choose_parent_and_confirm)
    dock.delete_action.trigger()

    project = window.project
    assert youth not in category_names(project)
    codings = project.segments.of_document(sample_project.workshop_id)
    assert sample_project.parent_category_id in {c.category_id for c in codings}
    assert not dock.model.index_of_category(youth).isValid()
    parent_row = dock.model.index_of_category(sample_project.parent_category_id)
    assert parent_row.siblingAtColumn(CategoryTreeModel.CODINGS).data() == "2 (2)"  # own (subtree)
    assert "14 Kategorien" in window.status.text()
    assert window.menus.undo_action.text().endswith("löschen")

    window.menus.undo_action.trigger()

    assert category_names(project)[youth] == "im Hinblick auf die Zielgruppe"
    assert {c.category_id for c in project.segments.of_category(youth)} == {youth}
    assert dock.model.index_of_category(youth).isValid()
    assert "15 Kategorien" in window.status.text()


def test_delete_dialog_moves_codings_to_a_chosen_category(qtbot, window, sample_project):
    dock = window.category_dock
    target = next(c.id for c in window.project.categories.list() if c.tag == "Ressourcen")
    dialog = dock.make_delete_dialog(sample_project.parent_category_id)
    qtbot.addWidget(dialog)
    assert not dialog.parent_button.isEnabled()  # a top-level category has no parent
    ids_offered = {dialog.target_combo.itemData(i) for i in range(dialog.target_combo.count())}
    assert sample_project.coded_category_id not in ids_offered  # inside the doomed subtree
    dialog.choose_target(target)
    assert (dialog.fate(), dialog.target_id()) == ("to_category", target)
    window.project.categories.delete(sample_project.parent_category_id, dialog.fate(), target)
    assert (
        dock.model.index_of_category(target).siblingAtColumn(2).data() == "2 (3)"
    )  # own (with its subtree)


def test_new_category_and_subcategory_open_an_editor(qtbot, window, sample_project):
    dock = window.category_dock
    created = dock.create_category(subcategory=False)
    assert dock.model.index_of_category(created).data() == "Neue Kategorie"
    assert dock.view.findChild(QLineEdit) is not None
    select(dock.view, dock.model.index_of_category(sample_project.parent_category_id))
    sub = dock.create_category(subcategory=True)
    index = dock.model.index_of_category(sub)
    assert index.parent() == dock.model.index_of_category(sample_project.parent_category_id)
    assert index.data(Qt.ItemDataRole.FontRole).italic()  # subcategories start inductive


def test_drop_onto_a_category_moves_it_under_that_category(qtbot, window, sample_project):
    model = window.category_dock.model
    housing = window.project.categories.create("Wohnen", None)
    resources = model.index(1, 0)
    resources_id = model.category(resources).id
    data = model.mimeData([model.index_of_category(housing.id)])

    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, resources)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, resources)

    assert window.project.categories.get(housing.id).parent_id == resources_id
    index = model.index_of_category(housing.id)
    assert index.parent().data() == "Ressourcen und Möglichkeiten"
    assert index.row() == 4  # appended after the four subcategories
    assert window.menus.undo_action.text().endswith("verschieben")


def test_a_refused_move_is_told_and_changes_nothing(qtbot, window, sample_project, message_boxes):
    model = window.category_dock.model
    youth = model.index_of_category(sample_project.coded_category_id)
    data = model.mimeData([youth])  # "Ressourcen …" already has a subcategory of that name

    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, model.index(1, 0))

    assert [kind for kind, _text in message_boxes] == ["warning"]
    assert "im Hinblick auf die Zielgruppe" in message_boxes[0][1]
    moved = window.project.categories.get(sample_project.coded_category_id)
    assert moved.parent_id == sample_project.parent_category_id


def test_drop_between_siblings_reorders(qtbot, window, sample_project):
    model = window.category_dock.model
    last_top = model.index(2, 0)
    moving_id = model.category(last_top).id
    data = model.mimeData([last_top])

    assert model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, model.index(0, 0).parent())

    assert model.index(0, 0).data() == "Empfehlungen und Leerstellen"
    tops = [c.id for c in window.project.categories.list() if c.parent_id is None]
    assert tops[0] == moving_id


def test_a_category_cannot_be_dropped_into_its_own_subtree(qtbot, window, sample_project):
    model = window.category_dock.model
    parent = model.index_of_category(sample_project.parent_category_id)
    child = model.index_of_category(sample_project.coded_category_id)
    data = model.mimeData([parent])
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, -1, child)
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, child)


def test_ctrl_z_and_ctrl_shift_z_undo_and_redo(qtbot, window, sample_project):
    window.activateWindow()
    qtbot.waitActive(window)
    model = window.category_dock.model
    index = model.index_of_category(sample_project.coded_category_id)
    assert model.setData(index, "Jugendliche")
    window.category_dock.view.setFocus()

    qtbot.keyClick(window.category_dock.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.project.categories.get(sample_project.coded_category_id).name == (
        "im Hinblick auf die Zielgruppe"
    )
    qtbot.keyClick(
        window.category_dock.view,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.project.categories.get(sample_project.coded_category_id).name == "Jugendliche"
