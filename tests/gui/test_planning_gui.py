"""The planning page: goals edited and undone, statements linked to goals from the summary
grid's context menu, the planning table's cells edited, the monitoring view, screenshots."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from gui.test_screenshots import save
from gui.test_summary_grid import open_grid
from gui.window_helpers import show_main_window
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QInputDialog, QMenu, QMessageBox
from qda_app.sample_projects.demo_builder import build_demo

from qda_app.gui.shell.ui_language import apply_language


@pytest.fixture(scope="module")
def built_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo(tmp_path_factory.mktemp("planning-gui-demo"))


@pytest.fixture
def demo_window(qtbot, temporary_settings, built_demo: Path, tmp_path: Path):
    path = tmp_path / built_demo.name
    shutil.copy(built_demo, path)
    return show_main_window(qtbot, temporary_settings, path)


def show_planning(qtbot, window, tab: str = "goals"):
    workspace = window.workspace
    workspace.show_page(workspace.planning_page)
    page = workspace.planning_page
    page.tabs.setCurrentWidget(getattr(page, tab))
    qtbot.wait(20)
    return page


def goal_names(panel) -> list[str]:
    return [panel.goal_list.item(r).text().split(" (")[0] for r in range(panel.goal_list.count())]


def test_goals_are_added_edited_moved_deleted_and_undone(qtbot, window, answer_dialog, monkeypatch):
    page = show_planning(qtbot, window)
    panel = page.goals
    assert goal_names(panel)[0] == "Sozialraumentwicklung strukturell stärken"

    def fill(dialog) -> None:
        qtbot.keyClicks(dialog.name_edit, "Gesundheit im Quartier")
        qtbot.keyClicks(dialog.tag_edit, "GESUND")
        dialog.accept()

    answer_dialog(fill)
    QTest.mouseClick(panel.buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(goal_names(panel)) == 6)
    assert panel.current_goal_id() == window.project.goals.find("GESUND").id
    panel.buttons["up"].click()
    qtbot.waitUntil(lambda: goal_names(panel)[4] == "Gesundheit im Quartier")
    monkeypatch.setattr(
        QMessageBox, "question", lambda *_args, **_kw: QMessageBox.StandardButton.Yes
    )
    panel.buttons["delete"].click()
    qtbot.waitUntil(lambda: len(goal_names(panel)) == 5)
    window.undo()
    qtbot.waitUntil(lambda: len(goal_names(panel)) == 6)
    assert goal_names(panel)[4] == "Gesundheit im Quartier"
    window.undo()
    qtbot.waitUntil(lambda: goal_names(panel)[5] == "Gesundheit im Quartier")


def test_a_statement_is_linked_to_a_goal_from_the_grid_and_undone(qtbot, window, sample_project):
    page, manfort = open_grid(qtbot, window, sample_project)
    statement = window.project.statements.add(
        sample_project.coded_category_id, "Ein Jugendtreff fehlt", manfort
    )
    qtbot.waitUntil(lambda: page.editor.statements.rowCount() == 1)
    view = page.editor.statements_view
    point = view.visualRect(page.editor.statements.index(0, 0)).center()
    chosen: list[str] = []

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text().startswith("Soziale Teilhabe"))
        chosen.append(action.text())
        action.trigger()
        menu.close()

    QTimer.singleShot(50, pick)
    view.customContextMenuRequested.emit(point)
    qtbot.waitUntil(lambda: bool(chosen))
    teilhabe = window.project.goals.find("TEILHABE")
    assert statement.id in window.project.goals.get(teilhabe.id).statement_ids
    planning = show_planning(qtbot, window)
    planning.goals.select_goal(teilhabe.id)
    tree = planning.goals.evidence
    assert tree.topLevelItemCount() == 1 and "Ein Jugendtreff fehlt" in tree.topLevelItem(0).text(0)
    window.undo()
    qtbot.waitUntil(lambda: planning.goals.evidence.topLevelItemCount() == 0)


def test_the_planning_table_shows_a_cell_and_takes_a_missing_entry(qtbot, demo_window, monkeypatch):
    page = show_planning(qtbot, demo_window, "table")
    project = demo_window.project
    manfort = project.quarters.find("Manfort").id
    raum = project.goals.find("RAUM").id
    page.table.select_cell(manfort, raum)
    editor = page.table.editor
    assert "Manfort" in editor.title.text()
    assert editor.findings.count() == 8 and editor.missing.count() == 1
    assert editor.measures.topLevelItemCount() == 1
    monkeypatch.setattr(
        QInputDialog, "getMultiLineText", lambda *_args, **_kw: ("Trinkbrunnen am Platz", True)
    )
    editor.buttons["add_missing"].click()
    qtbot.waitUntil(lambda: editor.missing.count() == 2)
    assert "2 fehlt" in page.table.grid.currentItem().text()
    demo_window.undo()
    qtbot.waitUntil(lambda: editor.missing.count() == 1)
    monitoring = show_planning(qtbot, demo_window, "monitoring").monitoring
    groups = [
        monitoring.tree.topLevelItem(i).text(0) for i in range(monitoring.tree.topLevelItemCount())
    ]
    assert groups == [
        "vorgeschlagen (1)",
        "vereinbart (1)",
        "läuft (2)",
        "erledigt (1)",
        "verworfen (1)",
    ]
    running = monitoring.tree.topLevelItem(2).child(0)
    assert "vorgeschlagen" in running.text(6) and "läuft" in running.text(6)
    assert running.text(5).count(".") == 2  # the date the status was reached


@pytest.mark.parametrize("lang", ["de", "en"])
def test_planning_screenshots(qtbot, temporary_settings, built_demo, tmp_path, lang):
    temporary_settings.language_choice = lang
    apply_language(lang)
    path = tmp_path / built_demo.name
    shutil.copy(built_demo, path)
    window = show_main_window(qtbot, temporary_settings, path)
    project = window.project
    page = show_planning(qtbot, window, "goals")
    page.goals.select_goal(project.goals.find("RAUM").id)
    page.goals.evidence.topLevelItem(0).setExpanded(True)
    qtbot.wait(100)
    save(window, f"planning_goals_{lang}")
    from qda_app.gui.planning.statement_picker_dialog import StatementPickerDialog

    picker = StatementPickerDialog(project, project.goals.find("RAUM").id, parent=window)
    picker.show()
    qtbot.waitExposed(picker)
    save(picker, f"planning_picker_{lang}")
    picker.close()
    page.tabs.setCurrentWidget(page.table)
    page.table.select_cell(project.quarters.find("Manfort").id, project.goals.find("RAUM").id)
    qtbot.wait(100)
    save(window, f"planning_table_{lang}")
    page.tabs.setCurrentWidget(page.monitoring)
    qtbot.wait(100)
    save(window, f"planning_monitoring_{lang}")


def test_a_worksheet_is_exported_filled_in_and_read_back_with_a_preview(
    qtbot, demo_window, tmp_path, answer_dialog, monkeypatch
):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

    from qda_app.gui.planning.worksheet_actions import WorksheetPreview

    page = show_planning(qtbot, demo_window, "table")
    project = demo_window.project
    rheindorf = project.quarters.find("Rheindorf").id
    page.table.select_cell(rheindorf, project.goals.find("NETZ").id)
    target = tmp_path / "rheindorf.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    page.table.export_button.click()
    assert target.exists()
    workbook = load_workbook(target)
    sheet = workbook["Rheindorf"]
    row = next(r[0].row for r in sheet.iter_rows() if r[0].value == "entry" and r[2].value is None)
    sheet.cell(row, 5).value = "Ein Runder Tisch für Rheindorf"
    workbook.save(target)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(target), ""))
    seen: list[str] = []

    def confirm(dialog) -> None:
        assert isinstance(dialog, WorksheetPreview)
        seen.extend(dialog.lines.item(i).text() for i in range(dialog.lines.count()))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    answer_dialog(confirm)
    page.table.import_button.click()
    assert len(seen) == 1 and "Ein Runder Tisch für Rheindorf" in seen[0]
    texts = [m.text for m in project.planning.missing(rheindorf)]
    assert "Ein Runder Tisch für Rheindorf" in texts
    demo_window.undo()
    assert "Ein Runder Tisch für Rheindorf" not in [m.text for m in project.planning.missing()]


def test_a_cross_quarter_statement_is_linked_from_the_comparison(qtbot, window, sample_project):
    project = window.project
    youth = sample_project.coded_category_id
    across = project.statements.add(youth, "Orte für Jugendliche fehlen")
    workspace = window.workspace
    workspace.show_page(workspace.comparison_page)
    comparison = workspace.comparison_page
    qtbot.waitUntil(lambda: comparison.model.rowCount() > 0)
    comparison.table.selectRow(comparison.model.row_of(youth))
    comparison.tabs.setCurrentWidget(comparison.cross)
    qtbot.waitUntil(lambda: comparison.cross.statements.count() == 1)
    view = comparison.cross.statements
    point = view.visualItemRect(view.item(0)).center()

    def pick() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        next(a for a in menu.actions() if "(RAUM)" in a.text()).trigger()
        menu.close()

    QTimer.singleShot(50, pick)
    view.customContextMenuRequested.emit(point)
    raum = project.goals.find("RAUM")
    qtbot.waitUntil(lambda: across.id in project.goals.get(raum.id).statement_ids)
    planning = show_planning(qtbot, window)
    planning.goals.select_goal(raum.id)
    assert "Orte für Jugendliche fehlen" in planning.goals.evidence.topLevelItem(0).text(0)


def test_statements_are_chosen_from_the_goal_view(qtbot, demo_window, answer_dialog):
    from PySide6.QtWidgets import QDialogButtonBox

    from qda_app.gui.planning.statement_picker_dialog import StatementPickerDialog

    project = demo_window.project
    page = show_planning(qtbot, demo_window)
    netz = project.goals.find("NETZ")
    page.goals.select_goal(netz.id)
    before = len(project.goals.get(netz.id).statement_ids)
    wanted = next(s for s in project.statements.list() if "Bolzplatz wieder öffnen" in s.text)

    def tick(dialog) -> None:
        assert isinstance(dialog, StatementPickerDialog)
        qtbot.keyClicks(dialog.filter, "Bolzplatz")
        visible = [
            dialog.list.item(r)
            for r in range(dialog.list.count())
            if not dialog.list.item(r).isHidden()
        ]
        assert visible and all("Bolzplatz" in item.text() for item in visible)
        item = dialog.item_of(wanted.id)
        assert item is not None and not item.isHidden()
        item.setCheckState(Qt.CheckState.Checked)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    answer_dialog(tick)
    page.goals.choose_button.click()
    assert wanted.id in project.goals.get(netz.id).statement_ids
    assert page.goals.evidence.topLevelItemCount() == before + 1
    demo_window.undo()
    qtbot.waitUntil(lambda: page.goals.evidence.topLevelItemCount() == before)
