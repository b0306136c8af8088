"""Connect to server: from the start page, with a password typed in once and never stored; a
colleague's change on the server shows in the window without waiting for the timer."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui.window_helpers import show_main_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy.engine import make_url

from qda_app.core.presets import apply_preset
from qda_app.core.project import Project
from qda_app.gui.shell.server_connection import ServerConnectDialog

pytestmark = pytest.mark.postgres
PASSWORD = "Kennwort-77"


@pytest.fixture
def server_project(server_database: str) -> str:
    with Project.create(server_database, name="Team", actor="Anna") as project:
        apply_preset(project, "leverkusen")
    return server_database


def fill_and_connect(qtbot, address: str, screenshot: Path | None = None) -> None:  # noqa: ANN001
    def answer() -> None:
        dialog = next(
            w for w in qtbot_app_widgets() if isinstance(w, ServerConnectDialog) and w.isVisible()
        )
        if not dialog.address.text():
            qtbot.keyClicks(dialog.address, address)
        qtbot.keyClicks(dialog.password, PASSWORD)
        if screenshot is not None:
            dialog.grab().save(str(screenshot))
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    QTimer.singleShot(200, answer)


def qtbot_app_widgets():  # noqa: ANN201
    from PySide6.QtWidgets import QApplication

    return QApplication.topLevelWidgets()


def test_connect_from_the_start_page(qtbot, temporary_settings, server_project, tmp_path) -> None:
    window = show_main_window(qtbot, temporary_settings)
    shot = tmp_path / "connect.png"
    fill_and_connect(qtbot, server_project, shot)
    qtbot.mouseClick(window.start_page.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.project is not None, timeout=5000)
    assert window.project.on_server
    recent = temporary_settings.recent_files()
    assert recent == [server_project]  # the address, without any password
    settings_text = "".join(
        p.read_text(errors="replace") for p in (tmp_path / "settings").rglob("*") if p.is_file()
    )
    assert PASSWORD not in settings_text and PASSWORD not in window.windowTitle()
    assert shot.exists()

    # a colleague renames a category: the window hears of it through the server's NOTIFY
    window.watch_timer.stop()
    category = window.project.categories.list()[0]
    with Project.open(server_project, actor="Ben") as colleague:
        colleague.categories.rename(category.id, "Von Ben umbenannt")
    model = window.category_dock.model
    qtbot.waitUntil(
        lambda: (
            model.data(model.index_of_category(category.id)) == "Von Ben umbenannt"
            or "Von Ben umbenannt" in str(model.data(model.index_of_category(category.id)))
        ),
        timeout=2000,
    )
    window.close_project()

    # the recent entry asks for the password again
    fill_and_connect(qtbot, "")
    assert window.open_recent(recent[0])
    assert window.project is not None and window.project.on_server


def test_the_dialog_wants_a_server_address(qtbot) -> None:
    dialog = ServerConnectDialog(None, "")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.address, "postgresql://anna@db.example.org/studie")
    assert ok.isEnabled()
    qtbot.keyClicks(dialog.password, "geheim")
    assert make_url(dialog.url()).password == "geheim"
    assert dialog.address.text() == "postgresql://anna@db.example.org/studie"
