"""Run as a subprocess by test_exit_after_heavy_painting: open a project whose big document
carries many codings, paint them repeatedly, quit as the app does, and exit normally."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from qda_app.gui.shell.app import make_application, open_main_window
from qda_app.gui.shell.app_settings import AppSettings


def main(project: str, settings_folder: str, document_id: int, rounds: int) -> int:
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_folder)
    app = make_application([])
    window = open_main_window([project], AppSettings())
    view = window.document_view
    for _ in range(rounds):
        view.show_document(None)
        view.show_document(document_id)
        app.processEvents()
    painted = len(view.highlighted_ranges())
    print(f"painted {painted}")
    QApplication.closeAllWindows()
    window.tear_down()
    del window
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])))
