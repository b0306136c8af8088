"""Checkable lists of what to include (quarters, categories, coders, methods), and the
preview of an export: the files it will write and how much material goes in."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from ...core.errors import QdaError
from ...core.exporters.export_options import ExportOptions
from ...core.exporters.export_run import plan_export
from ...core.exporters.workbook.segment_rows import segment_filter
from ...core.i18n import tr

if TYPE_CHECKING:
    from ...core.project import Project


ID_ROLE = Qt.ItemDataRole.UserRole


class ChoiceList(QListWidget):
    """A list of named things, each with a check box; all checked at first. `chosen()` is
    empty when all are checked (meaning "no restriction")."""

    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setMinimumHeight(90)

    def fill(self, entries: Sequence[tuple[int, str, int]]) -> None:
        """Entries as (id, label, indent level)."""
        self.clear()
        for identifier, label, level in entries:
            item = QListWidgetItem("    " * level + label)
            item.setData(ID_ROLE, identifier)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.addItem(item)

    def entries(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]

    def checked_ids(self) -> list[int]:
        return [
            int(item.data(ID_ROLE))
            for item in self.entries()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def chosen(self) -> tuple[int, ...]:
        checked = self.checked_ids()
        return () if len(checked) == self.count() else tuple(checked)

    def set_checked(self, identifiers: Sequence[int]) -> None:
        wanted = set(identifiers)
        for item in self.entries():
            state = (
                Qt.CheckState.Checked
                if int(item.data(ID_ROLE)) in wanted
                else Qt.CheckState.Unchecked
            )
            item.setCheckState(state)

    def item_for(self, label: str) -> QListWidgetItem:
        """The item whose text (without indentation) is `label`."""
        return next(item for item in self.entries() if item.text().strip() == label)


def preview_text(project: Project, fmt: str, folder: Path, options: ExportOptions) -> str:
    """ "Files: …" (marked when one exists already), then the segments and statements
    included."""
    try:
        planned = plan_export(project, fmt, folder, options)
    except QdaError as error:
        return str(error)
    lines = [tr("gui.exports.files", count=len(planned))]
    for item in planned:
        mark = tr("gui.exports.exists_mark") if item.path.exists() else ""
        lines.append(f"  • {item.path.name} — {item.what}{mark}")
    segments = project.segments.count(segment_filter(project, options))
    statements = len(project.statements.list())
    lines.append("")
    lines.append(tr("gui.exports.material", segments=segments, statements=statements))
    return "\n".join(lines)
