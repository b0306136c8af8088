"""Category properties: name, tag, colour, origin and the Mayring coding agenda of one category.

OK saves every changed field in one `project.categories.update` call, so one undo step takes
the whole edit back; a refused change keeps the dialog open and says why. Anchor examples are
added and removed at once, each as its own undoable command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import QdaError
from ...core.i18n import tr
from .anchor_examples_box import AnchorExamplesBox
from .category_fields import ColourButton, PatternEdit, normalised_patterns
from .segment_list import mute

if TYPE_CHECKING:
    from ...core.project import Project

ERROR_STYLE = "color: #b00020;"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _text_edit(text: str, placeholder: str, name: str) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setPlainText(text)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    # Lines wrap at the edge; without this a scroll bar lingers from the first, narrow layout.
    edit.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return edit


class CategoryPropertiesDialog(QDialog):
    """The coding agenda of one category, edited as a whole and saved in one command."""

    def __init__(self, project: Project, category_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.category = category = project.categories.get(category_id)
        self.setWindowTitle(tr("gui.category_properties.title", name=category.name))
        self.path_label = QLabel(self._place(project, category.parent_id), self)
        self.path_label.setWordWrap(True)
        mute(self.path_label)

        self.name_edit = QLineEdit(category.name, self)
        self.name_edit.setObjectName("nameEdit")
        self.tag_edit = QLineEdit(category.tag, self)
        self.tag_edit.setObjectName("tagEdit")
        self.tag_edit.setPlaceholderText(tr("gui.category_properties.tag_placeholder"))
        self.tag_edit.setToolTip(tr("gui.categories.column_tip.tag"))
        self.colour_button = ColourButton(category.colour, self)
        self.colour_button.setObjectName("colourButton")
        self.deductive_button = QRadioButton(tr("gui.origin.deductive"), self)
        self.inductive_button = QRadioButton(tr("gui.origin.inductive"), self)
        self._origin_group = QButtonGroup(self)
        origin_row = QHBoxLayout()
        for button in (self.deductive_button, self.inductive_button):
            self._origin_group.addButton(button)
            origin_row.addWidget(button)
        origin_row.addStretch(1)
        origin_button = self.inductive_button
        if category.origin == "deductive":
            origin_button = self.deductive_button
        origin_button.setChecked(True)
        self.codable_box = QCheckBox(tr("gui.category_properties.codable"), self)
        self.codable_box.setObjectName("codableBox")
        self.codable_box.setToolTip(tr("gui.category_properties.codable_tip"))
        self.codable_box.setChecked(category.codable)

        form = QFormLayout()
        form.addRow(tr("gui.category_properties.name"), self.name_edit)
        form.addRow(tr("gui.category_properties.tag"), self.tag_edit)
        colour_row = QHBoxLayout()
        colour_row.addWidget(self.colour_button)
        colour_row.addStretch(1)
        form.addRow(tr("gui.category_properties.colour"), colour_row)
        form.addRow(tr("gui.category_properties.origin"), origin_row)
        form.addRow("", self.codable_box)

        self.definition_edit = _text_edit(
            category.definition,
            tr("gui.category_properties.definition_placeholder"),
            "definitionEdit",
        )
        self.rules_edit = _text_edit(
            category.coding_rules,
            tr("gui.category_properties.rules_placeholder"),
            "rulesEdit",
        )
        left = QVBoxLayout()
        left.addWidget(self.path_label)
        left.addLayout(form)
        left.addWidget(QLabel(tr("gui.category_properties.definition"), self))
        left.addWidget(self.definition_edit, 3)
        left.addWidget(QLabel(tr("gui.category_properties.rules"), self))
        left.addWidget(self.rules_edit, 2)

        self.anchors = AnchorExamplesBox(project, category_id, self)
        self.anchors.error_occurred.connect(self.show_error)
        self.pattern_edit = PatternEdit(category.block_patterns, self)
        self.pattern_edit.setObjectName("patternEdit")
        self.pattern_edit.setPlaceholderText(tr("gui.category_properties.patterns_placeholder"))
        self.pattern_edit.setMaximumHeight(96)
        hint = QLabel(tr("gui.category_properties.patterns_hint"), self)
        hint.setWordWrap(True)
        mute(hint)
        self.pattern_problem = QLabel(self)
        self.pattern_problem.setObjectName("patternProblem")
        self.pattern_problem.setWordWrap(True)
        self.pattern_problem.setStyleSheet(ERROR_STYLE)
        patterns = QGroupBox(tr("gui.category_properties.patterns"), self)
        pattern_layout = QVBoxLayout(patterns)
        pattern_layout.addWidget(hint)
        pattern_layout.addWidget(self.pattern_edit)
        pattern_layout.addWidget(self.pattern_problem)
        right = QVBoxLayout()
        right.addWidget(self.anchors, 1)
        right.addWidget(patterns)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(8)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        for signal in (
            self.name_edit.textChanged,
            self.tag_edit.textChanged,
            self.colour_button.colour_changed,
            self.definition_edit.textChanged,
            self.rules_edit.textChanged,
            self.pattern_edit.textChanged,
            self._origin_group.buttonToggled,
            self.codable_box.toggled,
        ):
            signal.connect(self._edited)
        self.pattern_edit.problem_changed.connect(self._update_ok)
        self._update_ok()
        self.resize(900, 620)

    @staticmethod
    def _place(project: Project, parent_id: int | None) -> str:
        """Where the category sits: top level, or under which category (by path)."""
        if parent_id is None:
            return tr("gui.category_properties.top_level")
        by_id = {c.id: c for c in project.categories.list()}
        names: list[str] = []
        while parent_id is not None and parent_id in by_id:
            names.insert(0, by_id[parent_id].name)
            parent_id = by_id[parent_id].parent_id
        return tr("gui.category_properties.subcategory_of", parent=" › ".join(names))

    # -- what the user changed ---------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """Every field as the dialog shows it now, cleaned as the core stores it."""
        return {
            "name": _one_line(self.name_edit.text()),
            "tag": _one_line(self.tag_edit.text()),
            "colour": self.colour_button.colour(),
            "origin": "deductive" if self.deductive_button.isChecked() else "inductive",
            "definition": self.definition_edit.toPlainText().strip(),
            "coding_rules": self.rules_edit.toPlainText().strip(),
            "codable": self.codable_box.isChecked(),
            "block_patterns": self.pattern_edit.patterns(),
        }

    def changes(self) -> dict[str, Any]:
        """Only the fields that differ from the category as it was when the dialog opened."""
        old = self.category
        before = {
            "name": old.name,
            "tag": old.tag,
            "colour": QColor(old.colour).name(),
            "origin": old.origin,
            "definition": old.definition.strip(),
            "coding_rules": old.coding_rules.strip(),
            "codable": old.codable,
            "block_patterns": normalised_patterns(old.block_patterns),
        }
        return {key: value for key, value in self.values().items() if value != before[key]}

    # -- saving ------------------------------------------------------------------------------

    def accept(self) -> None:
        """Save the changed fields as one command; if the project refuses, stay open."""
        if self.pattern_edit.problem():
            return
        changes = self.changes()
        if changes:
            try:
                # Refused, asking to reload, if a colleague changed it while the dialog was open.
                self.project.categories.update(
                    self.category.id, expected_version=self.category.version, **changes
                )
            except QdaError as error:
                self.show_error(str(error))
                return
        super().accept()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def _edited(self, *_args: object) -> None:
        self.show_error("")

    def _update_ok(self, *_args: object) -> None:
        problem = self.pattern_edit.problem()
        self.pattern_problem.setText(problem)
        self.pattern_problem.setVisible(bool(problem))
        self.ok_button.setEnabled(not problem)
        self.ok_button.setToolTip(problem)
