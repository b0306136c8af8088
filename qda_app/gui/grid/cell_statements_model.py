"""The condensed statements (bullets) of one grid cell, in their order.

Text is edited in place, the check box marks a verbatim quote, a statement is moved by
dragging it, and segments dropped on a statement are linked to it (dropped between
statements, they become a new statement worded from their generalisation). Every edit is a
core command; the change event brings the result back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ...core.errors import QdaError
from ...core.i18n import tr
from ...core.values import Segment, SegmentFilter, StatementInfo
from .cell_segments_model import SEGMENT_MIME, coding_ids_from_mime

if TYPE_CHECKING:
    from ...core.project import Project

Index = QModelIndex | QPersistentModelIndex
STATEMENT_MIME = "application/x-qda-statement-id"
STATEMENT_ROLE = Qt.ItemDataRole.UserRole + 20
EVIDENCE_ROLE = Qt.ItemDataRole.UserRole + 21


@dataclass(frozen=True)
class Evidence:
    """What stands behind a statement: its segments and the documents they come from."""

    segments: int
    documents: tuple[str, ...]

    def summary(self) -> str:
        if not self.segments:
            return tr("gui.grid.no_evidence")
        return tr(
            "gui.grid.evidence",
            segments=self.segments,
            documents=len(self.documents),
            titles="; ".join(self.documents),
        )


def evidence_of(project: Project, statements: Sequence[StatementInfo]) -> dict[int, Evidence]:
    """What stands behind each statement, in one read of their segments (without text)."""
    linked = sorted({c for s in statements for c in s.coding_ids})
    if not linked:
        return {}
    found = project.segments.list(SegmentFilter(coding_ids=tuple(linked)), texts=False)
    titles = {s.coding_id: s.document_title for s in found}
    return {
        s.id: Evidence(
            len(s.coding_ids),
            tuple(dict.fromkeys(titles[c] for c in s.coding_ids if c in titles)),
        )
        for s in statements
    }


def statement_text_from(segments: Sequence[Segment]) -> str:
    """A first wording for a statement made from dropped segments: their generalisation,
    else their paraphrase, else the coded words (Mayring's steps Z2, Z1, the material)."""
    for field in ("generalisation", "paraphrase", "text"):
        for segment in segments:
            value = " ".join(getattr(segment, field).split())
            if value:
                return value if len(value) <= 200 else value[:199].rstrip() + "…"
    return tr("gui.grid.new_statement_text")


class CellStatementsModel(QAbstractListModel):
    error_occurred = Signal(str)
    statement_created = Signal(int)  # id of a statement made here (to select and edit it)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.cell: tuple[int, int] | None = None  # (category id, quarter id)
        self.statements: list[StatementInfo] = []
        self.evidence: dict[int, Evidence] = {}

    def set_statements(
        self, statements: Sequence[StatementInfo], evidence: dict[int, Evidence]
    ) -> None:
        same = [s.id for s in statements] == [s.id for s in self.statements]
        if not same:
            self.beginResetModel()
        self.statements = list(statements)
        self.evidence = evidence
        if not same:
            self.endResetModel()
        elif self.statements:
            self.dataChanged.emit(self.index(0), self.index(len(self.statements) - 1))

    def statement(self, index: Index) -> StatementInfo | None:
        return self.statements[index.row()] if index.isValid() else None

    def row_of(self, statement_id: int) -> int:
        return next((n for n, s in enumerate(self.statements) if s.id == statement_id), -1)

    # -- Qt -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.statements)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags | Qt.ItemFlag.ItemIsDropEnabled if self.cell else flags
        return (
            flags
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        statement = self.statement(index)
        if statement is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return statement.text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if statement.contains_quote else Qt.CheckState.Unchecked
        if role == STATEMENT_ROLE:
            return statement
        if role == EVIDENCE_ROLE:
            return self.evidence.get(statement.id, Evidence(0, ()))
        if role == Qt.ItemDataRole.ToolTipRole:
            evidence = self.evidence.get(statement.id, Evidence(0, ()))
            quote = "\n" + tr("gui.grid.quote_tip") if statement.contains_quote else ""
            return f"{statement.text}\n\n{evidence.summary()}{quote}"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        statement = self.statement(index)
        if statement is None or self.project is None:
            return False
        try:
            if role == Qt.ItemDataRole.EditRole:
                text = str(value or "")
                if text.strip() == statement.text:
                    return False
                self.project.statements.update_text(
                    statement.id, text, expected_version=statement.version
                )
                return True
            if role == Qt.ItemDataRole.CheckStateRole:
                checked = Qt.CheckState(value) == Qt.CheckState.Checked
                self.project.statements.set_quote(statement.id, checked)
                return True
        except QdaError as error:
            self.error_occurred.emit(str(error))
        return False

    # -- drag and drop --------------------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [STATEMENT_MIME, SEGMENT_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = [i.row() for i in indexes if i.isValid()]
        if rows:
            payload = json.dumps(self.statements[rows[0]].id).encode("utf-8")
            data.setData(STATEMENT_MIME, QByteArray(payload))
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.LinkAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return self.cell is not None and (
            data.hasFormat(STATEMENT_MIME) or data.hasFormat(SEGMENT_MIME)
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if self.project is None or self.cell is None:
            return False
        try:
            if data.hasFormat(STATEMENT_MIME):
                return self._move(data, row, parent)
            coding_ids = coding_ids_from_mime(data)
            if not coding_ids:
                return False
            target = self.statement(parent)
            if target is not None:
                self.project.statements.link_codings(target.id, coding_ids)
            else:
                self.create(coding_ids, row)
        except QdaError as error:
            self.error_occurred.emit(str(error))
        # The change event updates the rows; Qt must not remove a dragged row itself.
        return False

    def _move(self, data: QMimeData, row: int, parent: Index) -> bool:
        assert self.project is not None
        statement_id = int(json.loads(bytes(data.data(STATEMENT_MIME).data()).decode("utf-8")))
        target = parent.row() if parent.isValid() else (row if row >= 0 else len(self.statements))
        current = self.row_of(statement_id)
        if current < 0:
            return False
        position = target - 1 if target > current else target
        if position != current:
            self.project.statements.reorder(statement_id, position)
        return False

    def create(self, coding_ids: Sequence[int] = (), row: int = -1) -> StatementInfo | None:
        """A new statement in this cell, worded from the segments `coding_ids` (as they are
        now) and linked to them."""
        if self.project is None or self.cell is None:
            return None
        category_id, quarter_id = self.cell
        segments = (
            self.project.segments.list(SegmentFilter(coding_ids=tuple(coding_ids)))
            if coding_ids
            else []
        )
        made = self.project.statements.add(
            category_id,
            statement_text_from(segments),
            quarter_id,
            list(coding_ids),
            row if row >= 0 else None,
        )
        self.statement_created.emit(made.id)
        return made
