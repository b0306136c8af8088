"""Running an export or import behind a progress dialog (document i of n, Cancel).

The work is a core generator advanced on a worker thread. Cancel closes the generator after
the step in progress: the core then removes its unfinished file, so nothing half-written is
left behind.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import SIGNAL, SLOT, QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from ...core.errors import QdaError
from ...core.exchange.exchange_values import ExchangeProgress
from ...core.i18n import tr
from ..common.generator_worker import GeneratorWorker


class ExchangeRun(QObject):
    """One run of an exchange job; `finished` once it completed, was cancelled or failed
    (then `error` holds the sentence to show)."""

    finished = Signal()

    def __init__(self, steps: Iterator[ExchangeProgress], title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.cancelled = False
        self.completed = False
        self.error = ""
        self.ended = False
        self.progress = QProgressDialog(parent)
        self.progress.setObjectName("exchangeProgress")
        self.progress.setWindowTitle(title)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setRange(0, 0)
        self.progress.setMinimumDuration(0)
        self.progress.setAutoClose(False)
        self.progress.setAutoReset(False)
        self.progress.setMinimumWidth(460)
        self.progress.setCancelButtonText(tr("gui.exchange.cancel"))
        QObject.disconnect(self.progress, SIGNAL("canceled()"), self.progress, SLOT("cancel()"))
        self.progress.canceled.connect(self.cancel)
        self._worker = GeneratorWorker(steps, "exchange")
        self._worker.yielded.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.errored.connect(self._on_error)

    def cancel_button(self) -> QPushButton:
        button = self.progress.findChild(QPushButton)
        assert button is not None
        return button

    def start(self) -> None:
        self.progress.setLabelText(tr("gui.exchange.starting"))
        self.progress.show()
        self._worker.start()

    @Slot(object)
    def _on_progress(self, progress: ExchangeProgress) -> None:
        self.progress.setRange(0, max(progress.total, 1))
        self.progress.setValue(progress.done)
        self.progress.setLabelText(progress.text)
        if self.cancelled:
            self._end()
        else:
            self._worker.resume()

    @Slot()
    def cancel(self) -> None:
        """Stop after the step in progress; its unfinished file is removed."""
        if self.ended or self.cancelled:
            return
        self.cancelled = True
        self.progress.setLabelText(tr("gui.exchange.cancelling"))
        self.cancel_button().setEnabled(False)

    @Slot()
    def _on_finished(self) -> None:
        self.completed = not self.cancelled
        self._end()

    @Slot(object)
    def _on_error(self, error: object) -> None:
        if isinstance(error, QdaError):
            self.error = str(error)
        else:
            self.error = tr("gui.exchange.unexpected", reason=str(error))
        self._end()

    @Slot()
    def _end(self) -> None:
        if self.ended:
            return
        self.ended = True
        self._worker.stop(wait=True)
        self.progress.hide()
        self.finished.emit()
