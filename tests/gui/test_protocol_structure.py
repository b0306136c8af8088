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
