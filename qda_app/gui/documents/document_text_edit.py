"""The document's text widget: read-only, and a selection dragged out of it carries its
document and code-point range, so dropping it on a category codes it."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from .indenting_layout import IndentingPlainTextLayout

SELECTION_MIME = "application/x-qda-text-range"


def range_from_mime(mime: QMimeData) -> tuple[int, int, int] | None:
    """(document id, start, end) of a dragged selection, or None for other data."""
    if not mime.hasFormat(SELECTION_MIME):
        return None
    try:
        value = json.loads(bytes(mime.data(SELECTION_MIME).data()).decode("utf-8"))
        return int(value["document"]), int(value["start"]), int(value["end"])
    except (ValueError, KeyError, TypeError):
        return None


class DocumentTextEdit(QPlainTextEdit):
    """`selection_range` answers (document id, start, end) in code points, or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A document of our own whose layout indents bullets (Qt's plain layout cannot).
        document = QTextDocument(self)
        document.setDocumentLayout(IndentingPlainTextLayout(document))
        self.setDocument(document)
        self.selection_range: Callable[[], tuple[int, int, int] | None] = lambda: None

    def createMimeDataFromSelection(self) -> QMimeData:
        # Qt's own text mime data lists a fixed set of formats: copy the text into a plain one.
        mime = QMimeData()
        mime.setText(self.textCursor().selection().toPlainText())
        selected = self.selection_range()
        if selected is not None:
            document_id, start, end = selected
            payload = {"document": document_id, "start": start, "end": end}
            mime.setData(SELECTION_MIME, json.dumps(payload).encode("utf-8"))
        return mime
