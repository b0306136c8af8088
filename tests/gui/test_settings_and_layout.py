"""Settings a person changes, and what the window remembers between runs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from qda_app.core.i18n import language
from qda_app.gui.shell.app_settings import AppSettings
from qda_app.gui.shell.main_window import MainWindow
from qda_app.gui.shell.settings_dialog import SettingsDialog


def run_settings_dialog(
    qtbot, answer_dialog, window: MainWindow, language_choice: str, coder: str
) -> None:
    """Open Edit → Settings…, choose a language and a coder name, press OK."""

    def fill_in(dialog) -> None:
        assert isinstance(dialog, SettingsDialog)
        dialog.choose_language(language_choice)
        dialog.coder_edit.clear()
        qtbot.keyClicks(dialog.coder_edit, coder)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    answer_dialog(fill_in)
    window.menus.settings_action.trigger()


def test_settings_never_touch_the_users_files(temporary_settings, tmp_path):
    assert temporary_settings._settings.fileName().startswith(str(tmp_path))


def test_language_switch_renames_menus_docks_and_status_live(qtbot, window, answer_dialog):
    menus = window.menus
    assert [menus.file_menu.title(), menus.edit_menu.title()] == ["&Datei", "&Bearbeiten"]
    assert window.category_dock.windowTitle() == "Kategoriensystem"

    run_settings_dialog(qtbot, answer_dialog, window, "en", "Kim Meyer")

    assert language() == "en"
    titles = [
        m.title() for m in (menus.file_menu, menus.edit_menu, menus.view_menu, menus.help_menu)
    ]
    assert titles == ["&File", "&Edit", "&View", "&Help"]
    assert window.quarter_dock.windowTitle() == "Quarters and documents"
    assert window.category_dock.model.headerData(0, Qt.Orientation.Horizontal) == "Category"
    assert window.quarter_dock.model.index(1, 0).data() == "No quarter"
    assert "4 documents" in window.status.text() and "Coder: Kim Meyer" in window.status.text()
    # Undo acts on the current coder's own commands: Kim Meyer has done nothing yet.
    assert menus.undo_action.text() == "&Undo" and not menus.undo_action.isEnabled()
    assert window.project.actor == "Kim Meyer"
    stored = AppSettings()
    assert (stored.language_choice, stored.coder_name) == ("en", "Kim Meyer")


def test_changes_after_a_coder_switch_are_recorded_under_the_new_name(qtbot, window, answer_dialog):
    run_settings_dialog(qtbot, answer_dialog, window, "de", "Ben")
    window.category_dock.model.setData(window.category_dock.model.index(0, 0), "Bedarfe")
    assert window.project.history.next_undo().actor == "Ben"


def test_automatic_language_follows_the_system(qtbot, window, monkeypatch, answer_dialog):
    monkeypatch.setenv("QDA_LANG", "en")
    run_settings_dialog(qtbot, answer_dialog, window, "", "Testkodierer*in")
    assert AppSettings().language_choice == ""
    assert window.menus.file_menu.title() == "&File"


def test_window_size_and_dock_layout_are_restored(qtbot, temporary_settings, sample_project):
    first = MainWindow(temporary_settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(720, 520)  # inside the offscreen screen (800×600)
    assert first.open_project(str(sample_project.path))
    first.category_dock.toggleViewAction().trigger()
    assert first.category_dock.isHidden()
    first.close()

    second = MainWindow(AppSettings())
    qtbot.addWidget(second)
    second.show()
    assert (second.width(), second.height()) == (720, 520)
    assert second.quarter_dock.isHidden()  # no project yet: the start page has the room
    second.start([])  # opens the most recent project
    assert second.project is not None
    assert second.category_dock.isHidden()
    assert not second.quarter_dock.isHidden()


def test_the_first_start_asks_for_the_coder_once_and_remembers_it(
    qtbot, temporary_settings, sample_project, answer_dialog, monkeypatch
):
    from qda_app.gui.shell.app import open_main_window
    from qda_app.gui.shell.coder_name_dialog import CoderNameDialog

    monkeypatch.delenv("QDA_CODER", raising=False)
    monkeypatch.setattr("qda_app.gui.shell.coder_name_dialog.default_actor", lambda: "login")
    temporary_settings._settings.remove("project/coder")
    assert not temporary_settings.coder_chosen
    asked: list[str] = []

    def answer(dialog) -> None:
        assert isinstance(dialog, CoderNameDialog)
        asked.append(dialog.name_edit.text())  # prefilled with the login name
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.name_edit.clear()
        assert not ok.isEnabled()  # an empty name cannot be confirmed
        dialog.name_edit.insert("Ayşe  Demir")  # typed (keyClicks knows only ASCII)
        ok.click()

    answer_dialog(answer)
    window = open_main_window([str(sample_project.path)], temporary_settings)
    qtbot.addWidget(window)
    assert asked == ["login"]
    assert window.project.actor == "Ayşe Demir"
    assert "Kodierer*in: Ayşe Demir" in window.status.text()
    assert AppSettings().coder_name == "Ayşe Demir" and AppSettings().coder_chosen
    window.close()

    again = open_main_window([str(sample_project.path)], temporary_settings)  # no question
    qtbot.addWidget(again)
    assert asked == ["login"] and again.project.actor == "Ayşe Demir"
    again.close()


def test_a_remembered_coder_is_not_asked_for(qtbot, temporary_settings, sample_project):
    from qda_app.gui.shell.app import open_main_window

    window = open_main_window([str(sample_project.path)], temporary_settings)
    qtbot.addWidget(window)
    assert window.project.actor == temporary_settings.coder_name
    window.close()
