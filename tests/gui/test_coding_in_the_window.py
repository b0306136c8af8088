"""Coding in the window as a researcher does: select words, then click a category, press a
pinned key, drop the selection on a category, pick one with Ctrl+K, or code in vivo;
undo and redo every step. Positions are checked with emoji in the text."""

from __future__ import annotations

from gui.coding_helpers import point_of, select_text, select_words
from gui.conftest import EMOJI_LINE, WORKSHOP_TEXT
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QMenu

from qda_app.core.values import SegmentFilter
from qda_app.gui.coding.pinned_categories import PinnedCategories
from qda_app.gui.documents.document_text_edit import DocumentTextEdit, range_from_mime

PLACE = "Herausforderungen und Bedarfe/im Hinblick auf den Sozialraum"
DIGITAL = "Empfehlungen und Leerstellen/im Hinblick auf das Querschnittsthema Digitalisierung"


def category_id(window, path: str) -> int:
    return {p: i for i, p in window.project.categories.paths().items()}[path]


def tree_point(window, category: int) -> QPoint:
    dock = window.category_dock
    index = dock.model.index_of_category(category)
    dock.view.scrollTo(index)
    return dock.view.visualRect(index).center()


def codings_of(window, category: int) -> list[tuple[int, int]]:
    found = window.project.segments.list(SegmentFilter(category_ids=(category,)), texts=False)
    return [(s.start, s.end) for s in found]


def open_workshop(window, sample_project):
    window.show_document(sample_project.workshop_id)
    return window.document_view


def test_select_then_click_a_category_codes_it_and_undo_redo_follow(qtbot, window, sample_project):
    view = open_workshop(window, sample_project)
    start, end = select_words(qtbot, view, "die Treffpunkte fehlen")
    place = category_id(window, PLACE)

    qtbot.mouseClick(
        window.category_dock.view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=tree_point(window, place),
    )

    assert codings_of(window, place) == [(start, end)]
    assert view.selected_range() is None  # coded: the next click in the tree only selects
    utf16 = view.offsets.range_to_utf16(start, end)
    assert utf16 in view.highlighted_ranges()
    assert any(bar.start == utf16[0] for bar in view.margin.bars)
    undo_text = window.menus.undo_action.text()
    assert "kodieren" in undo_text

    window.menus.undo_action.trigger()
    assert codings_of(window, place) == []
    assert utf16 not in view.highlighted_ranges()
    window.menus.redo_action.trigger()
    assert codings_of(window, place) == [(start, end)]
    assert utf16 in view.highlighted_ranges()


def test_a_selection_with_emoji_is_stored_in_code_points(qtbot, window, sample_project):
    view = open_workshop(window, sample_project)
    start = WORKSHOP_TEXT.index("😀👍")
    end = start + len("😀👍 – alle")
    select_text(qtbot, view, start, end)
    assert view.text.textCursor().selectionEnd() - view.text.textCursor().selectionStart() == (
        end - start + 2  # two characters outside the BMP take two UTF-16 units each
    )
    place = category_id(window, PLACE)

    window.workbench.coding.code_selection(place)

    segment = window.project.segments.list(SegmentFilter(category_ids=(place,)))[0]
    assert segment.text == "😀👍 – alle"
    assert (segment.start, segment.end) == (start, end)
    low, high = view.offsets.range_to_utf16(start, end)
    assert (low, high) in view.highlighted_ranges()
    assert high - low == end - start + 2
    bar = next(b for b in view.margin.bars if b.coding_id == segment.coding_id)
    assert (bar.start, bar.end) == (low, high)
    # The emoji line is before the first coding: the bars after it are shifted by two units.
    later = WORKSHOP_TEXT.index(sample_project.coded_text)
    assert later > WORKSHOP_TEXT.index(EMOJI_LINE)
    assert any(b.start == later + 2 for b in view.margin.bars)


def test_pinned_key_codes_the_selection_and_the_pin_is_remembered(qtbot, window, sample_project):
    view = open_workshop(window, sample_project)
    digital = category_id(window, DIGITAL)
    menu = QMenu()
    window.workbench.coding._extend_category_menu(menu, digital)
    pins = menu.actions()[0].menu()
    next(a for a in pins.actions() if a.text() == "Taste 3").trigger()
    assert PinnedCategories(str(sample_project.path)).category(3) == digital

    start, end = select_words(qtbot, view, "Die Eltern sind erschöpft"[4:])
    view.text.setFocus()
    qtbot.keyClick(view.text, Qt.Key.Key_3)

    assert (start, end) in codings_of(window, digital)
    window.menus.undo_action.trigger()
    assert (start, end) not in codings_of(window, digital)


def test_dropping_the_selection_on_a_category_codes_it(qtbot, window, sample_project):
    view = open_workshop(window, sample_project)
    start, end = select_words(qtbot, view, "Kinder aus dem Quartier")
    place = category_id(window, PLACE)
    mime = view.text.createMimeDataFromSelection()
    target = window.category_dock.view.viewport()
    point = tree_point(window, place)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, actions, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(point, actions, mime, buttons, keys)
    QApplication.sendEvent(target, move)
    assert move.isAccepted()
    QApplication.sendEvent(target, QDropEvent(point, actions, mime, buttons, keys))

    assert codings_of(window, place) == [(start, end)]
    assert window.project.categories.paths()[place] == PLACE  # the tree did not move anything


