"""Selecting text in the document view as a person does: click, then Shift+click."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor

from qda_app.gui.documents.document_view import DocumentView


def point_of(view: DocumentView, code_point: int) -> QPoint:
    """Where in the text's viewport the gap before a character (code-point offset) lies."""
    cursor = QTextCursor(view.text.document())
    cursor.setPosition(view.offsets.to_utf16(code_point))
    rect = view.text.cursorRect(cursor)
    return QPoint(rect.left() + 1, rect.center().y())


def select_text(qtbot, view: DocumentView, start: int, end: int) -> None:  # noqa: ANN001
    """Click before `start`, Shift+click before `end` (code points), as a mouse user selects."""
    view.select_range(start, start)  # scrolls the place into view
    viewport = view.text.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point_of(view, start))
    qtbot.mouseClick(
        viewport,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.ShiftModifier,
        pos=point_of(view, end),
    )
    assert view.selected_range() == (start, end)


def select_words(qtbot, view: DocumentView, words: str) -> tuple[int, int]:
    start = view.text.toPlainText().index(words)  # a Python str: code points
    end = start + len(words)
    select_text(qtbot, view, start, end)
    return start, end
