"""Asking what becomes of a category's codings before the category is deleted."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...core.i18n import tr, tr_count
from ...core.services.categories import CodingFate
from ...core.services.category_tree import paths, subtree_ids
from ...core.values import CategoryInfo
from ..common.display_format import colour_swatch


class CategoryDeleteDialog(QDialog):
    """Delete the codings, move them to the parent category, or move them to another one."""

    def __init__(
        self,
        category: CategoryInfo,
        categories: list[CategoryInfo],
        counts: dict[int, int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.category = category
        doomed = subtree_ids(categories, category.id)
        codings = sum(counts.get(i, 0) for i in doomed)
        self.setWindowTitle(tr("gui.delete_category.title"))
        layout = QVBoxLayout(self)
        key = "question_with_subcategories" if len(doomed) > 1 else "question"
        question = QLabel(
            tr_count(
                f"gui.delete_category.{key}",
                codings,
                name=category.name,
                subcategories=len(doomed) - 1,
                codings=codings,
            )
        )
        question.setWordWrap(True)
        layout.addWidget(question)

        self.delete_button = QRadioButton(tr("gui.delete_category.fate.delete"))
        self.parent_button = QRadioButton(tr("gui.delete_category.fate.to_parent"))
        self.other_button = QRadioButton(tr("gui.delete_category.fate.to_category"))
        self.target_combo = QComboBox()
        self.target_combo.setObjectName("targetCombo")
        names = paths(categories)
        for other in categories:
            if other.id not in doomed:
                self.target_combo.addItem(colour_swatch(other.colour), names[other.id], other.id)
        self._group = QButtonGroup(self)
        for button in (self.delete_button, self.parent_button, self.other_button):
            self._group.addButton(button)
            layout.addWidget(button)
        layout.addWidget(self.target_combo)

        self.parent_button.setEnabled(category.parent_id is not None)
        self.other_button.setEnabled(self.target_combo.count() > 0)
        default = self.parent_button if category.parent_id is not None else self.delete_button
        default.setChecked(True)
        self._group.buttonToggled.connect(self._update_combo)
        self._update_combo()

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        delete = buttons.button(QDialogButtonBox.StandardButton.Ok)
        delete.setText(tr("gui.delete_category.confirm"))
        # Return must not delete: the safe button is the default one.
        delete.setAutoDefault(False)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(True)
        cancel.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _update_combo(self, *_args: object) -> None:
        self.target_combo.setEnabled(self.other_button.isChecked())

    def fate(self) -> CodingFate:
        if self.parent_button.isChecked():
            return CodingFate.TO_PARENT
        if self.other_button.isChecked():
            return CodingFate.TO_CATEGORY
        return CodingFate.DELETE

    def target_id(self) -> int | None:
        if self.fate() is not CodingFate.TO_CATEGORY:
            return None
        return self.target_combo.currentData()

    def choose_target(self, category_id: int) -> None:
        """Select "move to another category" with that category (for keyboard users and tests)."""
        self.other_button.setChecked(True)
        self.target_combo.setCurrentIndex(self.target_combo.findData(category_id))
