"""The Categories menu: revising the system (merge, split, move codings), its history, the
comparison with an earlier state, and the coding agenda as a document (export, import).

The category dock owns these actions; its context menu shows the revisions of the category
under the mouse, the main window's menu bar shows the whole menu.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QWidget

from ...core.errors import QdaError
from ...core.i18n import tr
from ...core.values import ChangeEvent
from ..common.message_boxes import show_information, show_warning
from .category_history_dialog import CategoryHistoryDialog
from .category_merge_dialog import CategoryMergeDialog, MoveCodingsDialog
from .category_snapshot_dialog import CategorySnapshotDialog
from .category_split_dialog import CategorySplitDialog

if TYPE_CHECKING:
    from ...core.project import Project
    from .category_tree_dock import CategoryTreeDock


class CategoryRevisionActions:
    def __init__(self, dock: CategoryTreeDock) -> None:
        self.dock = dock
        self.history_dialog: CategoryHistoryDialog | None = None
        parent: QWidget = dock
        self.menu = QMenu(parent)
        self.menu.setObjectName("categoryMenu")

        def action(slot: Callable[[], object]) -> QAction:
            made = QAction(parent)
            made.triggered.connect(lambda _checked=False: slot())
            return made

        self.merge_action = action(self.merge_current)
        self.split_action = action(self.split_current)
        self.move_action = action(self.move_codings_of_current)
        self.history_action = action(self.show_history)
        self.snapshot_action = action(self.show_snapshot)
        self.export_action = action(self.export_agenda)
        self.import_action = action(self.import_agenda)
        self.menu.addActions([self.merge_action, self.split_action, self.move_action])
        self.menu.addSeparator()
        self.menu.addActions([self.history_action, self.snapshot_action])
        self.menu.addSeparator()
        self.menu.addActions([self.export_action, self.import_action])

    @property
    def revisions(self) -> list[QAction]:
        """What the context menu of a category offers."""
        return [self.merge_action, self.split_action, self.move_action, self.history_action]

    def retranslate(self) -> None:
        self.menu.setTitle(tr("gui.revision.menu"))
        self.merge_action.setText(tr("gui.revision.merge_action"))
        self.split_action.setText(tr("gui.revision.split_action"))
        self.move_action.setText(tr("gui.revision.move_action"))
        self.history_action.setText(tr("gui.revision.history_action"))
        self.snapshot_action.setText(tr("gui.revision.snapshot_action"))
        self.export_action.setText(tr("gui.revision.export_action"))
        self.import_action.setText(tr("gui.revision.import_action"))

    def update_actions(self, has_project: bool, has_current: bool) -> None:
        for item in (self.merge_action, self.split_action, self.move_action):
            item.setEnabled(has_project and has_current)
        for item in (
            self.history_action,
            self.snapshot_action,
            self.export_action,
            self.import_action,
        ):
            item.setEnabled(has_project)
        self.menu.setEnabled(has_project)

    def on_change(self, event: ChangeEvent) -> None:
        if self.history_dialog is not None and self.history_dialog.isVisible():
            self.history_dialog.refresh()

    def project_changed(self) -> None:
        """The tree was reset: if another project (or none) is open now, the history goes."""
        dialog = self.history_dialog
        if dialog is not None and dialog.project is not self._project():
            dialog.close()
            self.history_dialog = None
        elif dialog is not None and dialog.isVisible():
            dialog.refresh()

    # -- revisions ---------------------------------------------------------------------------

    def _project(self) -> Project | None:
        return self.dock.model.project

    def _run(self, dialog: QDialog, carry_out: Callable[[], object]) -> bool:
        """Show a dialog; when accepted, carry out the revision (a refusal is told)."""
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            carry_out()
            return True
        except QdaError as error:
            show_warning(self.dock, str(error))
            return False
        finally:
            dialog.deleteLater()

    def merge_current(self) -> bool:
        project, source = self._project(), self.dock.current_category_id()
        if project is None or source is None:
            return False
        dialog = CategoryMergeDialog(project, source, self.dock)
        return self._run(
            dialog,
            lambda: project.categories.merge(
                source, dialog.target_id() or source, append_definition=dialog.append_definition()
            ),
        )

    def move_codings_of_current(self) -> bool:
        project, source = self._project(), self.dock.current_category_id()
        if project is None or source is None:
            return False
        dialog = MoveCodingsDialog(project, source, self.dock)
        return self._run(
            dialog, lambda: project.categories.move_codings(source, dialog.target_id() or source)
        )

    def split_current(self, chosen: tuple[int, ...] = ()) -> bool:
        """Split the current category; `chosen` codings are checked at first."""
        project, source = self._project(), self.dock.current_category_id()
        if project is None or source is None:
            return False
        dialog = CategorySplitDialog(project, source, chosen, self.dock)
        return self._run(dialog, dialog.split)

    # -- history -----------------------------------------------------------------------------

    def show_history(self) -> CategoryHistoryDialog | None:
        project = self._project()
        if project is None:
            return None
        if self.history_dialog is not None:
            self.history_dialog.close()
        dialog = CategoryHistoryDialog(project, self.dock.current_category_id(), self.dock)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(self._history_closed)
        self.history_dialog = dialog
        dialog.show()
        return dialog

    def _history_closed(self, *_args: object) -> None:
        self.history_dialog = None

    def show_snapshot(self) -> CategorySnapshotDialog | None:
        project = self._project()
        if project is None:
            return None
        dialog = CategorySnapshotDialog(project, None, self.dock)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    # -- the coding agenda as a document -----------------------------------------------------

    def export_agenda(self, path: str | None = None) -> bool:
        """Save the coding agenda as DOCX (with the history) or XLSX, by the file's suffix."""
        project = self._project()
        if project is None:
            return False
        if path is None:
            folder = os.path.dirname(os.path.abspath(project.location))
            path, _filter = QFileDialog.getSaveFileName(
                self.dock,
                tr("gui.revision.export_action"),
                os.path.join(folder, tr("gui.revision.agenda_file_name")),
                tr("gui.revision.agenda_filter"),
            )
        if not path:
            return False
        if not path.lower().endswith((".docx", ".xlsx")):
            path += ".docx"
        from ...core.exporters.coding_agenda import build_agenda

        try:
            agenda = build_agenda(project)
            if path.lower().endswith(".docx"):
                from ...core.exporters.coding_agenda_docx import write_agenda_docx

                write_agenda_docx(agenda, path, project.category_history.changes())
            else:
                from ...core.exporters.coding_agenda_xlsx import write_agenda_xlsx

                write_agenda_xlsx(agenda, path)
        except (OSError, QdaError) as error:
            show_warning(self.dock, tr("gui.revision.export_failed", path=path, reason=str(error)))
            return False
        show_information(self.dock, tr("gui.revision.exported", path=path))
        return True

    def import_agenda(self, path: str | None = None) -> bool:
        """Create or update categories from a workbook; a file with errors imports nothing."""
        project = self._project()
        if project is None:
            return False
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self.dock,
                tr("gui.revision.import_action"),
                os.path.dirname(os.path.abspath(project.location)),
                tr("gui.revision.xlsx_filter"),
            )
        if not path:
            return False
        from ...core.importers.category_xlsx import import_category_workbook

        try:
            result = import_category_workbook(project, path)
        except QdaError as error:
            show_warning(self.dock, str(error))
            return False
        show_information(
            self.dock,
            tr(
                "gui.revision.imported",
                file=os.path.basename(path),
                created=result.created,
                updated=result.updated,
                unchanged=result.unchanged,
            ),
        )
        return True
