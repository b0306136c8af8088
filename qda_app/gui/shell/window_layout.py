"""The window's layout between sessions and between projects: geometry and dock state as the
user left them, the docks hidden on the start page, and the title naming the project."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget, QMainWindow

from ...core.i18n import tr
from .app_settings import AppSettings

if TYPE_CHECKING:
    from ...core.project import Project


def restore_layout(window: QMainWindow, settings: AppSettings) -> None:
    """The size, place and dock arrangement saved when the window last closed."""
    geometry = settings.window_geometry()
    if geometry is not None:
        window.restoreGeometry(geometry)
    state = settings.window_state()
    if state is not None:
        window.restoreState(state)


def window_title(project: Project | None) -> str:
    if project is None:
        return tr("gui.app_name")
    return tr("gui.window_title", name=os.path.basename(project.location))


def project_folder(settings: AppSettings) -> str:
    """Where file dialogs start: the folder of the most recent project, else home."""
    recent = settings.recent_files()
    return os.path.dirname(recent[0]) if recent else os.path.expanduser("~")


class ProjectDocks:
    """Docks belong to a project: hidden on the start page, as they were once one opens."""

    def __init__(self, docks: Callable[[], Iterable[QDockWidget]]) -> None:
        self._docks = docks
        # While the start page shows, the (empty) docks are hidden; their visibility waits here.
        self._visibility: dict[QDockWidget, bool] | None = None

    def show(self, project_open: bool) -> None:
        docks = tuple(self._docks())
        if not project_open and self._visibility is None:
            self._visibility = {dock: not dock.isHidden() for dock in docks}
            for dock in docks:
                dock.hide()
        elif project_open and self._visibility is not None:
            for dock, visible in self._visibility.items():
                dock.setVisible(visible)
            self._visibility = None
        for dock in docks:
            dock.toggleViewAction().setEnabled(project_open)
