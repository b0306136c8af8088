"""Conflicting edits in the window: a colleague changed the row since the window loaded it,
so the window's edit is refused in one sentence, nothing of the colleague's is overwritten
and the window shows the row as it is now."""

from __future__ import annotations

from gui.test_category_editing import select
from gui.test_summary_grid import click_row, open_grid
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from qda_app.core.project import Project
from qda_app.gui.categories.category_tree_model import CategoryTreeModel
from qda_app.gui.grid.cell_segments_model import CellSegmentsModel

REFUSED = "von jemand anderem geändert"  # the window speaks German in the tests


def colleague(window, sample_project) -> Project:
    """A second project on the same file; the window does not look for changes meanwhile."""
    window.watch_timer.stop()
    return Project.open(sample_project.path, actor="Kollegin")


def conflicts(message_boxes) -> list[str]:
    return [text for kind, text in message_boxes if kind == "warning" and REFUSED in text]


def type_into_tree(qtbot, view, index, text: str) -> None:
    """A click on the selected cell (name or tag) opens its editor; type, Return."""
    select(view, index)
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    qtbot.waitUntil(lambda: any(e.isVisible() for e in view.findChildren(QLineEdit)))
    editor = next(e for e in view.findChildren(QLineEdit) if e.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_renaming_in_the_tree_after_a_colleague_renamed_is_refused(
    qtbot, window, sample_project, message_boxes
):
    category_id = sample_project.parent_category_id
    dock = window.category_dock
    with colleague(window, sample_project) as other:
        other.categories.rename(category_id, "Bedarfe (Kollegin)")
    type_into_tree(qtbot, dock.view, dock.model.index_of_category(category_id), "Meine Fassung")
    qtbot.waitUntil(lambda: len(conflicts(message_boxes)) == 1)
    assert window.project.categories.get(category_id).name == "Bedarfe (Kollegin)"
    qtbot.waitUntil(
        lambda: dock.model.index_of_category(category_id).data() == "Bedarfe (Kollegin)"
    )


def test_a_tag_edit_after_a_colleague_changed_the_category_is_refused(
    qtbot, window, sample_project, message_boxes
):
    category_id = sample_project.coded_category_id
    dock = window.category_dock
    with colleague(window, sample_project) as other:
        other.categories.update(category_id, tag="K1")
    tag = dock.model.index_of_category(category_id, CategoryTreeModel.TAG)
    type_into_tree(qtbot, dock.view, tag, "Jugend")
    qtbot.waitUntil(lambda: len(conflicts(message_boxes)) == 1)
    assert window.project.categories.get(category_id).tag == "K1"
    qtbot.waitUntil(
        lambda: dock.model.index_of_category(category_id, CategoryTreeModel.TAG).data() == "K1"
    )
    # Reloaded, the next edit goes through.
    type_into_tree(
        qtbot, dock.view, dock.model.index_of_category(category_id, CategoryTreeModel.TAG), "J"
    )
    qtbot.waitUntil(lambda: window.project.categories.get(category_id).tag == "J")


def test_a_paraphrase_typed_in_the_grid_after_a_colleague_edited_is_refused(
    qtbot, window, sample_project, message_boxes
):
    page, _manfort = open_grid(qtbot, window, sample_project)
    view = page.editor.segments_view
    coding_id = page.editor.segments.segments[0].coding_id
    with colleague(window, sample_project) as other:
        other.codings.update(coding_id, paraphrase="Paraphrase der Kollegin")
    index = page.editor.segments.index(0, CellSegmentsModel.PARAPHRASE)
    click_row(view, index)
    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    editor = next(e for e in view.findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(editor, "Meine Paraphrase")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(conflicts(message_boxes)) == 1)
    assert window.project.segments.get(coding_id).paraphrase == "Paraphrase der Kollegin"
    qtbot.waitUntil(
        lambda: (
            page.editor.segments.index(0, CellSegmentsModel.PARAPHRASE).data()
            == "Paraphrase der Kollegin"
        )
    )


def test_the_details_panel_refuses_an_edit_of_a_changed_coding(
    qtbot, window, sample_project, message_boxes
):
    from gui.test_coding_margin import show

    view = show(window, sample_project)
    coding_id = view.codings[0].coding_id
    qtbot.mouseClick(view.margin, Qt.MouseButton.LeftButton, pos=view.margin.bar_centre(coding_id))
    details = window.workbench.details
    assert details.segment is not None and details.segment.coding_id == coding_id
    with colleague(window, sample_project) as other:
        other.codings.update(coding_id, memo="Memo der Kollegin")
    details.editors["memo"].setPlainText("Mein Memo")
    qtbot.mouseClick(details.apply_button, Qt.MouseButton.LeftButton)
    assert len(conflicts(message_boxes)) == 1
    assert window.project.segments.get(coding_id).memo == "Memo der Kollegin"
    assert details.editors["memo"].toPlainText() == "Memo der Kollegin"  # reloaded
    details.editors["memo"].setPlainText("Mein Memo")
    qtbot.mouseClick(details.apply_button, Qt.MouseButton.LeftButton)
    assert window.project.segments.get(coding_id).memo == "Mein Memo"
    assert len(conflicts(message_boxes)) == 1


def test_the_cross_quarter_panel_refuses_an_edit_of_a_changed_statement(
    qtbot, window, sample_project, message_boxes
):
    project = window.project
    statement = project.statements.add(sample_project.coded_category_id, "Erste Fassung")
    workspace = window.workspace
    page = workspace.comparison_page
    workspace.show_page(page)
    panel = page.cross
    page.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(panel.isVisible)
    panel.select_category(sample_project.coded_category_id)
    qtbot.waitUntil(lambda: panel.statements.count() == 1)
    with colleague(window, sample_project) as other:
        other.statements.update_text(statement.id, "Fassung der Kollegin")
    panel.statements.item(0).setText("Meine Fassung")
    assert len(conflicts(message_boxes)) == 1
    assert project.statements.get(statement.id).text == "Fassung der Kollegin"
    assert panel.statements.item(0).text() == "Fassung der Kollegin"
    panel.statements.item(0).setText("Meine Fassung")  # reloaded: saved, and again
    panel.statements.item(0).setText("Meine zweite Fassung")
    assert project.statements.get(statement.id).text == "Meine zweite Fassung"
    assert len(conflicts(message_boxes)) == 1


def test_the_details_panel_applies_memo_and_range_together_without_a_false_conflict(
    qtbot, window, sample_project, message_boxes
):
    from gui.test_coding_margin import show

    view = show(window, sample_project)
    coding = view.codings[0]
    qtbot.mouseClick(
        view.margin, Qt.MouseButton.LeftButton, pos=view.margin.bar_centre(coding.coding_id)
    )
    details = window.workbench.details
    details.editors["memo"].setPlainText("Neues Memo")
    details.end.setValue(coding.end - 1)
    qtbot.mouseClick(details.apply_button, Qt.MouseButton.LeftButton)
    assert message_boxes == []
    changed = window.project.segments.get(coding.coding_id)
    assert (changed.memo, changed.end) == ("Neues Memo", coding.end - 1)


def test_a_range_change_after_a_colleague_moved_the_coding_is_refused(
    qtbot, window, sample_project, message_boxes
):
    from gui.test_coding_margin import show

    view = show(window, sample_project)
    coding = view.codings[0]
    controller = window.workbench.coding
    controller.change_range(coding.coding_id, coding.start, coding.end - 1)  # my own, twice
    qtbot.waitUntil(lambda: window.project.segments.get(coding.coding_id).end == coding.end - 1)
    controller.change_range(coding.coding_id, coding.start, coding.end - 2)
    assert conflicts(message_boxes) == []
    with colleague(window, sample_project) as other:
        other.codings.change_range(coding.coding_id, coding.start, coding.end)
    controller.change_range(coding.coding_id, coding.start + 1, coding.end - 2)
    assert len(conflicts(message_boxes)) == 1
    assert window.project.segments.get(coding.coding_id).start == coding.start
