"""The quarter tree (city → Sozialraum → statistical quarter) with each quarter's documents."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QStyle

from ...core.analysis.category_counts import coding_count_changes, codings_per_document
from ...core.i18n import tr, tr_count
from ...core.values import ChangeEvent, DocumentInfo, MethodInfo, QuarterInfo
from ..common.display_format import format_count, format_date, method_icon, method_label
from ..common.plain_tree_model import KEY_ROLE, Index, PlainTreeModel, TreeNode

if TYPE_CHECKING:
    from ...core.project import Project

NO_QUARTER_KEY = ("no_quarter",)
WATCHED_TABLES = frozenset({"quarters", "documents", "methods"})


def document_key(document_id: int) -> tuple[str, int]:
    return ("document", document_id)


def quarter_key(quarter_id: int) -> tuple[str, int]:
    return ("quarter", quarter_id)


class QuarterDocumentModel(PlainTreeModel):
    """Quarters as branches, documents as leaves; a "no quarter" branch for the rest."""

    COLUMN_COUNT = 3
    NAME, DATE, CODINGS = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self._methods: dict[int, MethodInfo] = {}
        self._quarters: dict[int, QuarterInfo] = {}
        self._codings: dict[int, int] = {}  # codings per document id
        self._totals: dict[Any, int] = {}  # codings per quarter node key, with its subtree

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.refresh()

    def refresh(self) -> None:
        """Read quarters and documents again and show what changed."""
        root = TreeNode(key=("root",))
        if self.project is None:
            self._methods, self._quarters = {}, {}
            self.set_tree(root)
            return
        self._codings = codings_per_document(self.project)
        quarters = self.project.quarters.list()
        self._quarters = {q.id: q for q in quarters}
        self._methods = {m.id: m for m in self.project.methods.list()}
        nodes: dict[int, TreeNode] = {}
        for quarter in quarters:  # parents come before their children
            parent = nodes.get(quarter.parent_id, root) if quarter.parent_id else root
            nodes[quarter.id] = parent.add(TreeNode(quarter_key(quarter.id), quarter))
        homeless: TreeNode | None = None
        for document in self.project.documents.list():
            found = nodes.get(document.quarter_id) if document.quarter_id else None
            if found is not None:
                parent = found
            else:
                if homeless is None:
                    homeless = TreeNode(NO_QUARTER_KEY)
                parent = homeless
            parent.add(TreeNode(document_key(document.id), document))
        if homeless is not None:
            root.add(homeless)
        self._sum_totals(root)
        self.set_tree(root)

    def _sum_totals(self, root: TreeNode) -> None:
        totals: dict[Any, int] = {}

        def total(node: TreeNode) -> int:
            if isinstance(node.value, DocumentInfo):
                return self._codings.get(node.value.id, 0)
            totals[node.key] = sum(total(child) for child in node.children)
            return totals[node.key]

        for child in root.children:
            total(child)
        self._totals = totals

    def on_change(self, event: ChangeEvent) -> None:
        """Quarters, documents or methods changed: reload; codings only move counts."""
        if event.reset or event.tables & WATCHED_TABLES:
            self.refresh()
            return
        for document_id, delta in coding_count_changes(event, "document_id").items():
            node = self.node_for_key(document_key(document_id))
            if node is None or not delta:
                continue
            self._codings[document_id] = self._codings.get(document_id, 0) + delta
            parent = node.parent
            while parent is not None and parent.key in self._totals:
                self._totals[parent.key] += delta
                parent = parent.parent
            self.emit_changed_upwards(node.key)

    def coding_count(self, index: Index) -> int:
        """Codings in a document, or in all documents of a quarter and its sub-quarters."""
        node = self.node(index)
        if node is None:
            return 0
        if isinstance(node.value, DocumentInfo):
            return self._codings.get(node.value.id, 0)
        return self._totals.get(node.key, 0)

    def document_id(self, index: Index) -> int | None:
        node = self.node(index)
        return node.value.id if node and isinstance(node.value, DocumentInfo) else None

    def method(self, document: DocumentInfo) -> MethodInfo | None:
        return self._methods.get(document.method_id) if document.method_id else None

    def quarter(self, quarter_id: int | None) -> QuarterInfo | None:
        return self._quarters.get(quarter_id) if quarter_id else None

    # -- QAbstractItemModel ------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            names = {self.NAME: "name", self.DATE: "date", self.CODINGS: "codings"}
            return tr(f"gui.quarters.column.{names.get(section, 'name')}")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == KEY_ROLE:
            return node.key
        value = node.value
        if index.column() == self.CODINGS:
            return self._count_data(self.coding_count(index), role)
        if isinstance(value, DocumentInfo):
            return self._document_data(value, index.column(), role)
        if isinstance(value, QuarterInfo):
            return self._quarter_data(value, len(node.children), index.column(), role)
        if index.column() == self.NAME and role == Qt.ItemDataRole.DisplayRole:
            return tr("gui.quarters.no_quarter")
        if index.column() == self.NAME and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    @staticmethod
    def _count_data(count: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return format_count(count) if count else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("gui.quarters.codings_tip", count=count)
        return None

    def _quarter_data(self, quarter: QuarterInfo, children: int, column: int, role: int) -> Any:
        if column != self.NAME:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return quarter.label
        if role == Qt.ItemDataRole.DecorationRole:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        if role == Qt.ItemDataRole.ToolTipRole:  # the full name, which the column may cut
            return f"{quarter.label} – {tr(f'gui.quarter_kind.{quarter.kind}')}"
        if role == Qt.ItemDataRole.FontRole and quarter.kind != "statistical":
            font = QFont()
            font.setBold(quarter.kind == "city")
            return font
        return None

    def _document_data(self, document: DocumentInfo, column: int, role: int) -> Any:
        method = self.method(document)
        if role == Qt.ItemDataRole.DisplayRole:
            return document.title if column == self.NAME else format_date(document.date)
        if role == Qt.ItemDataRole.DecorationRole and column == self.NAME:
            return method_icon(method)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._document_tooltip(document, method)
        return None

    def _document_tooltip(self, document: DocumentInfo, method: MethodInfo | None) -> str:
        quarter = self.quarter(document.quarter_id)
        lines = [f"<b>{escape(document.title)}</b>"]
        if quarter:
            lines.append(escape(quarter.label))
        if method:
            lines.append(escape(method_label(method)))
        if document.date:
            lines.append(format_date(document.date))
        if document.group_label:
            lines.append(escape(tr("gui.document.group", group=document.group_label)))
        if document.participants is not None:
            lines.append(tr_count("gui.document.participants", document.participants))
        lines.append(tr("gui.document.characters", count=format_count(document.length)))
        return "<br>".join(lines)

    def index_of_document(self, document_id: int) -> QModelIndex:
        return self.index_for_key(document_key(document_id))
