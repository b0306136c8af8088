"""The window's commands that need little of it but the open project and the settings:
undo and redo (Edit menu), a document's properties, Settings…, About."""

from __future__ import annotations

from importlib import metadata
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox

from ...core.errors import QdaError
from ...core.i18n import tr
from ..common.message_boxes import show_warning
from ..documents.document_properties_dialog import DocumentPropertiesDialog
from .settings_dialog import SettingsDialog
from .ui_language import apply_language

if TYPE_CHECKING:
    from .main_window import MainWindow


def step_history(window: MainWindow, *, redo: bool) -> None:
    """Undo (or redo) the entry the Edit menu names; a refusal is said in a warning."""
    if window.project is None:
        return
    history = window.project.history
    try:
        if redo:
            history.redo(expected=window.menus.redo_entry)
        else:
            history.undo(expected=window.menus.undo_entry)
    except QdaError as error:
        show_warning(window, str(error))
    window.menus.update_project_actions(window.project)


def edit_document_properties(window: MainWindow, document_id: int | None) -> None:
    """Document → Properties…: edit the shown (or the given) document's metadata."""
    view = window.document_view
    document_id = document_id if document_id is not None else view.document_id
    if window.project is None or document_id is None:
        return
    if document_id != view.document_id:
        window.quarter_dock.select_document(document_id)
    dialog = DocumentPropertiesDialog(window.project, document_id, window)
    dialog.finished.connect(dialog.deleteLater)
    window.properties_dialog = dialog
    dialog.open()


def open_settings(window: MainWindow) -> None:
    dialog = SettingsDialog(window.settings, window)
    if dialog.exec() == SettingsDialog.DialogCode.Accepted:
        window.apply_settings(dialog)


def apply_settings(window: MainWindow, dialog: SettingsDialog) -> None:
    """Save the dialog's choices and apply them at once, without a restart."""
    dialog.save()
    if window.project is not None:
        window.project.actor = window.settings.coder_name
    apply_language(window.settings.effective_language())
    window.retranslate()


def show_about(window: MainWindow) -> None:
    try:
        version = metadata.version("qda_app")
    except metadata.PackageNotFoundError:
        version = tr("gui.about.unknown_version")
    QMessageBox.about(window, tr("gui.about.title"), tr("gui.about.text", version=version))
