"""Cross-quarter statements of one category, and the per-quarter statements they generalise.

On the left the category's cross-quarter statements, edited in place, each with the number
of quarters behind it (counted from its links). On the right the statements of the quarters
(of the category and its subcategories), grouped by quarter: a tick links one to the
selected cross-quarter statement, taking the tick away unlinks it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.analysis.statement_support import statement_support
from ...core.errors import QdaError
from ...core.i18n import tr
from ..categories.segment_list import mute
from ..common.message_boxes import show_warning
from ..planning.goal_link_menu import goal_link_menu
from .cross_statement_sources import ID_ROLE, fill_source_tree

if TYPE_CHECKING:
    from ...core.project import Project

VERSION_ROLE = Qt.ItemDataRole.UserRole + 31  # the statement's edit version when listed


class CrossStatementsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crossStatements")
        self.project: Project | None = None
        self._filling = False
        self._stale = False
        self._wanted: int | None = None
        self.category_label = QLabel(self)
        self.category = QComboBox(self)
        self.category.setObjectName("crossCategory")
        self.category.currentIndexChanged.connect(lambda _i: self.reload())
        self.statements = QListWidget(self)
        self.statements.setObjectName("crossStatementList")
        self.statements.setWordWrap(True)
        self.statements.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.statements.currentItemChanged.connect(lambda *_: self._fill_sources())
        self.statements.itemChanged.connect(self._text_edited)
        self.statements.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.statements.customContextMenuRequested.connect(self._goal_menu)
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(self.new_statement)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self.delete_statement)
        self.support = QLabel(self)
        self.support.setObjectName("crossSupport")
        self.support.setWordWrap(True)
        self.sources_label = QLabel(self)
        mute(self.sources_label)
        self.sources_label.setWordWrap(True)
        self.sources = QTreeWidget(self)
        self.sources.setObjectName("crossSources")
        self.sources.setHeaderHidden(True)
        self.sources.setWordWrap(True)
        self.sources.itemChanged.connect(self._source_ticked)

        top = QHBoxLayout()
        top.addWidget(self.category_label)
        top.addWidget(self.category, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.statements, 1)
        left_layout.addWidget(self.support)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.sources_label)
        right_layout.addWidget(self.sources, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.category_label.setText(tr("gui.cross.category"))
        self.new_button.setText(tr("gui.cross.new"))
        self.delete_button.setText(tr("gui.grid.delete_statement"))
        self.sources_label.setText(tr("gui.cross.sources_hint"))
        self._show_support()

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self._stale = True
        self.refresh()

    def _fill_categories(self) -> None:
        chosen = self._wanted if self._wanted is not None else self.category.currentData()
        self._filling = True
        self.category.clear()
        if self.project is not None:
            for category_id, path in self.project.categories.paths().items():
                self.category.addItem(path, category_id)
        self._filling = False
        self.select_category(chosen)

    def select_category(self, category_id: int | None) -> None:
        """Show this category's statements (now, or when the panel is filled)."""
        self._wanted = category_id
        index = self.category.findData(category_id) if category_id is not None else -1
        self.category.setCurrentIndex(max(index, 0) if self.category.count() else -1)

    def category_id(self) -> int | None:
        value = self.category.currentData()
        return int(value) if value is not None else None

    # -- reading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """After a change: categories may have been renamed, statements changed. Read only
        while the panel shows; otherwise when it shows next."""
        if not self.isVisible() and self.project is not None:
            self._stale = True
            return
        self._stale = False
        self._fill_categories()
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def reload(self) -> None:
        if self._filling:
            return
        current = self.current_statement_id()
        self._filling = True
        self.statements.clear()
        category = self.category_id()
        if self.project is not None and category is not None:
            for statement in self.project.statements.list(category_id=category, cross_quarter=True):
                item = QListWidgetItem(statement.text)
                item.setData(ID_ROLE, statement.id)
                item.setData(VERSION_ROLE, statement.version)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.statements.addItem(item)
        self._filling = False
        self.select_statement(current)
        if self.statements.currentRow() < 0 and self.statements.count():
            self.statements.setCurrentRow(0)
        self._fill_sources()

    def _goal_menu(self, position: QPoint) -> None:
        """Right-click on a cross-quarter statement: the strategic goals it supports."""
        item = self.statements.itemAt(position)
        if item is not None:
            self.statements.setCurrentItem(item)
        statement_id = self.current_statement_id()
        if self.project is not None and statement_id is not None:
            menu = goal_link_menu(self, self.project, statement_id)
            menu.exec(self.statements.viewport().mapToGlobal(position))

    def current_statement_id(self) -> int | None:
        item = self.statements.currentItem()
        return int(item.data(ID_ROLE)) if item is not None else None

    def select_statement(self, statement_id: int | None) -> None:
        for row in range(self.statements.count()):
            if self.statements.item(row).data(ID_ROLE) == statement_id:
                self.statements.setCurrentRow(row)
                return

    def _fill_sources(self) -> None:
        if self._filling:
            return
        self._filling = True
        self.sources.clear()
        statement_id, category = self.current_statement_id(), self.category_id()
        project = self.project
        if project is not None and category is not None:
            fill_source_tree(self.sources, project, category, statement_id)
        self._filling = False
        self._show_support()
        self.delete_button.setEnabled(statement_id is not None)
        self.new_button.setEnabled(category is not None)

    def _show_support(self) -> None:
        statement_id = self.current_statement_id()
        if self.project is None or statement_id is None:
            self.support.setText(tr("gui.cross.no_statement"))
            return
        support = statement_support(self.project, [self.project.statements.get(statement_id)])[
            statement_id
        ]
        names = {q.id: q.name for q in self.project.quarters.list()}
        text = tr(
            "gui.cross.support",
            count=support.count,
            total=support.total,
            names=", ".join(names[q] for q in support.quarter_ids) or "—",
        )
        if support.city_wide:
            text += " " + tr("gui.cross.city_too")
        self.support.setText(text)

    # -- changes --------------------------------------------------------------------------

    def _run(self, change) -> bool:  # noqa: ANN001 - a function of the project
        if self.project is None:
            return False
        try:
            change(self.project)
        except QdaError as error:
            show_warning(self, str(error))
            return False
        return True

    def new_statement(self) -> None:
        category = self.category_id()
        if self.project is None or category is None:
            return
        made = self.project.statements.add(category, tr("gui.cross.new_text"))
        self.reload()
        self.select_statement(made.id)
        self.statements.editItem(self.statements.currentItem())

    def delete_statement(self) -> None:
        statement_id = self.current_statement_id()
        if statement_id is not None:
            self._run(lambda project: project.statements.delete(statement_id))

    def _text_edited(self, item: QListWidgetItem) -> None:
        if self._filling or self.project is None:
            return
        statement_id, version = int(item.data(ID_ROLE)), item.data(VERSION_ROLE)
        try:
            saved = self.project.statements.update_text(
                statement_id, item.text(), expected_version=version
            )
        except QdaError as error:  # refused: show why, then the statement as it is now
            show_warning(self, str(error))
            self.reload()
            return
        self._filling = True
        item.setData(VERSION_ROLE, saved.version)
        self._filling = False

    def _source_ticked(self, item: QTreeWidgetItem, _column: int) -> None:
        statement_id, source = self.current_statement_id(), item.data(0, ID_ROLE)
        if self._filling or statement_id is None or source is None:
            return
        if item.checkState(0) == Qt.CheckState.Checked:
            self._run(lambda project: project.statements.link_source(statement_id, int(source)))
        else:
            self._run(lambda project: project.statements.unlink_source(statement_id, int(source)))
