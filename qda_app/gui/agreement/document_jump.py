"""Show a place of a document in the window's document view: the document opens and the
range is selected and scrolled into view (offsets in code points, as the core counts)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QTextCursor

if TYPE_CHECKING:
    from ..shell.main_window import MainWindow


def show_place(window: MainWindow, document_id: int, start: int, end: int) -> None:
    window.show_document(document_id)
    view = window.document_view
    if view.document_id != document_id or end <= start:
        return
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(view.offsets.to_utf16(start))
    cursor.setPosition(view.offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    view.text.setTextCursor(cursor)
    view.text.ensureCursorVisible()
    view.text.setFocus()
