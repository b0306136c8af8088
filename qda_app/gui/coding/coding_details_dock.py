"""Side panel for the coding selected in the margin: category, range, memo, paraphrase,
generalisation, verbatim-quote flag and the statements it is condensed into.

"Übernehmen" writes what changed through `project.codings` (undoable); the panel reloads
whenever a change event touches its coding.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import NotFoundError, QdaError
from ...core.i18n import tr
from ...core.values import ChangeEvent, Segment
from ..common.message_boxes import show_warning

if TYPE_CHECKING:
    from ...core.project import Project

TEXT_FIELDS = ("memo", "paraphrase", "generalisation")


class CodingDetailsDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("codingDetailsDock")
        self.project: Project | None = None
        self.segment: Segment | None = None
        body = QWidget(self)
        self.heading = QLabel(body)
        self.heading.setObjectName("codingDetailsHeading")
        self.heading.setWordWrap(True)
        self.category = QComboBox(body)
        self.start = QSpinBox(body)
        self.end = QSpinBox(body)
        for box in (self.start, self.end):
            box.setRange(0, 2_000_000_000)
        self.editors = {name: QPlainTextEdit(body) for name in TEXT_FIELDS}
        for name, editor in self.editors.items():
            editor.setObjectName(f"coding_{name}")
            editor.setTabChangesFocus(True)
            editor.setMaximumHeight(90)
        self.quote = QCheckBox(body)
        self.statements = QLabel(body)
        self.statements.setWordWrap(True)
        self.apply_button = QPushButton(body)
        self.apply_button.clicked.connect(self.apply)
        self.remove_button = QPushButton(body)
        self.remove_button.clicked.connect(self.remove)
        self.form = QFormLayout()
        range_row = QHBoxLayout()
        range_row.addWidget(self.start)
        range_row.addWidget(self.end)
        keys = ["category", "range", *TEXT_FIELDS, "quote_label", "statements"]
        self.labels = {key: QLabel(body) for key in keys}
        fields: list[QWidget] = [self.category, *self.editors.values(), self.quote, self.statements]
        self.form.addRow(self.labels["category"], fields[0])
        self.form.addRow(self.labels["range"], range_row)
        for key, field in zip(keys[2:], fields[1:], strict=True):
            self.form.addRow(self.labels[key], field)
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.setWidget(body)
        self.retranslate()
        self.show_coding(None)

    def retranslate(self) -> None:
        self.setWindowTitle(tr("gui.coding.details"))
        for key, label in self.labels.items():
            label.setText(tr(f"gui.coding.field_{key}"))
        self.quote.setText(tr("gui.coding.is_quote"))
        self.apply_button.setText(tr("gui.coding.apply"))
        self.remove_button.setText(tr("gui.coding.remove_button"))
        self.show_coding(self.segment.coding_id if self.segment else None)

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.show_coding(None)

    def show_coding(self, coding_id: int | None) -> None:
        """Load a coding's details (None empties the panel)."""
        self.segment = None
        if self.project is not None and coding_id is not None:
            try:
                self.segment = self.project.segments.get(coding_id)
            except NotFoundError:
                self.segment = None
        segment = self.segment
        for widget in (self.category, self.start, self.end, self.quote, self.apply_button):
            widget.setEnabled(segment is not None)
        self.remove_button.setEnabled(segment is not None)
        for editor in self.editors.values():
            editor.setEnabled(segment is not None)
        if segment is None or self.project is None:
            self.heading.setText(tr("gui.coding.none_selected"))
            for editor in self.editors.values():
                editor.setPlainText("")
            self.category.clear()
            self.statements.setText("")
            return
        self.heading.setText(
            tr(
                "gui.coding.heading",
                path=" / ".join(segment.category_path),
                coder=segment.coder,
                title=segment.document_title,
            )
        )
        self.category.clear()
        for category_id, path in self.project.categories.paths().items():
            self.category.addItem(path, category_id)
        self.category.setCurrentIndex(self.category.findData(segment.category_id))
        self.start.setValue(segment.start)
        self.end.setValue(segment.end)
        for name, editor in self.editors.items():
            editor.setPlainText(getattr(segment, name))
        self.quote.setChecked(segment.is_quote)
        texts = [f"• {self.project.statements.get(i).text}" for i in segment.statement_ids]
        self.statements.setText("\n".join(texts) or tr("gui.coding.no_statements"))

    def apply(self) -> None:
        """Write the changed fields, range and category (each an undoable command)."""
        segment, project = self.segment, self.project
        if segment is None or project is None:
            return
        fields: dict[str, object] = {
            name: editor.toPlainText()
            for name, editor in self.editors.items()
            if editor.toPlainText() != getattr(segment, name)
        }
        if self.quote.isChecked() != segment.is_quote:
            fields["is_quote"] = self.quote.isChecked()
        category_id = self.category.currentData()
        # Read every field first: the first command's change event reloads the panel.
        new_range = (self.start.value(), self.end.value())
        # Each command checks the version the panel read, then the one the last step left.
        expected = segment.version
        try:
            if fields:
                info = project.codings.update(
                    segment.coding_id, expected_version=expected, **fields
                )
                expected = info.version
            if new_range != (segment.start, segment.end):
                info = project.codings.change_range(
                    segment.coding_id, *new_range, expected_version=expected
                )
                expected = info.version
            if category_id is not None and category_id != segment.category_id:
                project.codings.change_category(
                    segment.coding_id, int(category_id), expected_version=expected
                )
        except QdaError as error:
            show_warning(self, str(error))
        self.show_coding(segment.coding_id)

    def remove(self) -> None:
        if self.segment is not None and self.project is not None:
            try:
                self.project.codings.remove(self.segment.coding_id)
            except QdaError as error:
                show_warning(self, str(error))

    def on_change(self, event: ChangeEvent) -> None:
        if self.segment is None:
            return
        if (
            event.reset
            or self.segment.coding_id in event.keys("codings")
            or event.keys("categories")
        ):
            self.show_coding(self.segment.coding_id)
