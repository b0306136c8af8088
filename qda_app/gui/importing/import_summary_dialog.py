"""After an import: which files came in, which did not and why, and what else to know."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QWidget

from ...core.i18n import tr
from ...core.importers.batch import ImportSummary
from ..common.report_dialog import ReportDialog


class ImportSummaryDialog(ReportDialog):
    """A headline with the counts, then the three lists; every reason is one sentence."""

    def __init__(
        self, summary: ImportSummary, cancelled: bool, planned: int, parent: QWidget | None = None
    ) -> None:
        title_key = (
            "gui.import.summary.title_cancelled" if cancelled else "gui.import.summary.title"
        )
        super().__init__("importSummary", tr(title_key), parent)
        self.summary = summary
        imported, total = len(summary.imported), len(summary.outcomes)
        key = (
            "gui.import.summary.headline_cancelled" if cancelled else "gui.import.summary.headline"
        )
        self.show_report(tr(key, imported=imported, total=max(total, planned)), self._html())

    def _html(self) -> str:
        parts: list[str] = []
        sections = (
            ("gui.import.summary.imported", [o.message for o in self.summary.imported]),
            ("gui.import.summary.not_imported", [o.message for o in self.summary.not_imported]),
            ("gui.import.summary.warnings", self.summary.warnings),
        )
        for key, lines in sections:
            if not lines:
                continue
            items = "".join(f"<li>{escape(line)}</li>" for line in lines)
            parts.append(f"<p><b>{escape(tr(key, count=len(lines)))}</b></p><ul>{items}</ul>")
        if not parts:
            parts.append(f"<p>{escape(tr('gui.import.summary.nothing'))}</p>")
        return "".join(parts)

    def text(self) -> str:
        """The headline and the lists as plain text (what a screen reader would read)."""
        return f"{self.headline.text()}\n{self.details.toPlainText()}"
