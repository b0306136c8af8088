"""After an import: which files came in, which did not and why, and what else to know."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

from ...core.i18n import tr
from ...core.importers.batch import ImportSummary


class ImportSummaryDialog(QDialog):
    """A headline with the counts, then the three lists; every reason is one sentence."""

    def __init__(
        self, summary: ImportSummary, cancelled: bool, planned: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importSummary")
        self.summary = summary
        self.setWindowTitle(
            tr("gui.import.summary.title_cancelled" if cancelled else "gui.import.summary.title")
        )
        imported, total = len(summary.imported), len(summary.outcomes)
        key = (
            "gui.import.summary.headline_cancelled" if cancelled else "gui.import.summary.headline"
        )
        self.headline = QLabel(tr(key, imported=imported, total=max(total, planned)), self)
        self.headline.setObjectName("summaryHeadline")
        self.headline.setWordWrap(True)
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        self.details = QTextBrowser(self)
        self.details.setObjectName("summaryDetails")
        self.details.setOpenLinks(False)
        self.details.setHtml(self._html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(640, 420)

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
