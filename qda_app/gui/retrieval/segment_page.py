"""Workspace tab "Segmente": coded segments read through `project.segments`, filtered by
category (with or without its subtree), quarter, method, coder, document, verbatim quotes
and text; a double-click opens the document with the segment selected; the list as shown
goes to XLSX or DOCX."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import QdaError
from ...core.exporters.segment_list import write_segments_docx, write_segments_xlsx
from ...core.i18n import tr
from ...core.values import ChangeEvent, Segment, SegmentFilter
from ..common.display_format import format_count, method_label
from ..common.message_boxes import show_warning
from .segment_table_model import segment_model

if TYPE_CHECKING:
    from ...core.project import Project

CONTEXT = 40


class SegmentPage(QWidget):
    open_segment = Signal(int, int, int)  # document id, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("segmentPage")
        self.project: Project | None = None
        self._stale = True
        self.combos = {
            name: QComboBox(self) for name in ("category", "quarter", "method", "coder", "document")
        }
        for name, combo in self.combos.items():
            combo.setObjectName(f"segmentFilter_{name}")
            combo.setMinimumContentsLength(12)
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.subtree = QCheckBox(self)
        self.subtree.setChecked(True)
        self.quotes = QCheckBox(self)
        self.text_filter = QLineEdit(self)
        self.text_filter.setClearButtonEnabled(True)
        for box in (self.subtree, self.quotes):
            box.toggled.connect(lambda _on: self.refresh())
        self.text_filter.returnPressed.connect(self.refresh)
        self.labels = {name: QLabel(self) for name in self.combos}
        self.count = QLabel(self)
        self.xlsx_button = QPushButton(self)
        self.xlsx_button.clicked.connect(lambda: self.choose_export(".xlsx"))
        self.docx_button = QPushButton(self)
        self.docx_button.clicked.connect(lambda: self.choose_export(".docx"))
        self.model = segment_model(self)
        self.table = QTableView(self)
        self.table.setObjectName("segmentTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Two lines per row: the coded words wrap; all of them and the context on hover.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(2 * self.fontMetrics().lineSpacing() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((460, 260, 220, 180, 90)):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(self._double_clicked)
        grid = QGridLayout()  # three filters a row: the page keeps the trees beside it
        for position, name in enumerate(self.combos):
            row, column = divmod(position, 3)
            grid.addWidget(self.labels[name], 2 * row, column)
            grid.addWidget(self.combos[name], 2 * row + 1, column)
        options = QHBoxLayout()
        for widget in (self.subtree, self.quotes, self.text_filter):
            options.addWidget(widget)
        options.addStretch(1)
        options.addWidget(self.count)
        options.addWidget(self.xlsx_button)
        options.addWidget(self.docx_button)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(options)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def retranslate(self) -> None:
        for name, label in self.labels.items():
            label.setText(tr(f"gui.segments.filter.{name}"))
        self.subtree.setText(tr("gui.segments.subtree"))
        self.quotes.setText(tr("gui.segments.quotes_only"))
        self.text_filter.setPlaceholderText(tr("gui.segments.text_filter"))
        self.xlsx_button.setText(tr("gui.segments.export_xlsx"))
        self.docx_button.setText(tr("gui.segments.export_docx"))
        self._fill_choices()

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self._fill_choices()

    def _fill_choices(self) -> None:
        """The filter lists from the project: "all" first, then each choice with its id."""
        project = self.project
        choices: dict[str, list[tuple[str, int]]] = {name: [] for name in self.combos}
        if project is not None:
            choices["category"] = [(p, i) for i, p in project.categories.paths().items()]
            choices["quarter"] = [(q.label, q.id) for q in project.quarters.list()]
            choices["method"] = [(method_label(m), m.id) for m in project.methods.list()]
            choices["coder"] = [(c.name, c.id) for c in project.coders.list()]
            choices["document"] = [(d.title, d.id) for d in project.documents.list()]
        for name, combo in self.combos.items():
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("gui.segments.any"), None)
            for label, value in choices[name]:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.refresh()

    def set_filter(self, **chosen: int | None) -> None:
        """Choose filter values by id (category=…, quarter=…, …); None means any."""
        for name, value in chosen.items():
            combo = self.combos[name]
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(value)))
            combo.blockSignals(False)
        self.refresh()

    def current_filter(self) -> SegmentFilter:
        def ids(name: str) -> tuple[int, ...]:
            value = self.combos[name].currentData()
            return () if value is None else (int(value),)

        return SegmentFilter(
            category_ids=ids("category"),
            subcategories=self.subtree.isChecked(),
            quarter_ids=ids("quarter"),
            method_ids=ids("method"),
            coder_ids=ids("coder"),
            document_ids=ids("document"),
            quotes_only=self.quotes.isChecked(),
            text=self.text_filter.text().strip(),
        )

    def refresh(self) -> None:
        """Read the segments again (only while the tab shows; otherwise when it next shows)."""
        if not self.isVisible() and self.project is not None:
            self._stale = True
            return
        self._stale = False
        segments: list[Segment] = []
        if self.project is not None:
            segments = self.project.segments.list(self.current_filter(), context=CONTEXT)
        self.model.set_rows(segments)
        self.count.setText(tr("gui.segments.count", count=format_count(len(segments))))

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def on_change(self, event: ChangeEvent) -> None:
        tables = event.tables
        if event.reset or tables & {"categories", "quarters", "methods", "coders", "documents"}:
            self._fill_choices()
        elif tables & {"codings", "statement_codings"}:
            self.refresh()

    def segments(self) -> list[Segment]:
        return list(self.model.rows)

    def _double_clicked(self, index: QModelIndex) -> None:
        segment = self.model.row(index)
        if segment is not None:
            self.open_segment.emit(segment.document_id, segment.start, segment.end)

    def choose_export(self, suffix: str) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, tr("gui.segments.export_title"), tr("gui.segments.file_name") + suffix
        )
        if path:
            self.export_to(path if path.endswith(suffix) else path + suffix)

    def export_to(self, path: str) -> None:
        """Write the list as shown: .xlsx as a table, .docx as a reading list."""
        try:
            if path.lower().endswith(".xlsx"):
                write_segments_xlsx(self.segments(), path)
            else:
                write_segments_docx(self.segments(), path)
        except (OSError, QdaError) as error:
            show_warning(
                self,
                tr("gui.segments.export_failed", path=os.path.basename(path), reason=str(error)),
            )
