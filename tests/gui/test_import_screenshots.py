"""Screenshots of the import (table and preview, progress, summary) and of a document's
properties, in German and English, into build/screenshots/ for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui.import_helpers import cell, open_import, type_into_cell
from gui.window_helpers import show_main_window
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from qda_app.gui.shell.ui_language import apply_language

SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def save(widget: QWidget, name: str) -> QImage:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return QImage(str(path))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_import_and_properties_screenshots(
    qtbot, temporary_settings, sample_project, protocols, lang
):
    temporary_settings.language_choice = lang
    apply_language(lang)
    window = show_main_window(qtbot, temporary_settings, sample_project.path)

    dialog = open_import(qtbot, window, protocols.all())
    qtbot.keyClicks(dialog.form.pattern_edit, "{quarter}_{method}_{date}")
    qtbot.keyClicks(dialog.form.group_edit, "1")
    dialog.form.participants_spin.setValue(5)
    dialog.form.precode_check.setChecked(True)
    title = "Workshop Manfort, Gruppe 2" if lang == "de" else "Workshop Manfort, group 2"
    type_into_cell(qtbot, dialog.table, cell(dialog, protocols.workshop, "title"), title)
    type_into_cell(qtbot, dialog.table, cell(dialog, protocols.workshop, "method"), "Begehung")
    dialog.table.setCurrentIndex(cell(dialog, protocols.interview, "file"))
    image = save(dialog, f"import_dialog_{lang}")
    assert image.width() >= 1000 and image.height() >= 700

    dialog.import_button.click()
    save(dialog.run.progress, f"import_progress_{lang}")
    qtbot.waitUntil(lambda: window.importer.summary_dialog is not None)
    summary = window.importer.summary_dialog
    qtbot.waitExposed(summary)
    save(summary, f"import_summary_{lang}")
    summary.accept()

    interview = next(
        d for d in window.project.documents.list() if d.source_filename == protocols.interview.name
    )
    window.project.variables.set(interview.id, "Träger", "AWO", "text")
    window.project.variables.set(interview.id, "Dauer (min)", 25, "integer")
    window.quarter_dock.select_document(interview.id)
    window.menus.properties_action.trigger()
    properties = window.properties_dialog
    qtbot.waitExposed(properties)
    save(properties, f"document_properties_{lang}")
    properties.reject()
