"""The summary grid in the window: counts per cell, a cell opened, paraphrase and
generalisation typed in place, statements made, linked by dragging and by Ctrl+L, reordered,
marked as quotes and deleted, and each step undone from the Edit menu."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from qda_app.gui.grid.cell_segments_model import CellSegmentsModel


def open_grid(qtbot, window, sample_project):
    """Show the grid tab and open the cell (youth, Manfort) by clicking it."""
    workspace = window.workspace
    workspace.show_page(workspace.grid_page)
    page = workspace.grid_page
    qtbot.waitUntil(lambda: page.model.rowCount() > 0)
    manfort = window.project.quarters.find("Manfort").id
    index = page.model.index_of(sample_project.coded_category_id, manfort)
    QTest.mouseClick(
        page.view.viewport(), Qt.MouseButton.LeftButton, pos=page.view.visualRect(index).center()
    )
    qtbot.waitUntil(lambda: page.editor.segments.rowCount() == 2)
    return page, manfort


def click_row(view, index, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, modifier, view.visualRect(index).center()
    )


def drag_and_drop(source: QAbstractItemView, target: QAbstractItemView, point: QPoint) -> None:
    """What a drag with the mouse does: the source view packs its selected rows, the target
    view hears the drag enter, move over `point` and drop there. (The offscreen platform runs
    no real drag loop, so the events are delivered here.)"""
    indexes = source.selectionModel().selectedIndexes()
    mime: QMimeData = source.model().mimeData(indexes)
    actions = Qt.DropAction.LinkAction | Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    viewport = target.viewport()
    position = point.toPointF()
    enter = QDragEnterEvent(point, actions, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point, actions, mime, buttons, modifiers)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    QApplication.sendEvent(viewport, QDropEvent(position, actions, mime, buttons, modifiers))


def test_grid_counts_the_cells_and_puts_the_docks_aside(qtbot, window, sample_project):
    page, manfort = open_grid(qtbot, window, sample_project)
    assert window.quarter_dock.isHidden() and window.category_dock.isHidden()
    cell = page.model.cell_at(page.model.index_of(sample_project.coded_category_id, manfort))
    # Two youth codings in Manfort (workshop and interview, both on Manfort-Südost).
    assert (cell.segments, cell.documents, cell.statements, cell.uncovered) == (2, 2, 0, 2)
    assert "Manfort" in page.editor.title.text()
    segments = page.editor.segments
    status = segments.index(0, CellSegmentsModel.STATUS)
    assert status.data() == "offen"
    window.workspace.show_page(window.document_view)
    assert window.quarter_dock.isVisible() and window.category_dock.isVisible()


def test_paraphrase_is_typed_in_place_and_undone(qtbot, window, sample_project):
    page, _manfort = open_grid(qtbot, window, sample_project)
    view = page.editor.segments_view
    index = page.editor.segments.index(0, CellSegmentsModel.PARAPHRASE)
    coding_id = page.editor.segments.segments[0].coding_id
    click_row(view, index)
    QTest.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    editor = view.findChild(QLineEdit)
    assert editor is not None
    qtbot.keyClicks(editor, "Jugendliche haben abends keinen Raum")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.project.segments.get(coding_id).paraphrase != "")
    assert (
        window.project.segments.get(coding_id).paraphrase == "Jugendliche haben abends keinen Raum"
    )
    qtbot.waitUntil(lambda: index.data() == "Jugendliche haben abends keinen Raum")

    generalisation = page.editor.segments.index(0, CellSegmentsModel.GENERALISATION)
    click_row(view, generalisation)
    qtbot.keyClick(view, Qt.Key.Key_F2)
    line = next(e for e in view.findChildren(QLineEdit) if e.isVisible())
    qtbot.keyClicks(line, "Fehlende Orte")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.project.segments.get(coding_id).generalisation == "Fehlende Orte"
    )

    window.menus.undo_action.trigger()
    qtbot.waitUntil(lambda: generalisation.data() == "")
    window.menus.undo_action.trigger()
    qtbot.waitUntil(lambda: index.data() == "")
    assert window.project.segments.get(coding_id).paraphrase == ""


def test_segments_dragged_onto_a_statement_are_linked_and_undone(qtbot, window, sample_project):
    page, manfort = open_grid(qtbot, window, sample_project)
    editor = page.editor
    made = window.project.statements.add(sample_project.coded_category_id, "Kein Raum", manfort)
    qtbot.waitUntil(lambda: editor.statements.rowCount() == 1)
    first = editor.segments.index(0, CellSegmentsModel.SEGMENT)
    second = editor.segments.index(1, CellSegmentsModel.SEGMENT)
    click_row(editor.segments_view, first)
    click_row(editor.segments_view, second, Qt.KeyboardModifier.ControlModifier)
    target = editor.statements_view.visualRect(editor.statements.index(0)).center()

    drag_and_drop(editor.segments_view, editor.statements_view, target)

    expected = tuple(sorted(s.coding_id for s in editor.segments.segments))
    qtbot.waitUntil(lambda: window.project.statements.get(made.id).coding_ids == expected)
    qtbot.waitUntil(lambda: editor.segments.index(0, CellSegmentsModel.STATUS).data() == "1")
    cell = page.model.cell_at(page.model.index_of(sample_project.coded_category_id, manfort))
    qtbot.waitUntil(
        lambda: (
            page.model.cell_at(
                page.model.index_of(sample_project.coded_category_id, manfort)
            ).uncovered
            == 0
        )
    )
    assert cell is not None
    assert "2 Segment(e) aus 2 Dokument(en)" in editor.statements.index(0).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert window.menus.undo_action.text().startswith("&Rückgängig: 2 Segmente der Aussage")
    window.menus.undo_action.trigger()
    qtbot.waitUntil(lambda: window.project.statements.get(made.id).coding_ids == ())
    qtbot.waitUntil(lambda: editor.segments.index(0, CellSegmentsModel.STATUS).data() == "offen")


def test_segments_dropped_between_statements_become_a_new_statement(qtbot, window, sample_project):
    page, manfort = open_grid(qtbot, window, sample_project)
    editor = page.editor
    coding = editor.segments.segments[1]
    window.project.codings.update(coding.coding_id, generalisation="Treffpunkte fehlen")
    click_row(
        editor.segments_view, editor.segments.index(editor.segments.row_of(coding.coding_id), 1)
    )
    below = QPoint(20, editor.statements_view.viewport().height() - 10)  # under the last one

    drag_and_drop(editor.segments_view, editor.statements_view, below)

    qtbot.waitUntil(lambda: editor.statements.rowCount() == 1)
    made = editor.statements.statements[0]
    assert (made.text, made.coding_ids, made.quarter_id) == (
        "Treffpunkte fehlen",
        (coding.coding_id,),
        manfort,
    )


def test_ctrl_l_links_reorder_quote_and_delete(qtbot, window, sample_project, message_boxes):
    page, manfort = open_grid(qtbot, window, sample_project)
    editor = page.editor
    project = window.project
    youth = sample_project.coded_category_id
    first = project.statements.add(youth, "Erste", manfort)
    second = project.statements.add(youth, "Zweite", manfort)
    qtbot.waitUntil(lambda: editor.statements.rowCount() == 2)

    # The quote mark needs a linked segment: ticking it alone is refused with a sentence.
    box = editor.statements_view.visualRect(editor.statements.index(1))
    check = QPoint(box.left() + 10, box.center().y())
    click_row(editor.statements_view, editor.statements.index(1))
    QTest.mouseClick(editor.statements_view.viewport(), Qt.MouseButton.LeftButton, pos=check)
    assert message_boxes and "Originalzitat" in message_boxes[-1][1]

    click_row(editor.segments_view, editor.segments.index(0, 1))
    click_row(editor.statements_view, editor.statements.index(1))
    editor.segments_view.setFocus()
    QTest.keyClick(editor.segments_view, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(project.statements.get(second.id).coding_ids) == 1)

    QTest.mouseClick(editor.statements_view.viewport(), Qt.MouseButton.LeftButton, pos=check)
    qtbot.waitUntil(lambda: project.statements.get(second.id).contains_quote)

    click_row(editor.statements_view, editor.statements.index(1))
    editor.up_button.click()
    qtbot.waitUntil(
        lambda: [s.text for s in project.statements.list(manfort, youth)] == ["Zweite", "Erste"]
    )
    qtbot.waitUntil(lambda: editor.statements.index(0).data() == "Zweite")
    assert editor.current_statement().id == second.id

    editor.delete_button.click()
    qtbot.waitUntil(lambda: [s.id for s in project.statements.list(manfort, youth)] == [first.id])
    window.menus.undo_action.trigger()
    qtbot.waitUntil(lambda: editor.statements.rowCount() == 2)
    assert project.statements.get(second.id).contains_quote


def test_new_statement_is_typed_in_place(qtbot, window, sample_project):
    page, manfort = open_grid(qtbot, window, sample_project)
    editor = page.editor
    editor.segments_view.clearSelection()
    editor.new_button.click()
    line = editor.statements_view.findChild(QLineEdit)
    assert line is not None
    line.selectAll()
    qtbot.keyClicks(line, "Jugendliche treffen sich im Freien")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    youth = sample_project.coded_category_id
    qtbot.waitUntil(
        lambda: (
            [s.text for s in window.project.statements.list(manfort, youth)]
            == ["Jugendliche treffen sich im Freien"]
        )
    )
    cell = page.model.index_of(youth, manfort)
    qtbot.waitUntil(lambda: page.model.cell_at(cell).statements == 1)
