"""Protocol structure on screen only: headings and table keys formatted, text unchanged."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextCursor

from qda_app.gui.documents.protocol_structure import find_structure

PROTOCOL = (
    "Protokoll: Workshop Manfort 😀\n"
    "Veranstaltung\tOnline-Workshop\n"
    "Datum\t09.11.2020\n"
    "1. Herausforderungen & Bedarfe\n"
    "• Es fehlen Räume.\n"
    "Gruppe A:\n"
    "Ein ganzer Satz mit Punkt am Ende.\n"
)


def test_lines_get_their_roles() -> None:
    kinds = [(PROTOCOL[s.start : s.end], s.kind, s.level) for s in find_structure(PROTOCOL)]
    assert kinds == [
        ("Protokoll: Workshop Manfort 😀", "heading", 1),
        ("Veranstaltung\tOnline-Workshop", "table_row", 0),
        ("Datum\t09.11.2020", "table_row", 0),
        ("1. Herausforderungen & Bedarfe", "heading", 1),
        ("• Es fehlen Räume.", "bullet", 0),
        ("Gruppe A:", "heading", 2),
    ]


def test_the_view_formats_but_keeps_text_and_offsets(window, sample_project) -> None:
    project = window.project
    document = project.documents.add("Strukturiert", PROTOCOL)
    start = PROTOCOL.index("Räume")
    project.codings.add(document.id, start, start + 5, sample_project.coded_category_id)
    window.show_document(document.id)
    view = window.document_view
    assert view.text.toPlainText() == PROTOCOL
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(view.offsets.to_utf16(PROTOCOL.index("Herausforderungen")) + 1)
    assert cursor.charFormat().fontWeight() == QFont.Weight.Bold
    cursor.setPosition(view.offsets.to_utf16(PROTOCOL.index("Online-Workshop")) + 1)
    assert cursor.charFormat().fontWeight() != QFont.Weight.Bold  # the value, not the key
    assert view.highlighted_ranges() == [view.offsets.range_to_utf16(start, start + 5)]


LONG_BULLET = "• " + "Es fehlen Räume für Jugendliche am Abend und am Wochenende. " * 6


def test_bullets_show_indented_with_a_hanging_indent(window, tmp_path) -> None:
    text = f"Protokoll 😀\n{LONG_BULLET}\nEin ganzer Absatz ohne Aufzählungszeichen am Anfang.\n"
    document = window.project.documents.add("Aufzählung", text)
    window.show_document(document.id)
    view = window.document_view
    assert view.text.toPlainText() == text  # display only
    editor = view.text
    bullet = editor.document().findBlockByNumber(1)
    block_format = bullet.blockFormat()
    assert block_format.leftMargin() > 16 and block_format.textIndent() < 0
    assert block_format.leftMargin() + block_format.textIndent() == 16  # the bullet's place
    editor.viewport().repaint()
    layout = bullet.layout()
    assert layout.lineCount() > 1  # the long bullet wraps
    plain_x = editor.document().findBlockByNumber(2).layout().lineAt(0).position().x()
    first, second = layout.lineAt(0).position().x(), layout.lineAt(1).position().x()
    assert first == plain_x + 16  # the bullet moves right
    assert second == plain_x + block_format.leftMargin()  # wrapped lines hang under the text
    assert bullet.lineCount() == layout.lineCount()  # scrolling counts the wrapped lines
    # Selecting by position still maps to the same text: a click on the second line's start.
    rect = editor.blockBoundingGeometry(bullet).translated(editor.contentOffset())
    point = rect.topLeft().toPoint()
    point.setX(int(second) + 2)
    point.setY(point.y() + int(layout.lineAt(1).y() + layout.lineAt(1).height() / 2))
    cursor = editor.cursorForPosition(point)
    assert cursor.position() - bullet.position() == layout.lineAt(1).textStart()
    view.grab().save(str(tmp_path / "bullets.png"))
