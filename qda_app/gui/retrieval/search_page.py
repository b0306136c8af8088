"""Workspace tab "Suche": full-text search over all documents (case, umlauts and ß folded),
hits with context, a double-click jumps to the hit; autocoding of the hits, or of the
sentence or paragraph around each, with a category after a preview, as one undoable step.
With "Regulärer Ausdruck" ticked the query is a regular expression (any case), as for
`qda autocode --pattern`; an invalid one is named in one sentence beside the field."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
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
from ...core.i18n import tr
from ...core.services.autocoding import UNITS, CodeRange
from ...core.text_search import SearchHit
from ...core.values import ChangeEvent
from ..common.display_format import format_count
from ..common.message_boxes import show_warning
from .segment_table_model import RowTableModel, flat, in_context

if TYPE_CHECKING:
    from ...core.project import Project


class SearchPage(QWidget):
    open_hit = Signal(int, int, int)  # document id, start, end

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPage")
        self.project: Project | None = None
        self.query = QLineEdit(self)
        self.query.setObjectName("searchQuery")
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(self.search)
        self.regex = QCheckBox(self)
        self.regex.setObjectName("searchRegex")
        self.regex.toggled.connect(self._search_again)
        self.search_button = QPushButton(self)
        self.search_button.clicked.connect(self.search)
        self.count = QLabel(self)
        self.hits_model = RowTableModel[SearchHit](
            ["gui.search.column.hit", "gui.search.column.document"],
            [
                lambda h: in_context(h.context_before, h.text, h.context_after),
                lambda h: h.document_title,
            ],
            self,
        )
        self.hits = self._table(self.hits_model, "searchHits")
        self.hits.doubleClicked.connect(self._open_hit)
        self.category = QComboBox(self)
        self.category.setObjectName("autocodeCategory")
        self.category.setMinimumContentsLength(30)
        self.unit = QComboBox(self)
        self.unit.setObjectName("autocodeUnit")
        self.preview_button = QPushButton(self)
        self.preview_button.clicked.connect(self.preview)
        self.apply_button = QPushButton(self)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.apply)
        self.preview_model = RowTableModel[CodeRange](
            ["gui.search.column.to_code", "gui.search.column.document"],
            [lambda r: flat(r.text).strip(), lambda r: r.document_title],
            self,
        )
        self.preview_table = self._table(self.preview_model, "autocodePreview")
        self.preview_table.doubleClicked.connect(self._open_range)
        self.preview_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.query, 1)
        top.addWidget(self.regex)
        top.addWidget(self.search_button)
        top.addWidget(self.count)
        autocode = QHBoxLayout()
        self.autocode_label = QLabel(self)
        for widget in (self.autocode_label, self.category, self.unit, self.preview_button):
            autocode.addWidget(widget)
        autocode.addStretch(1)
        autocode.addWidget(self.preview_label)
        autocode.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hits, 3)
        layout.addLayout(autocode)
        layout.addWidget(self.preview_table, 2)
        self.retranslate()

    def _table(self, model: RowTableModel, name: str) -> QTableView:
        table = QTableView(self)
        table.setObjectName(name)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 260)
        return table

    def retranslate(self) -> None:
        self.query.setPlaceholderText(tr("gui.search.placeholder"))
        self.search_button.setText(tr("gui.search.search"))
        self.regex.setText(tr("gui.search.regex"))
        self.regex.setToolTip(tr("gui.search.regex_tip"))
        self.autocode_label.setText(tr("gui.search.autocode_with"))
        self.preview_button.setText(tr("gui.search.preview"))
        self.apply_button.setText(tr("gui.search.apply"))
        current = self.unit.currentData()
        self.unit.clear()
        for unit in UNITS:
            self.unit.addItem(tr(f"gui.search.unit.{unit}"), unit)
        self.unit.setCurrentIndex(max(0, self.unit.findData(current)))
        self._fill_categories()

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.hits_model.set_rows([])
        self.preview_model.set_rows([])
        self.apply_button.setEnabled(False)
        self._fill_categories()

    def _fill_categories(self) -> None:
        current = self.category.currentData()
        self.category.clear()
        if self.project is not None:
            codable = {c.id for c in self.project.categories.list() if c.codable}
            for category_id, path in self.project.categories.paths().items():
                if category_id in codable:
                    self.category.addItem(path, category_id)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))

    def on_change(self, event: ChangeEvent) -> None:
        if event.reset or event.keys("categories"):
            self._fill_categories()

    def search(self) -> list[SearchHit]:
        """Search for the query (folded words, or with the box ticked a regular expression);
        an invalid expression leaves the list empty and says why beside the field."""
        hits: list[SearchHit] = []
        problem = ""
        query = self.query.text()
        if self.project is not None and query.strip():
            try:
                if self.regex.isChecked():
                    hits = self.project.search.find_pattern(query)
                else:
                    hits = self.project.search.find(query)
            except QdaError as error:
                problem = str(error)
        self.hits_model.set_rows(hits)
        self.count.setText(problem or tr("gui.search.count", count=format_count(len(hits))))
        self.count.setStyleSheet("color: #b00020;" if problem else "")
        self.preview_model.set_rows([])
        self.apply_button.setEnabled(False)
        return hits

    def _search_again(self) -> None:
        if self.query.text().strip():
            self.search()

    def preview(self) -> list[CodeRange]:
        """What autocoding would code: the hits, or their sentences or paragraphs."""
        if self.project is None:
            return []
        ranges = self.project.autocode.ranges(self.hits_model.rows, self.unit.currentData())
        self.preview_model.set_rows(ranges)
        self.preview_label.setText(tr("gui.search.preview_count", count=format_count(len(ranges))))
        self.apply_button.setEnabled(bool(ranges) and self.category.currentData() is not None)
        return ranges

    def apply(self) -> int:
        """Code the previewed ranges: one command, undone with one Ctrl+Z."""
        category_id = self.category.currentData()
        if self.project is None or category_id is None or not self.preview_model.rows:
            return 0
        try:
            added = self.project.autocode.apply(int(category_id), self.preview_model.rows)
        except QdaError as error:
            show_warning(self, str(error))
            return 0
        self.preview_label.setText(tr("gui.search.coded", count=format_count(added)))
        self.preview_model.set_rows([])
        self.apply_button.setEnabled(False)
        return added

    def _open_hit(self, index: QModelIndex) -> None:
        hit = self.hits_model.row(index)
        if hit is not None:
            self.open_hit.emit(hit.document_id, hit.start, hit.end)

    def _open_range(self, index: QModelIndex) -> None:
        found = self.preview_model.row(index)
        if found is not None:
            self.open_hit.emit(found.document_id, found.start, found.end)
