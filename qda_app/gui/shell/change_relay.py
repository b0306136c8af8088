"""Project change events brought to the GUI thread, whichever thread committed the change.

The core calls its listeners on the thread that ran the command. Changes made on the GUI
thread are passed on at once. Changes committed by a worker (an import running in the
background) are collected and passed on the next time the GUI thread is free; when many
piled up (a batch of 200 files), the window hears one "reload" event instead of 200.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal, Slot

from ...core.values import ChangeEvent

# More pending worker events than this are passed on as one reset.
MAX_PENDING = 20


class ChangeRelay(QObject):
    """A project listener (call it with a ChangeEvent) that emits `changed` on the GUI thread."""

    changed = Signal(object)  # a ChangeEvent
    _posted = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._gui_thread = threading.get_ident()
        self._lock = threading.Lock()
        self._pending: list[ChangeEvent] = []
        self._posted.connect(self.flush, Qt.ConnectionType.QueuedConnection)

    def __call__(self, event: ChangeEvent) -> None:
        if threading.get_ident() == self._gui_thread:
            self.flush()  # anything a worker committed before comes first
            self.changed.emit(event)
            return
        with self._lock:
            first = not self._pending
            self._pending.append(event)
        if first:
            self._posted.emit()

    @Slot()
    def flush(self) -> None:
        """Pass on what workers changed so far (call before reading the result of a job)."""
        with self._lock:
            events, self._pending = self._pending, []
        if len(events) > MAX_PENDING:
            events = [ChangeEvent("do", events[-1].command, None, (), reset=True)]
        for event in events:
            self.changed.emit(event)
