"""Input fields for document metadata, shared by the import dialog and the properties dialog:
quarter and method choices, a date field that checks what is typed, a participants counter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ...core.errors import ValidationError
from ...core.i18n import tr
from ...core.importers.metadata import parse_date
from ...core.values import QuarterInfo
from ..common.display_format import format_date, method_label

if TYPE_CHECKING:
    from ...core.project import Project

INVALID_STYLE = "QLineEdit { border: 1px solid #c62828; background: #fdecec; color: black; }"
DEPTH_ROLE = Qt.ItemDataRole.UserRole + 1
INDENT = 16


def quarter_labels(project: Project) -> list[str]:
    """Quarters as researchers cite them ("Manfort-Südost (15)"), in tree order."""
    return [quarter.label for quarter in project.quarters.list()]


def method_labels(project: Project) -> list[str]:
    """Methods by their name in the UI language (the import understands these names)."""
    return [method_label(method) for method in project.methods.list()]


def shown_value(value: Any) -> str:
    """A metadata value as the table shows it: dates in the UI language, nothing as ""."""
    if value is None:
        return ""
    if isinstance(value, date):
        return format_date(value)
    return str(value)


def choice_combo(choices: list[str], parent: QWidget | None = None) -> QComboBox:
    """An editable combo box offering the choices; empty means "not given"."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(["", *choices])
    editor = combo.lineEdit()
    if editor is not None:
        editor.setPlaceholderText(tr("gui.metadata.not_given"))
    combo.setCurrentIndex(0)
    return combo


def quarter_depths(quarters: list[QuarterInfo]) -> dict[int, int]:
    """How deep each quarter sits in the tree (parents come before their children)."""
    depths: dict[int, int] = {}
    for quarter in quarters:
        depths[quarter.id] = depths.get(quarter.parent_id, -1) + 1 if quarter.parent_id else 0
    return depths


class IndentedItemDelegate(QStyledItemDelegate):
    """Indents list entries by their DEPTH_ROLE, so a flat list shows the quarter tree."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        shifted = QStyleOptionViewItem(option)
        shifted.rect = option.rect.adjusted(int(index.data(DEPTH_ROLE) or 0) * INDENT, 0, 0, 0)
        super().paint(painter, shifted, index)


def quarter_choice(project: Project, none_text: str, parent: QWidget | None = None) -> QComboBox:
    """A combo box of the project's quarters in tree order (item data: the quarter id)."""
    combo = QComboBox(parent)
    combo.setItemDelegate(IndentedItemDelegate(combo))
    combo.addItem(none_text, None)
    quarters = project.quarters.list()
    depths = quarter_depths(quarters)
    for quarter in quarters:
        combo.addItem(quarter.label, quarter.id)
        combo.setItemData(combo.count() - 1, depths[quarter.id], DEPTH_ROLE)
    return combo


class DateLineEdit(QLineEdit):
    """Takes 2020-11-09 or 09.11.2020; an unusable date is marked while it is typed."""

    validity_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(tr("gui.metadata.date_placeholder"))
        self._error = ""
        self.textChanged.connect(self._check)

    def set_date(self, value: date | None) -> None:
        self.setText(format_date(value))

    def date_value(self) -> date | None:
        """The date typed (None when empty or unusable: see `error`)."""
        try:
            return parse_date(self.text().strip(), "")
        except ValidationError:
            return None

    def error(self) -> str:
        """Why the text is no date, in one sentence; empty when it is fine."""
        return self._error

    def _check(self, text: str) -> None:
        was_valid = not self._error
        try:
            parse_date(text.strip(), "")
            self._error = ""
        except ValidationError:
            self._error = tr("gui.metadata.bad_date", value=text.strip())
        self.setStyleSheet(INVALID_STYLE if self._error else "")
        self.setToolTip(self._error)
        if was_valid != (not self._error):
            self.validity_changed.emit(not self._error)


class ParticipantsSpinBox(QSpinBox):
    """A number of participants; the lowest step shows "not given"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(-1, 9999)
        self.setSpecialValueText(tr("gui.metadata.not_given"))
        self.setValue(-1)

    def participants(self) -> int | None:
        return None if self.value() < 0 else self.value()

    def set_participants(self, value: int | None) -> None:
        self.setValue(-1 if value is None else value)


class ChoiceDelegate(QStyledItemDelegate):
    """Table cells edited with an editable combo box of usual values (quarters, methods)."""

    def __init__(self, choices: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(
        self,
        parent: QWidget,
        _option: QStyleOptionViewItem,
        _index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        return choice_combo(self._choices(), parent)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
