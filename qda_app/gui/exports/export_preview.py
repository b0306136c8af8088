"""The preview of an export: the files it will write and how much material goes in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ...core.errors import QdaError
from ...core.exporters.export_options import ExportOptions
from ...core.exporters.export_run import plan_export
from ...core.exporters.workbook.segment_rows import segment_filter
from ...core.i18n import tr

if TYPE_CHECKING:
    from ...core.project import Project


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
