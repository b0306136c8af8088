"""The comparison tab: the matrix with its measure, filters and the k-of-n rule, the charts
(shown, saved as PNG and SVG) and cross-quarter statements linked by ticking."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import numpy as np
from PIL import Image
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from qda_app.gui.grid.cell_segments_model import CellSegmentsModel
from qda_app.gui.grid.cell_statements_model import CellStatementsModel
from qda_app.gui.grid.matrix_model import MatrixModel
from qda_app.gui.grid.summary_grid_model import SummaryGridModel


def open_comparison(qtbot, window):
    workspace = window.workspace
    workspace.show_page(workspace.comparison_page)
    page = workspace.comparison_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    return page


def row_text(page, category_id: int) -> list[str]:
    row = page.model.row_of(category_id)
    return [page.model.index(row, c).data() for c in range(page.model.columnCount())]


def choose(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_matrix_measure_rule_and_filters(qtbot, window, sample_project):
    page = open_comparison(qtbot, window)
    youth = sample_project.coded_category_id
    needs = sample_project.parent_category_id
    columns = [page.model.headerData(c, Qt.Orientation.Horizontal) for c in range(9)]
    assert columns[0] == "Manfort" and columns[6] == "Stadtweit" and columns[7] == "Σ"
    assert row_text(page, youth)[0] == "2"
    assert row_text(page, youth)[-1] == "1"  # named in one quarter, far from 4: no mark

    page.k.setValue(1)
    qtbot.waitUntil(lambda: row_text(page, youth)[-1] == "1 ✓")
    assert page.model.index(page.model.row_of(needs), 0).data(Qt.ItemDataRole.FontRole).bold()
    assert "1 von 6" in page.rule_summary.text()

    choose(page.measure, "share")
    qtbot.waitUntil(lambda: row_text(page, youth)[0] == "100 %")
    choose(page.method, window.project.methods.find("workshop").id)
    qtbot.waitUntil(lambda: row_text(page, youth)[0] == "100 %")  # 1 of Manfort's 1 workshop
    choose(page.measure, "segments")
    qtbot.waitUntil(lambda: row_text(page, youth)[0] == "1")  # the interview's coding left out

    page.count_city.setChecked(True)
    qtbot.waitUntil(lambda: page.rule is not None and page.rule.n == 7)


def test_matrix_follows_a_new_coding(qtbot, window, sample_project):
    page = open_comparison(qtbot, window)
    youth = sample_project.coded_category_id
    window.project.codings.add(sample_project.interview_id, 21, 40, youth)
    qtbot.waitUntil(lambda: row_text(page, youth)[0] == "3")


def test_heatmap_and_bars_show_and_save(qtbot, window, sample_project, tmp_path):
    page = open_comparison(qtbot, window)
    page.tabs.setCurrentWidget(page.heatmap)
    qtbot.waitUntil(lambda: not page.heatmap.pixmap().isNull())
    image = page.heatmap.pixmap().toImage()
    assert (image.width(), image.height()) == (1800, 1012)
    shown = page.heatmap.picture.pixmap()
    assert shown.width() <= page.heatmap.picture.width() and not shown.isNull()
    assert page.heatmap.save(tmp_path / "heatmap.png")
    assert page.heatmap.save(tmp_path / "heatmap.svg")
    picture = Image.open(tmp_path / "heatmap.png").convert("RGB").resize((200, 112))
    assert len(np.unique(np.asarray(picture).reshape(-1, 3), axis=0)) > 20
    assert ET.parse(tmp_path / "heatmap.svg").getroot().tag.endswith("svg")

    page.tabs.setCurrentWidget(page.bars)
    page.bar_category.setCurrentIndex(page.bar_category.findData(sample_project.coded_category_id))
    qtbot.waitUntil(lambda: not page.bars.pixmap().isNull())
    assert page.bars.save(tmp_path / "bars.png")
    assert Image.open(io.BytesIO((tmp_path / "bars.png").read_bytes())).format == "PNG"


def test_cross_quarter_statement_made_and_linked_by_ticking(qtbot, window, sample_project):
    project = window.project
    youth = sample_project.coded_category_id
    manfort = project.quarters.find("Manfort").id
    city = project.quarters.find("Stadtweit").id
    local = project.statements.add(youth, "Jugendliche ohne Raum", manfort)
    project.statements.add(youth, "Stadtweit: Jugendarbeit fehlt", city)
    page = open_comparison(qtbot, window)
    page.table.selectRow(page.model.row_of(youth))
    page.tabs.setCurrentWidget(page.cross)
    panel = page.cross
    qtbot.waitUntil(lambda: panel.category_id() == youth)

    panel.new_button.click()
    line = panel.statements.findChild(QLineEdit)
    assert line is not None
    line.selectAll()
    qtbot.keyClicks(line, "Orte fuer Jugendliche fehlen")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: (
            [s.text for s in project.statements.list(category_id=youth, cross_quarter=True)]
            == ["Orte fuer Jugendliche fehlen"]
        )
    )
    across = project.statements.list(category_id=youth, cross_quarter=True)[0]
    group = panel.sources.topLevelItem(0)
    assert group.text(0) == "Manfort"
    item = group.child(0)
    rect = panel.sources.visualItemRect(item)
    QTest.mouseClick(
        panel.sources.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.left() + 8, rect.center().y()),
    )
    qtbot.waitUntil(lambda: project.statements.get(across.id).source_ids == (local.id,))
    qtbot.waitUntil(
        lambda: panel.support.text().startswith("In 1 von 6 Sozialräumen genannt: Manfort")
    )

    window.menus.undo_action.trigger()
    qtbot.waitUntil(lambda: project.statements.get(across.id).source_ids == ())
    qtbot.waitUntil(lambda: panel.support.text().startswith("In 0 von 6"))


def test_the_models_keep_qt_rules(qtbot, qtmodeltester, window, sample_project):
    page = open_comparison(qtbot, window)
    qtmodeltester.check(page.model)
    window.workspace.show_page(window.workspace.grid_page)
    grid = window.workspace.grid_page
    qtbot.waitUntil(lambda: grid.model.rowCount() > 0)
    qtmodeltester.check(grid.model)
    manfort = window.project.quarters.find("Manfort").id
    grid.open_cell(sample_project.coded_category_id, manfort)
    window.project.statements.add(sample_project.coded_category_id, "Eine", manfort)
    qtbot.waitUntil(lambda: grid.editor.statements.rowCount() == 1)
    qtmodeltester.check(grid.editor.segments)
    qtmodeltester.check(grid.editor.statements)
    assert isinstance(grid.model, SummaryGridModel) and isinstance(page.model, MatrixModel)
    assert isinstance(grid.editor.segments, CellSegmentsModel)
    assert isinstance(grid.editor.statements, CellStatementsModel)
