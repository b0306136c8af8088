"""Project change events brought to the GUI thread, whichever thread committed the change.

The core calls its listeners on the thread that ran the command. Changes made on the GUI
thread are passed on at once, as before. Changes committed by a worker (an import running in
the background) are collected and passed on in one go the next time the GUI thread is free:
a batch of 200 files refreshes the window a few times, not 200 times, and never from the
worker's thread.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal, Slot

from ...core.values import ChangeEvent


class ChangeRelay(QObject):
    """A project listener (call it with a ChangeEvent) that emits `changed` on the GUI thread."""

    changed = Signal(frozenset)  # the names of the tables that changed
    _posted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._gui_thread = threading.get_ident()
        self._lock = threading.Lock()
        self._pending: set[str] = set()
        self._posted.connect(self.flush, Qt.ConnectionType.QueuedConnection)

    def __call__(self, event: ChangeEvent) -> None:
        if threading.get_ident() == self._gui_thread:
            self.flush()  # anything a worker committed before comes first
            self.changed.emit(event.tables)
            return
        with self._lock:
            first = not self._pending
            self._pending.update(event.tables)
        if first:
            self._posted.emit()

    @Slot()
    def flush(self) -> None:
        """Pass on what workers changed so far (call before reading the result of a job)."""
        with self._lock:
            tables = frozenset(self._pending)
            self._pending.clear()
        if tables:
            self.changed.emit(tables)
