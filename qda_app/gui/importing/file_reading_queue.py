"""Reading files for the import table in the background, one after another, as they are added."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal, Slot

from ...core.i18n import tr
from ...core.importers.prepared_batch import FileReading, read_files
from ..common.generator_worker import GeneratorWorker


class FileReadingQueue(QObject):
    """Feeds added files to `read_files` on a worker thread; `read` reports each file."""

    read = Signal(object)  # a FileReading
    idle = Signal()  # every file added so far has been read

    def __init__(self, patterns: dict[int, list[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._patterns = patterns
        self._waiting: list[Path] = []
        self._batch: list[Path] = []  # the files the running worker was given, not yet reported
        self._worker: GeneratorWorker | None = None

    def add(self, paths: Iterable[Path]) -> None:
        self._waiting.extend(paths)
        self._start_if_idle()

    def discard(self, paths: Iterable[Path]) -> None:
        """Files removed from the table need not be read (one being read still completes)."""
        gone = set(paths)
        self._waiting = [path for path in self._waiting if path not in gone]

    def busy(self) -> bool:
        return self._worker is not None or bool(self._waiting)

    def shut_down(self) -> None:
        """Stop after the file being read; wait for the thread to end."""
        self._waiting.clear()
        if self._worker is not None:
            self._worker.stop(wait=True)
            self._worker = None

    def _start_if_idle(self) -> None:
        if self._worker is not None or not self._waiting:
            return
        self._batch, self._waiting = self._waiting, []
        worker = GeneratorWorker(read_files(list(self._batch), self._patterns), "file-reader")
        worker.yielded.connect(self._on_read)
        worker.finished.connect(self._on_finished)
        worker.errored.connect(self._on_error)
        self._worker = worker
        worker.start()

    @Slot(object)
    def _on_read(self, reading: FileReading) -> None:
        if reading.path in self._batch:
            self._batch.remove(reading.path)
        self.read.emit(reading)
        if self._worker is not None:
            self._worker.resume()

    @Slot()
    def _on_finished(self) -> None:
        if self._worker is not None:
            self._worker.stop(wait=True)
            self._worker = None
        self._batch = []
        self._start_if_idle()
        if not self.busy():
            self.idle.emit()

    @Slot(object)
    def _on_error(self, error: object) -> None:
        """A bug in a reader ends the batch: its unread files are reported as unreadable."""
        for path in self._batch:
            message = tr("gui.import.read_failed", file=path.name, reason=str(error))
            self.read.emit(FileReading(path, None, message))
        self._on_finished()
