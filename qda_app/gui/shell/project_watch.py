"""How the window hears of changes to the open project: its own commits (through the change
relay, also from background threads), and those of other processes (a poll every second
and, on a server, a wake-up from LISTEN/NOTIFY)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from .change_relay import ChangeRelay

if TYPE_CHECKING:
    from ...core.project import Project

WATCH_INTERVAL_MS = 1000


class ProjectWatch(QObject):
    """Subscribes the window to one project at a time; `poll` is called to look for others'
    changes (every second, and at once when the server says so)."""

    def __init__(self, poll: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._unsubscribe: Callable[[], None] | None = None
        # Change events reach the window on the GUI thread, also those of background imports.
        self.changes = ChangeRelay(parent)
        # Changes of other processes (the CLI, a colleague's window) show within 2 seconds.
        self.timer = QTimer(parent)
        self.timer.setInterval(WATCH_INTERVAL_MS)
        self.timer.timeout.connect(poll)
        self._poll = poll
        # On a server, a colleague's commit also wakes the window at once (LISTEN/NOTIFY).
        self._wakeup: QSocketNotifier | None = None

    def detach(self) -> None:
        """Stop listening to the project watched so far (before it closes)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._wakeup is not None:
            self._wakeup.setEnabled(False)
            self._wakeup.deleteLater()
            self._wakeup = None

    def subscribe(self, project: Project) -> None:
        """Hear this project's own change events through the relay."""
        self._unsubscribe = project.subscribe(self.changes)

    def start(self, project: Project) -> None:
        """Watch for others' changes to the project, from now on."""
        project.history.poll_external()  # from now on, others' changes are reported
        self.timer.start()
        socket = project.history.change_socket()
        if socket is not None:
            self._wakeup = QSocketNotifier(socket, QSocketNotifier.Type.Read, self.parent())
            self._wakeup.activated.connect(lambda *_: self._poll())

    def stop(self) -> None:
        self.timer.stop()
