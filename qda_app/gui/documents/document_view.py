"""Centre: one document's text, read-only, with its coded segments in their category colours."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QHelpEvent, QTextCursor, QTextOption
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from ...core.errors import NotFoundError
from ...core.i18n import tr
from ...core.values import CategoryInfo, ChangeEvent, DocumentInfo, Segment, SegmentFilter
from .coding_display import CodingDisplay
from .coding_highlighter import CodingHighlighter, Highlight
from .coding_margin import CodingMargin, MarginBar
from .document_header import document_header
from .document_text_edit import DocumentTextEdit
from .protocol_structure import TABLE_TAB, apply_structure, find_structure
from .text_offsets import TextOffsets

if TYPE_CHECKING:
    from ...core.project import Project


class DocumentView(QWidget):
    """A header line with the document's metadata above its plain text, with the coding
    margin beside it. `coding_selected` tells which coding was clicked in the margin."""

    coding_selected = Signal(int)
    document_shown = Signal(object)  # the id of the document now shown, or None
    range_requested = Signal(int, int, int)  # coding id, new start, new end (code points)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.document: DocumentInfo | None = None
        self.offsets = TextOffsets("")
        self.codings: list[Segment] = []
        self.display = CodingDisplay()
        self._bars: dict[int, MarginBar] = {}
        self._header_plain = ""
        self.header = QLabel(self)
        self.header.setObjectName("documentHeader")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.header.setContentsMargins(6, 4, 6, 4)
        self.text = DocumentTextEdit(self)
        self.text.selection_range = self.selected_document_range
        self.text.setObjectName("documentText")
        self.text.setReadOnly(True)
        self.text.setUndoRedoEnabled(False)
        self.text.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.text.document().setDocumentMargin(12)
        # The text wraps: it never scrolls sideways (a margin that widens would shift it).
        self.text.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.text.setTabStopDistance(TABLE_TAB)  # the header table's values line up
        self.text.viewport().installEventFilter(self)
        self.highlighter = CodingHighlighter(self.text.document())
        self.margin = CodingMargin(self.text, self)
        self.margin.tooltip_for = lambda coding_id: self.display.tooltip(
            c for c in self.codings if c.coding_id == coding_id
        )
        self.margin.coding_clicked.connect(self.select_coding)
        self.margin.edge_dragged.connect(self._edge_dragged)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        body = QHBoxLayout()
        body.setSpacing(0)
        body.addWidget(self.margin)
        body.addWidget(self.text, 1)
        layout.addLayout(body, 1)
        self.retranslate()

    @property
    def document_id(self) -> int | None:
        return self.document.id if self.document else None

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.show_document(None)

    def show_document(self, document_id: int | None) -> None:
        """Load a document's text (once) and paint its codings."""
        self.document = None
        if self.project is not None and document_id is not None:
            try:
                self.document = self.project.documents.get(document_id)
                text = self.project.documents.text(document_id)
            except NotFoundError:
                self.document = None
        if self.document is None:
            text = ""
        self.offsets = TextOffsets(text)
        self.highlighter.setDocument(None)  # paint once, after the text is in place
        self.text.setPlainText(text)
        apply_structure(self.text.document(), self.offsets, find_structure(text))
        self._update_header()
        self._paint_codings()
        self.document_shown.emit(self.document_id)

    def on_change(self, event: ChangeEvent) -> None:
        """Repaint what a change touched: this document's codings, category colours, the
        header; reload only when the document itself went away."""
        if self.document is None or self.project is None:
            return
        if event.reset:
            self.show_document(self.document.id)
            return
        if self.document.id in event.keys("documents", "update"):
            self.document = self.project.documents.get(self.document.id)
            self._update_header()
        elif self.document.id in event.keys("documents", "delete"):
            self.show_document(None)
            return
        if event.keys("quarters") or event.keys("methods"):
            self._update_header()
        if event.keys("categories") or event.keys("coders"):
            self._paint_codings()
            return
        shown = {coding.coding_id for coding in self.codings}
        mine = {  # updates name only the changed columns: known codings are recognised by id
            int(row.key)  # type: ignore[arg-type]  # codings have a one-column key
            for row in event.of("codings")
            if row.key in shown or row.value("document_id") == self.document.id
        }
        if mine:
            self._repaint_codings(mine)

    def retranslate(self) -> None:
        self.text.setPlaceholderText(tr("gui.document.placeholder"))
        self._update_header()

    # -- painting ----------------------------------------------------------------------------

    def _update_header(self) -> None:
        self._header_plain, rich = document_header(self.project, self.document)
        self.header.setText(rich)

    def header_text(self) -> str:
        """The header as plain text: the title, then quarter, method, date … characters."""
        return self._header_plain

    def _paint_codings(self) -> None:
        """Read this document's segments and paint all of them."""
        if self.document is None or self.project is None:
            self.codings = []
            self.display.set_lookups((), ())
        else:
            self.codings = self.project.segments.of_document(self.document.id, texts=False)
            self.display.set_lookups(self.project.categories.list(), self.project.coders.list())
        shown = [c for c in self.codings if self.display.shows(c)]
        self.highlighter.set_highlights(self._highlight(c) for c in shown)
        self._bars = {c.coding_id: self._bar(c) for c in shown}
        self.margin.set_bars(self._bars.values(), fresh=True)

    def _repaint_codings(self, coding_ids: set[int]) -> None:
        """Read again only the given codings of this document and repaint where they lie."""
        assert self.project is not None and self.document is not None
        fresh = self.project.segments.list(
            SegmentFilter(document_ids=(self.document.id,), coding_ids=tuple(coding_ids)),
            texts=False,
        )
        if any(c.coder_id not in self.display.coders for c in fresh):
            self.display.set_lookups(self.display.categories.values(), self.project.coders.list())
        self.codings = sorted(
            [c for c in self.codings if c.coding_id not in coding_ids] + fresh,
            key=lambda c: (c.start, c.end, c.coding_id),
        )
        shown = [c for c in fresh if self.display.shows(c)]
        self.highlighter.replace(coding_ids, (self._highlight(c) for c in shown))
        for coding_id in coding_ids:
            self._bars.pop(coding_id, None)
        bars = [self._bar(c) for c in shown]
        self._bars.update((b.coding_id, b) for b in bars)
        self.margin.replace_bars(coding_ids, bars)

    def _bar(self, segment: Segment) -> MarginBar:
        start, end = self.offsets.range_to_utf16(segment.start, segment.end)
        colour, label = self.display.colour(segment), self.display.label(segment)
        return MarginBar(segment.coding_id, start, end, colour, label)

    def _highlight(self, segment: Segment) -> Highlight:
        start, end = self.offsets.range_to_utf16(segment.start, segment.end)
        return Highlight(segment.coding_id, start, end, self.display.colour(segment))

    # -- what shows: coders and colours ------------------------------------------------------

    def set_coder_filter(self, name: str | None) -> None:
        """Show only this coder's codings (blind coding: the others' are hidden), or all."""
        self.display.coder_filter = name
        self._paint_codings()

    def set_colour_by_coder(self, on: bool) -> None:
        """Colour highlights and bars by coder instead of by category."""
        self.display.colour_by_coder = on
        self._paint_codings()

    def visible_codings(self) -> list[Segment]:
        return [c for c in self.codings if self.display.shows(c)]

    # -- selection ---------------------------------------------------------------------------

    def selected_range(self) -> tuple[int, int] | None:
        """The selected text as a code-point range of the stored text, or None."""
        cursor = self.text.textCursor()
        if self.document is None or not cursor.hasSelection():
            return None
        start = self.offsets.to_code_point(cursor.selectionStart())
        end = self.offsets.to_code_point(cursor.selectionEnd())
        if end <= start and cursor.selectionEnd() > cursor.selectionStart():
            end = start + 1  # half a surrogate pair selected: take the whole character
        return (start, end) if end > start else None

    def selected_document_range(self) -> tuple[int, int, int] | None:
        selected = self.selected_range()
        if selected is None or self.document is None:
            return None
        return (self.document.id, *selected)

    def select_range(self, start: int, end: int) -> None:
        """Select a code-point range and scroll it into view."""
        low, high = self.offsets.range_to_utf16(start, end)
        cursor = QTextCursor(self.text.document())
        cursor.setPosition(high)
        cursor.setPosition(low, QTextCursor.MoveMode.KeepAnchor)
        self.text.setTextCursor(cursor)
        self.text.centerCursor()
        self.text.horizontalScrollBar().setValue(0)

    def clear_selection(self) -> None:
        cursor = self.text.textCursor()
        cursor.clearSelection()
        self.text.setTextCursor(cursor)

    def select_coding(self, coding_id: int) -> None:
        """Mark a coding in the margin, select its text and tell the details panel."""
        coding = next((c for c in self.codings if c.coding_id == coding_id), None)
        if coding is None:
            return
        self.margin.set_selected(coding_id)
        self.select_range(coding.start, coding.end)
        self.coding_selected.emit(coding_id)

    def _edge_dragged(self, coding_id: int, edge: str, utf16_position: int) -> None:
        """A bar's end was dragged to a line: ask for the coding's new range."""
        coding = next((c for c in self.codings if c.coding_id == coding_id), None)
        if coding is None:
            return
        point = self.offsets.to_code_point(utf16_position)
        start, end = (point, coding.end) if edge == "start" else (coding.start, point)
        if start < end and (start, end) != (coding.start, coding.end):
            self.range_requested.emit(coding_id, start, end)

    def codings_at(self, utf16_position: int) -> list[Segment]:
        """The shown codings that cover a position in the text."""
        point = self.offsets.to_code_point(utf16_position)
        return [c for c in self.visible_codings() if c.start <= point < c.end]

    def highlighted_ranges(self) -> list[tuple[int, int]]:
        """The painted ranges in UTF-16 offsets, as Qt sees them."""
        return [(h.start, h.end) for h in self.highlighter.highlights]

    def categories_at(self, utf16_position: int) -> list[CategoryInfo]:
        """The categories of the codings that cover a position in the text."""
        found = [
            self.display.categories[c.category_id]
            for c in self.codings_at(utf16_position)
            if c.category_id in self.display.categories
        ]
        return list(dict.fromkeys(found))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text.viewport() and event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            position = self.text.cursorForPosition(event.pos()).position()
            text = self.display.tooltip(self.codings_at(position))
            if text:
                QToolTip.showText(event.globalPos(), text, self.text)
            else:
                QToolTip.hideText()
            return True
        return super().eventFilter(watched, event)
