"""Running an import behind a progress dialog: file i of n, its name, and Cancel.

The files are imported on a worker thread by the core generator `import_prepared`, one
transaction per file. Cancel lets the file being imported complete and then stops: files done
are kept, nothing is left half-written. Change events the worker's commands raise reach the
window through its ChangeRelay, on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import SIGNAL, SLOT, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from ...core.i18n import tr
from ...core.importers.batch import ImportOptions, ImportProgress, ImportSummary
from ...core.importers.prepared_batch import PreparedFile, import_prepared
from ..common.generator_worker import GeneratorWorker

if TYPE_CHECKING:
    from ...core.project import Project


class ImportRun(QObject):
    """One import of prepared files; `finished` once it ended, was cancelled or failed."""

    finished = Signal()

    def __init__(
        self,
        project: Project,
        files: Sequence[PreparedFile],
        options: ImportOptions,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.files = list(files)
        self.summary = ImportSummary()
        self.cancelled = False
        self.error = ""
        self.ended = False
        self.progress = QProgressDialog(parent)
        self.progress.setObjectName("importProgress")
        self.progress.setWindowTitle(tr("gui.import.progress.title"))
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setRange(0, len(self.files))
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumWidth(460)
        self.progress.setCancelButtonText(tr("gui.import.progress.cancel"))
        # Cancel must not hide the dialog at once: the current file is still being imported.
        QObject.disconnect(self.progress, SIGNAL("canceled()"), self.progress, SLOT("cancel()"))
        self.progress.canceled.connect(self.cancel)
        self._worker = GeneratorWorker(
            import_prepared(project, self.files, options), "protocol-import"
        )
        self._worker.yielded.connect(self._on_progress)
        self._worker.finished.connect(self._end)
        self._worker.errored.connect(self._on_error)

    def cancel_button(self) -> QPushButton:
        button = self.progress.findChild(QPushButton)
        assert button is not None
        return button

    def start(self) -> None:
        if not self.files:
            self._end()
            return
        self._announce(0)
        self.progress.show()
        self._worker.start()

    def _announce(self, done: int) -> None:
        name = self.files[done].path.name
        self.progress.setLabelText(
            tr("gui.import.progress.file", number=done + 1, total=len(self.files), file=name)
        )

    @Slot(object)
    def _on_progress(self, progress: ImportProgress) -> None:
        self.summary.outcomes.append(progress.outcome)
        self.progress.setValue(progress.done)  # may handle a click on Cancel meanwhile
        if self.cancelled or progress.done >= len(self.files):
            self._end()
        else:
            self._announce(progress.done)
            self._worker.resume()

    @Slot()
    def cancel(self) -> None:
        """Stop after the file being imported."""
        if self.ended or self.cancelled:
            return
        self.cancelled = True
        current = self.files[min(len(self.summary.outcomes), len(self.files) - 1)].path.name
        self.progress.setLabelText(tr("gui.import.progress.cancelling", file=current))
        self.cancel_button().setEnabled(False)

    @Slot(object)
    def _on_error(self, error: object) -> None:
        self.error = tr("gui.import.unexpected", reason=str(error))
        self._end()

    @Slot()
    def _end(self) -> None:
        if self.ended:
            return
        self.ended = True
        self._worker.stop(wait=True)
        self.progress.hide()
        self.finished.emit()

    def not_started(self) -> list[PreparedFile]:
        """Files a cancel (or an unexpected error) left untouched."""
        return self.files[len(self.summary.outcomes) :]
