"""Screenshots of the window with sample content, in German and English, for a person to look at.

They go to build/screenshots/ (ignored by git). The test checks they were drawn at the size
the window is designed for; judging how they look is for a human eye.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from gui.window_helpers import show_main_window
from PySide6.QtGui import QImage

from qda_app.gui.shell.app_settings import AppSettings
from qda_app.gui.shell.settings_dialog import SettingsDialog
from qda_app.gui.shell.ui_language import apply_language

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def save(widget, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


@pytest.mark.parametrize("lang", ["de", "en"])
def test_main_window_with_sample_content(qtbot, temporary_settings, sample_project, lang):
    temporary_settings.language_choice = lang
    apply_language(lang)
    window = show_main_window(qtbot, temporary_settings, sample_project.path)
    window.quarter_dock.select_document(sample_project.workshop_id)
    youth = window.category_dock.model.index_of_category(sample_project.coded_category_id)
    window.category_dock.view.setCurrentIndex(youth)
    qtbot.wait(50)

    image = QImage(str(save(window, f"main_window_{lang}")))
    assert (image.width(), image.height()) == (1280, 800)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_start_page_and_dialogs(qtbot, temporary_settings, sample_project, lang):
    apply_language(lang)
    temporary_settings.add_recent(str(sample_project.path))
    temporary_settings.add_recent(str(sample_project.path.with_name("verschoben.qda")))
    window = show_main_window(qtbot, AppSettings())
    save(window, f"start_page_{lang}")

    assert window.open_project(str(sample_project.path))
    delete_dialog = window.category_dock.make_delete_dialog(sample_project.coded_category_id)
    qtbot.addWidget(delete_dialog)
    delete_dialog.show()
    save(delete_dialog, f"delete_category_dialog_{lang}")
    settings_dialog = SettingsDialog(temporary_settings, window)
    qtbot.addWidget(settings_dialog)
    settings_dialog.show()
    save(settings_dialog, f"settings_dialog_{lang}")
