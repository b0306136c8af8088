"""Editing a document's properties afterwards: metadata and variables saved as one undoable
step, invalid input explained in the dialog with nothing saved."""

from __future__ import annotations

from datetime import date

import pytest
from gui.import_helpers import replace_text, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit

from qda_app.gui.documents.document_properties_dialog import DocumentPropertiesDialog
from qda_app.gui.documents.document_variables_model import DocumentVariablesModel


def qt_warnings(qtlog) -> list[str]:
    return [r.message for r in qtlog.records if r.type_name in ("QtWarningMsg", "QtCriticalMsg")]


@pytest.mark.parametrize("force_py", [False, True], ids=["qt_tester", "python_tester"])
def test_variables_model_passes_model_tester(qtmodeltester, qtlog, force_py):
    model = DocumentVariablesModel(
        [("Träger", "text"), ("Dauer", "integer"), ("Online", "boolean")],
        {"Träger": "AWO", "Online": True},
    )
    qtmodeltester.check(model, force_py=force_py)
    assert model.index(2, DocumentVariablesModel.VALUE).data() == "Ja"
    assert model.setData(model.index(1, DocumentVariablesModel.VALUE), "25")
    model.add_variable("Ort", "date")
    qtmodeltester.check(model, force_py=force_py)
    assert qt_warnings(qtlog) == []


def open_properties(qtbot, window, document_id: int) -> DocumentPropertiesDialog:
    window.quarter_dock.select_document(document_id)
    assert window.menus.properties_action.isEnabled()
    window.menus.properties_action.trigger()
    dialog = window.properties_dialog
    assert isinstance(dialog, DocumentPropertiesDialog)
    qtbot.waitExposed(dialog)
    return dialog


def add_variable(qtbot, dialog: DocumentPropertiesDialog, name: str, kind: str, value: str):
    type_text(qtbot, dialog.new_variable_name, name)
    dialog.new_variable_type.setCurrentIndex(dialog.new_variable_type.findText(kind))
    qtbot.keyClick(dialog.new_variable_name, Qt.Key.Key_Return)  # adds; does not close
    assert dialog.isVisible()
    editor = dialog.variables_view.viewport().findChild(QLineEdit)
    assert editor is not None, "the new variable's value opens for typing"
    type_text(qtbot, editor, value)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.variables_view.viewport().findChild(QLineEdit) is None)


def press_ok(dialog: DocumentPropertiesDialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_quarter_date_and_a_variable_are_saved_and_undone_in_one_step(
    qtbot, window, sample_project
):
    project = window.project
    before = project.documents.get(sample_project.workshop_id)
    dialog = open_properties(qtbot, window, sample_project.workshop_id)
    assert dialog.date_edit.text() == "09.11.2020"
    assert dialog.quarter_combo.currentText() == "Manfort-Südost (15)"

    dialog.quarter_combo.setCurrentIndex(
        dialog.quarter_combo.findText("Alkenrath-Nord (76)", Qt.MatchFlag.MatchContains)
    )
    replace_text(qtbot, dialog.date_edit, "2020-11-16")
    add_variable(qtbot, dialog, "Träger", "Text", "AWO")
    add_variable(qtbot, dialog, "Dauer (min)", "Ganzzahl", "90")
    press_ok(dialog)

    assert not dialog.isVisible()
    after = project.documents.get(sample_project.workshop_id)
    assert project.quarters.get(after.quarter_id).label == "Alkenrath-Nord (76)"
    assert after.date == date(2020, 11, 16)
    assert project.variables.values(after.id) == {"Träger": "AWO", "Dauer (min)": 90}
    assert "16.11.2020" in window.document_view.header_text()
    undo = window.menus.undo_action
    assert undo.text() == "&Rückgängig: Metadaten von „Workshop Manfort, Gruppe 1“ bearbeiten"

    undo.trigger()

    assert project.documents.get(sample_project.workshop_id) == before
    assert project.variables.values(sample_project.workshop_id) == {}
    assert "09.11.2020" in window.document_view.header_text()


def test_an_invalid_date_is_explained_and_nothing_is_saved(qtbot, window, sample_project):
    project = window.project
    before = project.documents.get(sample_project.interview_id)
    history = project.history.next_undo()
    dialog = open_properties(qtbot, window, sample_project.interview_id)
    replace_text(qtbot, dialog.title_edit, "Interview Jugendarbeit")

    replace_text(qtbot, dialog.date_edit, "31.02.2020")
    press_ok(dialog)

    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        "„31.02.2020“ ist kein Datum; bitte als 09.11.2020 oder 2020-11-09 angeben."
    )
    assert project.documents.get(sample_project.interview_id) == before
    assert project.history.next_undo() == history
    dialog.reject()


def test_a_value_not_fitting_its_type_saves_none_of_the_changes(qtbot, window, sample_project):
    project = window.project
    before = project.documents.get(sample_project.interview_id)
    dialog = open_properties(qtbot, window, sample_project.interview_id)
    replace_text(qtbot, dialog.title_edit, "Interview Jugendarbeit")
    dialog.participants_spin.setValue(2)

    add_variable(qtbot, dialog, "Dauer", "Ganzzahl", "zwanzig")
    press_ok(dialog)

    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        "Variable „Dauer“: „zwanzig“ ist kein gültiger Wert vom Typ Ganzzahl."
    )
    assert project.documents.get(sample_project.interview_id) == before
    assert project.variables.list() == []
    dialog.reject()


def test_read_only_facts_tell_where_the_document_came_from(qtbot, window, sample_project):
    dialog = open_properties(qtbot, window, sample_project.workshop_id)
    document = window.project.documents.get(sample_project.workshop_id)
    facts = [label.text() for label in dialog.findChildren(type(dialog.error_label))]
    assert document.content_hash[:12] in facts
    assert "TXT" in facts and "—" in facts  # added by hand: no source file
    assert dialog.windowTitle() == "Eigenschaften – Workshop Manfort, Gruppe 1"
    dialog.reject()


def test_double_click_alt_return_and_context_menu_open_the_properties(
    qtbot, window, sample_project
):
    view, model = window.quarter_dock.view, window.quarter_dock.model
    index = model.index_of_document(sample_project.interview_id)
    view.scrollTo(index)
    position = view.visualRect(index).center()
    # A double-click: press, release, double-click, release.
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert window.properties_dialog.document.id == sample_project.interview_id
    window.properties_dialog.reject()

    window.quarter_dock.select_document(sample_project.workshop_id)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    assert window.properties_dialog.document.id == sample_project.workshop_id
    window.properties_dialog.reject()

    menu = window.quarter_dock.context_menu(position)  # a right-click on the interview
    assert [action.text() for action in menu.actions()] == ["&Eigenschaften …"]
    menu.actions()[0].trigger()
    assert window.properties_dialog.document.id == sample_project.interview_id
    top = window.quarter_dock.view.visualRect(model.index(0, 0)).center()
    assert window.quarter_dock.context_menu(top) is None  # a quarter has no properties here
