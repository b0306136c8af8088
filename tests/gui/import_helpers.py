"""Steps a person takes in the import dialog, shared by the import tests."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QTableView

from qda_app.gui.importing.import_dialog import ImportDialog
from qda_app.gui.shell.main_window import MainWindow


def open_import(qtbot, window: MainWindow, paths: list[Path]) -> ImportDialog:
    """Open the import dialog with these files and wait until they have been read."""
    dialog = window.importer.open_dialog(paths)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: not dialog.reader.busy())
    return dialog


def column(dialog: ImportDialog, name: str) -> dict[str, str]:
    """A table column by file name."""
    model = dialog.model
    return {row.path.name: model.cell(number, name).data() for number, row in enumerate(model.rows)}


def cell(dialog: ImportDialog, path: Path, name: str) -> QModelIndex:
    number = dialog.model.row_of(path)
    assert number is not None
    return dialog.model.cell(number, name)


def type_into_cell(qtbot, table: QTableView, index: QModelIndex, text: str) -> None:
    """Select a cell, press F2, replace its text, press Enter."""
    table.setCurrentIndex(index)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = table.viewport().findChild(QComboBox)
    editor = combo.lineEdit() if combo is not None else table.viewport().findChild(QLineEdit)
    assert editor is not None, "no editor opened"
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.viewport().findChild(QLineEdit) is None)


def type_text(qtbot, edit: QLineEdit, text: str) -> None:
    """Type text; letters QTest cannot type (ä, ü …) arrive as from an input method."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
    else:
        edit.insert(text)


def replace_text(qtbot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    type_text(qtbot, edit, text)
