"""A thin Qt worker that advances a core generator on its own thread, one item at a time.

The long jobs live in the core as generators (reading files, importing them). The worker only
moves `next()` off the GUI thread: it computes one item, hands it over through `yielded` and
waits until the GUI asks for the next one with `resume`. So the GUI decides between items
whether to go on; cancelling means not asking again, and an item in progress always completes.

Connect `yielded`, `finished` and `errored` to methods of objects living on the GUI thread
(never to a bare lambda): Qt then delivers them on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal, Slot


class GeneratorWorker(QObject):
    """Runs `next(generator)` on a private thread each time the GUI asks for an item."""

    yielded = Signal(object)
    finished = Signal()  # the generator is exhausted
    errored = Signal(object)  # an unexpected exception ended it
    _advance_requested = Signal()
    _stop_requested = Signal()

    def __init__(self, generator: Iterator[Any], name: str = "worker") -> None:
        super().__init__()
        self._generator = generator
        self._home = self.thread()
        self._thread = QThread()
        self._thread.setObjectName(name)
        self.done = False
        self.moveToThread(self._thread)
        self._advance_requested.connect(self._advance)
        self._stop_requested.connect(self._stop)

    # -- called on the GUI thread ------------------------------------------------------------

    def start(self) -> None:
        """Start the thread and compute the first item."""
        self._thread.start()
        self._advance_requested.emit()

    def resume(self) -> None:
        """Compute the next item."""
        if not self.done:
            self._advance_requested.emit()

    def stop(self, wait: bool = True) -> None:
        """Ask for no more items; the item being computed completes first. With `wait`, return
        once the thread has ended."""
        if not self.done:
            self._stop_requested.emit()
        if wait:
            self._thread.wait()

    # -- run on the worker's thread ----------------------------------------------------------

    @Slot()
    def _advance(self) -> None:
        if self.done:
            return
        try:
            item = next(self._generator)
        except StopIteration:
            self._end()
            self.finished.emit()
        except Exception as error:  # noqa: BLE001 - reported to the GUI, which tells the user
            self._end()
            self.errored.emit(error)
        else:
            self.yielded.emit(item)

    @Slot()
    def _stop(self) -> None:
        if not self.done:
            self._end()

    def _end(self) -> None:
        """Close the generator, give this object back to the GUI thread, let the thread end."""
        self.done = True
        close = getattr(self._generator, "close", None)  # a generator; any iterator will do
        if close is not None:
            close()
        self.moveToThread(self._home)
        self._thread.quit()
