"""The coding margin: one bar per coding, overlapping codings side by side, tooltips with the
full path, coder and memo; a click opens the details panel, whose edits are undoable; the
view shows all coders or one and can colour by coder."""

from __future__ import annotations

from pathlib import Path

from gui.coding_helpers import select_words
from gui.conftest import WORKSHOP_TEXT
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from qda_app.gui.shell.ui_language import apply_language

SECOND = "Zweitkodiererin"


def overlapping(window, sample_project) -> list[int]:
    """Three codings over "Es fehlen Räume …": two categories and a second coder."""
    project = window.project
    paths = {p: i for i, p in project.categories.paths().items()}
    start = WORKSHOP_TEXT.index(sample_project.coded_text)
    end = start + len(sample_project.coded_text)
    needs = paths["Herausforderungen und Bedarfe/im Hinblick auf den Sozialraum"]
    first = project.codings.add(sample_project.workshop_id, start + 10, end + 30, needs)
    second = project.codings.add(
        sample_project.workshop_id, start, end, needs, coder=SECOND, memo="Abends fehlt Raum."
    )
    return [first.id, second.id]


def show(window, sample_project):
    window.show_document(sample_project.workshop_id)
    view = window.document_view
    QApplication.processEvents()  # the margin's new width is laid out
    view.margin.repaint()
    return view


def test_overlapping_codings_stand_side_by_side(qtbot, window, sample_project):
    ids = overlapping(window, sample_project)
    view = show(window, sample_project)
    original = next(c.coding_id for c in view.codings if c.coding_id not in ids)
    centres = [view.margin.bar_centre(i) for i in [original, *ids]]
    assert all(c is not None for c in centres)
    assert len({c.x() for c in centres}) == 3  # three lanes
    tip = view.margin.tooltip_for(ids[1])
    assert "Herausforderungen und Bedarfe / im Hinblick auf den Sozialraum" in tip
    assert SECOND in tip and "Abends fehlt Raum." in tip
    # Hovering the text says the same, for every coding there.
    position = view.offsets.to_utf16(WORKSHOP_TEXT.index("Räume"))
    assert len(view.codings_at(position)) == 3


def test_clicking_a_bar_opens_the_details_and_edits_are_undoable(qtbot, window, sample_project):
    ids = overlapping(window, sample_project)
    view = show(window, sample_project)
    qtbot.mouseClick(view.margin, Qt.MouseButton.LeftButton, pos=view.margin.bar_centre(ids[0]))
    details = window.workbench.details
    assert details.isVisible() and details.segment.coding_id == ids[0]
    assert view.selected_range() == (details.segment.start, details.segment.end)

    details.editors["memo"].setPlainText("Raumfrage")
    details.editors["paraphrase"].setPlainText("Es fehlen Räume am Abend")
    details.quote.setChecked(True)
    qtbot.mouseClick(details.apply_button, Qt.MouseButton.LeftButton)
    coding = window.project.codings.get(ids[0])
    assert (coding.memo, coding.paraphrase, coding.is_quote) == (
        "Raumfrage",
        "Es fehlen Räume am Abend",
        True,
    )
    details.start.setValue(coding.start + 4)
    qtbot.mouseClick(details.apply_button, Qt.MouseButton.LeftButton)
    assert window.project.codings.get(ids[0]).start == coding.start + 4

    window.menus.undo_action.trigger()  # the range
    window.menus.undo_action.trigger()  # the fields
    coding = window.project.codings.get(ids[0])
    assert (coding.memo, coding.is_quote) == ("", False)
    assert details.editors["memo"].toPlainText() == ""


def test_blind_coding_hides_the_others_and_colour_by_coder(qtbot, window, sample_project):
    ids = overlapping(window, sample_project)
    view = show(window, sample_project)
    assert len(view.margin.bars) == 5
    menu = window.workbench.coder_menu
    menu.rebuild()
    next(a for a in menu.actions() if a.text() == sample_project.coder).trigger()
    assert ids[1] not in {b.coding_id for b in view.margin.bars}
    assert ids[1] not in {h.coding_id for h in view.highlighter.highlights}
    assert len(view.margin.bars) == 4

    view.set_coder_filter(SECOND)
    assert [b.coding_id for b in view.margin.bars] == [ids[1]]
    view.set_coder_filter(None)
    menu.colour_action.setChecked(True)
    colours = {c.name: c.colour for c in window.project.coders.list()}
    bars = {b.coding_id: b.colour for b in view.margin.bars}
    assert bars[ids[1]] == colours[SECOND]
    assert bars[ids[0]] == colours[sample_project.coder]


def test_screenshots_of_the_margin_in_german_and_english(qtbot, window, sample_project, tmp_path):
    overlapping(window, sample_project)
    view = show(window, sample_project)
    select_words(qtbot, view, "Viele Angebote")
    window.workbench.coding.code_selection(sample_project.coded_category_id)
    for language in ("de", "en"):
        apply_language(language)
        window.retranslate()
        QApplication.processEvents()
        view.margin.repaint()
        path = Path(tmp_path) / f"document_margin_{language}.png"
        assert window.grab().save(str(path))
        assert path.stat().st_size > 10_000


def test_dragging_a_bars_end_changes_the_codings_range(qtbot, window, sample_project):
    view = show(window, sample_project)
    neighbours = WORKSHOP_TEXT.index("Die Nachbarschaft hilft")
    coding = next(c for c in view.codings if c.start == neighbours)
    view.margin.repaint()
    rect = next(r for r, i in view.margin._placed if i == coding.coding_id)
    top = QPoint(rect.left() + 2, rect.top())
    assert (
        view.margin.edge_at(top) == (coding.coding_id, "end")
        or view.margin.edge_at(top)[1] == "start"
    )
    # Drag the end down onto the last line of "Die Schule öffnet …".
    bottom = QPoint(rect.left() + 2, rect.bottom())
    assert view.margin.edge_at(bottom) == (coding.coding_id, "end")
    school = WORKSHOP_TEXT.index("Die Schule öffnet")
    line = view.text.cursorRect(_cursor(view, WORKSHOP_TEXT.index("\n", school) - 1))
    target = QPoint(bottom.x(), line.center().y() + view.margin._offset)
    qtbot.mousePress(view.margin, Qt.MouseButton.LeftButton, pos=bottom)
    qtbot.mouseMove(view.margin, target)
    qtbot.mouseRelease(view.margin, Qt.MouseButton.LeftButton, pos=target)
    changed = window.project.codings.get(coding.coding_id)
    assert (changed.start, changed.end) == (neighbours, WORKSHOP_TEXT.index("\n", school))
    window.menus.undo_action.trigger()
    assert window.project.codings.get(coding.coding_id).end == coding.end


def _cursor(view, code_point: int):
    from PySide6.QtGui import QTextCursor

    cursor = QTextCursor(view.text.document())
    cursor.setPosition(view.offsets.to_utf16(code_point))
    return cursor
