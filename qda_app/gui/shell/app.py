"""Starting the app: `python -m qda_app [FILE]` and `qda gui [FILE]` land here."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from .app_settings import APPLICATION, ORGANISATION, AppSettings
from .main_window import MainWindow
from .platform_check import start_problem
from .ui_language import apply_language


def make_application(argv: list[str]) -> QApplication:
    """The one QApplication, created on first use (tests already have one)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0] if sys.argv else "qda_app", *argv])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    QApplication.setApplicationDisplayName("qda_app")
    return app  # type: ignore[return-value]


def open_main_window(files: list[str], settings: AppSettings | None = None) -> MainWindow:
    """A shown main window in the user's language, with FILE or the most recent project open."""
    settings = settings or AppSettings()
    apply_language(settings.effective_language())
    window = MainWindow(settings)
    window.show()
    window.start(files)
    return window


def run_app(argv: list[str]) -> int:
    """Run the window until it is closed; returns the exit status.

    On quit the window is torn down in a fixed order (project closed, views emptied, then
    the widgets deleted, then the application), never left to the interpreter's exit."""
    problem = start_problem()
    if problem:
        print(f"qda: {problem}", file=sys.stderr)
        return 1
    app = make_application(argv)
    files = [arg for arg in argv if not arg.startswith("-")]
    window = open_main_window(files[:1])
    status = app.exec()
    window.tear_down()
    del window
    app.processEvents()
    return status
