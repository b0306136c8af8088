"""Screenshots of the summary grid and the comparison, German and English, at 1280×800, for a
person to look at (build/screenshots/, ignored by git)."""

from __future__ import annotations

import pytest
from gui.test_screenshots import save
from gui.window_helpers import show_main_window
from PySide6.QtGui import QImage

from qda_app.gui.shell.ui_language import apply_language


@pytest.mark.parametrize("lang", ["de", "en"])
def test_grid_and_comparison_screenshots(qtbot, temporary_settings, sample_project, lang):
    temporary_settings.language_choice = lang
    apply_language(lang)
    window = show_main_window(qtbot, temporary_settings, sample_project.path)
    project = window.project
    manfort = project.quarters.find("Manfort").id
    youth = sample_project.coded_category_id
    first = project.segments.list()[0]
    statement = project.statements.add(youth, "Jugendliche finden abends keinen Raum", manfort)
    project.statements.link(statement.id, first.coding_id)
    across = project.statements.add(youth, "Orte für Jugendliche fehlen")
    project.statements.link_source(across.id, statement.id)

    workspace = window.workspace
    workspace.show_page(workspace.grid_page)
    page = workspace.grid_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    page.open_cell(youth, manfort)
    qtbot.waitUntil(lambda: page.editor.statements.rowCount() == 1)
    qtbot.wait(100)  # the window lays itself out again once the docks stepped aside
    image = QImage(str(save(window, f"summary_grid_{lang}")))
    assert (image.width(), image.height()) == (1280, 800)
    # The docks stepped aside: the grid has the window's width.
    assert page.view.width() > 1100

    workspace.show_page(workspace.comparison_page)
    comparison = workspace.comparison_page
    qtbot.waitUntil(lambda: comparison.model.rowCount() > 0)
    qtbot.wait(100)
    save(window, f"quarter_matrix_{lang}")
    comparison.tabs.setCurrentWidget(comparison.heatmap)
    qtbot.waitUntil(lambda: not comparison.heatmap.pixmap().isNull())
    qtbot.wait(50)
    save(window, f"heatmap_{lang}")
    comparison.table.selectRow(comparison.model.row_of(youth))
    comparison.tabs.setCurrentWidget(comparison.cross)
    qtbot.waitUntil(lambda: comparison.cross.statements.count() == 1)
    qtbot.wait(50)
    image = QImage(str(save(window, f"cross_quarter_{lang}")))
    assert (image.width(), image.height()) == (1280, 800)
