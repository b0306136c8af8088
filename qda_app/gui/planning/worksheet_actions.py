"""Worksheet export and import from the planning table: the worksheet of the Sozialraum of
the chosen row as XLSX or DOCX, and a filled-in XLSX read back with a preview of its changes,
applied as one undoable command (a file with a malformed row changes nothing)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import QdaError
from ...core.exporters.planning_worksheet import worksheet_for
from ...core.exporters.planning_worksheet_import import (
    WorksheetImport,
    apply_worksheet,
    read_worksheet,
)
from ...core.i18n import tr
from ..common.message_boxes import show_information, show_warning

if TYPE_CHECKING:
    from ...core.project import Project


def export_worksheet(parent: QWidget, project: Project, quarter: str, folder: str = "") -> str:
    """Ask where to write the worksheet of `quarter`; returns the path written (or "")."""
    suggested = str(
        Path(folder or Path.home()) / f"{tr('gui.planning.worksheet_file')}-{quarter}.xlsx"
    )
    path, _filter = QFileDialog.getSaveFileName(
        parent,
        tr("gui.planning.export_title", quarter=quarter),
        suggested,
        tr("gui.planning.worksheet_filter"),
    )
    if not path:
        return ""
    try:
        sheet = worksheet_for(project, quarter)
        if path.lower().endswith(".docx"):
            from ...core.exporters.planning_worksheet_docx import write_worksheet_docx

            write_worksheet_docx(sheet, path)
        else:
            from ...core.exporters.planning_worksheet_xlsx import write_worksheet_xlsx

            path = path if path.lower().endswith(".xlsx") else f"{path}.xlsx"
            write_worksheet_xlsx(sheet, path)
    except (QdaError, OSError) as error:
        show_warning(parent, str(error))
        return ""
    return path


def import_worksheet(parent: QWidget, project: Project, folder: str = "") -> int:
    """Ask for a filled-in XLSX, show its changes and apply them when confirmed."""
    path, _filter = QFileDialog.getOpenFileName(
        parent, tr("gui.planning.import_title"), folder, tr("gui.planning.import_filter")
    )
    if not path:
        return 0
    try:
        changes = read_worksheet(project, path)
    except QdaError as error:
        show_warning(parent, str(error))
        return 0
    if not changes.changes:
        show_information(parent, tr("gui.planning.import_nothing", file=Path(path).name))
        return 0
    if WorksheetPreview(changes, parent).exec() != QDialog.DialogCode.Accepted:
        return 0
    try:
        return apply_worksheet(project, changes)
    except QdaError as error:
        show_warning(parent, str(error))
        return 0


class WorksheetPreview(QDialog):
    """The new and changed entries a worksheet brings, before anything is applied."""

    def __init__(self, changes: WorksheetImport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("worksheetPreview")
        self.setWindowTitle(tr("gui.planning.preview_title"))
        label = QLabel(
            tr(
                "gui.planning.preview_intro",
                file=changes.path.name,
                quarter=changes.quarter,
                count=len(changes.changes),
            ),
            self,
        )
        label.setWordWrap(True)
        self.lines = QListWidget(self)
        self.lines.addItems(changes.describe())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("gui.planning.preview_apply"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.lines, 1)
        layout.addWidget(buttons)
        self.resize(720, 420)
