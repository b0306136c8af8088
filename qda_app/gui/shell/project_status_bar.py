"""Status bar: which project is open, who is coding, and how much material it holds."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from ...core.analysis.counts import BasicCounts, basic_counts
from ...core.i18n import tr, tr_count
from ...core.values import ChangeEvent
from ..common.display_format import format_count

if TYPE_CHECKING:
    from ...core.project import Project

TABLE_OF = {"documents": "documents", "codings": "codings", "categories": "categories"}


class ProjectStatusBar(QStatusBar):
    """Project name, current coder and counts, refreshed after every change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectStatusBar")
        self.project: Project | None = None
        self._counts: BasicCounts | None = None
        self.project_label = QLabel(self)
        self.coder_label = QLabel(self)
        self.counts_label = QLabel(self)
        for label in (self.project_label, self.coder_label, self.counts_label):
            label.setContentsMargins(6, 0, 12, 0)
            # A long project name or count line may be cut, never widen the window.
            label.setMinimumWidth(40)
        self.addWidget(self.project_label)
        self.addWidget(self.coder_label)
        self.addPermanentWidget(self.counts_label)

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.refresh()

    def refresh(self) -> None:
        """Read the counts again (on opening, switching language or coder, a reload)."""
        self._counts = basic_counts(self.project) if self.project is not None else None
        self._show()

    def on_change(self, event: ChangeEvent) -> None:
        """Counts follow the rows a change inserted or deleted, without asking the store."""
        if self._counts is None or event.reset or event.keys("project_info"):
            self.refresh()
            return
        moved = {
            table: len(event.keys(table, "insert")) - len(event.keys(table, "delete"))
            for table in TABLE_OF
        }
        if any(moved.values()):
            self._counts = replace(
                self._counts,
                **{field: getattr(self._counts, field) + moved[t] for t, field in TABLE_OF.items()},
            )
            self._show()

    def _show(self) -> None:
        project, counts = self.project, self._counts
        if project is None or counts is None:
            self.project_label.setText(tr("gui.status.no_project"))
            self.coder_label.clear()
            self.counts_label.clear()
            return
        self.project_label.setText(tr("gui.status.project", name=counts.name))
        self.coder_label.setText(tr("gui.status.coder", name=project.actor))
        self.counts_label.setText(
            " · ".join(
                tr_count(f"gui.status.count.{what}", count, number=format_count(count))
                for what, count in (
                    ("documents", counts.documents),
                    ("codings", counts.codings),
                    ("categories", counts.categories),
                )
            )
        )

    def text(self) -> str:
        """Everything the bar shows, as one line (what a screen reader would read)."""
        parts = (self.project_label.text(), self.coder_label.text(), self.counts_label.text())
        return " | ".join(part for part in parts if part)