def drag_out_of_the_text(qtbot, view, monkeypatch, inside: int, away: QPoint) -> QMimeData:
    """Press the mouse inside the selection and move it past the drag distance: Qt's text
    control starts its drag there, asking our text widget for the drag's data (the only
    thing a mouse move asks it for). Offscreen the drag ends at once; a copy of the data it
    carried is returned."""
    made: list[QMimeData] = []
    moving = [False]
    own = DocumentTextEdit.createMimeDataFromSelection

    def keep_a_copy(editor: DocumentTextEdit) -> QMimeData:
        mime = own(editor)
        if not moving[0]:
            return mime
        copy = QMimeData()
        for kind in mime.formats():
            copy.setData(kind, mime.data(kind))
        made.append(copy)
        return mime

    monkeypatch.setattr(DocumentTextEdit, "createMimeDataFromSelection", keep_a_copy)
    viewport = view.text.viewport()
    press_at = point_of(view, inside)
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    qtbot.mousePress(viewport, left, pos=press_at)
    moved = press_at + away
    global_point = viewport.mapToGlobal(moved)
    move = QMouseEvent(
        QEvent.Type.MouseMove, QPointF(moved), QPointF(global_point), left, left, none
    )
    moving[0] = True
    QApplication.sendEvent(viewport, move)  # past the drag distance: Qt starts the drag
    moving[0] = False
    qtbot.mouseRelease(viewport, left, pos=moved)
    assert len(made) == 1, "no drag started from the selected text"
    return made[0]


def test_dragging_the_selection_out_of_the_text_carries_what_the_tree_codes(
    qtbot, window, sample_project, monkeypatch
):
    view = open_workshop(window, sample_project)
    start, end = select_words(qtbot, view, "Kinder aus dem Quartier")
    distance = QApplication.startDragDistance() + 20

    mime = drag_out_of_the_text(qtbot, view, monkeypatch, start + 3, QPoint(distance, distance))

    assert range_from_mime(mime) == (sample_project.workshop_id, start, end)
    assert mime.text() == "Kinder aus dem Quartier"
    assert view.text.toPlainText().count("Kinder aus dem Quartier") == 1  # nothing moved
    # The tree takes exactly this data: dropping it on a category codes the range.
    place = category_id(window, PLACE)
    target, point = window.category_dock.view.viewport(), tree_point(window, place)
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, actions, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(target, QDropEvent(point, actions, mime, buttons, keys))
    assert codings_of(window, place) == [(start, end)]


def test_ctrl_k_picker_matches_path_and_tag(qtbot, window, sample_project):
    view = open_workshop(window, sample_project)
    start, end = select_words(qtbot, view, "WLAN")
    window.activateWindow()
    view.text.setFocus()
    window.workbench.coding.pick_action.trigger()
    picker = window.workbench.coding.picker
    assert picker is not None and picker.isVisible()
    qtbot.keyClicks(picker.query, "leerst digitali")
    assert picker.shown_paths() == [DIGITAL]
    qtbot.keyClicks(picker.query, "\b" * 15 + "Zielgruppe")  # the tag
    assert len(picker.shown_paths()) == 3
    qtbot.keyClick(picker.query, Qt.Key.Key_Down)
    qtbot.keyClick(picker.query, Qt.Key.Key_Return)

    chosen = "Ressourcen und Möglichkeiten/im Hinblick auf die Zielgruppe"
    assert (start, end) in codings_of(window, category_id(window, chosen))


def test_in_vivo_makes_a_subcategory_and_codes_it_in_one_undoable_step(
    qtbot, window, sample_project
):
    view = open_workshop(window, sample_project)
    dock = window.category_dock
    parent = sample_project.parent_category_id
    dock.view.setCurrentIndex(dock.model.index_of_category(parent))
    start, end = select_words(qtbot, view, "die Treffpunkte fehlen.")
    view.text.setFocus()

    window.workbench.coding.in_vivo_action.trigger()

    paths = {p: i for i, p in window.project.categories.paths().items()}
    created = paths["Herausforderungen und Bedarfe/die Treffpunkte fehlen"]
    assert codings_of(window, created) == [(start, end)]
    assert window.project.categories.get(created).origin == "inductive"
    assert dock.model.index_of_category(created).isValid()

    window.menus.undo_action.trigger()
    assert "Herausforderungen und Bedarfe/die Treffpunkte fehlen" not in (
        window.project.categories.paths().values()
    )


def test_context_menu_offers_recent_categories_first_then_removes_and_reshapes(
    qtbot, window, sample_project
):
    view = open_workshop(window, sample_project)
    controller = window.workbench.coding
    place = category_id(window, PLACE)
    start, end = select_words(qtbot, view, "Viele Angebote")
    controller.code_selection(place)

    select_words(qtbot, view, "seit dem Frühjahr")
    menu = controller.build_context_menu(view.text.textCursor().position())
    assert menu.actions()[0].text() == f"Kodieren als „{PLACE}“"
    menu.actions()[0].trigger()
    assert len(codings_of(window, place)) == 2

    coding = next(c for c in view.codings if (c.start, c.end) == (start, end))
    wider = (start, start + len("Viele Angebote sind"))
    select_text(qtbot, view, *wider)
    menu = controller.build_context_menu(view.offsets.to_utf16(start + 1))
    reshape = next(a for a in menu.actions() if a.text().startswith("Bereich auf Auswahl"))
    reshape.trigger()
    assert window.project.codings.get(coding.coding_id).end == wider[1]

    menu = controller.build_context_menu(view.offsets.to_utf16(start + 1))
    next(a for a in menu.actions() if a.text().startswith("Kodierung entfernen")).trigger()
    assert wider not in codings_of(window, place)
    window.menus.undo_action.trigger()
    assert wider in codings_of(window, place)
