"""Count the SQL statements one `codings.add` causes in the open window: the write, and the
refresh of every part of the window that shows it (`python -m benchmarks.window_statements`).

Runs offscreen on the demo study (built into a temporary folder) and prints the statements of
each phase, so a change that makes the window re-read whole lists shows up at once.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from sqlalchemy import event

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def count_statements(
    window, document_id: int, category_id: int, start: int = 0
) -> tuple[list[str], list[str]]:
    """(statements of the command, statements of the refresh) for one coding added."""
    project = window.project
    seen: list[str] = []

    def record(_conn, _cursor, statement, _params, _context, _many) -> None:
        seen.append(" ".join(statement.split())[:160])

    event.listen(project.engine, "before_cursor_execute", record)
    written: list[str] = []

    def note_write(_event) -> None:
        written.extend(seen)
        seen.clear()

    unsubscribe = project.subscribe(note_write)  # runs before the window's own listener
    project._listeners.insert(0, project._listeners.pop())
    try:
        project.codings.add(document_id, start, start + 5, category_id)
    finally:
        unsubscribe()
        event.remove(project.engine, "before_cursor_execute", record)
    return written, list(seen)


def main() -> int:
    from PySide6.QtWidgets import QApplication
    from qda_app.sample_projects.demo_builder import build_demo

    from qda_app.gui.shell.app_settings import AppSettings
    from qda_app.gui.shell.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        path = build_demo(Path(folder))
        window = MainWindow(AppSettings())
        window.show()
        window.open_project(str(path))
        project = window.project
        assert project is not None
        document = max(project.documents.list(), key=lambda d: d.length)
        window.show_document(document.id)
        category = next(c for c in project.categories.list() if c.parent_id is not None)
        for start, label in ((0, "first coding of a new coder"), (10, "next coding")):
            written, refreshed = count_statements(window, document.id, category.id, start)
            print(f"{label}: write {len(written)} statements, refresh {len(refreshed)}")
            for line in written + ["-- refresh"] + refreshed:
                print(f"  {line}")
        window.tear_down()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
