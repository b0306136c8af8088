"""Merging a category into another, and moving all its codings: choose the target, see what
would move before anything happens."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import QdaError
from ...core.i18n import tr
from ...core.project import Project
from ...core.services.category_tree import paths, subtree_ids
from .category_choice import CategoryChoice
from .segment_list import mute


class _TargetDialog(QDialog):
    """A target category and a live preview of what the revision would move."""

    def __init__(
        self, project: Project, source_id: int, excluded: list[int], parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.project = project
        self.source_id = source_id
        categories = project.categories.list()
        self.source_path = paths(categories)[source_id]
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.target_combo = CategoryChoice(categories, excluded, self)
        self.target_combo.setObjectName("targetCombo")
        self.preview_label = QLabel(self)
        self.preview_label.setObjectName("previewLabel")
        self.preview_label.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.question)
        self.layout_.addWidget(self.target_combo)
        self.layout_.addWidget(self.preview_label)
        self.target_combo.currentIndexChanged.connect(self.update_preview)
        self.setMinimumWidth(520)

    def finish_layout(self) -> None:
        self.layout_.addStretch(1)
        self.layout_.addWidget(self.buttons)
        self.update_preview()

    def target_id(self) -> int | None:
        return self.target_combo.category_id()

    def choose_target(self, category_id: int) -> None:
        self.target_combo.choose(category_id)

    def preview(self, target_id: int) -> str:
        raise NotImplementedError

    def update_preview(self, *_args: object) -> None:
        target = self.target_id()
        if target is None:
            self.preview_label.setText(tr("gui.revision.no_target"))
            self.ok_button.setEnabled(False)
            return
        try:
            self.preview_label.setText(self.preview(target))
            self.ok_button.setEnabled(True)
        except QdaError as error:  # the revision would be refused: say why, allow no OK
            self.preview_label.setText(str(error))
            self.ok_button.setEnabled(False)


class CategoryMergeDialog(_TargetDialog):
    """Merge a category into another; its definition and rules may be appended."""

    def __init__(self, project: Project, source_id: int, parent: QWidget | None = None) -> None:
        categories = project.categories.list()
        excluded = subtree_ids(categories, source_id)
        super().__init__(project, source_id, excluded, parent)
        source = project.categories.get(source_id)
        self.setWindowTitle(tr("gui.revision.merge_title"))
        self.question.setText(tr("gui.revision.merge_question", name=self.source_path))
        self.append_box = QCheckBox(tr("gui.revision.append_definition"), self)
        self.append_box.setObjectName("appendDefinition")
        self.append_box.setChecked(True)
        agenda = "\n\n".join(t for t in (source.definition, source.coding_rules) if t.strip())
        self.append_box.setEnabled(bool(agenda))
        self.append_box.setToolTip(agenda)
        self.layout_.addWidget(self.append_box)
        note = QLabel(tr("gui.revision.merge_note", name=self.source_path), self)
        note.setWordWrap(True)
        mute(note)
        self.layout_.addWidget(note)
        self.ok_button.setText(tr("gui.revision.merge_confirm"))
        self.finish_layout()

    def append_definition(self) -> bool:
        return self.append_box.isChecked()

    def preview(self, target_id: int) -> str:
        return self.project.categories.preview_merge(self.source_id, target_id).describe()


class MoveCodingsDialog(_TargetDialog):
    """Move all codings of a category (not of its subcategories) to another category."""

    def __init__(self, project: Project, source_id: int, parent: QWidget | None = None) -> None:
        super().__init__(project, source_id, [source_id], parent)
        self.setWindowTitle(tr("gui.revision.move_title"))
        self.question.setText(tr("gui.revision.move_question", name=self.source_path))
        self.ok_button.setText(tr("gui.revision.move_confirm"))
        self.finish_layout()

    def preview(self, target_id: int) -> str:
        count = self.project.categories.preview_move_codings(self.source_id, target_id)
        if count.codings + count.merged == 0:
            raise _NothingToMove()
        return count.describe()


class _NothingToMove(QdaError):
    def __init__(self) -> None:
        super().__init__("gui.revision.nothing_to_move")
