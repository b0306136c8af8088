"""Importing protocols: values for all files, the per-file metadata table, a preview, and the
import itself. Files are read in the background as they are added, and read only once: the
bytes and text shown in the preview are the ones imported."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr, tr_count
from ...core.importers.batch import FileOutcome, ImportSummary
from ...core.importers.collect import collect_files
from ...core.importers.prepared_batch import FileReading, MetadataCheck, block_patterns
from .file_reading_queue import FileReadingQueue
from .import_file_table import ImportFileTable
from .import_file_table_model import ImportFileTableModel
from .import_options_form import ERROR_STYLE, HINT_STYLE, ImportOptionsForm
from .import_preview import ImportPreview
from .import_run import ImportRun
from .import_status_icons import CHECK, FAILED, PENDING
from .protocol_file_choice import choose_protocol_files, choose_protocol_folder, dropped_paths

if TYPE_CHECKING:
    from ...core.project import Project


class ImportDialog(QDialog):
    """Accepted after an import has run; `summary` then tells what happened."""

    def __init__(self, project: Project, folder: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(tr("gui.import.title"))
        self.project = project
        self.folder = folder
        self.notes: list[str] = []
        self.summary: ImportSummary | None = None
        self.run: ImportRun | None = None
        self.form = ImportOptionsForm(project, self)
        self.model = ImportFileTableModel(self)
        self.table = ImportFileTable(self.model, project, self)
        self.preview = ImportPreview(self)
        self.reader = FileReadingQueue(block_patterns(project), self)
        self.add_files_button = QPushButton(tr("gui.import.add_files"), self)
        self.add_folder_button = QPushButton(tr("gui.import.add_folder"), self)
        self.remove_button = QPushButton(tr("gui.import.remove"), self)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("importStatus")
        self.status_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            tr("gui.import.start"), QDialogButtonBox.ButtonRole.ActionRole
        )
        # Not the default button: Enter in a field or on a row must not start the import.
        self.import_button.setAutoDefault(False)
        self._lay_out()
        self._connect()
        self.setAcceptDrops(True)
        self.resize(1240, 760)
        self.form.quarter_combo.setFocus()
        self._refresh_metadata()

    def _lay_out(self) -> None:
        files = QWidget(self)
        file_buttons = QHBoxLayout()
        for button in (self.add_files_button, self.add_folder_button, self.remove_button):
            file_buttons.addWidget(button)
        file_buttons.addStretch(1)
        files_layout = QVBoxLayout(files)
        files_layout.setContentsMargins(0, 0, 0, 0)
        files_layout.addLayout(file_buttons)
        files_layout.addWidget(self.table, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(files)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([840, 360])
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        self.form.changed.connect(self._refresh_metadata)
        self.reader.read.connect(self._on_read)
        self.reader.idle.connect(self._update_status)
        self.table.selectionModel().currentRowChanged.connect(self._show_preview)
        self.table.remove_requested.connect(self.remove_selected)
        self.model.dataChanged.connect(self._row_changed)
        self.add_files_button.clicked.connect(self.choose_files)
        self.add_folder_button.clicked.connect(self.choose_folder)
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)

    # -- files -------------------------------------------------------------------------------

    def add_files(self, paths: Iterable[Path | str], notes: Iterable[str] = ()) -> list[Path]:
        """Add files (folders give their supported files, sub-folders included) and read them."""
        files, ignored = collect_files(paths, recursive=True)
        self.notes.extend([*notes, *ignored])
        added = self.model.add_files(files)
        self.reader.add(added)
        if added and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.model.index(self.model.rowCount() - len(added), 1))
        self._refresh_metadata()
        return added

    def choose_files(self) -> None:
        paths = choose_protocol_files(self, self.folder)
        if paths:
            self.folder = str(paths[0].parent)
            self.add_files(paths)

    def choose_folder(self) -> None:
        folder = choose_protocol_folder(self, self.folder)
        if folder is not None:
            self.folder = str(folder)
            self.add_files([folder])

    def remove_selected(self) -> None:
        rows = self.table.chosen_rows()
        self.reader.discard(self.model.rows[row].path for row in rows)
        self.model.remove_rows(rows)
        self._refresh_metadata()

    def _on_read(self, reading: FileReading) -> None:
        self.model.set_reading(reading)  # the table's dataChanged updates preview and status

    def _show_preview(self, current: QModelIndex, _previous: QModelIndex | None = None) -> None:
        self.preview.show_row(self.model.row(current))

    def _row_changed(self, first: QModelIndex, last: QModelIndex) -> None:
        current = self.table.currentIndex()
        if current.isValid() and first.row() <= current.row() <= last.row():
            self._show_preview(current)
        self._update_status()

    # -- metadata and status -----------------------------------------------------------------

    def _refresh_metadata(self) -> None:
        """Apply the form's values to every row, then say what the pattern and manifest found."""
        check = MetadataCheck(self.project, self.form.create_check.isChecked())
        self.model.set_sources(self.form.sources(), check)
        paths = [row.path for row in self.model.rows]
        pattern = self.form.pattern()
        if pattern is not None and paths:
            matched = sum(1 for path in paths if pattern.read(path) is not None)
            self.form.show_pattern_matches((matched, len(paths)))
        else:
            self.form.show_pattern_matches(None)
        self.form.show_manifest_note(
            "; ".join(self.manifest_warnings()) if paths and self.form.manifest else ""
        )
        self._update_status()

    def manifest_warnings(self) -> list[str]:
        manifest = self.form.manifest
        if manifest is None:
            return []
        unmatched = set(manifest.unmatched([row.path for row in self.model.rows]))
        # The manifest's own spelling of each name, not the lower-case key it is looked up by.
        names = [name for name in manifest.file_names if name.casefold() in unmatched]
        return [tr("batch.manifest_row_unused", file=manifest.path.name, name=n) for n in names]

    def _update_status(self) -> None:
        model, errors = self.model, self.form.errors()
        readable = sum(1 for row in model.rows if row.readable)
        pending, failed, check = model.count(PENDING), model.count(FAILED), model.count(CHECK)
        if errors:
            text, style = errors[0], ERROR_STYLE
        elif not model.rows:
            text, style = tr("gui.import.status.empty"), HINT_STYLE
        else:
            parts = [tr_count("gui.import.status.files", len(model.rows))]
            parts.append(tr("gui.import.status.readable", count=readable - check))
            if pending:
                parts.append(tr_count("gui.import.status.reading", pending))
            if check:
                parts.append(tr_count("gui.import.status.to_check", check))
            if failed:
                parts.append(tr_count("gui.import.status.unreadable", failed))
            text, style = " · ".join(parts), HINT_STYLE
        self.status_label.setText(text)
        self.status_label.setStyleSheet(style)
        busy = self.run is not None
        self.import_button.setEnabled(not busy and not errors and not pending and readable > 0)
        self.remove_button.setEnabled(not busy and bool(model.rows))

    # -- importing ---------------------------------------------------------------------------

    def start_import(self) -> None:
        files = self.model.prepared_files()
        if self.run is not None or not files or not self.import_button.isEnabled():
            return
        self.run = ImportRun(self.project, files, self.form.options(), self)
        self.run.finished.connect(self._import_finished)
        for part in (self.form, self.splitter, self.buttons):
            part.setEnabled(False)
        self.run.start()

    def _import_finished(self) -> None:
        run = self.run
        assert run is not None
        summary = ImportSummary(outcomes=list(run.summary.outcomes))
        for row in self.model.rows:
            if row.state == FAILED and row.reading is not None:
                summary.outcomes.append(FileOutcome(row.path, "failed", row.reading.error))
        summary.warnings.extend(self.notes)
        summary.warnings.extend(self.manifest_warnings())
        left = run.not_started()
        if left:
            names = ", ".join(prepared.path.name for prepared in left)
            summary.warnings.append(tr("gui.import.not_started", count=len(left), files=names))
        if run.error:
            summary.warnings.append(run.error)
        self.summary = summary
        self.accept()

    def reject(self) -> None:
        if self.run is not None and not self.run.ended:
            return  # the progress dialog's Cancel stops an import, not this dialog
        super().reject()

    def done(self, result: int) -> None:
        self.reader.shut_down()
        super().done(result)

    # -- dropping files ----------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.run is None and dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event.mimeData())
        if self.run is None and paths:
            event.acceptProposedAction()
            self.add_files(paths)
