"""Status bar: which project is open, who is coding, and how much material it holds."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ...core.analysis.counts import project_summary
from ...core.i18n import tr
from ..common.display_format import format_count

if TYPE_CHECKING:
    from ...core.project import Project


class ProjectStatusBar(QStatusBar):
    """Project name, current coder and counts, refreshed after every change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectStatusBar")
        self.project: Project | None = None
        self.project_label = QLabel(self)
        self.coder_label = QLabel(self)
        self.counts_label = QLabel(self)
        for label in (self.project_label, self.coder_label, self.counts_label):
            label.setContentsMargins(6, 0, 12, 0)
        self.addWidget(self.project_label)
        self.addWidget(self.coder_label)
        self.addPermanentWidget(self.counts_label)

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.refresh()

    def refresh(self) -> None:
        project = self.project
        if project is None:
            self.project_label.setText(tr("gui.status.no_project"))
            self.coder_label.clear()
            self.counts_label.clear()
            return
        summary = project_summary(project)
        self.project_label.setText(tr("gui.status.project", name=summary.name))
        self.coder_label.setText(tr("gui.status.coder", name=project.actor))
        self.counts_label.setText(
            tr(
                "gui.status.counts",
                documents=format_count(summary.documents),
                codings=format_count(summary.codings),
                categories=format_count(summary.categories),
            )
        )

    def text(self) -> str:
        """Everything the bar shows, as one line (what a screen reader would read)."""
        parts = (self.project_label.text(), self.coder_label.text(), self.counts_label.text())
        return " | ".join(part for part in parts if part)
