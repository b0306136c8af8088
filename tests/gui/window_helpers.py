"""Opening the main window the way every window test and screenshot needs it."""

from __future__ import annotations

from pathlib import Path

from qda_app.gui.shell.app_settings import AppSettings
from qda_app.gui.shell.main_window import MainWindow

SIZE = (1280, 800)


def show_main_window(qtbot, settings: AppSettings, project: Path | None = None) -> MainWindow:  # noqa: ANN001
    """A shown main window at 1280×800, with `project` opened if given."""
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    if project is not None:
        assert window.open_project(str(project))
    return window
