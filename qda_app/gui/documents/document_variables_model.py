"""The properties dialog's variable table: every variable of the project with this document's
value, editable as text; new variables are added with a type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from ...core.errors import ValidationError
from ...core.i18n import language, tr
from ...core.importers.metadata import parse_date
from ...core.services.variables import VariableChange, convert
from ..common.display_format import format_date

Index = QModelIndex | QPersistentModelIndex
TOP = QModelIndex()
VARIABLE_TYPES = ("text", "integer", "float", "date", "boolean")


def type_label(var_type: str) -> str:
    return tr(f"gui.variable_type.{var_type}")


def value_text(value: Any, var_type: str) -> str:
    """A stored value as the user reads and types it (25,5 · 09.11.2020 · Ja)."""
    if value is None:
        return ""
    if var_type == "boolean":
        return tr("gui.yes") if value else tr("gui.no")
    if var_type == "date":
        return format_date(value)
    if var_type == "float":
        text = str(value)
        return text.replace(".", ",") if language() == "de" else text
    return str(value)


@dataclass
class VariableRow:
    name: str
    type: str
    original: str  # the stored value as text; "" when the document has none
    text: str

    @property
    def changed(self) -> bool:
        return self.text.strip() != self.original

    def value(self) -> Any:
        """The typed text as a value of the variable's type (None clears the value)."""
        text = self.text.strip()
        if not text:
            return None
        try:
            if self.type == "date":
                return parse_date(text, self.name)
            return convert(text, self.type, self.name)
        except ValidationError as error:
            raise ValidationError(
                "gui.properties.bad_variable",
                name=self.name,
                value=text,
                type=type_label(self.type),
            ) from error


class DocumentVariablesModel(QAbstractTableModel):
    """Name and type are fixed; the value column is edited."""

    NAME, TYPE, VALUE = range(3)
    HEADERS = (
        "gui.properties.variable_name",
        "gui.properties.variable_type",
        "gui.properties.value",
    )

    def __init__(
        self,
        variables: list[tuple[str, str]],
        values: dict[str, Any],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.rows = [
            VariableRow(name, var_type, text, text)
            for name, var_type in variables
            for text in [value_text(values.get(name), var_type)]
        ]

    def add_variable(self, name: str, var_type: str) -> QModelIndex:
        """A new variable for this document; returns its value cell, ready to be typed into."""
        name = " ".join(name.split())
        if not name:
            raise ValidationError("name.empty.variable")
        if var_type not in VARIABLE_TYPES:
            raise ValidationError("variable.bad_type", name=name, type=var_type)
        if any(row.name.casefold() == name.casefold() for row in self.rows):
            raise ValidationError("gui.properties.variable_exists", name=name)
        self.beginInsertRows(TOP, len(self.rows), len(self.rows))
        self.rows.append(VariableRow(name, var_type, "", ""))
        self.endInsertRows()
        return self.index(len(self.rows) - 1, self.VALUE)

    def changes(self) -> list[VariableChange]:
        """The values the user changed; a value that does not fit its type raises."""
        return [VariableChange(row.name, row.type, row.value()) for row in self.rows if row.changed]

    def row_type(self, index: Index) -> str | None:
        return self.rows[index.row()].type if index.isValid() else None

    # -- QAbstractItemModel ------------------------------------------------------------------

    def rowCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = TOP) -> int:
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < 3
        ):
            return tr(self.HEADERS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == self.VALUE else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return (row.name, type_label(row.type), row.text)[column]
        if role == Qt.ItemDataRole.FontRole and column == self.VALUE and row.changed:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and column == self.VALUE and row.changed:
            return tr("gui.properties.changed_tip", value=row.original or "—")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.VALUE or role != Qt.ItemDataRole.EditRole:
            return False
        self.rows[index.row()].text = str(value if value is not None else "")
        self.dataChanged.emit(index, index)
        return True
