"""A document's properties: its metadata, its variables, and where it came from.

OK saves every change as one undoable command; if anything is invalid, the reason is shown in
the dialog and nothing is saved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import QdaError
from ...core.i18n import tr
from ..common.display_format import format_count, method_icon, method_label
from .document_variables_model import VARIABLE_TYPES, DocumentVariablesModel, type_label
from .metadata_fields import DateLineEdit, ParticipantsSpinBox, quarter_choice

if TYPE_CHECKING:
    from ...core.project import Project

HASH_SHOWN = 12


class BooleanValueDelegate(QStyledItemDelegate):
    """Yes/no variables are chosen from a list; all other values are typed."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        model = index.model()
        if isinstance(model, DocumentVariablesModel) and model.row_type(index) == "boolean":
            combo = QComboBox(parent)
            combo.addItems(["", tr("gui.yes"), tr("gui.no")])
            return combo
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: Any) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)


class DocumentPropertiesDialog(QDialog):
    """Edits one document; `accept` saves, or shows why it cannot."""

    def __init__(self, project: Project, document_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentProperties")
        self.project = project
        self.document = document = project.documents.get(document_id)
        self.setWindowTitle(tr("gui.properties.title", title=document.title))
        self.title_edit = QLineEdit(document.title, self)
        self.quarter_combo = quarter_choice(project, tr("gui.properties.no_quarter"), self)
        self.quarter_combo.setCurrentIndex(max(0, self.quarter_combo.findData(document.quarter_id)))
        self.method_combo = QComboBox(self)
        self.method_combo.addItem(tr("gui.properties.no_method"), None)
        for method in project.methods.list():
            self.method_combo.addItem(method_icon(method), method_label(method), method.id)
        self.method_combo.setCurrentIndex(max(0, self.method_combo.findData(document.method_id)))
        self.date_edit = DateLineEdit(self)
        self.date_edit.set_date(document.date)
        self.group_edit = QLineEdit(document.group_label, self)
        self.participants_spin = ParticipantsSpinBox(self)
        self.participants_spin.set_participants(document.participants)
        self.moderator_edit = QLineEdit(document.moderator, self)
        self.variables = DocumentVariablesModel(
            project.variables.list(), project.variables.values(document_id), self
        )
        self.variables_view = self._make_variables_view()
        self.new_variable_name = QLineEdit(self)
        self.new_variable_name.setPlaceholderText(tr("gui.properties.new_variable_name"))
        self.new_variable_type = QComboBox(self)
        for var_type in VARIABLE_TYPES:
            self.new_variable_type.addItem(type_label(var_type), var_type)
        self.add_variable_button = QPushButton(tr("gui.properties.add_variable"), self)
        self.add_variable_button.clicked.connect(self.add_variable)
        self.new_variable_name.installEventFilter(self)  # Enter there adds, it does not save
        self.error_label = QLabel(self)
        self.error_label.setObjectName("propertiesError")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.date_edit.textChanged.connect(lambda _text: self.show_error(self.date_edit.error()))
        self._lay_out(self._info_box(project))
        self.resize(760, 600)

    def _make_variables_view(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("variablesTable")
        view.setModel(self.variables)
        view.verticalHeader().hide()
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        view.setItemDelegateForColumn(DocumentVariablesModel.VALUE, BooleanValueDelegate(view))
        header = view.horizontalHeader()
        header.setSectionResizeMode(DocumentVariablesModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(
            DocumentVariablesModel.TYPE, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(DocumentVariablesModel.VALUE, QHeaderView.ResizeMode.Stretch)
        return view

    def _info_box(self, project: Project) -> QGroupBox:
        document = self.document
        turns = len(project.documents.speaker_turns(document.id))
        box = QGroupBox(tr("gui.properties.origin"), self)
        form = QFormLayout(box)
        rows = (
            ("gui.properties.source_file", document.source_filename or "—"),
            ("gui.properties.format", document.source_format.upper() or "—"),
            ("gui.properties.characters", format_count(document.length)),
            ("gui.properties.speaker_turns", format_count(turns)),
            ("gui.properties.hash", document.content_hash[:HASH_SHOWN]),
        )
        for key, value in rows:
            label = QLabel(value, box)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(tr(key), label)
        label.setToolTip(document.content_hash)  # the last row: the full hash on hover
        return box

    def _lay_out(self, info: QGroupBox) -> None:
        details = QGroupBox(tr("gui.properties.metadata"), self)
        form = QFormLayout(details)
        for key, widget in (
            ("gui.properties.document_title", self.title_edit),
            ("gui.import.quarter", self.quarter_combo),
            ("gui.import.method", self.method_combo),
            ("gui.import.date", self.date_edit),
            ("gui.import.group", self.group_edit),
            ("gui.import.participants", self.participants_spin),
            ("gui.import.moderator", self.moderator_edit),
        ):
            form.addRow(tr(key), widget)
        top = QHBoxLayout()
        top.addWidget(details, 3)
        top.addWidget(info, 2, Qt.AlignmentFlag.AlignTop)
        variables = QGroupBox(tr("gui.properties.variables"), self)
        adding = QHBoxLayout()
        adding.addWidget(self.new_variable_name, 1)
        adding.addWidget(self.new_variable_type)
        adding.addWidget(self.add_variable_button)
        variables_layout = QVBoxLayout(variables)
        variables_layout.addWidget(self.variables_view, 1)
        variables_layout.addLayout(adding)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(variables, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.new_variable_name
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self.add_variable()
            return True
        return super().eventFilter(watched, event)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def add_variable(self) -> None:
        try:
            cell = self.variables.add_variable(
                self.new_variable_name.text(), self.new_variable_type.currentData()
            )
        except QdaError as error:
            self.show_error(str(error))
            return
        self.show_error("")
        self.new_variable_name.clear()
        self.variables_view.setCurrentIndex(cell)
        self.variables_view.edit(cell)

    def changed_fields(self) -> dict[str, Any]:
        """The metadata fields whose value differs from the stored one."""
        document = self.document
        wanted = {
            "title": " ".join(self.title_edit.text().split()),
            "quarter_id": self.quarter_combo.currentData(),
            "method_id": self.method_combo.currentData(),
            "date": self.date_edit.date_value(),
            "group_label": " ".join(self.group_edit.text().split()),
            "participants": self.participants_spin.participants(),
            "moderator": " ".join(self.moderator_edit.text().split()),
        }
        return {name: value for name, value in wanted.items() if getattr(document, name) != value}

    def accept(self) -> None:
        """Save all changes as one command; on any problem say why and save nothing."""
        if self.date_edit.error():
            self.show_error(self.date_edit.error())
            self.date_edit.setFocus()
            return
        try:
            fields, variables = self.changed_fields(), self.variables.changes()
            if fields or variables:
                self.project.documents.update(self.document.id, variables, **fields)
        except QdaError as error:
            self.show_error(str(error))
            return
        super().accept()
